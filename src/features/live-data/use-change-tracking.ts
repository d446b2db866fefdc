/**
 * "What changed since my last visit", stored in this browser only (localStorage, no account).
 *
 * Rule: the baseline is what this browser showed when the visitor last LEFT the page (pagehide, or the tab
 * going to the background) or last clicked "Mark all as seen". During a visit the marks stay as they were
 * when the page opened (leaving for another tab and coming back keeps them); the next visit compares with
 * the data of this one. A first visit has no baseline and marks nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  diffSinceLastVisit,
  parseSeenState,
  snapshotSeen,
  type SeenState,
  type TrialChangeMark,
} from '../../domain/changes.ts';
import type { Trial } from '../../domain/trial.ts';

/** The localStorage key of the stored baseline: { version: 1, savedAt: ISO date-time, trials: SeenState }. */
export const SEEN_STORAGE_KEY = 'hsct-trials-dashboard:seen';

export type SeenBaseline = { savedAt: string; seen: SeenState };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // e.g. blocked cookies/storage: the page works without change tracking
  }
}

/** The stored baseline, or null (first visit, unreadable or damaged store, or dated in the future). */
export function readSeenBaseline(): SeenBaseline | null {
  try {
    const raw = storage()?.getItem(SEEN_STORAGE_KEY);
    if (raw === null || raw === undefined) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { savedAt, trials } = value as { savedAt?: unknown; trials?: unknown };
    // A baseline dated later than now (a wrong clock, a forged profile) is not trusted.
    if (typeof savedAt !== 'string' || !(Date.parse(savedAt) <= Date.now())) return null;
    const seen = parseSeenState(trials);
    return seen === null ? null : { savedAt, seen };
  } catch {
    return null;
  }
}

/** Stores `trials` as the new baseline and returns it. */
export function writeSeenBaseline(trials: readonly Trial[], now = new Date()): SeenBaseline {
  const baseline = { savedAt: now.toISOString(), seen: snapshotSeen(trials) };
  try {
    storage()?.setItem(
      SEEN_STORAGE_KEY,
      JSON.stringify({ version: 1, savedAt: baseline.savedAt, trials: baseline.seen }),
    );
  } catch {
    // Quota or blocked storage: nothing is remembered.
  }
  return baseline;
}

export type ChangeTracking = {
  /** New and changed trials by NCT id (empty on a first visit). */
  marks: ReadonlyMap<string, TrialChangeMark>;
  /** When the baseline was stored (ISO), or null on a first visit. */
  lastVisit: string | null;
  /** Stores the trials on screen as the baseline now: the marks go. */
  markAllSeen: () => void;
};

export function useChangeTracking(trials: readonly Trial[]): ChangeTracking {
  const [baseline, setBaseline] = useState<SeenBaseline | null>(readSeenBaseline);
  const marks = useMemo(
    () => diffSinceLastVisit(trials, baseline?.seen ?? null),
    [trials, baseline],
  );
  const latest = useRef(trials);
  useEffect(() => {
    latest.current = trials;
  }, [trials]);
  useEffect(() => {
    const save = () => {
      writeSeenBaseline(latest.current);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  const markAllSeen = useCallback(() => setBaseline(writeSeenBaseline(latest.current)), []);
  return { marks, lastVisit: baseline?.savedAt ?? null, markAllSeen };
}
