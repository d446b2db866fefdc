/**
 * The data a cold visit starts before the app's own script has arrived. index.html's inline script
 * (src/app/early-requests.ts) imports the small early entry (src/early-changes.ts), which runs
 * `startEarlyData`: it reads the precomputed dataset (data/trials.json: parsed, hash-checked, read into
 * trials) as soon as the file arrives, and asks the live changes since the page's data date, loading the
 * classifier and classifying them meanwhile. The main thread is otherwise idle then, waiting for the
 * larger entry script (on a phone the classifier's first run, compiling its expressions, takes about half
 * a second; reading the 3,000-trial core about a quarter). The app takes both over when it starts
 * (`takeEarlyPrecomputed`, `takeEarlyLiveChanges`), so each is still asked once per visit.
 */
import { DEFAULT_QUERY } from '../api/ctgov/default-query.ts';
import { SNAPSHOT_SINCE_META } from '../domain/precomputed-dataset.ts';
import { askLiveChanges, type LiveChanges } from './live-changes.ts';
import { loadPrecomputed, type PrecomputedLoad } from './precomputed-load.ts';

/** Where the early entry leaves what it started, for the app to take over. */
export const EARLY_DATA_KEY = '__hsctEarlyData';

type EarlyData = { precomputed?: Promise<PrecomputedLoad>; liveChanges?: LiveChanges };

type EarlyHolder = { [EARLY_DATA_KEY]?: EarlyData };

function holder(): EarlyHolder {
  return globalThis as EarlyHolder;
}

/**
 * The data date of the precomputed dataset the page was built with, from index.html
 * (SNAPSHOT_SINCE_META), or undefined (no such tag, not a date, no document).
 */
export function snapshotSinceHint(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const tag = document.querySelector(`meta[name="${SNAPSHOT_SINCE_META}"]`);
  const content = tag?.getAttribute('content') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(content) ? content : undefined;
}

/**
 * Run by the early entry, once per page: reads the page's precomputed dataset (at the default address)
 * and, with the page's data date, asks the live changes of the default query since it (at the default
 * API address).
 */
export function startEarlyData(): void {
  if (holder()[EARLY_DATA_KEY] !== undefined) return;
  const since = snapshotSinceHint();
  const precomputed = loadPrecomputed(new AbortController().signal);
  holder()[EARLY_DATA_KEY] = {
    precomputed,
    ...(since === undefined ? {} : { liveChanges: askLiveChanges(DEFAULT_QUERY, since) }),
  };
}

/** The precomputed dataset the early entry read, handed over once (later calls get undefined). */
export function takeEarlyPrecomputed(): Promise<PrecomputedLoad> | undefined {
  const early = holder()[EARLY_DATA_KEY];
  const precomputed = early?.precomputed;
  if (early !== undefined) delete early.precomputed;
  return precomputed;
}

/**
 * The live changes the early entry asked since `since`, handed over once (later calls get undefined).
 * Changes asked since another date are dropped.
 */
export function takeEarlyLiveChanges(since: string): LiveChanges | undefined {
  const early = holder()[EARLY_DATA_KEY];
  const changes = early?.liveChanges;
  if (early === undefined || changes === undefined) return undefined;
  delete early.liveChanges;
  if (changes.since === since) return changes;
  changes.drop();
  return undefined;
}
