/**
 * The ClinicalTrials.gov API v2 client: every page of a search, one study, the data version.
 */
import { pluralWord } from '../../lib/format.ts';
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

/**
 * Whether a pull holds every study the API counted. `complete` is false when paging could not go on safely
 * (more than MAX_CONSECUTIVE_EMPTY_PAGES empty pages in a row that still carry a token, or a token seen
 * before) or when it ended with fewer studies than `totalCount`. A short pull must never be presented,
 * cached or published as the full result: `shortfallMessage` says "N of M studies could be read".
 */
export type PullCompleteness =
  | { complete: true }
  | {
      complete: false;
      /** Distinct studies read (records without an NCT id count once each). */
      read: number;
      /** The API's count, when it gave one. */
      total?: number;
      /** Why paging ended early, in a few words. */
      reason: string;
    };

export type FetchAllResult = {
  studies: unknown[];
  /** From the first page (countTotal=true), when the API gave it. */
  totalCount?: number;
  pages: number;
  /** Sum of the response text lengths. */
  bytes: number;
  /** Empty pages that carried a nextPageToken and were followed (a paging quirk). */
  emptyPages: number;
  completeness: PullCompleteness;
};

/** At most this many empty pages in a row (each still carrying a token) are read before the pull gives up. */
export const MAX_CONSECUTIVE_EMPTY_PAGES = 3;

/** "7 of 40 studies could be read (paging stopped early: …)." — the one wording of a short pull. */
export function shortfallMessage(
  completeness: Extract<PullCompleteness, { complete: false }>,
): string {
  const { read, total, reason } = completeness;
  const count = total === undefined ? `Only ${read}` : `${read} of ${total}`;
  return `${count} ${pluralWord(total ?? read, 'study', 'studies')} could be read from ClinicalTrials.gov (${reason}).`;
}

function nctIdOf(study: unknown): string | undefined {
  const id = (study as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)
    ?.protocolSection?.identificationModule?.nctId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Distinct studies among `studies`: a study sent on two pages counts once, a record without an id once. */
function distinctCount(studies: readonly unknown[]): number {
  const ids = new Set<string>();
  let withoutId = 0;
  for (const study of studies) {
    const id = nctIdOf(study);
    if (id === undefined) withoutId += 1;
    else ids.add(id);
  }
  return ids.size + withoutId;
}

function judge(
  studies: readonly unknown[],
  totalCount: number | undefined,
  stoppedEarly: string | undefined,
): PullCompleteness {
  const read = distinctCount(studies);
  const total = totalCount === undefined ? {} : { total: totalCount };
  if (totalCount !== undefined && read < totalCount) {
    return {
      complete: false,
      read,
      ...total,
      reason: stoppedEarly ?? 'the last page came before the counted total',
    };
  }
  // Without a count, a pull cut short by the paging itself cannot be known to be whole.
  if (totalCount === undefined && stoppedEarly !== undefined) {
    return { complete: false, read, reason: stoppedEarly };
  }
  return { complete: true };
}

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
 * The address of one page of a search: the query's parameters, `fields`, `pageSize`, then `countTotal=true`
 * on the first page or `pageToken` on a later one, always in this order. The one builder of these
 * addresses: index.html's early requests (vite.config.ts) preload exactly the first page the app asks.
 */
export function studiesPageUrl(
  query: StudyQuery,
  options: Pick<FetchAllOptions, 'baseUrl' | 'fields' | 'pageSize'> = {},
  pageToken?: string,
): string {
  const params = queryToSearchParams(query);
  const fields = options.fields === undefined ? STUDY_FIELDS : options.fields;
  if (fields !== null && fields.length > 0) params.set('fields', fields.join(','));
  params.set('pageSize', String(clampPageSize(options.pageSize)));
  if (pageToken === undefined) params.set('countTotal', 'true');
  else params.set('pageToken', pageToken);
  return `${base(options)}/studies?${params.toString()}`;
}

/** The address of GET /version. */
export function versionUrl(options: Pick<ClientOptions, 'baseUrl'> = {}): string {
  return `${base(options)}/version`;
}

/**
 * Every study matching `query`, following nextPageToken until the last page: the one paging function of
 * the browser and the nightly snapshot. The first request asks for countTotal; later ones repeat every
 * other parameter identically and add pageToken. An empty page that still carries a token is followed (up
 * to MAX_CONSECUTIVE_EMPTY_PAGES in a row); a token seen before stops the pull (a loop). The result says
 * whether the pull is complete (compared with totalCount). Throws ApiError.
 */
export async function fetchAllStudies(
  query: StudyQuery,
  options: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const url = `${base(options)}/studies`;
  const interval = Math.max(0, options.minRequestIntervalMs ?? 0);
  const sleep = options.retry?.sleep ?? defaultSleep;
  const request = requestOptions(options);

  const studies: unknown[] = [];
  const seenTokens = new Set<string>();
  let totalCount: number | undefined;
  let pages = 0;
  let bytes = 0;
  let emptyPages = 0;
  let emptyInARow = 0;
  let stoppedEarly: string | undefined;
  let pageToken: string | undefined;
  let lastStart: number | undefined;

  for (;;) {
    const pageUrl = studiesPageUrl(query, options, pageToken);

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
    const response = await getJson<Page>(pageUrl, {
      ...request,
      validate: validatePage,
    });
    const page = response.data;
    pages += 1;
    bytes += response.bytes;
    studies.push(...page.studies);
    if (pages === 1 && isCount(page.totalCount)) totalCount = page.totalCount;
    options.onProgress?.({
      loaded: studies.length,
      ...(totalCount !== undefined ? { total: totalCount } : {}),
      pages,
    });

    const next = typeof page.nextPageToken === 'string' ? page.nextPageToken : undefined;
    if (next === undefined || next === '') break;
    if (seenTokens.has(next)) {
      stoppedEarly = 'paging stopped early: the API repeated a page token';
      break;
    }
    if (page.studies.length === 0) {
      emptyPages += 1;
      emptyInARow += 1;
      if (emptyInARow >= MAX_CONSECUTIVE_EMPTY_PAGES) {
        stoppedEarly = `paging stopped early: ${emptyInARow} empty pages in a row`;
        break;
      }
    } else {
      emptyInARow = 0;
    }
    seenTokens.add(next);
    pageToken = next;
  }

  return {
    studies,
    ...(totalCount !== undefined ? { totalCount } : {}),
    pages,
    bytes,
    emptyPages,
    completeness: judge(studies, totalCount, stoppedEarly),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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
    versionUrl(options),
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
  return isDateTime(dataTimestamp) ? { apiVersion, dataTimestamp } : { apiVersion };
}

/** A real calendar date, optionally with a time ("2025-09-24" or "2025-09-24T09:00:05"): what dataTimestamp must be to be shown. */
function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(
      value.trim(),
    );
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}
