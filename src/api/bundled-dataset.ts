/**
 * The dataset shipped with the build (public/data/snapshot.json): the dashboard works offline from it.
 */
import { ApiError } from './api-error.ts';
import type { StudyQuery } from './ctgov/default-query.ts';
import { getJson } from './http.ts';
import { siteFileUrl } from './site-data.ts';

export type DatasetMeta = {
  kind: 'bundled-sample' | 'snapshot';
  /** Where the records came from, in words. */
  source: string;
  description: string;
  query: StudyQuery;
  /** ISO date-time of the capture. */
  capturedAt: string;
  apiVersion?: string;
  dataTimestamp?: string;
  studyCount: number;
};

export type BundledDataset = { meta: DatasetMeta; studies: unknown[] };

/** Under public/, fetched relative to import.meta.env.BASE_URL. */
export const BUNDLED_DATASET_PATH = 'data/snapshot.json';

/** The default URL of the bundled dataset; absolute when a page location is known. */
export function bundledDatasetUrl(): string {
  return siteFileUrl(BUNDLED_DATASET_PATH);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `data` is not a BundledDataset, or undefined when it is one. */
export function datasetProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'the file is not a JSON object.';
  const { meta, studies } = data;
  if (!isRecord(meta)) return 'the file has no "meta" object.';
  if (!Array.isArray(studies)) return 'the file has no "studies" list.';
  if (meta.kind !== 'bundled-sample' && meta.kind !== 'snapshot') {
    return 'meta.kind must be "bundled-sample" or "snapshot".';
  }
  for (const key of ['source', 'description', 'capturedAt'] as const) {
    if (typeof meta[key] !== 'string') return `meta.${key} must be text.`;
  }
  for (const key of ['apiVersion', 'dataTimestamp'] as const) {
    if (meta[key] !== undefined && typeof meta[key] !== 'string')
      return `meta.${key} must be text.`;
  }
  if (!isRecord(meta.query)) return 'meta.query must be an object.';
  if (Object.values(meta.query).some((v) => typeof v !== 'string')) {
    return 'meta.query values must be text.';
  }
  if (typeof meta.studyCount !== 'number' || !Number.isInteger(meta.studyCount)) {
    return 'meta.studyCount must be a whole number.';
  }
  return undefined;
}

/** Loads and checks the bundled dataset. A malformed file throws ApiError kind 'parse'. */
export async function fetchBundledDataset(
  options: { signal?: AbortSignal; url?: string } = {},
): Promise<BundledDataset> {
  const url = options.url ?? bundledDatasetUrl();
  let data: unknown;
  try {
    const response = await getJson<unknown>(url, {
      ...(options.signal ? { signal: options.signal } : {}),
      retry: { retries: 1 },
    });
    data = response.data;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'parse') {
      throw new ApiError('parse', 'The bundled dataset is not valid JSON.', { url, cause: error });
    }
    if (error instanceof ApiError && error.kind !== 'aborted') {
      const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
      throw new ApiError(error.kind, `The bundled dataset could not be loaded${status}.`, {
        url,
        status: error.status,
        cause: error,
      });
    }
    throw error;
  }
  const problem = datasetProblem(data);
  if (problem !== undefined) {
    throw new ApiError('parse', `The bundled dataset is damaged: ${problem}`, { url });
  }
  return data as BundledDataset;
}
