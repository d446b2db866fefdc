/**
 * The live changes since the precomputed snapshot's data date: the studies of a query updated since that
 * date, asked from the live API (paged, same fields, with the paging rules of every pull) and normalized
 * as soon as they answer. `askLiveChanges` is the one way to ask them; snapshot-first.ts merges the result.
 *
 * On a cold visit index.html's early entry asks them before the app's script has arrived
 * (src/queries/early-data.ts).
 */
import type { StudyQuery } from '../api/ctgov/default-query.ts';
import {
  fetchAllStudies,
  type ClientOptions,
  type FetchAllResult,
  type FetchProgress,
} from '../api/ctgov/studies.ts';
import type { NormalizedStudies } from '../domain/normalize-study.ts';
import { liveChangesQuery } from '../domain/precomputed-dataset.ts';
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
