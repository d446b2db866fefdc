/**
 * Snapshot first, live changes on top: the precomputed dataset (data/trials.json, already normalized and
 * classified by the snapshot job) is drawn at once; then only the studies of the same query updated since
 * the snapshot's data date are asked from the live API (paged, same fields), normalized here and merged by
 * NCT id. A failed or incomplete delta keeps the snapshot, says why, and marks nothing as updated. Without
 * a usable precomputed file the full live pull runs instead.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import type { DatasetMeta } from '../api/bundled-dataset.ts';
import { describeQuery, type StudyQuery } from '../api/ctgov/default-query.ts';
import { fetchAllStudies, fetchVersion, shortfallMessage } from '../api/ctgov/studies.ts';
import { fetchSiteJson, siteFileUrl } from '../api/site-data.ts';
import {
  compactTrial,
  deltaSinceDate,
  mergeTrials,
  PRECOMPUTED_DATASET_PATH,
  readPrecomputedDataset,
  updatedSinceFilter,
  type PrecomputedDataset,
} from '../domain/precomputed-dataset.ts';
import { messageOf } from '../lib/error-message.ts';
import { datasetLoadProgress } from './load-progress.ts';
import { normalizeInSlices } from './normalize-in-slices.ts';
import type { LoadDatasetOptions, SnapshotInfo, TrialDataset } from './trial-queries.ts';

/** The precomputed dataset as read from the site, or why it cannot be used. */
export type PrecomputedLoad =
  | { ok: true; dataset: PrecomputedDataset; invalidTrials: number; bytes: number }
  | { ok: false; problem: string };

export async function loadPrecomputed(
  signal: AbortSignal,
  url: string = siteFileUrl(PRECOMPUTED_DATASET_PATH),
): Promise<PrecomputedLoad> {
  try {
    const { data, bytes } = await fetchSiteJson(url, { signal });
    const read = readPrecomputedDataset(data);
    return read.ok
      ? { ok: true, dataset: read.dataset, invalidTrials: read.invalidTrials, bytes }
      : { ok: false, problem: `The precomputed dataset is damaged: ${read.problem}` };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The precomputed file, once per page (a refetch of the dataset asks only for the delta). */
export const precomputedQuery = (url?: string) =>
  queryOptions({
    queryKey: ['trials', 'precomputed', url ?? PRECOMPUTED_DATASET_PATH] as const,
    queryFn: ({ signal }) => loadPrecomputed(signal, url),
    staleTime: Infinity,
  });

function sameQuery(a: StudyQuery, b: StudyQuery): boolean {
  return describeQuery(a) === describeQuery(b);
}

function bundledMetaOf(dataset: PrecomputedDataset): DatasetMeta {
  const { meta } = dataset;
  return {
    kind: meta.kind,
    source: meta.source,
    description: meta.description,
    query: meta.query,
    capturedAt: meta.capturedAt,
    ...(meta.apiVersion === undefined ? {} : { apiVersion: meta.apiVersion }),
    ...(meta.dataTimestamp === undefined ? {} : { dataTimestamp: meta.dataTimestamp }),
    studyCount: meta.trialCount,
  };
}

/** The snapshot alone, as shown while the live changes are being asked (or after they failed). */
export function snapshotDataset(
  load: Extract<PrecomputedLoad, { ok: true }>,
  delta: SnapshotInfo['delta'],
  describe: Pick<TrialDataset, 'query' | 'queryDescription' | 'webSearchUrl'>,
  /** The delta answered but was short ("N of M studies could be read"). */
  incomplete = false,
): TrialDataset {
  const { meta } = load.dataset;
  const since = deltaSinceDate(meta);
  return {
    source: 'bundled',
    trials: load.dataset.trials,
    skipped: meta.skipped + load.invalidTrials,
    skippedValues: meta.skippedValues ?? 0,
    fetchedAt: new Date().toISOString(),
    ...(meta.dataTimestamp === undefined ? {} : { dataTimestamp: meta.dataTimestamp }),
    ...(meta.apiVersion === undefined ? {} : { apiVersion: meta.apiVersion }),
    ...describe,
    bundledMeta: bundledMetaOf(load.dataset),
    ...(delta.state === 'failed' ? { liveError: delta.reason } : {}),
    ...(incomplete ? { liveIncomplete: true } : {}),
    snapshot: { capturedAt: meta.capturedAt, ...(since ? { since } : {}), delta },
  };
}

export type SnapshotFirstDeps = {
  describe: (
    query: StudyQuery,
  ) => Pick<TrialDataset, 'query' | 'queryDescription' | 'webSearchUrl'>;
  /** The full live pull (with its own bundled fallback), used when no precomputed dataset fits. */
  loadFull: (signal: AbortSignal) => Promise<TrialDataset>;
  liveTimeoutMs: number;
};

/**
 * The dataset of snapshot-first mode: the precomputed snapshot plus the live changes since its data
 * date. Requests: the precomputed file (same site, once per page), /version and the delta pages.
 */
export async function loadSnapshotFirst(
  signal: AbortSignal,
  client: QueryClient,
  options: LoadDatasetOptions & { query: StudyQuery },
  deps: SnapshotFirstDeps,
): Promise<TrialDataset> {
  const load = await client.fetchQuery(precomputedQuery(options.precomputedUrl));
  if (!load.ok || !sameQuery(load.dataset.meta.query, options.query)) {
    return deps.loadFull(signal);
  }
  const describe = deps.describe(options.query);
  const since = deltaSinceDate(load.dataset.meta);
  if (since === undefined) {
    return snapshotDataset(
      load,
      { state: 'failed', reason: 'The snapshot has no data date to ask changes from.' },
      describe,
    );
  }

  const live = new AbortController();
  const abortLive = () => live.abort();
  signal.addEventListener('abort', abortLive, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    live.abort();
  }, deps.liveTimeoutMs);
  const progress = options.progress ?? datasetLoadProgress;
  const request = {
    signal: live.signal,
    retry: options.retry ?? { retries: 1, baseDelayMs: 500, maxDelayMs: 2_000 },
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  };
  try {
    progress.set({ stage: 'live', loaded: 0, pages: 0 });
    const version = fetchVersion(request).catch(() => undefined);
    const result = await fetchAllStudies(
      { ...options.query, 'filter.advanced': updatedSinceFilter(since) },
      { ...request, onProgress: (p) => progress.set({ stage: 'live', ...p }) },
    );
    clearTimeout(timer);
    // The paging rules of every pull (src/api/ctgov/studies.ts): a short delta is never merged.
    if (!result.completeness.complete) {
      return snapshotDataset(
        load,
        { state: 'failed', reason: shortfallMessage(result.completeness) },
        describe,
        true,
      );
    }
    const normalized = await normalizeInSlices(result.studies, signal);
    const merged = mergeTrials(load.dataset.trials, normalized.trials.map(compactTrial));
    const v = await version;
    const { meta } = load.dataset;
    const dataTimestamp = v?.dataTimestamp ?? meta.dataTimestamp;
    const apiVersion = v?.apiVersion ?? meta.apiVersion;
    return {
      source: 'live',
      trials: merged.trials,
      skipped: meta.skipped + load.invalidTrials + normalized.skipped,
      skippedValues: (meta.skippedValues ?? 0) + normalized.skippedValues,
      fetchedAt: new Date().toISOString(),
      ...(dataTimestamp === undefined ? {} : { dataTimestamp }),
      ...(apiVersion === undefined ? {} : { apiVersion }),
      ...describe,
      snapshot: {
        capturedAt: meta.capturedAt,
        since,
        delta: { state: 'ok', updated: normalized.trials.length, added: merged.added },
      },
    };
  } catch (error) {
    if (signal.aborted) throw error;
    const reason = timedOut
      ? `ClinicalTrials.gov did not answer within ${Math.round(deps.liveTimeoutMs / 1000)} seconds.`
      : error instanceof ApiError
        ? error.message
        : messageOf(error);
    return snapshotDataset(load, { state: 'failed', reason }, describe);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abortLive);
    live.abort();
  }
}
