/**
 * The one error type of the API layer. `kind` tells a caller what happened without parsing messages;
 * `message` is a sentence a person can read on the page.
 */
export type ApiErrorKind =
  | 'rejected' // the API answered 400 text/plain: it refused the query
  | 'not-found'
  | 'http'
  | 'rate-limited'
  | 'network'
  | 'timeout'
  | 'parse'
  | 'aborted';

export type ApiErrorInit = { url: string; status?: number; cause?: unknown };

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly url: string;

  constructor(kind: ApiErrorKind, message: string, init: ApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
