/**
 * Text normalisation for the classifiers (docs/domain.md §2): lowercase once, unify dashes and quotes,
 * British to American spelling of the words the cues use (haem- -> hem-, anaem- -> anem-, leukaem- ->
 * leukem-, coeliac -> celiac, -isation -> -ization) and the real misspelling "hematopoetic".
 *
 * `normalizeText` is the fast path used on every field. `normalizeWithOffsets` gives the same text plus,
 * for each output character, its index in the original string, so a cue found in normalised text can be
 * quoted in its original case (used once per study, for the evidence phrase).
 */

/** Replacement of each special sequence (after lowercasing). Longer keys first where they overlap. */
const REPLACEMENT: Readonly<Record<string, string>> = {
  haematopoet: 'hematopoiet',
  haemopoet: 'hemopoiet',
  hematopoet: 'hematopoiet',
  hemopoet: 'hemopoiet',
  haem: 'hem',
  anaem: 'anem',
  leukaem: 'leukem',
  coeliac: 'celiac',
  isation: 'ization',
  '\u00a0': ' ',
};
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201b\u02bc\u00b4`]/;

/** One pass over the lowercased text; alternation order = priority at a position. */
const SPECIAL =
  /haematopoet|haemopoet|hematopoet|hemopoet|haem|anaem|leukaem|coeliac|isation\b|\u00a0|[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|[\u2018\u2019\u201b\u02bc\u00b4`]|[\u201c\u201d\u201e]/g;
/** The replacements that change the length of the text. */
const LENGTH_CHANGING = /haem|anaem|leukaem|coeliac|hematopoet|hemopoet/;

function replacementOf(m: string): string {
  const r = REPLACEMENT[m];
  if (r !== undefined) return r;
  if (m === 'isation') return 'ization';
  if (DASHES.test(m)) return '-';
  if (SINGLE_QUOTES.test(m)) return "'";
  return '"';
}

/** The single characters SPECIAL replaces (no-break space, dashes, quotes, backtick). */
const SPECIAL_CHARS_G =
  /[`\u00a0\u00b4\u02bc\u2010-\u2015\u2018\u2019\u201b-\u201e\u2212\ufe58\ufe63\uff0d]/g;
/**
 * The ones above U+00FF. Most text is stored one byte per character, where no such character can
 * occur, and this test returns at once; the three others are found with `includes` (a fast search).
 */
const WIDE_SPECIAL_CHAR = /[\u02bc\u2010-\u2015\u2018\u2019\u201b-\u201e\u2212\ufe58\ufe63\uff0d]/;

function hasSpecialChar(lower: string): boolean {
  return (
    lower.includes('`') ||
    lower.includes('\u00a0') ||
    lower.includes('\u00b4') ||
    WIDE_SPECIAL_CHAR.test(lower)
  );
}

/**
 * Every SPECIAL word contains "aem" (haem, anaem, leukaem, haematopoet, haemopoet), "poet" (hematopoet,
 * hemopoet), "coeli" or "isation"; every other SPECIAL alternative is one of the single characters of
 * SPECIAL_CHARS_G. So text without those four sequences (nearly all text: "ae" and "oe" alone are common
 * in English, these are not) only needs the character replacements (one cheap character-class pass),
 * and text without such characters either is returned as lowercased.
 */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  if (
    lower.includes('aem') ||
    lower.includes('poet') ||
    lower.includes('coeli') ||
    lower.includes('isation')
  ) {
    return lower.replace(SPECIAL, replacementOf);
  }
  return hasSpecialChar(lower) ? lower.replace(SPECIAL_CHARS_G, replacementOf) : lower;
}

const MARKS = /\p{M}/gu;
const NON_ASCII = /[^ -~\t\n\r]/;

/** Text for matching what people type: normalizeText (lower case, British/American spelling folded), accents removed. */
export function foldForSearch(text: string): string {
  const norm = normalizeText(text);
  return NON_ASCII.test(norm) ? norm.normalize('NFD').replace(MARKS, '') : norm;
}

/** A text in its original form and normalised (normalizeText), so one text is normalised only once. */
export type NormalizedText = { readonly original: string; readonly text: string };

export function normalized(original: string): NormalizedText {
  return { original, text: normalizeText(original) };
}

/** Separator between list items (conditions, keywords...) so that cues never match across two items. */
export const LIST_SEPARATOR = ' | ';

/**
 * Items joined with LIST_SEPARATOR. Normalising is item-local (lower-casing and the SPECIAL replacements
 * never reach across " | "), so this equals normalizing the joined original.
 */
export function joinNormalized(items: readonly NormalizedText[]): NormalizedText {
  if (items.length === 1) return items[0] as NormalizedText;
  return {
    original: items.map((i) => i.original).join(LIST_SEPARATOR),
    text: items.map((i) => i.text).join(LIST_SEPARATOR),
  };
}

export type NormalizedWithOffsets = {
  text: string;
  /** offsets[i] = index in the original string of normalised character i; offsets[text.length] = original length. */
  offsets: number[];
};

export function normalizeWithOffsets(original: string): NormalizedWithOffsets {
  const lower: string[] = [];
  const lowerOffsets: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const l = original.charAt(i).toLowerCase();
    lower.push(l);
    for (let k = 0; k < l.length; k++) lowerOffsets.push(i);
  }
  const lowered = lower.join('');
  const parts: string[] = [];
  const offsets: number[] = [];
  let last = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(lowered); m !== null; m = SPECIAL.exec(lowered)) {
    const start = m.index;
    const end = start + m[0].length;
    parts.push(lowered.slice(last, start));
    for (let j = last; j < start; j++) offsets.push(lowerOffsets[j] ?? original.length);
    const replacement = replacementOf(m[0]);
    parts.push(replacement);
    for (let j = 0; j < replacement.length; j++) {
      offsets.push(lowerOffsets[Math.min(start + j, end - 1)] ?? original.length);
    }
    last = end;
  }
  parts.push(lowered.slice(last));
  for (let j = last; j < lowered.length; j++) offsets.push(lowerOffsets[j] ?? original.length);
  offsets.push(original.length);
  return { text: parts.join(''), offsets };
}

/**
 * Normalised text and a position mapper. Most texts keep their length (no British spelling, no
 * length-changing lowercasing): then positions map 1:1 and no offset table is built.
 */
function normalizeForQuote(
  original: string,
  fast: string,
): { text: string; at: (i: number) => number } {
  if (fast.length === original.length && !LENGTH_CHANGING.test(original.toLowerCase())) {
    return { text: fast, at: (i) => i };
  }
  const { text, offsets } = normalizeWithOffsets(original);
  return { text, at: (i) => offsets[i] ?? original.length };
}

/**
 * Finds the first match of `pattern` (written for normalised text) in `original` and returns it in its
 * original case, plus up to `extraWords` following words (stopping at punctuation that ends a phrase).
 * Spans matching `mask` are blanked out before searching. Whitespace is collapsed. `undefined` when
 * there is no match. `options.normalized` may pass normalizeText(original) when the caller has it.
 */
export function quoteFirstMatch(
  original: string,
  pattern: RegExp,
  options: { extraWords?: number; mask?: RegExp; normalized?: string } = {},
): string | undefined {
  const normalized = normalizeForQuote(original, options.normalized ?? normalizeText(original));
  const text = options.mask ? blank(normalized.text, options.mask) : normalized.text;
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const from = match.index;
  let to = from + match[0].length;
  while (to < text.length && /[\w'-]/.test(text.charAt(to))) to++; // finish the word the cue ends in
  const tail = /^(?:[ \t]+[^\s,;:.()[\]|]+){0,8}/.exec(text.slice(to))?.[0] ?? '';
  const words = tail.match(/[ \t]+[^\s,;:.()[\]|]+/g) ?? [];
  for (const word of words.slice(0, options.extraWords ?? 4)) to += word.length;
  const a = normalized.at(from);
  const b = normalized.at(to);
  return original.slice(a, b).replace(/\s+/g, ' ').trim();
}

/** Replaces every match of `mask` with spaces of the same length (offsets stay valid). */
export function blank(text: string, mask: RegExp): string {
  const global = mask.global ? mask : new RegExp(mask.source, mask.flags + 'g');
  return text.replace(global, (m) => ' '.repeat(m.length));
}
