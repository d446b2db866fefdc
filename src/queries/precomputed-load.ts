/**
 * Reads the precomputed dataset (data/trials.json) from the site: downloaded, checked against its content
 * hash, read into trials. Never throws for a bad file: it says why the file cannot be used.
 */
import { fetchSiteJson, siteFileUrl } from '../api/site-data.ts';
import {
  contentHashProblem,
  PRECOMPUTED_DATASET_PATH,
  readPrecomputedDataset,
  type PrecomputedDataset,
} from '../domain/precomputed-dataset.ts';
import { messageOf } from '../lib/error-message.ts';

/** The precomputed dataset as read from the site, or why it cannot be used. */
export type PrecomputedLoad =
  | { ok: true; dataset: PrecomputedDataset; invalidTrials: number; bytes: number }
  | { ok: false; problem: string };

export async function loadPrecomputed(
  signal: AbortSignal,
  url: string = siteFileUrl(PRECOMPUTED_DATASET_PATH),
): Promise<PrecomputedLoad> {
  try {
    const { data, bytes, text, body } = await fetchSiteJson(url, { signal });
    const damaged = await contentHashProblem(data, text, body);
    if (damaged !== undefined) {
      return { ok: false, problem: `The precomputed dataset is damaged: ${damaged}` };
    }
    const read = readPrecomputedDataset(data);
    return read.ok
      ? { ok: true, dataset: read.dataset, invalidTrials: read.invalidTrials, bytes }
      : { ok: false, problem: `The precomputed dataset is damaged: ${read.problem}` };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, problem: messageOf(error) };
  }
}
