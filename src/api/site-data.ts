/**
 * Files the site serves next to the app, under its base URL: the precomputed dataset
 * (data/trials.json and data/trial-sites.json) and the detail shards (data/details/NN.json). HTTP only: the caller validates what
 * comes back (src/domain/precomputed-dataset.ts).
 */
import { getJson } from './http.ts';

/** `relative` resolved against the site's base URL (import.meta.env.BASE_URL) and the page location. */
export function siteFileUrl(relative: string): string {
  const env = (import.meta as { env?: Partial<ImportMetaEnv> }).env;
  const baseUrl = env?.BASE_URL ?? '/';
  const path = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${relative}`;
  const href = typeof location === 'undefined' ? undefined : location.href;
  return href ? new URL(path, href).href : path;
}

/** The path of a site file's address (the address itself when it cannot be read as one). */
function siteFilePath(url: string): string {
  try {
    return new URL(url, 'http://site.invalid/').pathname;
  } catch {
    return url;
  }
}

/** GET a JSON file of the site (one quick retry). Throws ApiError (not-found, http, parse, network…). */
export async function fetchSiteJson(
  url: string,
  options: { signal?: AbortSignal; priority?: RequestPriority } = {},
): Promise<{ data: unknown; bytes: number; text: string; body: Uint8Array<ArrayBuffer> }> {
  const response = await getJson<unknown>(url, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
    retry: { retries: 1, baseDelayMs: 200, maxDelayMs: 1_000 },
    // Errors name the file, not the registry: "Could not reach this site's file /data/trials.json …".
    source: `this site's file ${siteFilePath(url)}`,
  });
  return { data: response.data, bytes: response.bytes, text: response.text, body: response.body };
}
