import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, type ApiErrorKind } from '../api/api-error.ts';
import { fetchBundledDataset, type DatasetMeta } from '../api/bundled-dataset.ts';
import {
  DEFAULT_QUERY,
  ctgovWebSearchUrl,
  describeQuery,
  type StudyQuery,
} from '../api/ctgov/default-query.ts';
import {
  fetchAllStudies,
  fetchVersion,
  shortfallMessage,
  type RetryOptions,
} from '../api/ctgov/studies.ts';
import { matchesShape, type ShapeOf } from '../domain/shape.ts';
import { TRIAL_SHAPE, type Trial } from '../domain/trial.ts';
import { messageOf } from '../lib/error-message.ts';
import { datasetLoadProgress, type LoadProgressStore } from './load-progress.ts';
import { loadNormalizer, normalizeInSlices } from './normalize-in-slices.ts';
import { snapshotSinceHint } from './early-data.ts';
import { loadSnapshotFirst, precomputedQuery, snapshotDataset } from './snapshot-first.ts';

/**
 * `snapshot`: the precomputed dataset first, then the live changes since its date (the default);
 * `live`: every study of the query from the live API (`?data=live`, VITE_DATA_MODE=live, mock mode).
 */
export type DataMode = 'snapshot' | 'live';

/** VITE_DATA_MODE=live, or the API emulator (its data is not the snapshot's), make the full pull the default. */
export function defaultDataMode(): DataMode {
  const env = (import.meta as { env?: Partial<ImportMetaEnv> }).env;
  return env?.VITE_DATA_MODE === 'live' || env?.VITE_MOCK === '1' ? 'live' : 'snapshot';
}

/** The precomputed snapshot under the trials (snapshot-first mode) and what the live delta did. */
export type SnapshotInfo = {
  /** When the snapshot's raw records were captured. */
  capturedAt: string;
  /** The date live changes were asked from (yyyy-MM-dd). */
  since?: string;
  delta:
    | { state: 'pending' }
    | { state: 'ok'; updated: number; added: number }
    | { state: 'failed'; reason: string };
};

export type TrialDataset = {
  /** Where the trials came from: the live API, or the bundled sample after the live API failed. */
  source: 'live' | 'bundled';
  trials: Trial[];
  /** Records dropped while normalising (no NCT id, or a duplicate). */
  skipped: number;
  /** Values left out as missing because they could not be right (e.g. an enrollment of 1e308). */
  skippedValues: number;
  /** When this dataset was loaded (ISO date-time). */
  fetchedAt: string;
  /** The registry's data timestamp (live: from /version; bundled: from the file when known). */
  dataTimestamp?: string;
  apiVersion?: string;
  /** The search that produced the trials. */
  query: StudyQuery;
  /** The search as text, exactly as it is shown on the page (API parameters). */
  queryDescription: string;
  /** The same search on the ClinicalTrials.gov website. */
  webSearchUrl: string;
  /** Description of the bundled file, when source is 'bundled'. */
  bundledMeta?: DatasetMeta;
  /** Why the live API was not used, when source is 'bundled'. */
  liveError?: string;
  /** Set when the live pull answered but was short ("N of M studies could be read"), source 'bundled'. */
  liveIncomplete?: boolean;
  /** Snapshot-first mode: the precomputed snapshot and the live delta on top of it. */
  snapshot?: SnapshotInfo;
  /**
   * Set when the trials came from the precomputed core (data/trials.json): their site lists, contacts
   * and other SITE_FILE_FIELDS are in the site lists file of that core (`coreHash`, its content hash)
   * and are added by useSiteLists. The trials of the live delta (`liveIds`) were normalized here in
   * full and already have them.
   */
  sitesFile?: SitesFileRef;
};

/** Where the trials of a dataset read from the precomputed core find their site lists. */
export type SitesFileRef = { coreHash: string; liveIds: string[] };

/** The dataset's fields and their JSON kinds (domain/shape.ts): checked when read back from storage. */
export const DATASET_SHAPE = {
  source: 'string',
  trials: 'array',
  skipped: 'number',
  skippedValues: 'number',
  fetchedAt: 'string',
  dataTimestamp: 'string?',
  apiVersion: 'string?',
  query: 'object',
  queryDescription: 'string',
  webSearchUrl: 'string',
  bundledMeta: 'object?',
  liveError: 'string?',
  liveIncomplete: 'boolean?',
  snapshot: 'object?',
  sitesFile: 'object?',
} as const satisfies ShapeOf<TrialDataset>;

/**
 * Whether `value` is a whole dataset of the current model, made no later than `now`: what the persisted
 * cache may hand back to the page. Anything else (an older or newer model, a damaged or forged copy, a
 * copy stamped in the future) is not used.
 */
export function isUsableDataset(value: unknown, now: number = Date.now()): value is TrialDataset {
  if (!matchesShape(value, DATASET_SHAPE)) return false;
  const dataset = value as TrialDataset;
  if (dataset.source !== 'live' && dataset.source !== 'bundled') return false;
  const fetchedAt = Date.parse(dataset.fetchedAt);
  if (!(fetchedAt <= now)) return false;
  const { sitesFile } = dataset;
  if (
    sitesFile !== undefined &&
    !(
      typeof sitesFile.coreHash === 'string' &&
      Array.isArray(sitesFile.liveIds) &&
      sitesFile.liveIds.every((id) => typeof id === 'string')
    )
  ) {
    return false;
  }
  return dataset.trials.every((trial) => matchesShape(trial, TRIAL_SHAPE));
}

export type LoadDatasetOptions = {
  query?: StudyQuery;
  /** Default: defaultDataMode(). */
  mode?: DataMode;
  /** URL of the precomputed dataset (default: data/trials.json under the site's base URL). */
  precomputedUrl?: string;
  /** Retries of each live request. Default: one quick retry (the bundled sample is the real fallback). */
  retry?: RetryOptions;
  /** Overall budget for the whole live load, in ms. Default 15 000. */
  liveTimeoutMs?: number;
  /** Per-request timeout of the live client, in ms. */
  requestTimeoutMs?: number;
  /** Live API base URL (default: the client's configured base). */
  baseUrl?: string;
  /** URL of the bundled dataset file (default: the client's BUNDLED_DATASET_PATH). */
  bundledUrl?: string;
  progress?: LoadProgressStore;
};

export const DEFAULT_LIVE_TIMEOUT_MS = 15_000;
/** How long the version may lag behind the studies before the trials are shown without it. */
const VERSION_GRACE_MS = 2_000;
const DEFAULT_BROWSER_RETRY: RetryOptions = { retries: 1, baseDelayMs: 500, maxDelayMs: 2_000 };

/** Failures of the live API after which the bundled sample is used instead. */
const FALLBACK_KINDS: readonly ApiErrorKind[] = [
  'network',
  'timeout',
  'http',
  'rate-limited',
  'parse',
];

function describe(query: StudyQuery) {
  return { query, queryDescription: describeQuery(query), webSearchUrl: ctgovWebSearchUrl(query) };
}

function durationText(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

/** Ends a message with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The live pull answered but holds fewer studies than the API counted. */
class IncompletePull extends Error {}

/** The live API and the bundled sample both failed. */
export class DatasetUnavailableError extends Error {
  readonly liveError: string;
  readonly bundledError: string;
  constructor(liveError: string, bundledError: string) {
    super(
      `Neither the live ClinicalTrials.gov API nor the bundled sample could be read. Live API: ${sentence(liveError)} Bundled sample: ${sentence(bundledError)}`,
    );
    this.name = 'DatasetUnavailableError';
    this.liveError = liveError;
    this.bundledError = bundledError;
  }
}

async function loadLive(
  query: StudyQuery,
  signal: AbortSignal,
  options: LoadDatasetOptions,
  progress: LoadProgressStore,
) {
  const client = {
    signal,
    retry: options.retry ?? DEFAULT_BROWSER_RETRY,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  };
  // The version is context only: its failure never blocks the trials.
  const version = fetchVersion(client).catch(() => undefined);
  // The normalizer's chunk loads while the studies are asked (normalize-in-slices.ts).
  loadNormalizer().catch(() => undefined);
  const result = await fetchAllStudies(query, {
    ...client,
    onProgress: (p) => progress.set({ stage: 'live', ...p }),
  });
  return { result, version: await settleWithin(version, VERSION_GRACE_MS) };
}

/** The value of `promise`, or undefined when it has not settled within `ms` (the timer is cleared). */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads the trial dataset: the live API first, within an overall time budget; on a network, timeout,
 * HTTP, rate-limit or parse failure, or a pull that is short of the API's count ("N of M studies could be
 * read"), the bundled sample instead, with that reason. A rejected query (400) or a missing
 * resource (404) is a real error and is thrown. Cancellation through `signal` is passed through.
 */
export async function loadTrialDataset(
  signal: AbortSignal,
  options: LoadDatasetOptions = {},
): Promise<TrialDataset> {
  const query = options.query ?? DEFAULT_QUERY;
  const progress = options.progress ?? datasetLoadProgress;
  const liveTimeoutMs = options.liveTimeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS;

  const live = new AbortController();
  let timedOut = false;
  const abortLive = () => live.abort();
  if (signal.aborted) live.abort();
  else signal.addEventListener('abort', abortLive, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    live.abort();
  }, liveTimeoutMs);

  progress.set({ stage: 'live', loaded: 0, pages: 0 });
  let liveError: string;
  let liveIncomplete = false;
  try {
    const { result, version } = await loadLive(query, live.signal, options, progress);
    clearTimeout(timer); // the time budget is for the API; normalising is ours
    if (!result.completeness.complete) {
      // A short pull is never shown (nor cached, nor remembered as a visit) as the live data.
      throw new IncompletePull(shortfallMessage(result.completeness));
    }
    const { trials, skipped, skippedValues } = await normalizeInSlices(result.studies, signal);
    return {
      source: 'live',
      trials,
      skipped,
      skippedValues,
      fetchedAt: new Date().toISOString(),
      ...(version?.dataTimestamp === undefined ? {} : { dataTimestamp: version.dataTimestamp }),
      ...(version?.apiVersion === undefined ? {} : { apiVersion: version.apiVersion }),
      ...describe(query),
    };
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof IncompletePull) {
      liveError = error.message;
      liveIncomplete = true;
    } else if (timedOut) {
      liveError = `ClinicalTrials.gov did not answer in full within ${durationText(liveTimeoutMs)}.`;
    } else if (error instanceof ApiError && !FALLBACK_KINDS.includes(error.kind)) {
      throw error;
    } else {
      liveError = messageOf(error);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abortLive);
    live.abort(); // cancels whatever live request is still open (e.g. a slow /version)
  }

  progress.set({ stage: 'bundled', liveError });
  let bundled;
  try {
    bundled = await fetchBundledDataset({
      signal,
      ...(options.bundledUrl === undefined ? {} : { url: options.bundledUrl }),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetUnavailableError(liveError, messageOf(error));
  }
  const { trials, skipped, skippedValues } = await normalizeInSlices(bundled.studies, signal);
  const { meta } = bundled;
  return {
    source: 'bundled',
    trials,
    skipped,
    skippedValues,
    fetchedAt: new Date().toISOString(),
    ...(meta.dataTimestamp === undefined ? {} : { dataTimestamp: meta.dataTimestamp }),
    ...(meta.apiVersion === undefined ? {} : { apiVersion: meta.apiVersion }),
    ...describe(meta.query),
    bundledMeta: meta,
    liveError,
    ...(liveIncomplete ? { liveIncomplete } : {}),
  };
}

/**
 * Whether running the whole dataset load again could help: not for a rejected query or a missing
 * resource (the same request gets the same answer).
 */
export function isRetryableDatasetError(error: unknown): boolean {
  return !(error instanceof ApiError && (error.kind === 'rejected' || error.kind === 'not-found'));
}

/** Query definitions of the trial data. Options that are not data (retry timing, progress) stay out of the key. */
export const trialQueries = {
  all: () => ['trials'] as const,
  dataset: (options: LoadDatasetOptions = {}) => {
    const query = options.query ?? DEFAULT_QUERY;
    const mode = options.mode ?? defaultDataMode();
    return queryOptions({
      queryKey: [...trialQueries.all(), 'dataset', describeQuery(query), mode] as const,
      queryFn: ({ signal, client }) =>
        mode === 'live'
          ? loadTrialDataset(signal, { ...options, query })
          : loadSnapshotFirst(
              signal,
              client,
              {
                ...options,
                query,
                // The page's own dataset is of the default query, at the default address.
                sinceHint:
                  options.precomputedUrl === undefined &&
                  describeQuery(query) === describeQuery(DEFAULT_QUERY)
                    ? snapshotSinceHint()
                    : undefined,
              },
              {
                describe,
                loadFull: (s) => loadTrialDataset(s, { ...options, query }),
                liveTimeoutMs: options.liveTimeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS,
              },
            ),
    });
  },
};

/**
 * The trial dataset through the shared query cache. In snapshot-first mode the precomputed snapshot is
 * shown (placeholder data, its live changes "pending") while the live changes are asked.
 */
export function useTrialDataset(options: LoadDatasetOptions = {}) {
  const mode = options.mode ?? defaultDataMode();
  const dataset = trialQueries.dataset(options);
  // Only watched here: the dataset load reads the file when it runs, so a repeat visit within the
  // freshness window (a saved copy, no load) does not read it at all.
  const precomputed = useQuery({ ...precomputedQuery(options.precomputedUrl), enabled: false });
  const description = describeQuery(options.query ?? DEFAULT_QUERY);
  const load = precomputed.data;
  const placeholder = useMemo(
    () =>
      mode === 'snapshot' &&
      load?.ok === true &&
      describeQuery(load.dataset.meta.query) === description
        ? snapshotDataset(load, { state: 'pending' }, describe(load.dataset.meta.query))
        : undefined,
    [mode, load, description],
  );
  return useQuery({ ...dataset, placeholderData: placeholder });
}
