import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, type ApiErrorKind } from '../api/api-error.ts';
import { fetchStudy, type RetryOptions } from '../api/ctgov/studies.ts';
import { fetchSiteJson, siteFileUrl } from '../api/site-data.ts';
import { detailShardOf, detailShardPath, studyInShard } from '../domain/precomputed-dataset.ts';
import { normalizeStudy } from '../domain/normalize-study.ts';
import type { Trial } from '../domain/trial.ts';

/**
 * One full study record as a Trial (normalizeStudy, the same model as the list): from the live API, or,
 * when it cannot be reached, from the snapshot's detail shard (`offlineReason` says why the live record
 * was not used).
 */
export type TrialDetailRecord = { trial: Trial; offlineReason?: string };

export type TrialDetailOptions = {
  /** Live API base URL (default: the client's configured base). */
  baseUrl?: string;
  /** Retries of the request. Default: one quick retry (the page offers a Retry button). */
  retry?: RetryOptions;
  /** Per-request timeout, in ms. */
  timeoutMs?: number;
  /** Base URL of the detail shards (default: data/details/ under the site's base URL). */
  shardBaseUrl?: string;
};

/** Failures after which the snapshot's copy of the record is used: not a 404 or a rejected id. */
const OFFLINE_KINDS: readonly ApiErrorKind[] = [
  'network',
  'timeout',
  'http',
  'rate-limited',
  'parse',
];

function readRecord(raw: unknown, nctId: string): Trial {
  const trial = normalizeStudy(raw);
  if (trial === null) {
    throw new ApiError('parse', `The record of ${nctId} has no NCT id.`, { url: nctId });
  }
  return trial;
}

/** The snapshot's raw record of `nctId` (data/details/NN.json), or undefined when it has none. */
async function snapshotRecord(
  nctId: string,
  signal: AbortSignal,
  options: TrialDetailOptions,
): Promise<unknown> {
  const relative = detailShardPath(detailShardOf(nctId));
  const url =
    options.shardBaseUrl === undefined
      ? siteFileUrl(relative)
      : `${options.shardBaseUrl.replace(/\/+$/, '')}/${relative.split('/').at(-1) ?? ''}`;
  try {
    const { data } = await fetchSiteJson(url, { signal });
    return studyInShard(data, nctId);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

const DEFAULT_DETAIL_RETRY: RetryOptions = { retries: 1, baseDelayMs: 300, maxDelayMs: 1_000 };

/**
 * Loads and reads one full study record: GET /studies/{nctId} first; when the live API cannot be reached
 * (network, timeout, server error, rate limit, unreadable answer), the copy in the snapshot's detail
 * shard, if it has one. A 404 or a rejected id is the registry's answer and is thrown.
 */
export async function loadTrialDetail(
  nctId: string,
  signal: AbortSignal,
  options: TrialDetailOptions = {},
): Promise<TrialDetailRecord> {
  let raw: unknown;
  try {
    raw = await fetchStudy(nctId, {
      signal,
      retry: options.retry ?? DEFAULT_DETAIL_RETRY,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  } catch (error) {
    if (signal.aborted || !(error instanceof ApiError) || !OFFLINE_KINDS.includes(error.kind)) {
      throw error;
    }
    const copy = await snapshotRecord(nctId.trim().toUpperCase(), signal, options);
    if (copy === undefined) throw error;
    return { trial: readRecord(copy, nctId), offlineReason: error.message };
  }
  return { trial: readRecord(raw, nctId) };
}

/** Query definitions of single trial records. Options that are not data (retry timing) stay out of the key. */
export const trialDetailQueries = {
  all: () => ['trial-detail'] as const,
  detail: (nctId: string, options: TrialDetailOptions = {}) =>
    queryOptions({
      queryKey: [...trialDetailQueries.all(), nctId.trim().toUpperCase()] as const,
      queryFn: ({ signal }) => loadTrialDetail(nctId, signal, options),
    }),
};

/**
 * The full record of one trial, through the shared query cache. `listTrial`, the trial as the loaded
 * list holds it, is shown at once as placeholder data (`isPlaceholderData`) until the full record is in.
 */
export function useTrialDetail(nctId: string, listTrial?: Trial, options?: TrialDetailOptions) {
  const placeholderData = useMemo(
    () => (listTrial === undefined ? undefined : { trial: listTrial }),
    [listTrial],
  );
  return useQuery({ ...trialDetailQueries.detail(nctId, options), placeholderData });
}

/** Whether the registry said it has no such study (HTTP 404): retrying will not help. */
export function isTrialNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'not-found';
}

/** Whether the registry refused the id itself (HTTP 400, e.g. a malformed NCT id). */
export function isTrialRejected(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'rejected';
}
