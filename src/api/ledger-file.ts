/**
 * The change ledger published with the site (public/data/ledger.json, written by `npm run snapshot`).
 * Read here as JSON; src/domain/ledger.ts checks its shape.
 */
import { siteFileUrl } from './bundled-dataset.ts';
import { getJson } from './http.ts';

/** Under public/, like the bundled dataset. */
export const LEDGER_PATH = 'data/ledger.json';

export async function fetchLedgerFile(
  options: { signal?: AbortSignal; url?: string } = {},
): Promise<{ data: unknown; url: string }> {
  const url = options.url ?? siteFileUrl(LEDGER_PATH);
  const { data } = await getJson<unknown>(url, {
    ...(options.signal ? { signal: options.signal } : {}),
    retry: { retries: 1 },
  });
  return { data, url };
}
