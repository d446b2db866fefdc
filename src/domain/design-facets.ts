/**
 * Design facets of a trial (docs/domain.md §2 "Design facets"): conditioning intensity and regimen
 * family, graft manipulation, allocation, comparator and result publications, each with the phrase that
 * decided it. Pure; rules as data in rules/design-rules.ts. Conditioning and graft manipulation are read
 * for transplant (HSCT) trials only: a CAR-T trial's Flu/Cy lymphodepletion is not transplant
 * conditioning. Eligibility criteria and outcomes are never read.
 */
import { anyOf } from './rules/compile-cues.ts';
import {
  ALLOCATION_CUES,
  COMPARATOR_ARM_TYPES,
  CONDITIONING_DRUGS,
  DRUG_COMPARATOR_CUES,
  GRAFT_CUES,
  INTENSITY_WORDS,
  NO_TREATMENT_COMPARATOR,
  REGIMEN_LABELS,
  REGIMEN_RULES,
  VERSUS,
  type Allocation,
  type Comparator,
  type ConditioningDrug,
  type ConditioningIntensity,
  type GraftManipulation,
  type RegimenFamily,
} from './rules/design-rules.ts';
import { CORD_BLOOD_CUES, HSCT_CUES } from './rules/therapy-rules.ts';
import { blank, normalizeText, quoteFirstMatch, type NormalizedText } from './text-normalize.ts';
import type { Therapy, TransplantType, TrialArm } from './trial.ts';

/** The design facets of a trial, each with the phrase that decided it (absent when not stated). */
export type TrialDesign = {
  conditioning: ConditioningIntensity;
  regimen?: RegimenFamily;
  graft: GraftManipulation;
  allocation: Allocation;
  comparator: Comparator;
  /** PMIDs of the result publications the record lists (reference type RESULT or DERIVED). */
  resultPmids: string[];
  evidence: {
    conditioning?: string;
    graft?: string;
    allocation?: string;
    comparator?: string;
  };
};

export type DesignInput = {
  therapy: Therapy;
  transplantType: TransplantType;
  /** The record's describing texts in descending weight: interventions, arms, titles, keywords, summary, description. */
  texts: readonly NormalizedText[];
  /** Official and brief title. */
  titles: readonly NormalizedText[];
  briefSummary?: NormalizedText | undefined;
  arms: readonly TrialArm[];
  /** designInfo.allocation and designInfo.interventionModel as the API gives them. */
  allocation?: string | undefined;
  interventionModel?: string | undefined;
  references: readonly { pmid?: string | undefined; type?: string | undefined }[];
};

const DRUG_PATTERNS = Object.fromEntries(
  Object.entries(CONDITIONING_DRUGS).map(([drug, cues]) => [drug, anyOf(cues)]),
) as Record<ConditioningDrug, RegExp>;
const WORDS = {
  reducedIntensity: anyOf(INTENSITY_WORDS.reducedIntensity),
  nonMyeloablative: anyOf(INTENSITY_WORDS.nonMyeloablative),
  lymphoablative: anyOf(INTENSITY_WORDS.lymphoablative),
  myeloablative: anyOf(INTENSITY_WORDS.myeloablative),
};
const UNMANIPULATED = anyOf(GRAFT_CUES.unmanipulated);
const UNMANIPULATED_G = new RegExp(UNMANIPULATED.source, 'g');
const SELECTED = anyOf(GRAFT_CUES.selected);
const NON_RANDOMISED = anyOf(ALLOCATION_CUES.nonRandomised);
const RANDOMISED = anyOf(ALLOCATION_CUES.randomised);
const GENERIC_DRUG_COMPARATOR = anyOf(DRUG_COMPARATOR_CUES.generic);
const NO_TREATMENT = anyOf(NO_TREATMENT_COMPARATOR);
const HSCT_TEXT = anyOf([...HSCT_CUES.strong, ...HSCT_CUES.generic, ...CORD_BLOOD_CUES.hsct]);

/** The first text (in weight order) where `pattern` matches, quoted in its original case. */
function quote(
  texts: readonly NormalizedText[],
  pattern: RegExp,
  extraWords = 0,
): string | undefined {
  for (const t of texts) {
    if (!pattern.test(t.text)) continue;
    return quoteFirstMatch(t.original, pattern, { extraWords, normalized: t.text });
  }
  return undefined;
}

function conditioningOf(
  input: DesignInput,
): Pick<TrialDesign, 'conditioning' | 'regimen'> & { evidence?: string } {
  if (input.therapy !== 'hsct') return { conditioning: 'not-stated' };
  const texts = input.texts;
  const found = new Map<ConditioningDrug, string>();
  for (const drug of Object.keys(DRUG_PATTERNS) as ConditioningDrug[]) {
    const phrase = quote(texts, DRUG_PATTERNS[drug]);
    if (phrase !== undefined) found.set(drug, phrase);
  }
  const regimen = REGIMEN_RULES.find(
    (r) => r.needs.every((d) => found.has(d)) && !r.excludes.some((d) => found.has(d)),
  )?.family;
  const withRegimen = (conditioning: ConditioningIntensity, evidence: string | undefined) => {
    const named =
      regimen === undefined
        ? undefined
        : `${REGIMEN_LABELS[regimen]}: ${regimenPhrase(regimen, found)}`;
    // the regimen line already quotes a drug that decided
    const own = evidence !== undefined && named?.includes(evidence) !== true ? evidence : undefined;
    const text = [own, named].filter((e) => e !== undefined).join('; ');
    return {
      conditioning,
      ...(regimen === undefined ? {} : { regimen }),
      ...(text === '' ? {} : { evidence: text }),
    };
  };
  const allogeneic = input.transplantType === 'allogeneic' || input.transplantType === 'both';

  // 1. The intensity the record states in words.
  const reduced = quote(texts, WORDS.reducedIntensity, 1);
  if (reduced !== undefined) return withRegimen('reduced-intensity', reduced);
  const nonMyeloablative = quote(texts, WORDS.nonMyeloablative, 1);
  if (nonMyeloablative !== undefined)
    return withRegimen(allogeneic ? 'reduced-intensity' : 'lymphoablative', nonMyeloablative);
  // 2. The regimen it names.
  const high = found.get('tbi') ?? found.get('busulfan');
  if (high !== undefined) return withRegimen('myeloablative-high', high);
  const beam = found.get('beam');
  if (beam !== undefined) return withRegimen('myeloablative-intermediate', beam);
  if (allogeneic && (regimen === 'flu-mel' || regimen === 'flu-cy'))
    return withRegimen('reduced-intensity', undefined);
  if (regimen === 'cy-atg' || regimen === 'flu-cy') return withRegimen('lymphoablative', undefined);
  const lympho = quote(texts, WORDS.lymphoablative, 1);
  if (lympho !== undefined) return withRegimen('lymphoablative', lympho);
  const myeloablative = quote(texts, WORDS.myeloablative, 1);
  if (myeloablative !== undefined) return withRegimen('myeloablative-high', myeloablative);
  return withRegimen('not-stated', undefined);
}

function regimenPhrase(
  regimen: RegimenFamily,
  found: ReadonlyMap<ConditioningDrug, string>,
): string {
  const rule = REGIMEN_RULES.find((r) => r.family === regimen);
  const parts = [...(rule?.needs ?? [])];
  if (regimen === 'beam-atg' && found.has('atg')) parts.push('atg');
  return parts.map((d) => found.get(d)).join(' + ');
}

function graftOf(input: DesignInput): { graft: GraftManipulation; evidence?: string } {
  if (input.therapy !== 'hsct') return { graft: 'not-stated' };
  // "without CD34 selection" is unmanipulated: such phrases are blanked before looking for selection
  for (const t of input.texts) {
    if (!SELECTED.test(blank(t.text, UNMANIPULATED_G))) continue;
    const evidence = quoteFirstMatch(t.original, SELECTED, {
      extraWords: 1,
      mask: UNMANIPULATED_G,
      normalized: t.text,
    });
    return evidence === undefined
      ? { graft: 'cd34-selected' }
      : { graft: 'cd34-selected', evidence };
  }
  const evidence = quote(input.texts, UNMANIPULATED, 1);
  return evidence === undefined ? { graft: 'not-stated' } : { graft: 'unmanipulated', evidence };
}

const ALLOCATION_FIELD: Readonly<Record<string, [Allocation, string]>> = {
  RANDOMIZED: ['randomised', 'Allocation: Randomized'],
  NON_RANDOMIZED: ['non-randomised', 'Allocation: Non-Randomized'],
  NA: ['non-randomised', 'Allocation: N/A (one group)'],
};

function allocationOf(input: DesignInput): { allocation: Allocation; evidence?: string } {
  const field = input.allocation === undefined ? undefined : ALLOCATION_FIELD[input.allocation];
  if (field !== undefined) return { allocation: field[0], evidence: field[1] };
  if (input.interventionModel === 'SINGLE_GROUP')
    return { allocation: 'non-randomised', evidence: 'Intervention model: Single group' };
  const texts = [...input.titles, ...(input.briefSummary ? [input.briefSummary] : [])];
  const non = quote(texts, NON_RANDOMISED, 1);
  if (non !== undefined) return { allocation: 'non-randomised', evidence: non };
  const randomised = quote(texts, RANDOMISED, 2);
  if (randomised !== undefined) return { allocation: 'randomised', evidence: randomised };
  return { allocation: 'not-stated' };
}

const armText = (a: TrialArm) => normalizeText(`${a.label} ${a.description ?? ''}`);

/** What a comparison against HSCT is, from the text of the other side. */
function otherSide(text: string): Comparator {
  return NO_TREATMENT.test(text) ? 'other' : 'drug-therapy';
}

function comparatorOf(input: DesignInput): { comparator: Comparator; evidence?: string } {
  const arms = input.arms;
  if (arms.length >= 2) {
    const transplant = arms.filter((a) => HSCT_TEXT.test(armText(a)));
    const labels = arms.map((a) => a.label || a.type || 'arm').join(' vs ');
    if (transplant.length === arms.length) return { comparator: 'hsct-regimens', evidence: labels };
    const others = arms.filter((a) => !transplant.includes(a));
    if (transplant.length > 0) {
      const noTreatment = others.every(
        (a) =>
          a.type === 'PLACEBO_COMPARATOR' ||
          a.type === 'SHAM_COMPARATOR' ||
          a.type === 'NO_INTERVENTION' ||
          otherSide(armText(a)) === 'other',
      );
      return { comparator: noTreatment ? 'other' : 'drug-therapy', evidence: labels };
    }
    if (arms.some((a) => a.type !== undefined && COMPARATOR_ARM_TYPES.includes(a.type)))
      return { comparator: 'other', evidence: labels };
  }
  if (arms.length === 1 || input.interventionModel === 'SINGLE_GROUP' || input.allocation === 'NA')
    return {
      comparator: 'single-arm',
      evidence: arms.length === 1 ? `One arm: ${arms[0]!.label}` : 'Single group',
    };
  // an intervention list with a transplant and "standard treatment" / "best available therapy"
  const interventions = input.texts[0];
  if (
    input.therapy === 'hsct' &&
    interventions !== undefined &&
    GENERIC_DRUG_COMPARATOR.test(interventions.text)
  ) {
    const evidence = quoteFirstMatch(interventions.original, GENERIC_DRUG_COMPARATOR, {
      extraWords: 3,
      normalized: interventions.text,
    });
    return evidence === undefined
      ? { comparator: 'drug-therapy' }
      : { comparator: 'drug-therapy', evidence };
  }
  for (const title of input.titles) {
    const sides = title.text.split(VERSUS);
    if (sides.length < 2) continue;
    const hsct = sides.map((s) => HSCT_TEXT.test(s));
    if (hsct.every(Boolean)) return { comparator: 'hsct-regimens', evidence: title.original };
    const other = sides.find((_, i) => !hsct[i]);
    if (hsct.some(Boolean) && other !== undefined)
      return { comparator: otherSide(other), evidence: title.original };
  }
  return { comparator: 'not-stated' };
}

function resultPmidsOf(input: DesignInput): string[] {
  const pmids = new Set<string>();
  for (const r of input.references) {
    if (
      (r.type === 'RESULT' || r.type === 'DERIVED') &&
      r.pmid !== undefined &&
      /^\d{1,9}$/.test(r.pmid)
    )
      pmids.add(r.pmid);
  }
  return [...pmids];
}

export function classifyDesign(input: DesignInput): TrialDesign {
  const conditioning = conditioningOf(input);
  const graft = graftOf(input);
  const allocation = allocationOf(input);
  const comparator = comparatorOf(input);
  const evidence: TrialDesign['evidence'] = {};
  if (conditioning.evidence !== undefined) evidence.conditioning = conditioning.evidence;
  if (graft.evidence !== undefined) evidence.graft = graft.evidence;
  if (allocation.evidence !== undefined) evidence.allocation = allocation.evidence;
  if (comparator.evidence !== undefined) evidence.comparator = comparator.evidence;
  const design: TrialDesign = {
    conditioning: conditioning.conditioning,
    graft: graft.graft,
    allocation: allocation.allocation,
    comparator: comparator.comparator,
    resultPmids: resultPmidsOf(input),
    evidence,
  };
  if (conditioning.regimen !== undefined) design.regimen = conditioning.regimen;
  return design;
}

/** The design of a record with no design information (see normalize-study.ts `minimal`). */
export function noDesign(): TrialDesign {
  return {
    conditioning: 'not-stated',
    graft: 'not-stated',
    allocation: 'not-stated',
    comparator: 'not-stated',
    resultPmids: [],
    evidence: {},
  };
}

/** The PubMed page of a PMID. */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

const SHORT: Readonly<Record<string, string>> = {
  randomised: 'Randomised',
  'non-randomised': 'Not randomised',
  'drug-therapy': 'vs drug / BAT',
  'hsct-regimens': 'HSCT vs HSCT',
  'single-arm': 'Single arm',
  other: 'Other comparison',
  'myeloablative-high': 'Myeloablative (high)',
  'myeloablative-intermediate': 'Myeloablative (intermediate)',
  lymphoablative: 'Lymphoablative',
  'reduced-intensity': 'Reduced intensity',
  'cd34-selected': 'CD34-selected',
  unmanipulated: 'Unmanipulated',
};

/** A one-line summary of the stated design ("Randomised · vs drug / BAT · Cy/ATG"); '' when nothing is stated. */
export function designSummary(design: TrialDesign): string {
  const conditioning =
    design.regimen !== undefined ? REGIMEN_LABELS[design.regimen] : SHORT[design.conditioning];
  return [SHORT[design.allocation], SHORT[design.comparator], conditioning, SHORT[design.graft]]
    .filter((part) => part !== undefined)
    .join(' · ');
}
