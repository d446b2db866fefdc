/**
 * Disease categories of a trial (docs/domain.md §1), from its own text. Evidence is read level by level
 * in priority order, and the first level that names a specific autoimmune disease decides:
 *
 *   1. conditions + condition MeSH terms   2. keywords   3. official and brief title
 *   4. brief summary, read only when the record has no conditions and no MeSH terms at all (sparse
 *      records); it can never give the generic `autoimmune-unspecified`.
 *
 * A level that only says "autoimmune disease" remembers `autoimmune-unspecified` and reading goes on;
 * a level that names a non-autoimmune condition (aplastic anaemia, GVHD, malignancy) and no autoimmune
 * cue stops reading with no id. Eligibility criteria and outcomes are never read.
 */
import { DISEASE_IDS, type DiseaseId } from './diseases.ts';
import { BARE_MS, DISEASE_RULES, NOT_AUTOIMMUNE_CUES } from './rules/disease-rules.ts';
import { normalizeText } from './text-normalize.ts';

export type DiseaseEvidence = {
  conditions: readonly string[];
  meshTerms: readonly string[];
  keywords: readonly string[];
  /** Official and brief title. */
  titles: readonly string[];
  briefSummary?: string | undefined;
};

type CompiledRule = {
  id: DiseaseId;
  pattern: RegExp;
  droppedWhen: readonly DiseaseId[] | 'any-specific' | undefined;
};

const COMPILED: readonly CompiledRule[] = DISEASE_RULES.map((rule) => ({
  id: rule.id,
  pattern: new RegExp(rule.cues.map((cue) => `(?:${cue})`).join('|')),
  droppedWhen: rule.droppedWhen,
}));

const NOT_AUTOIMMUNE = new RegExp(NOT_AUTOIMMUNE_CUES.map((cue) => `(?:${cue})`).join('|'));

/** Separator between list items so that cues never match across two conditions. */
const SEP = ' | ';

type LevelResult = { specific: DiseaseId[]; unspecified: boolean; notAutoimmune: boolean };

function readLevel(normalized: string, bareMs: boolean): LevelResult {
  const hits = new Set<DiseaseId>();
  const conditional: { id: DiseaseId; droppedWhen: readonly DiseaseId[] | 'any-specific' }[] = [];
  for (const rule of COMPILED) {
    if (!rule.pattern.test(normalized)) continue;
    if (rule.droppedWhen === undefined) hits.add(rule.id);
    else conditional.push({ id: rule.id, droppedWhen: rule.droppedWhen });
  }
  if (bareMs) hits.add('multiple-sclerosis');
  let unspecified = false;
  for (const rule of conditional) {
    if (rule.droppedWhen === 'any-specific') {
      unspecified = true;
    } else if (!rule.droppedWhen.some((id) => hits.has(id))) {
      hits.add(rule.id);
    }
  }
  const specific = DISEASE_IDS.filter((id) => hits.has(id));
  return {
    specific,
    unspecified,
    notAutoimmune: specific.length === 0 && !unspecified && NOT_AUTOIMMUNE.test(normalized),
  };
}

export function classifyDiseases(evidence: DiseaseEvidence): DiseaseId[] {
  const structured = [...evidence.conditions, ...evidence.meshTerms];
  const levels: { texts: readonly string[]; bareMsAllowed: boolean }[] = [
    { texts: structured, bareMsAllowed: true },
    { texts: evidence.keywords, bareMsAllowed: false },
    { texts: evidence.titles, bareMsAllowed: true },
  ];
  let unspecified = false;
  for (const level of levels) {
    if (level.texts.length === 0) continue;
    const original = level.texts.join(SEP);
    const result = readLevel(normalizeText(original), level.bareMsAllowed && BARE_MS.test(original));
    if (result.specific.length > 0) return result.specific;
    if (result.unspecified) unspecified = true;
    else if (result.notAutoimmune && !unspecified) return [];
  }
  if (!unspecified && structured.length === 0 && evidence.briefSummary) {
    const result = readLevel(normalizeText(evidence.briefSummary), false);
    if (result.specific.length > 0) return result.specific;
  }
  return unspecified ? ['autoimmune-unspecified'] : [];
}
