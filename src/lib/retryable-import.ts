/**
 * A dynamic import that can really be tried again. Chromium keeps a failed dynamic import in its module
 * map: importing the same URL again rejects at once without asking the network, so a plain "Try again"
 * can never succeed. Its error names the module's URL; the same URL with a fresh query string is a new
 * module for the browser, fetched again. Browsers whose error names no URL are asked the same import again.
 */
import { messageOf } from './error-message.ts';

export function retryableImport<T>(load: () => Promise<T>): () => Promise<T> {
  let failedUrl: string | null = null;
  let retries = 0;
  return async () => {
    try {
      if (failedUrl === null) return await load();
      retries += 1;
      const url = new URL(failedUrl);
      url.searchParams.set('retry', String(retries));
      return (await import(/* @vite-ignore */ url.href)) as T;
    } catch (error) {
      failedUrl ??= failedModuleUrl(error);
      throw error;
    }
  };
}

/** The URL named by a failed dynamic import's error ("...dynamically imported module: <url>"), if any. */
export function failedModuleUrl(error: unknown): string | null {
  const url = /dynamically imported module:?\s+(\S+)/i.exec(messageOf(error))?.[1];
  if (url === undefined) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
