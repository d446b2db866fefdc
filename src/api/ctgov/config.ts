/** Where the ClinicalTrials.gov API lives. */
export const DEFAULT_API_BASE = 'https://clinicaltrials.gov/api/v2';

/**
 * The API base URL without a trailing slash: `VITE_CTGOV_API_BASE` when Vite provides it, otherwise
 * DEFAULT_API_BASE. Safe under plain Node (tsx), where `import.meta.env` is undefined.
 */
export function apiBaseUrl(): string {
  const env = (import.meta as { env?: Partial<ImportMetaEnv> }).env;
  const configured = env?.VITE_CTGOV_API_BASE?.trim();
  return trimTrailingSlash(configured ? configured : DEFAULT_API_BASE);
}

export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
