/**
 * What a trial gives (therapy) and where the cells come from (transplant type), docs/domain.md §2.
 *
 * Therapy:
 *  1. Step B first: a CAR-T / MSC / Treg / other cell-therapy cue in the interventions or arm groups
 *     decides (the best-scoring such family).
 *  2. Otherwise the best-scoring family over all fields. HSCT needs a score of at least 3 (a title-level
 *     mention, or keyword + summary), or the best available field when the record has nothing weightier,
 *     so a transplant mentioned only as a keyword of a platelet-transfusion study does not make it HSCT.
 *  3. No cue at all: `other` (documented default; such records usually have no disease id).
 *  Generic HSCT cues ("stem cell transplantation", "autologous stem cells") do not count when the record
 *  names another cell product (mesenchymal, neural, fecal microbiota, bone-marrow-derived stem cells...)
 *  and no hematopoietic-specific cue.
 *
 * Transplant type: autologous and allogeneic cues are looked up per field (adjectives that belong to
 * another product are blanked first). One side only -> that side; both -> the side seen in the
 * higher-weight field, a tie -> `both`; none -> `unspecified`. aHSCT/AHST count as autologous only when
 * no allogeneic cue exists. `transplantEvidence` quotes the deciding phrase in original case (or the
 * therapy phrase when the type is unspecified).
 *
 * Eligibility criteria and outcomes are never read.
 */
import {
  CELL_THERAPY_CUES,
  FIELD_WEIGHTS,
  FOREIGN_PRODUCT_FOR_HSCT,
  HSCT_CUES,
  HSCT_PRODUCT_FOR_OTHERS,
  NON_HSCT_KINDS,
  SOURCE_CUES,
  type TherapyField,
} from './rules/therapy-rules.ts';
import { blank, normalizeText, quoteFirstMatch } from './text-normalize.ts';
import type { Therapy, TransplantType } from './trial.ts';

export type TherapyEvidence = {
  /** One string per intervention: name, other names and description. */
  interventions: readonly string[];
  /** One string per arm group: label and description. */
  armGroups: readonly string[];
  officialTitle?: string | undefined;
  briefTitle?: string | undefined;
  keywords: readonly string[];
  briefSummary?: string | undefined;
  detailedDescription?: string | undefined;
};

export type TherapyClassification = {
  therapy: Therapy;
  transplantType: TransplantType;
  transplantEvidence?: string;
};

type CellFamily = Exclude<Therapy, 'hsct'>;
const CELL_FAMILIES: readonly CellFamily[] = ['car-t', 'msc', 'treg', 'other'];

const anyOf = (sources: readonly string[]): RegExp =>
  new RegExp(sources.map((s) => `(?:${s})`).join('|'));

const HSCT_STRONG = anyOf(HSCT_CUES.strong);
const HSCT_GENERIC = anyOf(HSCT_CUES.generic);
const HSCT_ANY = anyOf([...HSCT_CUES.strong, ...HSCT_CUES.generic]);
const FAMILY: Readonly<Record<CellFamily, RegExp>> = {
  'car-t': anyOf(CELL_THERAPY_CUES['car-t']),
  msc: anyOf(CELL_THERAPY_CUES.msc),
  treg: anyOf(CELL_THERAPY_CUES.treg),
  other: anyOf(CELL_THERAPY_CUES.other),
};
const NON_HSCT = anyOf(NON_HSCT_KINDS);
const AUTO = anyOf(SOURCE_CUES.autologous);
const AUTO_WEAK = anyOf(SOURCE_CUES.weakAutologous);
const ALLO = anyOf(SOURCE_CUES.allogeneic);
const AUTO_ANY = anyOf([...SOURCE_CUES.autologous, ...SOURCE_CUES.weakAutologous]);
const AUTO_OR_ALLO = anyOf([...SOURCE_CUES.autologous, ...SOURCE_CUES.allogeneic]);
const MASK_FOR_HSCT = new RegExp(FOREIGN_PRODUCT_FOR_HSCT, 'g');
const MASK_FOR_OTHERS = new RegExp(HSCT_PRODUCT_FOR_OTHERS, 'g');

type Field = {
  field: TherapyField;
  weight: number;
  original: string;
  text: string;
  strong: boolean;
  generic: boolean;
  families: Set<CellFamily>;
  otherKind: boolean;
};

const SEP = ' | ';

function collectFields(e: TherapyEvidence): Field[] {
  const raw: [TherapyField, string | undefined][] = [
    ['interventions', e.interventions.length ? e.interventions.join(SEP) : undefined],
    ['armGroups', e.armGroups.length ? e.armGroups.join(SEP) : undefined],
    ['officialTitle', e.officialTitle],
    ['briefTitle', e.briefTitle],
    ['keywords', e.keywords.length ? e.keywords.join(SEP) : undefined],
    ['briefSummary', e.briefSummary],
    ['detailedDescription', e.detailedDescription],
  ];
  const fields: Field[] = [];
  for (const [field, original] of raw) {
    if (!original) continue;
    const text = normalizeText(original);
    const families = new Set<CellFamily>();
    for (const family of CELL_FAMILIES) if (FAMILY[family].test(text)) families.add(family);
    fields.push({
      field,
      weight: FIELD_WEIGHTS[field],
      original,
      text,
      strong: HSCT_STRONG.test(text),
      generic: HSCT_GENERIC.test(text),
      families,
      otherKind: families.size > 0 || NON_HSCT.test(text),
    });
  }
  return fields;
}

function decideTherapy(fields: readonly Field[]): Therapy | undefined {
  const anyStrong = fields.some((f) => f.strong);
  const anyOtherKind = fields.some((f) => f.otherKind);
  const countsAsHsct = (f: Field) => f.strong || (f.generic && (anyStrong || !anyOtherKind));

  const score: Record<Therapy, number> = { hsct: 0, 'car-t': 0, msc: 0, treg: 0, other: 0 };
  const stepB = new Set<CellFamily>();
  for (const f of fields) {
    if (countsAsHsct(f)) score.hsct += f.weight;
    for (const family of f.families) {
      score[family] += f.weight;
      if (f.field === 'interventions' || f.field === 'armGroups') stepB.add(family);
    }
  }
  const best = (candidates: readonly Therapy[]): Therapy | undefined => {
    let winner: Therapy | undefined;
    for (const c of candidates) if (score[c] > 0 && (winner === undefined || score[c] > score[winner])) winner = c;
    return winner;
  };
  if (stepB.size > 0) return best(CELL_FAMILIES.filter((f) => stepB.has(f)));

  const maxAvailable = Math.max(0, ...fields.map((f) => f.weight));
  const hsctQualifies = score.hsct > 0 && score.hsct >= Math.min(3, maxAvailable);
  return best(hsctQualifies ? [...CELL_FAMILIES, 'hsct'] : CELL_FAMILIES);
}

function decideSource(
  fields: readonly Field[],
  therapy: Therapy,
): { type: TransplantType; field?: Field; pattern?: RegExp; mask: RegExp } {
  const mask = therapy === 'hsct' ? MASK_FOR_HSCT : MASK_FOR_OTHERS;
  const seen = fields.map((f) => {
    const text = blank(f.text, mask);
    return { f, auto: AUTO.test(text), weak: AUTO_WEAK.test(text), allo: ALLO.test(text) };
  });
  const anyAllo = seen.some((s) => s.allo);
  let autoTop: Field | undefined;
  let alloTop: Field | undefined;
  for (const s of seen) {
    const auto = s.auto || (s.weak && !anyAllo);
    if (auto && (autoTop === undefined || s.f.weight > autoTop.weight)) autoTop = s.f;
    if (s.allo && (alloTop === undefined || s.f.weight > alloTop.weight)) alloTop = s.f;
  }
  const autoPattern = anyAllo ? AUTO : AUTO_ANY;
  if (autoTop && !alloTop) return { type: 'autologous', field: autoTop, pattern: autoPattern, mask };
  if (alloTop && !autoTop) return { type: 'allogeneic', field: alloTop, pattern: ALLO, mask };
  if (autoTop && alloTop) {
    if (autoTop.weight > alloTop.weight) return { type: 'autologous', field: autoTop, pattern: autoPattern, mask };
    if (alloTop.weight > autoTop.weight) return { type: 'allogeneic', field: alloTop, pattern: ALLO, mask };
    return { type: 'both', field: autoTop, pattern: AUTO_OR_ALLO, mask };
  }
  return { type: 'unspecified', mask };
}

function therapyPattern(therapy: Therapy): RegExp {
  return therapy === 'hsct' ? HSCT_ANY : FAMILY[therapy];
}

export function classifyTherapy(evidence: TherapyEvidence): TherapyClassification {
  const fields = collectFields(evidence);
  const therapy = decideTherapy(fields);
  if (therapy === undefined) return { therapy: 'other', transplantType: 'unspecified' };

  const source = decideSource(fields, therapy);
  let phrase: string | undefined;
  if (source.field && source.pattern) {
    // prefer a strong autologous cue over aHSCT when the field has both
    if (source.pattern === AUTO_ANY) phrase = quoteFirstMatch(source.field.original, AUTO, { mask: source.mask });
    phrase ??= quoteFirstMatch(source.field.original, source.pattern, { mask: source.mask });
  } else {
    const pattern = therapyPattern(therapy);
    // fields are in descending weight order
    const field = fields.find((f) => pattern.test(f.text));
    if (field) phrase = quoteFirstMatch(field.original, pattern);
  }
  return phrase
    ? { therapy, transplantType: source.type, transplantEvidence: phrase }
    : { therapy, transplantType: source.type };
}
