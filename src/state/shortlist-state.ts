/**
 * The `shortlist` URL parameter (issue 6): a patient's shortlist shared as a link,
 * `?view=patient&shortlist=NCT…,NCT…`. The raw value is handed to the patient view, which decodes it
 * (src/domain/shortlist.ts drops anything that is not an NCT id). Kept apart from url-state.ts so the
 * exploration parameters and their quiet notice stay as they are.
 */
import { parseAsString, useQueryStates } from 'nuqs';
import { useCallback } from 'react';
import { SHORTLIST_PARAM, encodeShortlist } from '../domain/shortlist.ts';

const shortlistParsers = { [SHORTLIST_PARAM]: parseAsString };

/** The raw `shortlist` parameter (null when absent) and a setter (null or an empty list removes it). */
export function useShortlistParam(): [string | null, (ids: readonly string[] | null) => void] {
  const [values, setValues] = useQueryStates(shortlistParsers);
  const value = values[SHORTLIST_PARAM] ?? null;
  const setShortlist = useCallback(
    (ids: readonly string[] | null) => {
      const encoded = ids === null ? '' : encodeShortlist(ids);
      void setValues(
        { [SHORTLIST_PARAM]: encoded === '' ? null : encoded },
        { history: 'push', scroll: false },
      );
    },
    [setValues],
  );
  return [value, setShortlist];
}
