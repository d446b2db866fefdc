/**
 * URL state of the "what changed since my last visit" filter: `changed=new,updated` (comma-separated,
 * `new` = trials not seen on the last visit, `updated` = trials whose status, sites, enrollment or last
 * update date changed). Absent = no filter. Unknown items are ignored. Kept apart from TrialFilters (a
 * public contract) and applied by the app after filterTrials.
 */
import { parseAsArrayOf, parseAsStringLiteral, useQueryState } from 'nuqs';
import { useCallback } from 'react';
import type { ChangeMark } from '../domain/filters.ts';

export const CHANGE_MARKS = ['new', 'updated'] as const satisfies readonly ChangeMark[];

export const changedParser = parseAsArrayOf(parseAsStringLiteral(CHANGE_MARKS))
  .withDefault([])
  .withOptions({ history: 'push', clearOnDefault: true });

/** The `changed` filter and its setter (an empty list removes the parameter). */
export function useChangedFilter(): [ChangeMark[], (next: readonly ChangeMark[]) => void] {
  const [changed, setChanged] = useQueryState('changed', changedParser);
  const set = useCallback(
    (next: readonly ChangeMark[]) => {
      // Canonical order and no duplicates, so equal filters give equal links.
      const canonical = CHANGE_MARKS.filter((mark) => next.includes(mark));
      void setChanged(canonical.length === 0 ? null : canonical);
    },
    [setChanged],
  );
  return [changed, set];
}
