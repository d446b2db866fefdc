/**
 * Instant repeat visits: the trial dataset query is saved in IndexedDB (TanStack Query's persister) so
 * that the next visit draws the charts from it at once and revalidates in the background when it is
 * older than the freshness window. Only the dataset query is saved. Another shape of the trial or dataset
 * model, another default search or field list, or mock mode (the emulator's data) changes the `buster`
 * and so discards the saved copy; a copy older than CACHE_MAX_AGE_MS is discarded too. What is read back
 * is checked, not trusted: a dataset that does not fit the model, or a copy stamped later than now, is
 * dropped and the data is loaded again.
 */
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { DehydratedState, Query, QueryClient } from '@tanstack/react-query';
import type {
  PersistedClient,
  PersistQueryClientOptions,
  Persister,
} from '@tanstack/react-query-persist-client';
import { DEFAULT_QUERY, STUDY_FIELDS } from '../api/ctgov/default-query.ts';
import { fnv1a } from '../lib/hash.ts';
import { createIdbStorage, type StringStorage } from '../lib/idb-storage.ts';
import { whenDrawsDone } from '../lib/pending-draws.ts';
import { TRIAL_SHAPE } from '../domain/trial.ts';
import { DATASET_SHAPE, isUsableDataset, trialQueries } from '../queries/trial-queries.ts';
import { DEFAULT_STALE_TIME_MS } from './query-client.ts';
import { saveFreshUntil } from './early-requests.ts';

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

export type BusterInput = {
  mock: boolean;
  /** The persisted model (default: the dataset and trial shapes the app reads back). */
  shape?: unknown;
};

const PERSISTED_SHAPE = { dataset: DATASET_SHAPE, trial: TRIAL_SHAPE };

/**
 * The cache version: a fingerprint of the persisted model's shape, DEFAULT_QUERY and STUDY_FIELDS (+ mock
 * mode). It changes whenever what is saved would be read differently, without anyone bumping a version.
 */
export function cacheBuster({ mock, shape = PERSISTED_SHAPE }: BusterInput): string {
  const model = fingerprint(JSON.stringify(shape));
  const search = fingerprint(JSON.stringify({ query: DEFAULT_QUERY, fields: STUDY_FIELDS }));
  return `${model}:${search}${mock ? ':mock' : ''}`;
}

const NOTHING_SAVED: PersistedClient = {
  timestamp: 0,
  buster: '',
  clientState: { mutations: [], queries: [] },
};

function isUsableDatasetQuery(value: unknown, now: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { queryKey, state } = value as { queryKey?: unknown; state?: unknown };
  if (!Array.isArray(queryKey) || queryKey[0] !== trialQueries.all()[0]) return false;
  if (queryKey[1] !== 'dataset' || typeof state !== 'object' || state === null) return false;
  const { status, dataUpdatedAt, data } = state as Record<string, unknown>;
  return (
    status === 'success' &&
    typeof dataUpdatedAt === 'number' &&
    dataUpdatedAt <= now &&
    isUsableDataset(data, now)
  );
}

/**
 * The saved query cache as it may be used: only dataset queries that fit the current model and were saved
 * no later than `now`; nothing at all (which the persister then deletes) when the copy itself is stamped
 * in the future or is not a saved cache.
 */
export function usablePersistedClient(value: unknown, now: number = Date.now()): PersistedClient {
  if (typeof value !== 'object' || value === null) return NOTHING_SAVED;
  const { timestamp, buster, clientState } = value as Record<string, unknown>;
  if (typeof timestamp !== 'number' || !(timestamp <= now) || typeof buster !== 'string') {
    return NOTHING_SAVED;
  }
  const queries = (clientState as { queries?: unknown } | null)?.queries;
  return {
    timestamp,
    buster,
    clientState: {
      mutations: [],
      queries: Array.isArray(queries)
        ? (queries as DehydratedState['queries']).filter((q) => isUsableDatasetQuery(q, now))
        : [],
    },
  };
}

function isDatasetQuery(query: Query): boolean {
  const [scope, kind] = query.queryKey;
  return scope === trialQueries.all()[0] && kind === 'dataset';
}

function isBundledDataset(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'source' in data && data.source === 'bundled';
}

/**
 * When a repeat visit stops using `client`'s saved dataset of the page's own search without asking: the
 * end of its freshness window; undefined when there is none, or it is the bundled fallback (stale at once).
 */
function freshUntilOf(client: PersistedClient): number | undefined {
  const key = JSON.stringify(trialQueries.dataset().queryKey);
  const saved = client.clientState.queries.find((q) => JSON.stringify(q.queryKey) === key);
  if (saved?.state.status !== 'success' || isBundledDataset(saved.state.data)) return undefined;
  return saved.state.dataUpdatedAt + FRESHNESS_WINDOW_MS;
}

/** How long a save may wait for the page to be idle. */
const SAVE_IDLE_TIMEOUT_MS = 5_000;

/**
 * Resolves when the browser has an idle moment (requestIdleCallback), at the latest after `timeoutMs`;
 * without requestIdleCallback, after the current task.
 */
function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/**
 * A persister that writes the query cache (as JSON) to `storage`, at most once a second. Turning a
 * dataset of thousands of trials into JSON takes a long task (about 0.7 s on a mid-range phone at 3,000
 * trials), so it waits for an idle moment: not while the dataset that was just loaded is being drawn.
 */
export function createDatasetPersister(storage: StringStorage): Persister {
  // When the copy being saved stops being fresh: recorded once it is written (src/app/early-requests.ts).
  let freshUntil: number | undefined;
  // The saved copy is read as soon as the persister is made (before the app's first render), not when
  // the provider asks for it after that render: the storage works while the page renders, and on a
  // phone the dataset's query (which waits for this read) starts about 0.2 s sooner.
  let readAhead: Promise<string | null | undefined> | undefined = storage.getItem(CACHE_KEY);
  readAhead.catch(() => undefined); // reported to the provider when it asks
  return createAsyncStoragePersister({
    storage: {
      getItem: (key) => {
        const ahead = key === CACHE_KEY ? readAhead : undefined;
        readAhead = undefined;
        return ahead ?? storage.getItem(key);
      },
      setItem: async (key, value) => {
        const until = freshUntil;
        await storage.setItem(key, value);
        saveFreshUntil(until);
      },
      removeItem: async (key) => {
        saveFreshUntil(undefined);
        await storage.removeItem(key);
      },
    },
    key: CACHE_KEY,
    throttleTime: 1000,
    serialize: async (client) => {
      // Not between the first view's chart drawings (src/lib/pending-draws.ts), then in an idle moment.
      await whenDrawsDone();
      await whenIdle(SAVE_IDLE_TIMEOUT_MS);
      freshUntil = freshUntilOf(client);
      return JSON.stringify(client);
    },
    deserialize: (text) => usablePersistedClient(JSON.parse(text)),
  });
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
  buster: string = cacheBuster({ mock: import.meta.env.VITE_MOCK === '1' }),
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
