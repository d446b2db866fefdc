/**
 * A patient's shortlist of trials: pure encode/decode for the URL (`shortlist=NCT…,NCT…`) and for
 * local storage. No browser APIs here.
 */

/** URL parameter that carries a shared shortlist. */
export const SHORTLIST_PARAM = 'shortlist';

/** localStorage key of the saved shortlist (a JSON array of NCT ids). */
export const SHORTLIST_STORAGE_KEY = 'hsct-trials:shortlist';

/** Upper bound on a shortlist, so a crafted link cannot make a huge page. */
export const SHORTLIST_MAX = 100;

const NCT_ID = /^NCT\d{8}$/;

/** Normalises one id ("nct01234567 " -> "NCT01234567"); null when it is not an NCT id. */
export function normalizeNctId(value: string): string | null {
  const id = value.trim().toUpperCase();
  return NCT_ID.test(id) ? id : null;
}

/** Valid, distinct ids in first-seen order, at most SHORTLIST_MAX. */
export function cleanShortlist(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of ids) {
    const id = normalizeNctId(raw);
    if (id !== null && !out.includes(id)) out.push(id);
    if (out.length >= SHORTLIST_MAX) break;
  }
  return out;
}

/** The URL parameter value: "NCT…,NCT…" (empty string for an empty list). */
export function encodeShortlist(ids: readonly string[]): string {
  return cleanShortlist(ids).join(',');
}

/** Reads a URL parameter value; accepts commas (raw or %2C-decoded), spaces and lower case; drops anything else. */
export function decodeShortlist(value: string | null | undefined): string[] {
  if (!value) return [];
  return cleanShortlist(value.split(/[,\s]+/));
}

/** Adds the id when absent, removes it when present. */
export function toggleShortlist(ids: readonly string[], nctId: string): string[] {
  const id = normalizeNctId(nctId);
  if (id === null) return [...ids];
  return ids.includes(id) ? ids.filter((x) => x !== id) : cleanShortlist([...ids, id]);
}

/** Adds ids that are not in the list yet (keeps order: existing first). */
export function mergeShortlists(current: readonly string[], added: readonly string[]): string[] {
  return cleanShortlist([...current, ...added]);
}

/** Serialises for localStorage. */
export function serializeShortlist(ids: readonly string[]): string {
  return JSON.stringify(cleanShortlist(ids));
}

/** Reads what localStorage held; anything unreadable is an empty list. */
export function parseStoredShortlist(stored: string | null | undefined): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return cleanShortlist(value.filter((x): x is string => typeof x === 'string'));
  } catch {
    return [];
  }
}

/**
 * A link that reopens the shortlist in the patient view: the given page URL with `view=patient` and
 * `shortlist=NCT…,NCT…` (commas kept readable), other parameters kept, any `trial` selection dropped.
 */
export function shortlistUrl(pageUrl: string, ids: readonly string[]): string {
  const url = new URL(pageUrl);
  const params = new URLSearchParams(url.search);
  params.delete(SHORTLIST_PARAM);
  params.delete('trial');
  params.set('view', 'patient');
  const rest = params.toString();
  const encoded = encodeShortlist(ids);
  const query = [rest, encoded ? `${SHORTLIST_PARAM}=${encoded}` : ''].filter(Boolean).join('&');
  url.search = query ? `?${query}` : '';
  return url.toString();
}
