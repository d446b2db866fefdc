/**
 * Instant repeat visits: the trial dataset query is saved in IndexedDB (TanStack Query's persister) so
 * that the next visit draws the charts from it at once and revalidates in the background when it is
 * older than the freshness window. Only the dataset query is saved. A new app version, another default
 * search or field list, or mock mode (the emulator's data) changes the `buster` and so discards the
 * saved copy; a copy older than CACHE_MAX_AGE_MS is discarded too.
 */
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { Query, QueryClient } from '@tanstack/react-query';
import type { PersistQueryClientOptions, Persister } from '@tanstack/react-query-persist-client';
import { DEFAULT_QUERY, STUDY_FIELDS } from '../api/ctgov/default-query.ts';
import { fnv1a } from '../lib/hash.ts';
import { createIdbStorage, type StringStorage } from '../lib/idb-storage.ts';
import { trialQueries } from '../queries/trial-queries.ts';
import { DEFAULT_STALE_TIME_MS } from './query-client.ts';

/** A saved dataset older than this is not used (7 days). */
export const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Within this window a saved live dataset is shown without asking the API again. */
export const FRESHNESS_WINDOW_MS = DEFAULT_STALE_TIME_MS;
/** The storage key of the saved query cache. */
export const CACHE_KEY = 'hsct-trials-dashboard-query-cache';
const IDB_DATABASE = 'hsct-trials-dashboard';
const IDB_STORE = 'query-cache';

/** FNV-1a of a text as 8 hex digits: a short, stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}

export type BusterInput = { appVersion: string; mock: boolean };

/** The cache version: app version + a fingerprint of DEFAULT_QUERY and STUDY_FIELDS (+ mock mode). */
export function cacheBuster({ appVersion, mock }: BusterInput): string {
  const search = fingerprint(JSON.stringify({ query: DEFAULT_QUERY, fields: STUDY_FIELDS }));
  return `${appVersion}:${search}${mock ? ':mock' : ''}`;
}

function isDatasetQuery(query: Query): boolean {
  const [scope, kind] = query.queryKey;
  return scope === trialQueries.all()[0] && kind === 'dataset';
}

function isBundledDataset(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'source' in data && data.source === 'bundled';
}

/** A persister that writes the query cache (as JSON) to `storage`, at most once a second. */
export function createDatasetPersister(storage: StringStorage): Persister {
  return createAsyncStoragePersister({ storage, key: CACHE_KEY, throttleTime: 1000 });
}

/** The IndexedDB persister of this browser, or undefined when there is no IndexedDB. */
export function browserDatasetPersister(): Persister | undefined {
  const storage = createIdbStorage(IDB_DATABASE, IDB_STORE);
  return storage === null ? undefined : createDatasetPersister(storage);
}

export type DatasetPersistOptions = Omit<PersistQueryClientOptions, 'queryClient'>;

/** Persist options: only a successful dataset query is saved; the buster and maxAge discard old copies. */
export function datasetPersistOptions(
  persister: Persister,
  buster: string = cacheBuster({
    appVersion: __APP_VERSION__,
    mock: import.meta.env.VITE_MOCK === '1',
  }),
): DatasetPersistOptions {
  return {
    persister,
    maxAge: CACHE_MAX_AGE_MS,
    buster,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && isDatasetQuery(query),
    },
  };
}

/**
 * Dataset query defaults on a persisted client: kept in memory as long as on disk (gcTime = maxAge), fresh
 * for the freshness window — except the bundled fallback, which is stale at once, so that every visit
 * (and every remount) tries the live API first while the saved copy stays on screen.
 */
export function configureDatasetCache(client: QueryClient): void {
  client.setQueryDefaults(trialQueries.all(), {
    gcTime: CACHE_MAX_AGE_MS,
    staleTime: (query) => (isBundledDataset(query.state.data) ? 0 : FRESHNESS_WINDOW_MS),
  });
}
