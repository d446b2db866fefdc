import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { fetchLedgerFile } from '../api/ledger-file.ts';
import { parseLedger, type Ledger } from '../domain/ledger.ts';

export type LoadedLedger = {
  ledger: Ledger;
  /** Entries or trials of the file that were damaged and left out. */
  dropped: number;
};

/** Loads and checks the ledger. A file that is not a ledger throws ApiError kind 'parse'. */
export async function loadLedger(signal: AbortSignal, url?: string): Promise<LoadedLedger> {
  const file = await fetchLedgerFile({ signal, ...(url !== undefined ? { url } : {}) });
  try {
    return parseLedger(file.data);
  } catch (error) {
    throw new ApiError('parse', `The change history is damaged: ${(error as Error).message}`, {
      url: file.url,
    });
  }
}

/** The change ledger of the site, loaded once per page (it changes once a night). */
export const ledgerQuery = (url?: string) =>
  queryOptions({
    queryKey: ['change-ledger', url ?? 'site'] as const,
    queryFn: ({ signal }) => loadLedger(signal, url),
    staleTime: Infinity,
    retry: false,
  });

/** The change ledger (timelines, recent changes, the list of feeds). */
export function useChangeLedger(url?: string) {
  return useQuery(ledgerQuery(url));
}
