/**
 * The change ledger published with the site (public/data/ledger.json, written by `npm run snapshot`).
 * Read here as JSON; src/domain/ledger.ts checks its shape.
 */
import { fetchSiteJson, siteFileUrl } from './site-data.ts';

/** Under public/, like the bundled dataset. */
export const LEDGER_PATH = 'data/ledger.json';

export async function fetchLedgerFile(
  options: { signal?: AbortSignal; url?: string } = {},
): Promise<{ data: unknown; url: string }> {
  const url = options.url ?? siteFileUrl(LEDGER_PATH);
  const { data } = await fetchSiteJson(url, options.signal ? { signal: options.signal } : {});
  return { data, url };
}
