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
import { fetchVersion, shortfallMessage, type FetchProgress } from '../api/ctgov/studies.ts';
import {
  compactTrial,
  deltaSinceDate,
  mergeTrials,
  PRECOMPUTED_DATASET_PATH,
  type PrecomputedDataset,
} from '../domain/precomputed-dataset.ts';
import { messageOf } from '../lib/error-message.ts';
import { datasetLoadProgress } from './load-progress.ts';
import { takeEarlyLiveChanges, takeEarlyPrecomputed } from './early-data.ts';
import { askLiveChanges, LIVE_CHANGES_RETRY } from './live-changes.ts';
import { loadPrecomputed, type PrecomputedLoad } from './precomputed-load.ts';
import type { LoadDatasetOptions, SnapshotInfo, TrialDataset } from './trial-queries.ts';

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
    sitesFile: { coreHash: meta.contentHash, liveIds: [] },
  };
}

/**
 * How long the file, when it arrives before the early changes have answered, waits for them before it
 * is drawn alone: when they answer within it, the trials are drawn once, merged, instead of twice (the
 * snapshot, then the merged list: on a phone, each draw is a long task that also delays the other).
 */
export const EARLY_DELTA_GRACE_MS = 800;

/** Resolves when `promise` settles or after `ms`, whichever comes first. */
function settledOrAfter(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
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
 * date. Requests: the precomputed file (same site, once per page), /version and the delta pages. When
 * the page carries the data date of the file it ships (`sinceHint`, from index.html), the delta and
 * /version are asked at once, while the file downloads; a file with another date (replaced after the
 * build) has its own delta asked when it arrives, and the early one is dropped.
 */
export async function loadSnapshotFirst(
  signal: AbortSignal,
  client: QueryClient,
  options: LoadDatasetOptions & { query: StudyQuery; sinceHint?: string | undefined },
  deps: SnapshotFirstDeps,
): Promise<TrialDataset> {
  const live = new AbortController();
  const abortLive = () => live.abort();
  signal.addEventListener('abort', abortLive, { once: true });
  const progress = options.progress ?? datasetLoadProgress;
  const request = {
    signal: live.signal,
    retry: options.retry ?? LIVE_CHANGES_RETRY,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  };
  const askDelta = (since: string, report: boolean) =>
    askLiveChanges(options.query, since, {
      ...request,
      ...(report
        ? { onProgress: (p: FetchProgress) => progress.set({ stage: 'live', ...p }) }
        : {}),
    });
  const hint = options.sinceHint;
  // Asked before the file is read (by index.html's early entry, when the page has one, for the
  // default address): its pages are not shown as the load's progress.
  const taken =
    hint === undefined || options.baseUrl !== undefined ? undefined : takeEarlyLiveChanges(hint);
  if (taken !== undefined) live.signal.addEventListener('abort', taken.drop, { once: true });
  const early = hint === undefined ? undefined : (taken ?? askDelta(hint, false));
  let version = early === undefined ? undefined : fetchVersion(request).catch(() => undefined);
  let earlyAnswered = false;
  early?.asked.then(
    () => (earlyAnswered = true),
    () => (earlyAnswered = true),
  );
  // The file, read once per page. Once in the query cache, useTrialDataset draws it (changes
  // "pending"); when the early changes have already answered, it goes there only with the merged
  // result, so that the page draws the trials once instead of twice.
  const fileKey = precomputedQuery(options.precomputedUrl).queryKey;
  const cached = client.getQueryData(fileKey);
  let unpublished: PrecomputedLoad | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Read by index.html's early entry when the page has one (its own file, at the default address).
    const earlyFile =
      cached === undefined && options.precomputedUrl === undefined
        ? takeEarlyPrecomputed()
        : undefined;
    const load = cached ?? (await (earlyFile ?? loadPrecomputed(signal, options.precomputedUrl)));
    if (
      cached === undefined &&
      load.ok &&
      early !== undefined &&
      !earlyAnswered &&
      early.since === deltaSinceDate(load.dataset.meta)
    ) {
      await settledOrAfter(early.asked, EARLY_DELTA_GRACE_MS);
    }
    const mergeFirst =
      load.ok && earlyAnswered && early?.since === deltaSinceDate(load.dataset.meta);
    if (cached === undefined) {
      if (mergeFirst) unpublished = load;
      else client.setQueryData(fileKey, load);
    }
    if (!load.ok || !sameQuery(load.dataset.meta.query, options.query)) {
      live.abort(); // the early delta, if any
      return await deps.loadFull(signal);
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
    let timedOut = false;
    timer = setTimeout(() => {
      timedOut = true;
      live.abort();
    }, deps.liveTimeoutMs);
    try {
      progress.set({ stage: 'live', loaded: 0, pages: 0 });
      version ??= fetchVersion(request).catch(() => undefined);
      if (early !== undefined && early.since !== since) early.drop();
      const delta = early?.since === since ? early : askDelta(since, true);
      const result = await delta.asked;
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
      const normalized = await delta.normalized;
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
        // The live trials were normalized here in full: only the others need the site lists file.
        sitesFile: {
          coreHash: meta.contentHash,
          liveIds: normalized.trials.map((t) => t.nctId),
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
    }
  } finally {
    if (unpublished !== undefined) client.setQueryData(fileKey, unpublished);
    clearTimeout(timer);
    signal.removeEventListener('abort', abortLive);
    live.abort();
  }
}
