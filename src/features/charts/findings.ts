/**
 * Chart titles that state the finding for the current filters ("Multiple sclerosis leads: 30 of 44
 * trials"), as data publishers title their charts. Pure functions of the rows a chart draws.
 */
import { formatCount } from '../../lib/format.ts';

export type CountedRow = { label: string; count: number };

/** "12 of 44 trials" (or "all 3 trials"). */
export function shareText(count: number, total: number, noun = 'trials'): string {
  return count === total
    ? `all ${formatCount(total)} ${noun}`
    : `${formatCount(count)} of ${formatCount(total)} ${noun}`;
}

/** The largest row, or undefined when every row is empty (ties: the first, i.e. the chart's own order). */
export function leader<R extends CountedRow>(rows: readonly R[]): R | undefined {
  let best: R | undefined;
  for (const row of rows)
    if (row.count > 0 && (best === undefined || row.count > best.count)) best = row;
  return best;
}

/**
 * "Multiple sclerosis leads: 30 of 44 trials", or "Most trials: Autologous (31 of 44)" style, as
 * `sentence(label, share)` says; undefined when there is nothing to state.
 */
export function leaderFinding(
  rows: readonly CountedRow[],
  total: number,
  sentence: (label: string, share: string) => string,
): string | undefined {
  const top = leader(rows);
  if (!top || total === 0) return undefined;
  return sentence(top.label, shareText(top.count, total));
}
