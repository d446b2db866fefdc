/**
 * The ClinicalTrials.gov API v2 client: every page of a search, one study, the data version.
 */
import { ApiError } from '../api-error.ts';
import { defaultSleep, getJson, type RequestOptions, type RetryOptions } from '../http.ts';
import { apiBaseUrl, trimTrailingSlash } from './config.ts';
import { queryToSearchParams, STUDY_FIELDS, type StudyQuery } from './default-query.ts';

export type { RetryOptions } from '../http.ts';

export type FetchProgress = { loaded: number; total?: number; pages: number };

export type ClientOptions = {
  baseUrl?: string;
  signal?: AbortSignal;
  retry?: RetryOptions;
  /** Per request, in ms. */
  timeoutMs?: number;
};

export type FetchAllOptions = ClientOptions & {
  /** Studies per page, clamped to 1..1000 (default 1000). */
  pageSize?: number;
  /** Pieces for `fields=` (default STUDY_FIELDS); null asks for every field. */
  fields?: readonly string[] | null;
  onProgress?: (progress: FetchProgress) => void;
  /** Politeness: least time between the starts of two requests, in ms (default 0). */
  minRequestIntervalMs?: number;
};

export type FetchAllResult = {
  studies: unknown[];
  /** From the first page (countTotal=true), when the API gave it. */
  totalCount?: number;
  pages: number;
  /** Sum of the response text lengths. */
  bytes: number;
  /**
   * Pages not followed because the API signalled more but the paging could not go on safely: an empty
   * page that still carried a nextPageToken, or a token already seen (a loop). 0 in a healthy pull.
   */
  skippedPages: number;
};

export const MAX_PAGE_SIZE = 1000;

function requestOptions(options: ClientOptions): RequestOptions {
  const out: RequestOptions = {};
  if (options.signal) out.signal = options.signal;
  if (options.retry) out.retry = options.retry;
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  return out;
}

function base(options: ClientOptions): string {
  return trimTrailingSlash(options.baseUrl ?? apiBaseUrl());
}

function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

type Page = { studies: unknown[]; nextPageToken?: unknown; totalCount?: unknown };

function validatePage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'the page is not a JSON object.';
  }
  if (!Array.isArray((data as { studies?: unknown }).studies)) {
    return 'the page has no "studies" list.';
  }
  return undefined;
}

/**
 * Every study matching `query`, following nextPageToken until the last page. The first request asks for
 * countTotal; later ones repeat every other parameter identically and add pageToken. Stops on an empty
 * page or a token seen before. Throws ApiError.
 */
export async function fetchAllStudies(
  query: StudyQuery,
  options: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const params = queryToSearchParams(query);
  const fields = options.fields === undefined ? STUDY_FIELDS : options.fields;
  if (fields !== null && fields.length > 0) params.set('fields', fields.join(','));
  params.set('pageSize', String(clampPageSize(options.pageSize)));
  const url = `${base(options)}/studies`;
  const interval = Math.max(0, options.minRequestIntervalMs ?? 0);
  const sleep = options.retry?.sleep ?? defaultSleep;
  const request = requestOptions(options);

  const studies: unknown[] = [];
  const seenTokens = new Set<string>();
  let totalCount: number | undefined;
  let pages = 0;
  let bytes = 0;
  let skippedPages = 0;
  let pageToken: string | undefined;
  let lastStart: number | undefined;

  for (;;) {
    const pageParams = new URLSearchParams(params);
    if (pageToken === undefined) pageParams.set('countTotal', 'true');
    else pageParams.set('pageToken', pageToken);

    if (lastStart !== undefined && interval > 0) {
      const wait = interval - (Date.now() - lastStart);
      if (wait > 0) {
        try {
          await sleep(wait, options.signal);
        } catch (error) {
          throw new ApiError('aborted', 'The request to ClinicalTrials.gov was cancelled.', {
            url,
            cause: error,
          });
        }
      }
    }
    lastStart = Date.now();
    const response = await getJson<Page>(`${url}?${pageParams.toString()}`, {
      ...request,
      validate: validatePage,
    });
    const page = response.data;
    pages += 1;
    bytes += response.bytes;
    studies.push(...page.studies);
    if (pages === 1 && typeof page.totalCount === 'number') totalCount = page.totalCount;
    options.onProgress?.({
      loaded: studies.length,
      ...(totalCount !== undefined ? { total: totalCount } : {}),
      pages,
    });

    const next = typeof page.nextPageToken === 'string' ? page.nextPageToken : undefined;
    if (next === undefined || next === '') break;
    if (page.studies.length === 0 || seenTokens.has(next)) {
      skippedPages += 1;
      break;
    }
    seenTokens.add(next);
    pageToken = next;
  }

  return {
    studies,
    ...(totalCount !== undefined ? { totalCount } : {}),
    pages,
    bytes,
    skippedPages,
  };
}

/** GET /studies/{nctId}. A 404 becomes ApiError kind 'not-found'. */
export async function fetchStudy(nctId: string, options: ClientOptions = {}): Promise<unknown> {
  const id = nctId.trim();
  const url = `${base(options)}/studies/${encodeURIComponent(id)}`;
  try {
    const response = await getJson<unknown>(url, {
      ...requestOptions(options),
      validate: (data) =>
        typeof data === 'object' && data !== null && !Array.isArray(data)
          ? undefined
          : 'the study is not a JSON object.',
    });
    return response.data;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not-found') {
      throw new ApiError('not-found', `ClinicalTrials.gov has no study ${id}.`, {
        url,
        status: error.status,
        cause: error,
      });
    }
    throw error;
  }
}

/** GET /version: the API version and the date of the data. */
export async function fetchVersion(
  options: ClientOptions = {},
): Promise<{ apiVersion: string; dataTimestamp?: string }> {
  const response = await getJson<{ apiVersion: string; dataTimestamp?: unknown }>(
    `${base(options)}/version`,
    {
      ...requestOptions(options),
      validate: (data) =>
        typeof data === 'object' &&
        data !== null &&
        typeof (data as { apiVersion?: unknown }).apiVersion === 'string'
          ? undefined
          : 'the version has no apiVersion.',
    },
  );
  const { apiVersion, dataTimestamp } = response.data;
  return typeof dataTimestamp === 'string' ? { apiVersion, dataTimestamp } : { apiVersion };
}
