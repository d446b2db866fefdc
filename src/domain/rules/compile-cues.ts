/**
 * Compiles cue families (lists of regular-expression sources, as in disease-rules.ts and
 * therapy-rules.ts) into a scanner that answers "which families match somewhere in this text?" with one
 * pass of one regular expression over the text, instead of one pass per family.
 *
 * How: nearly every cue starts with `\b` and a known first character. Those cues are rewritten into
 * variants that start with a literal character (cue-analysis.ts: leadingVariants) and merged into ONE
 * expression, `\b(?:a(?:…)|b(?:…)|…)`, whose first-character dispatch is cheap. Every position where that
 * expression matches is a position where some cue matches; there the still-unconfirmed families are
 * tested with their own sticky expression at that exact position. The few remaining cues (not starting
 * with `\b`, e.g. "multiple sclerosis", or not rewritable) keep their own expression, guarded by a cheap
 * `includes` of literals every match must contain (requiredLiterals).
 *
 * The answer is exactly `families.map((cues) => anyOf(cues).test(text))` as a bit mask: a family is
 * reported iff one of its cues matches somewhere (the merged expression finds every position where a
 * merged cue matches, because scanning resumes one character after each match).
 */
import { leadingVariants, requiredLiterals } from './cue-analysis.ts';

/** One expression matching any of the sources. */
export function anyOf(sources: readonly string[], flags = ''): RegExp {
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
}

export type CueScanner = {
  /** Bit i set = family i matches somewhere in `text`. `wanted` limits the work to those bits. */
  scan(text: string, wanted?: number): number;
};

type SoloCue = { bit: number; pattern: RegExp; literals: readonly string[] | null };

const MAX_FAMILIES = 30;
/** More pre-check literals than this cost more than the pattern itself. */
const MAX_GATE_LITERALS = 3;

export function compileScanner(families: readonly (readonly string[])[]): CueScanner {
  if (families.length > MAX_FAMILIES) throw new Error(`at most ${MAX_FAMILIES} cue families`);
  const all = (2 ** families.length - 1) | 0;
  const sticky = families.map((cues) => anyOf(cues, 'y'));
  const solos: SoloCue[] = [];
  /** first character -> remainders of the variants starting with it */
  const byFirst = new Map<string, Set<string>>();
  /** first character -> families with a variant starting with it */
  const familiesByFirst = new Map<string, number>();
  let merged = 0; // families with at least one merged cue

  families.forEach((cues, i) => {
    for (const cue of cues) {
      const variants = cue.startsWith(String.raw`\b`) ? leadingVariants(cue.slice(2)) : null;
      if (variants === null) {
        const literals = requiredLiterals(cue);
        solos.push({
          bit: 1 << i,
          pattern: new RegExp(cue),
          literals: literals !== null && literals.length <= MAX_GATE_LITERALS ? literals : null,
        });
        continue;
      }
      merged |= 1 << i;
      for (const v of variants) {
        const first = v.charAt(0);
        const rest = byFirst.get(first) ?? new Set<string>();
        rest.add(v.slice(1));
        byFirst.set(first, rest);
        familiesByFirst.set(first, (familiesByFirst.get(first) ?? 0) | (1 << i));
      }
    }
  });

  const branches = [...byFirst].map(
    ([first, rests]) => `${first}(?:${[...rests].map((r) => `(?:${r})`).join('|')})`,
  );
  const dispatch =
    branches.length > 0 ? new RegExp(String.raw`\b(?:${branches.join('|')})`, 'g') : null;

  return {
    scan(text: string, wanted: number = all): number {
      let found = 0;
      for (const solo of solos) {
        if ((wanted & solo.bit) === 0 || (found & solo.bit) !== 0) continue;
        if (solo.literals !== null && !solo.literals.some((l) => text.includes(l))) continue;
        if (solo.pattern.test(text)) found |= solo.bit;
      }
      let pending = wanted & merged & ~found;
      if (dispatch === null || pending === 0) return found & wanted;
      dispatch.lastIndex = 0;
      for (let m = dispatch.exec(text); m !== null; m = dispatch.exec(text)) {
        const at = m.index;
        // A pending family was not found by its solo cues, so only its merged variants can match
        // here, and they start with the character at `at`.
        for (
          let rest = pending & (familiesByFirst.get(text.charAt(at)) ?? 0);
          rest !== 0;
          rest &= rest - 1
        ) {
          const bit = rest & -rest;
          const pattern = sticky[31 - Math.clz32(bit)] as RegExp;
          pattern.lastIndex = at;
          if (pattern.test(text)) found |= bit;
        }
        pending &= ~found;
        if (pending === 0) break;
        dispatch.lastIndex = at + 1;
      }
      return found & wanted;
    },
  };
}

/**
 * compileScanner, deferred to the first scan: compiling analyses every cue (a few ms, several times that
 * on a phone), which should not delay the page's first paint when the module is loaded.
 */
export function lazyScanner(families: readonly (readonly string[])[]): CueScanner {
  let compiled: CueScanner | undefined;
  return {
    scan(text, wanted) {
      compiled ??= compileScanner(families);
      return compiled.scan(text, wanted);
    },
  };
}
