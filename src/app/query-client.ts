import { QueryClient } from '@tanstack/react-query';
import { isRetryableDatasetError } from '../queries/trial-queries.ts';
import { FRESHNESS_WINDOW_MS } from './early-requests.ts';

export type QueryClientOverrides = {
  /** Query retries; tests pass `false`. Default: one more attempt unless the error cannot change. */
  retry?: boolean | number;
  staleTime?: number;
};

/** Registry data changes daily at most: keep it fresh for 30 minutes and do not refetch on focus. */
export const DEFAULT_STALE_TIME_MS = FRESHNESS_WINDOW_MS;

export function createQueryClient(overrides: QueryClientOverrides = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: overrides.staleTime ?? DEFAULT_STALE_TIME_MS,
        gcTime: 60 * 60 * 1000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry:
          overrides.retry ??
          ((failureCount, error) => failureCount < 1 && isRetryableDatasetError(error)),
      },
    },
  });
}
