/**
 * The data requests index.html starts itself, before the scripts have downloaded: the precomputed core
 * (data/trials.json), the first page of the live changes since its data date, and /version. A small inline
 * script (EARLY_REQUESTS_SCRIPT, allowed by its hash in the Content-Security-Policy) adds one
 * `<link rel="preload" as="fetch" crossorigin>` for each address the build wrote into
 * `<meta name="hsct-preload">` tags (earlyRequestUrls), so that the app's own fetch of the same address is
 * answered by the download already under way. It adds none when the page will not ask them:
 *
 * - a fresh saved copy: the app saves the dataset in IndexedDB and, with it, the moment its freshness
 *   window ends (FRESH_UNTIL_KEY in localStorage, a number of ms since 1970). Within it a repeat visit
 *   makes no request at all. A value that is not a plain number, already past, or further ahead than one
 *   window counts as not fresh (the requests are then preloaded, as on a first visit);
 * - `?data=live`: the full live pull asks other addresses and never reads data/trials.json.
 *
 * Then it imports the early entry (src/early-changes.ts, address in `<meta name="hsct-early-module">`),
 * which reads data/trials.json as it arrives and asks the live changes (the preloaded addresses) and
 * classifies them while the app's entry script is still downloading (src/queries/early-data.ts). A
 * failed import costs nothing: the app then does both itself.
 *
 * Kept small and in plain old JavaScript: it runs in every browser that opens the page, before anything else.
 */
import { DEFAULT_QUERY } from '../api/ctgov/default-query.ts';
import { studiesPageUrl, versionUrl } from '../api/ctgov/studies.ts';
import { liveChangesQuery, PRECOMPUTED_DATASET_PATH } from '../domain/precomputed-dataset.ts';

/** Registry data changes daily at most: a saved dataset is fresh for 30 minutes. */
export const FRESHNESS_WINDOW_MS = 30 * 60 * 1000;
/** localStorage key: when the saved dataset's freshness window ends (ms since 1970, as text). */
export const FRESH_UNTIL_KEY = 'hsct-trials-dashboard:fresh-until';
/** The meta tags that carry the addresses to preload, one each, in order. */
export const EARLY_REQUEST_META = 'hsct-preload';
/** The meta tag that carries the address of the early entry (src/early-changes.ts), when the build has one. */
export const EARLY_MODULE_META = 'hsct-early-module';

export const EARLY_REQUESTS_SCRIPT = `(function () {
  var now = Date.now();
  try {
    var saved = localStorage.getItem(${JSON.stringify(FRESH_UNTIL_KEY)});
    if (saved !== null && /^[0-9]{1,15}$/.test(saved)) {
      var left = Number(saved) - now;
      if (left > 0 && left <= ${FRESHNESS_WINDOW_MS}) return;
    }
  } catch (e) {}
  if ((new URLSearchParams(location.search).get('data') || '').trim().toLowerCase() === 'live') return;
  var tags = document.querySelectorAll('meta[name="${EARLY_REQUEST_META}"]');
  for (var i = 0; i < tags.length; i++) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = tags[i].getAttribute('content');
    document.head.appendChild(link);
  }
  var early = document.querySelector('meta[name="${EARLY_MODULE_META}"]');
  if (early !== null) import(early.getAttribute('content')).catch(function () {});
})();`;

/**
 * The addresses index.html preloads, built by the app's own builders (the same parameters in the same
 * order as its requests): the core, and with a data date, the first page of the live changes of the
 * default query since it and /version.
 */
export function earlyRequestUrls(options: {
  /** The site's base path (Vite's `base`). */
  base: string;
  apiBaseUrl: string;
  since: string | undefined;
}): string[] {
  const { base, apiBaseUrl, since } = options;
  return [
    `${base}${PRECOMPUTED_DATASET_PATH}`,
    ...(since === undefined
      ? []
      : [
          studiesPageUrl(liveChangesQuery(DEFAULT_QUERY, since), { baseUrl: apiBaseUrl }),
          versionUrl({ baseUrl: apiBaseUrl }),
        ]),
  ];
}

/**
 * Records (or, with undefined, forgets) when the saved dataset stops being fresh. Fails soft: without
 * localStorage the next visit simply preloads its requests.
 */
export function saveFreshUntil(until: number | undefined): void {
  try {
    if (until === undefined) localStorage.removeItem(FRESH_UNTIL_KEY);
    else localStorage.setItem(FRESH_UNTIL_KEY, String(Math.floor(until)));
  } catch {
    // No storage: nothing is remembered.
  }
}
