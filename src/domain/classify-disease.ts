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
 *
 * Negation (negation.ts): words governed by "not associated with", "without", "non-", "excluding"... are
 * not read. A disease the record's own text (conditions, keywords, titles) names only in such words is
 * dropped from every level, including the MeSH terms the registry derived ("ILD not associated with
 * scleroderma" outranks the MeSH term "Scleroderma, Systemic"), unless the conditions affirm it.
 */
import { DISEASE_IDS, type DiseaseId } from './diseases.ts';
import { lazyScanner } from './rules/compile-cues.ts';
import { BARE_MS, DISEASE_RULES, NOT_AUTOIMMUNE_CUES } from './rules/disease-rules.ts';
import { splitNegated } from './negation.ts';
import { joinNormalized, normalized, type NormalizedText } from './text-normalize.ts';

export type DiseaseEvidence = {
  conditions: readonly string[];
  meshTerms: readonly string[];
  keywords: readonly string[];
  /** Official and brief title. */
  titles: readonly string[];
  briefSummary?: string | undefined;
};

/** The same evidence, each level already normalised (see normalize-study.ts, which shares the texts). */
export type DiseaseTexts = {
  /** Conditions, joined; undefined when there are none. */
  conditions?: NormalizedText | undefined;
  /** Condition MeSH terms, joined; undefined when there are none. */
  meshTerms?: NormalizedText | undefined;
  /** Keywords, joined. */
  keywords?: NormalizedText | undefined;
  /** Official and brief title, each on its own. */
  titles: readonly NormalizedText[];
  briefSummary?: NormalizedText | undefined;
};

/** One scanner for all rules (bit i = DISEASE_RULES[i]) plus the not-autoimmune cues (last bit). */
const SCANNER = lazyScanner([...DISEASE_RULES.map((rule) => rule.cues), NOT_AUTOIMMUNE_CUES]);
const NOT_AUTOIMMUNE_BIT = 1 << DISEASE_RULES.length;
const RULE_BITS = NOT_AUTOIMMUNE_BIT - 1;

type LevelResult = { specific: DiseaseId[]; unspecified: boolean; notAutoimmune: boolean };

const NO_MATCH: LevelResult = { specific: [], unspecified: false, notAutoimmune: false };

function readLevel(normalizedText: string, bareMs: boolean): LevelResult {
  const found = SCANNER.scan(normalizedText);
  if ((found & RULE_BITS) === 0 && !bareMs) {
    return (found & NOT_AUTOIMMUNE_BIT) !== 0
      ? { specific: [], unspecified: false, notAutoimmune: true }
      : NO_MATCH;
  }
  const hits = new Set<DiseaseId>();
  const conditional: { id: DiseaseId; droppedWhen: readonly DiseaseId[] | 'any-specific' }[] = [];
  DISEASE_RULES.forEach((rule, i) => {
    if ((found & (1 << i)) === 0) return;
    if (rule.droppedWhen === undefined) hits.add(rule.id);
    else conditional.push({ id: rule.id, droppedWhen: rule.droppedWhen });
  });
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
    notAutoimmune: specific.length === 0 && !unspecified && (found & NOT_AUTOIMMUNE_BIT) !== 0,
  };
}

function joined(items: readonly string[]): NormalizedText | undefined {
  return items.length === 0 ? undefined : joinNormalized(items.map(normalized));
}

export function classifyDiseases(evidence: DiseaseEvidence): DiseaseId[] {
  return classifyDiseaseTexts({
    conditions: joined(evidence.conditions),
    meshTerms: joined(evidence.meshTerms),
    keywords: joined(evidence.keywords),
    titles: evidence.titles.map(normalized),
    briefSummary: evidence.briefSummary ? normalized(evidence.briefSummary) : undefined,
  });
}

/** Disease ids named in text (no level logic): used for the negated words. */
function idsIn(text: string): Set<DiseaseId> {
  return text === '' ? new Set() : new Set(readLevel(text, false).specific);
}

export function classifyDiseaseTexts(texts: DiseaseTexts): DiseaseId[] {
  const titles = texts.titles.length > 0 ? joinNormalized(texts.titles) : undefined;
  const conditions = texts.conditions && splitNegated(texts.conditions.text);
  const keywords = texts.keywords && splitNegated(texts.keywords.text);
  const titleSplit = titles && splitNegated(titles.text);
  const negated = [conditions, keywords, titleSplit]
    .map((s) => s?.negated ?? '')
    .filter((n) => n !== '')
    .join(' | ');
  // Diseases the record says it is not about, unless its conditions affirm them.
  const denied = idsIn(negated);
  if (denied.size > 0 && conditions) for (const id of idsIn(conditions.kept)) denied.delete(id);

  const structured = [conditions?.kept, texts.meshTerms?.text]
    .filter((t) => t !== undefined)
    .join(' | ');
  const bareMs = (original: string | undefined) =>
    original !== undefined && !denied.has('multiple-sclerosis') && BARE_MS.test(original);
  const levels: [string | undefined, boolean][] = [
    [
      structured === '' ? undefined : structured,
      bareMs(texts.conditions?.original) || bareMs(texts.meshTerms?.original),
    ],
    [keywords?.kept, false],
    // BARE_MS on each title equals BARE_MS on the joined titles (it never matches across " | ")
    [titleSplit?.kept, texts.titles.some((t) => bareMs(t.original))],
  ];
  const affirmed = (ids: DiseaseId[]) =>
    denied.size === 0 ? ids : ids.filter((id) => !denied.has(id));
  let unspecified = false;
  for (const [level, bareMsHere] of levels) {
    if (level === undefined) continue;
    const result = readLevel(level, bareMsHere);
    const specific = affirmed(result.specific);
    if (specific.length > 0) return specific;
    if (result.unspecified) unspecified = true;
    else if (result.notAutoimmune && !unspecified) return [];
  }
  if (!unspecified && structured === '' && texts.briefSummary) {
    const result = readLevel(splitNegated(texts.briefSummary.text).kept, false);
    const specific = affirmed(result.specific);
    if (specific.length > 0) return specific;
  }
  return unspecified ? ['autoimmune-unspecified'] : [];
}
