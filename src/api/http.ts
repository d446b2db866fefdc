/**
 * GET with the failure handling the ClinicalTrials.gov API needs: a per-request timeout combined with the
 * caller's AbortSignal, bounded retries with exponential backoff and full jitter for 429, 5xx, network
 * failures and timeouts (honouring Retry-After), and errors turned into ApiError kinds.
 */
import { ApiError } from './api-error.ts';

export type RetryOptions = {
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff ceiling in ms (default 500); doubles on each retry. */
  baseDelayMs?: number;
  /** Largest wait between attempts, also the cap for Retry-After (default 30 000). */
  maxDelayMs?: number;
  /** Injectable wait (tests pass an instant one). Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type RequestOptions = {
  signal?: AbortSignal;
  retry?: RetryOptions;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** The browser's fetch priority: 'low' for what the first view does not wait for. */
  priority?: RequestPriority;
  /**
   * Who answers, as the error messages name it (default "ClinicalTrials.gov"); written to be read
   * mid-sentence ("Could not reach …") and capitalised at a sentence's start.
   */
  source?: string;
};

const DEFAULT_SOURCE = 'ClinicalTrials.gov';

/** `source` at the start of a sentence. */
function sentenceStart(source: string): string {
  return source.charAt(0).toUpperCase() + source.slice(1);
}

/**
 * The parsed body, its size, the status, and the body as text and as the bytes that came (e.g. to
 * check a content hash on them).
 */
export type JsonResponse<T> = {
  data: T;
  bytes: number;
  status: number;
  text: string;
  body: Uint8Array<ArrayBuffer>;
};

export const DEFAULT_RETRIES = 4;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** A 200 whose body is not the JSON we expect is retried at most this many times. */
const PARSE_RETRIES = 1;
const MAX_QUOTED_TEXT = 500;

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(toError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(toError(signal?.reason));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function toError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  return new Error(typeof reason === 'string' ? reason : 'aborted');
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and min(maxDelay, base * 2^attempt). */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return Math.floor(Math.random() * ceiling);
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_QUOTED_TEXT ? `${oneLine.slice(0, MAX_QUOTED_TEXT)}…` : oneLine;
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

type Failure = { error: ApiError; retryable: boolean; retryAfterMs?: number; parse?: boolean };

type Attempt<T> = { ok: true; value: JsonResponse<T> } | { ok: false; failure: Failure };

/**
 * GETs `url` and parses its JSON. `validate` checks the parsed body (return an error sentence to reject it
 * as kind 'parse'). Throws ApiError.
 */
export async function getJson<T>(
  url: string,
  options: RequestOptions & { validate?: (data: unknown) => string | undefined } = {},
): Promise<JsonResponse<T>> {
  const retries = Math.max(0, Math.floor(options.retry?.retries ?? DEFAULT_RETRIES));
  const baseDelayMs = options.retry?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const sleep = options.retry?.sleep ?? defaultSleep;
  const signal = options.signal;
  let parseFailures = 0;

  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw abortedError(url, signal.reason, options.source);
    const result = await attemptOnce<T>(url, options);
    if (result.ok) return result.value;
    const { failure } = result;
    if (failure.parse) parseFailures += 1;
    const canRetry =
      failure.retryable && attempt < retries && (!failure.parse || parseFailures <= PARSE_RETRIES);
    if (!canRetry) {
      if (attempt > 0 && failure.retryable) {
        throw new ApiError(
          failure.error.kind,
          `${failure.error.message} Gave up after ${attempt + 1} attempts.`,
          { url, status: failure.error.status, cause: failure.error.cause },
        );
      }
      throw failure.error;
    }
    const wait =
      failure.retryAfterMs !== undefined
        ? Math.min(failure.retryAfterMs, maxDelayMs)
        : backoffDelay(attempt, baseDelayMs, maxDelayMs);
    try {
      await sleep(wait, signal);
    } catch (error) {
      throw abortedError(url, error, options.source);
    }
  }
}

function abortedError(url: string, cause: unknown, source = DEFAULT_SOURCE): ApiError {
  return new ApiError('aborted', `The request to ${source} was cancelled.`, {
    url,
    cause,
  });
}

async function attemptOnce<T>(
  url: string,
  options: RequestOptions & { validate?: (data: unknown) => string | undefined },
): Promise<Attempt<T>> {
  const callerSignal = options.signal;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const source = options.source ?? DEFAULT_SOURCE;
  const Source = sentenceStart(source);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const fail = (failure: Failure): Attempt<T> => ({ ok: false, failure });
  const interrupted = (error: unknown): Attempt<T> => {
    if (callerSignal?.aborted) throw abortedError(url, error, source);
    if (timedOut) {
      return fail({
        error: new ApiError(
          'timeout',
          `${Source} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`}.`,
          { url, cause: error },
        ),
        retryable: true,
      });
    }
    return fail({
      error: new ApiError(
        'network',
        `Could not reach ${source} (network error). Check the connection and try again.`,
        { url, cause: error },
      ),
      retryable: true,
    });
  };

  try {
    let response: Response;
    let text: string;
    let raw: Uint8Array<ArrayBuffer>;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        ...(options.priority === undefined ? {} : { priority: options.priority }),
      });
      raw = new Uint8Array(await response.arrayBuffer());
      text = new TextDecoder().decode(raw);
    } catch (error) {
      return interrupted(error);
    }
    const status = response.status;

    if (response.ok) {
      const contentType = response.headers.get('content-type') ?? '';
      if (!looksLikeJson(text) || /text\/html/i.test(contentType)) {
        return fail({
          error: new ApiError(
            'parse',
            `${Source} answered with something that is not JSON (${contentType || 'no content type'}), ` +
              'perhaps an error page. Try again later.',
            { url, status },
          ),
          retryable: true,
          parse: true,
        });
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return fail({
          error: new ApiError('parse', `${Source} sent a response that is not valid JSON.`, {
            url,
            status,
            cause: error,
          }),
          retryable: true,
          parse: true,
        });
      }
      const problem = options.validate?.(data);
      if (problem !== undefined) {
        return fail({
          error: new ApiError('parse', `${Source} sent an unexpected response: ${problem}`, {
            url,
            status,
          }),
          retryable: true,
          parse: true,
        });
      }
      return { ok: true, value: { data: data as T, bytes: text.length, status, text, body: raw } };
    }

    const body = quote(text);
    if (status === 400) {
      return fail({
        error: new ApiError(
          'rejected',
          `${Source} rejected the query: ${body || 'HTTP 400 Bad Request'}`,
          { url, status },
        ),
        retryable: false,
      });
    }
    if (status === 404) {
      return fail({
        error: new ApiError(
          'not-found',
          `${Source} found nothing at this address (HTTP 404)${body ? `: ${body}` : '.'}`,
          { url, status },
        ),
        retryable: false,
      });
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (status === 429) {
      return fail({
        error: new ApiError(
          'rate-limited',
          `${Source} is limiting the request rate (HTTP 429). Wait a minute and try again.`,
          { url, status },
        ),
        retryable: true,
        retryAfterMs,
      });
    }
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    return fail({
      error: new ApiError(
        'http',
        `${Source} answered HTTP ${status}${statusText}${body && status < 500 ? `: ${body}` : '.'}`,
        { url, status },
      ),
      retryable: status >= 500,
      retryAfterMs,
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
