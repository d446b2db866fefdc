import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { fetchStudy, type RetryOptions } from '../api/ctgov/studies.ts';
import { normalizeStudy } from '../domain/normalize-study.ts';
import { extractTrialDetail, type TrialDetailInfo } from '../domain/trial-detail.ts';
import type { Trial } from '../domain/trial.ts';

/** One full study record, as the trial detail shows it. */
export type TrialDetailRecord = { trial: Trial; detail: TrialDetailInfo };

export type TrialDetailOptions = {
  /** Live API base URL (default: the client's configured base). */
  baseUrl?: string;
  /** Retries of the request. Default: one quick retry (the page offers a Retry button). */
  retry?: RetryOptions;
  /** Per-request timeout, in ms. */
  timeoutMs?: number;
};

const DEFAULT_DETAIL_RETRY: RetryOptions = { retries: 1, baseDelayMs: 300, maxDelayMs: 1_000 };

/** Loads and reads one full study record (GET /studies/{nctId}). */
export async function loadTrialDetail(
  nctId: string,
  signal: AbortSignal,
  options: TrialDetailOptions = {},
): Promise<TrialDetailRecord> {
  const raw = await fetchStudy(nctId, {
    signal,
    retry: options.retry ?? DEFAULT_DETAIL_RETRY,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const trial = normalizeStudy(raw);
  if (trial === null) {
    throw new ApiError(
      'parse',
      `ClinicalTrials.gov returned a record for ${nctId} without an NCT id.`,
      {
        url: nctId,
      },
    );
  }
  return { trial, detail: extractTrialDetail(raw) };
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

/** The full record of one trial, through the shared query cache. */
export function useTrialDetail(nctId: string, options?: TrialDetailOptions) {
  return useQuery(trialDetailQueries.detail(nctId, options));
}

/** Whether the registry said it has no such study (HTTP 404): retrying will not help. */
export function isTrialNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'not-found';
}

/** Whether the registry refused the id itself (HTTP 400, e.g. a malformed NCT id). */
export function isTrialRejected(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'rejected';
}
