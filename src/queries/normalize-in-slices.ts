/**
 * normalizeStudies without one long main-thread task: records are normalised in slices of at most
 * SLICE_MS, and the page gets the main thread back between slices (input, paint), so a 1,000-study page
 * never freezes the dashboard. The result is exactly normalizeStudies(raws).
 *
 * The normalizer and classifier (src/domain/normalize-study.ts and the rules) are a chunk of their own:
 * the first screen draws the precomputed snapshot, already classified, without them. They are needed
 * for live records only (the day's changes, the full live pull), and loaded when those are asked for.
 */
import { retryableImport } from '../lib/retryable-import.ts';
import type { NormalizedStudies } from '../domain/normalize-study.ts';

/** Loads the normalizer (once; a failed load is tried again on the next call). */
export const loadNormalizer = retryableImport(() => import('../domain/normalize-study.ts'));

/** Work per slice, in ms: well under the 50 ms after which a task counts as long. */
export const SLICE_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

/** Gives the main thread back: `scheduler.yield()` where the browser has it, else a macrotask. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function normalizeInSlices(
  raws: readonly unknown[],
  signal?: AbortSignal,
  sliceMs: number = SLICE_MS,
): Promise<NormalizedStudies> {
  const list = Array.isArray(raws) ? raws : [];
  // Nothing to normalise (an empty delta: nothing changed since the snapshot) needs no normalizer.
  if (list.length === 0) return { trials: [], skipped: 0, skippedValues: 0 };
  const collector = (await loadNormalizer()).createStudyCollector();
  let sliceStart = performance.now();
  for (const raw of list) {
    collector.add(raw);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  return collector.result();
}
