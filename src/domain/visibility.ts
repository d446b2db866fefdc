/** Which trials the dashboard shows by default (docs/domain.md §1). */
import type { Trial } from './trial.ts';

/** A trial is shown by default when it has at least one autoimmune disease category. */
export function isShownByDefault(t: Trial): boolean {
  return t.diseases.length > 0;
}
