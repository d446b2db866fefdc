/**
 * What a trial gives (therapy) and where the cells come from (transplant type), docs/domain.md §2.
 *
 * Therapy:
 *  1. Step B first: a CAR-T / MSC / Treg / other cell-therapy cue in the interventions or arm groups
 *     decides (the best-scoring such family).
 *  2. Otherwise the best-scoring family over all fields. HSCT needs a score of at least 3 (a title-level
 *     mention, or keyword + summary), or the best available field when the record has nothing weightier,
 *     so a transplant mentioned only as a keyword of a platelet-transfusion study does not make it HSCT.
 *  3. No cue at all: `other` (documented default; such records usually have no disease id). The cell
 *     source is read on this path too ("autologous bone marrow" is other, autologous).
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
import { anyOf, lazyScanner } from './rules/compile-cues.ts';
import {
  CELL_THERAPY_CUES,
  CORD_BLOOD_CUES,
  DRUG_MECHANISM,
  FIELD_WEIGHTS,
  FOREIGN_PRODUCT_FOR_HSCT,
  HSCT_CUES,
  HSCT_PRODUCT_FOR_OTHERS,
  MOBILISATION_CUES,
  SOURCE_CUES,
  THERAPY_SCAN_FAMILIES,
  type TherapyField,
} from './rules/therapy-rules.ts';
import {
  blank,
  LIST_SEPARATOR,
  normalized,
  quoteFirstMatch,
  type NormalizedText,
} from './text-normalize.ts';
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

/** The same evidence as non-empty normalised texts per field (lists joined with LIST_SEPARATOR). */
export type TherapyTexts = { readonly [F in TherapyField]?: NormalizedText | undefined };

export type TherapyClassification = {
  therapy: Therapy;
  transplantType: TransplantType;
  transplantEvidence?: string;
};

type CellFamily = Exclude<Therapy, 'hsct'>;
const CELL_FAMILIES: readonly CellFamily[] = ['car-t', 'msc', 'treg', 'other'];
/** Field order = descending weight (ties keep this order). */
const FIELDS: readonly TherapyField[] = [
  'interventions',
  'armGroups',
  'officialTitle',
  'briefTitle',
  'keywords',
  'briefSummary',
  'detailedDescription',
];

// Patterns for quoting the evidence phrase (run once per study, on one field).
const HSCT_ANY = anyOf([
  ...HSCT_CUES.strong,
  ...HSCT_CUES.generic,
  ...CORD_BLOOD_CUES.hsct,
  ...MOBILISATION_CUES.mobilisation,
]);
const FAMILY: Readonly<Record<CellFamily, RegExp>> = {
  'car-t': anyOf(CELL_THERAPY_CUES['car-t']),
  msc: anyOf(CELL_THERAPY_CUES.msc),
  treg: anyOf(CELL_THERAPY_CUES.treg),
  other: anyOf(CELL_THERAPY_CUES.other),
};
const AUTO_EXPLICIT = anyOf(SOURCE_CUES.autologous);
const ALLO_EXPLICIT = anyOf(SOURCE_CUES.allogeneic);
const AUTO = anyOf([...SOURCE_CUES.autologous, ...SOURCE_CUES.impliedAutologous]);
const ALLO = anyOf([...SOURCE_CUES.allogeneic, ...SOURCE_CUES.impliedAllogeneic]);
const AUTO_ANY = anyOf([
  ...SOURCE_CUES.autologous,
  ...SOURCE_CUES.impliedAutologous,
  ...SOURCE_CUES.weakAutologous,
]);
const AUTO_OR_ALLO = anyOf([...SOURCE_CUES.autologous, ...SOURCE_CUES.allogeneic]);
const MASK_FOR_HSCT = new RegExp(FOREIGN_PRODUCT_FOR_HSCT, 'g');
const MASK_FOR_OTHERS = new RegExp(HSCT_PRODUCT_FOR_OTHERS, 'g');

// Every cue family of a field is found in one scan; bit i = THERAPY_SCAN_FAMILIES[i].
const STRONG = 1 << 0;
const GENERIC = 1 << 1;
const FAMILY_BIT: Readonly<Record<CellFamily, number>> = {
  'car-t': 1 << 2,
  msc: 1 << 3,
  treg: 1 << 4,
  other: 1 << 5,
};
const ANY_FAMILY = (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5);
const NON_HSCT = 1 << 6;
const AUTO_BIT = 1 << 7;
const WEAK_BIT = 1 << 8;
const ALLO_BIT = 1 << 9;
const MASK_FOR_HSCT_BIT = 1 << 10;
const MASK_FOR_OTHERS_BIT = 1 << 11;
const MECHANISM_BIT = 1 << 12;
const CORD_BLOOD_HSCT = 1 << 13;
const CORD_BLOOD_NOT_HSCT = 1 << 14;
const MOBILISATION = 1 << 15;
const TRANSPLANT_ROLE = 1 << 16;
const AUTO_IMPLIED_BIT = 1 << 17;
const ALLO_IMPLIED_BIT = 1 << 18;
const MECHANISM = new RegExp(DRUG_MECHANISM, 'g');
const SCANNER = lazyScanner(THERAPY_SCAN_FAMILIES);
/** Source cues only, for text with another product's phrases blanked out (SOURCE_BITS[i] = bit i). */
const SOURCE_SCANNER = lazyScanner([
  SOURCE_CUES.autologous,
  SOURCE_CUES.weakAutologous,
  SOURCE_CUES.allogeneic,
  SOURCE_CUES.impliedAutologous,
  SOURCE_CUES.impliedAllogeneic,
]);
const SOURCE_BITS = [AUTO_BIT, WEAK_BIT, ALLO_BIT, AUTO_IMPLIED_BIT, ALLO_IMPLIED_BIT];

/** SOURCE_SCANNER bits as SCANNER bits. */
function sourceBits(scanned: number): number {
  let bits = 0;
  SOURCE_BITS.forEach((bit, i) => {
    if ((scanned & (1 << i)) !== 0) bits |= bit;
  });
  return bits;
}

type Field = {
  field: TherapyField;
  weight: number;
  source: NormalizedText;
  /** SCANNER bits found in the text. */
  found: number;
};

function collectFields(texts: TherapyTexts): Field[] {
  const fields: Field[] = [];
  for (const field of FIELDS) {
    const source = texts[field];
    if (source === undefined || !source.original) continue;
    let found = SCANNER.scan(source.text);
    // a cell type named in how a drug works is no step-B cue: read the families without it
    if ((found & MECHANISM_BIT) !== 0)
      found = (found & ~ANY_FAMILY) | (SCANNER.scan(blank(source.text, MECHANISM)) & ANY_FAMILY);
    // cord blood given locally or without conditioning is the step-B family `other`
    if ((found & CORD_BLOOD_NOT_HSCT) !== 0) found |= FAMILY_BIT.other;
    fields.push({ field, weight: FIELD_WEIGHTS[field], source, found });
  }
  return cordBloodAndMobilisation(fields);
}

/**
 * Cord blood transplant cues count as strong HSCT cues unless the record gives cord blood locally or
 * without conditioning; mobilisation counts as a generic HSCT cue when the record names a transplant,
 * and without one no HSCT cue counts (a mobilisation study).
 */
function cordBloodAndMobilisation(fields: Field[]): Field[] {
  let any = 0;
  for (const f of fields) any |= f.found;
  const cordBloodIsHsct = (any & CORD_BLOOD_NOT_HSCT) === 0;
  const mobilisationOnly = (any & MOBILISATION) !== 0 && (any & TRANSPLANT_ROLE) === 0;
  for (const f of fields) {
    if (cordBloodIsHsct && (f.found & CORD_BLOOD_HSCT) !== 0) f.found |= STRONG;
    if (mobilisationOnly) f.found &= ~(STRONG | GENERIC);
    else if ((f.found & MOBILISATION) !== 0) f.found |= GENERIC;
  }
  return fields;
}

function decideTherapy(fields: readonly Field[]): Therapy | undefined {
  let anyStrong = false;
  let anyOtherKind = false;
  for (const f of fields) {
    if ((f.found & STRONG) !== 0) anyStrong = true;
    if ((f.found & (ANY_FAMILY | NON_HSCT)) !== 0) anyOtherKind = true;
  }
  const countsAsHsct = (f: Field) =>
    (f.found & STRONG) !== 0 || ((f.found & GENERIC) !== 0 && (anyStrong || !anyOtherKind));

  const score: Record<Therapy, number> = { hsct: 0, 'car-t': 0, msc: 0, treg: 0, other: 0 };
  const stepB = new Set<CellFamily>();
  for (const f of fields) {
    if (countsAsHsct(f)) score.hsct += f.weight;
    for (const family of CELL_FAMILIES) {
      if ((f.found & FAMILY_BIT[family]) === 0) continue;
      score[family] += f.weight;
      if (f.field === 'interventions' || f.field === 'armGroups') stepB.add(family);
    }
  }
  const best = (candidates: readonly Therapy[]): Therapy | undefined => {
    let winner: Therapy | undefined;
    for (const c of candidates)
      if (score[c] > 0 && (winner === undefined || score[c] > score[winner])) winner = c;
    return winner;
  };
  if (stepB.size > 0) return best(CELL_FAMILIES.filter((f) => stepB.has(f)));

  const maxAvailable = Math.max(0, ...fields.map((f) => f.weight));
  const hsctQualifies = score.hsct > 0 && score.hsct >= Math.min(3, maxAvailable);
  // A cell therapy named only in the summary or detailed description does not win when the titles
  // and interventions are there and say otherwise: they name a drug only, or another therapy
  // (docs/domain.md §2, "Markers and mechanisms"). They agree when they name an unspecified cell
  // product ("autologous bone-marrow-derived stem cells").
  const heavy = fields.filter((f) => f.weight >= FIELD_WEIGHTS.briefTitle);
  const lightOnlyAllowed =
    heavy.length === 0 ||
    (heavy.some((f) => (f.found & (GENERIC | NON_HSCT)) !== 0) &&
      !heavy.some((f) => (f.found & (STRONG | ANY_FAMILY)) !== 0));
  const families = CELL_FAMILIES.filter(
    (family) =>
      lightOnlyAllowed ||
      fields.some(
        (f) => f.weight > FIELD_WEIGHTS.briefSummary && (f.found & FAMILY_BIT[family]) !== 0,
      ),
  );
  return best(hsctQualifies ? [...families, 'hsct'] : families);
}

type Seen = { f: Field; auto: boolean; weak: boolean; allo: boolean };
type Source = {
  type: TransplantType;
  field?: Field;
  pattern?: RegExp;
  mask: RegExp;
  masked: boolean;
};

function decideSource(fields: readonly Field[], therapy: Therapy): Source {
  const mask = therapy === 'hsct' ? MASK_FOR_HSCT : MASK_FOR_OTHERS;
  const maskBit = therapy === 'hsct' ? MASK_FOR_HSCT_BIT : MASK_FOR_OTHERS_BIT;
  // The source cues of a field, read with the other product's phrases blanked. Blanking changes the
  // text only where the mask matches: otherwise the field's own scan already has the answer.
  const seen: Seen[] = fields.map((f) => {
    const bits =
      (f.found & maskBit) === 0
        ? f.found
        : sourceBits(SOURCE_SCANNER.scan(blank(f.source.text, mask)));
    // an explicit word for one source beats the other source's implied cues in the same field
    const autoExplicit = (bits & AUTO_BIT) !== 0;
    const alloExplicit = (bits & ALLO_BIT) !== 0;
    return {
      f,
      auto: autoExplicit || ((bits & AUTO_IMPLIED_BIT) !== 0 && !alloExplicit),
      weak: (bits & WEAK_BIT) !== 0,
      allo: alloExplicit || ((bits & ALLO_IMPLIED_BIT) !== 0 && !autoExplicit),
    };
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
  const pick = (type: TransplantType, field: Field, pattern: RegExp): Source => ({
    type,
    field,
    pattern,
    mask,
    masked: (field.found & maskBit) !== 0,
  });
  if (autoTop && !alloTop) return pick('autologous', autoTop, autoPattern);
  if (alloTop && !autoTop) return pick('allogeneic', alloTop, ALLO);
  if (autoTop && alloTop) {
    if (autoTop.weight > alloTop.weight) return pick('autologous', autoTop, autoPattern);
    if (alloTop.weight > autoTop.weight) return pick('allogeneic', alloTop, ALLO);
    return pick('both', autoTop, AUTO_OR_ALLO);
  }
  return { type: 'unspecified', mask, masked: false };
}

/** classifyTherapy on texts normalised by the caller (normalize-study.ts shares them with classifyDiseases). */
export function classifyTherapyTexts(texts: TherapyTexts): TherapyClassification {
  const fields = collectFields(texts);
  // No therapy cue: the documented default `other`, and the cell source is still read.
  const decided = decideTherapy(fields);
  const therapy = decided ?? 'other';
  const source = decideSource(fields, therapy);
  let phrase: string | undefined;
  if (source.field && source.pattern) {
    const { original, text } = source.field.source;
    // blanking is only needed (and only changes anything) where the mask matches
    const options = { mask: source.masked ? source.mask : undefined, normalized: text };
    // prefer an explicit word over an implied cue, and a strong autologous cue over aHSCT
    if (source.type === 'autologous') phrase = quoteFirstMatch(original, AUTO_EXPLICIT, options);
    if (source.type === 'allogeneic') phrase = quoteFirstMatch(original, ALLO_EXPLICIT, options);
    if (source.pattern === AUTO_ANY) phrase ??= quoteFirstMatch(original, AUTO, options);
    phrase ??= quoteFirstMatch(original, source.pattern, options);
  } else if (decided !== undefined) {
    const bits = therapy === 'hsct' ? STRONG | GENERIC : FAMILY_BIT[therapy];
    // fields are in descending weight order
    const field = fields.find((f) => (f.found & bits) !== 0);
    if (field) {
      const pattern = therapy === 'hsct' ? HSCT_ANY : FAMILY[therapy];
      phrase = quoteFirstMatch(field.source.original, pattern, { normalized: field.source.text });
    }
  }
  return phrase
    ? { therapy, transplantType: source.type, transplantEvidence: phrase }
    : { therapy, transplantType: source.type };
}

function joinedList(items: readonly string[]): NormalizedText | undefined {
  return items.length > 0 ? normalized(items.join(LIST_SEPARATOR)) : undefined;
}

export function classifyTherapy(evidence: TherapyEvidence): TherapyClassification {
  const text = (s: string | undefined) => (s ? normalized(s) : undefined);
  return classifyTherapyTexts({
    interventions: joinedList(evidence.interventions),
    armGroups: joinedList(evidence.armGroups),
    officialTitle: text(evidence.officialTitle),
    briefTitle: text(evidence.briefTitle),
    keywords: joinedList(evidence.keywords),
    briefSummary: text(evidence.briefSummary),
    detailedDescription: text(evidence.detailedDescription),
  });
}
