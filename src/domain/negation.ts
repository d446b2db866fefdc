/**
 * Negated and excluded words (docs/domain.md §1, "Negation"), as NEGATION_RULES define them: the text
 * with those words blanked (so a disease named there is not read) and the governed words on their own
 * (so the classifier knows which diseases the record says it is NOT about).
 */
import { NEGATION_RULES, NEGATION_TRIGGER } from './rules/disease-rules.ts';

const RULES = NEGATION_RULES.map((source) => new RegExp(source, 'g'));

export type NegationSplit = {
  /** The text with every governed word replaced by spaces (same length, offsets stay valid). */
  kept: string;
  /** The governed words, joined with " | " ('' when nothing is negated). */
  negated: string;
};

/** Splits normalised text into what it affirms and what it negates. */
export function splitNegated(text: string): NegationSplit {
  if (!NEGATION_TRIGGER.test(text)) return { kept: text, negated: '' };
  let kept = text;
  const negated: string[] = [];
  for (const rule of RULES) {
    kept = kept.replace(rule, (match: string, governed: string) => {
      negated.push(governed.trim());
      const at = match.lastIndexOf(governed);
      return match.slice(0, at) + ' '.repeat(governed.length) + match.slice(at + governed.length);
    });
  }
  return { kept, negated: negated.join(' | ') };
}
