/**
 * The live changes since the precomputed snapshot's data date: the studies of a query updated since that
 * date, asked from the live API (paged, same fields, with the paging rules of every pull) and normalized
 * as soon as they answer. `askLiveChanges` is the one way to ask them; snapshot-first.ts merges the result.
 *
 * On a cold visit index.html starts this before the app's own script has downloaded: its inline script
 * (src/app/early-requests.ts) imports the small early entry (src/early-changes.ts), which asks the
 * changes since the page's data date and leaves them under EARLY_LIVE_CHANGES_KEY. The normalizer and its
 * rules then load and classify the changed studies while the main thread is otherwise idle, waiting for
 * the entry script, instead of after it (on a phone the classifier's first run, compiling its
 * expressions, takes about half a second). The app takes them over with `takeEarlyLiveChanges`, so the
 * changes are still asked once per visit.
 */
import { DEFAULT_QUERY, type StudyQuery } from '../api/ctgov/default-query.ts';
import {
  fetchAllStudies,
  type ClientOptions,
  type FetchAllResult,
  type FetchProgress,
} from '../api/ctgov/studies.ts';
import type { NormalizedStudies } from '../domain/normalize-study.ts';
import { liveChangesQuery, SNAPSHOT_SINCE_META } from '../domain/precomputed-dataset.ts';
import { loadNormalizer, normalizeInSlices } from './normalize-in-slices.ts';

/** Retries of the live changes: one, soon (the snapshot is on screen meanwhile). */
export const LIVE_CHANGES_RETRY = { retries: 1, baseDelayMs: 500, maxDelayMs: 2_000 } as const;

/** The live changes since `since`, asked and then normalized; `drop` aborts both. */
export type LiveChanges = {
  since: string;
  asked: Promise<FetchAllResult>;
  normalized: Promise<NormalizedStudies>;
  drop: () => void;
};

export function askLiveChanges(
  query: StudyQuery,
  since: string,
  request: Omit<ClientOptions, 'signal'> & {
    signal?: AbortSignal;
    onProgress?: (progress: FetchProgress) => void;
  } = {},
): LiveChanges {
  // The normalizer's chunk loads while the changes are asked.
  loadNormalizer().catch(() => undefined);
  const own = new AbortController();
  request.signal?.addEventListener('abort', () => own.abort(), { once: true });
  const { onProgress, ...client } = request;
  const asked = fetchAllStudies(liveChangesQuery(query, since), {
    retry: LIVE_CHANGES_RETRY,
    ...client,
    signal: own.signal,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  // Normalized as soon as it answers (a short answer too, although it is then never merged).
  const normalized = asked.then((result) => normalizeInSlices(result.studies, own.signal));
  // Read by whoever merges them, or dropped.
  asked.catch(() => undefined);
  normalized.catch(() => undefined);
  return { since, asked, normalized, drop: () => own.abort() };
}

/** Where the early entry leaves the live changes it asked, for the app to take over. */
export const EARLY_LIVE_CHANGES_KEY = '__hsctEarlyLiveChanges';

type EarlyHolder = { [EARLY_LIVE_CHANGES_KEY]?: LiveChanges | undefined };

/**
 * The data date of the precomputed dataset the page was built with, from index.html
 * (SNAPSHOT_SINCE_META), or undefined (no such tag, not a date, no document).
 */
export function snapshotSinceHint(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const tag = document.querySelector(`meta[name="${SNAPSHOT_SINCE_META}"]`);
  const content = tag?.getAttribute('content') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(content) ? content : undefined;
}

/**
 * Run by the early entry: asks the live changes of the default query since the page's data date, at the
 * default API address, once per page. Nothing without a data date.
 */
export function startEarlyLiveChanges(): void {
  const holder = globalThis as EarlyHolder;
  const since = snapshotSinceHint();
  if (since === undefined || holder[EARLY_LIVE_CHANGES_KEY] !== undefined) return;
  holder[EARLY_LIVE_CHANGES_KEY] = askLiveChanges(DEFAULT_QUERY, since);
}

/**
 * The live changes the early entry asked since `since`, handed over once (later calls get undefined).
 * Changes asked since another date are dropped.
 */
export function takeEarlyLiveChanges(since: string): LiveChanges | undefined {
  const holder = globalThis as EarlyHolder;
  const early = holder[EARLY_LIVE_CHANGES_KEY];
  if (early === undefined) return undefined;
  holder[EARLY_LIVE_CHANGES_KEY] = undefined;
  if (early.since === since) return early;
  early.drop();
  return undefined;
}
