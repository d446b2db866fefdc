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
  type SiteCountOf,
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

/**
 * Stores `trials` as the new baseline and returns it. A site count not known now (`siteCountOf`) keeps
 * the one of `previous`.
 */
export function writeSeenBaseline(
  trials: readonly Trial[],
  now = new Date(),
  siteCountOf?: SiteCountOf,
  previous: SeenState | null = null,
): SeenBaseline {
  const baseline = {
    savedAt: now.toISOString(),
    seen: snapshotSeen(trials, siteCountOf, previous),
  };
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

/** Same marks (trial, mark and change texts): then the earlier map is kept, and nothing redrawn. */
function sameMarks(
  a: ReadonlyMap<string, TrialChangeMark>,
  b: ReadonlyMap<string, TrialChangeMark>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, mark] of a) {
    const other = b.get(id);
    if (other === undefined || other.mark !== mark.mark) return false;
    if (other.changes.map((c) => c.text).join('\n') !== mark.changes.map((c) => c.text).join('\n'))
      return false;
  }
  return true;
}

/**
 * `siteCountOf`: the trials' site counts, undefined for a trial whose site lists are not loaded yet
 * (useSiteLists): its sites are then neither compared nor saved as seen.
 */
export function useChangeTracking(
  trials: readonly Trial[],
  siteCountOf?: SiteCountOf,
): ChangeTracking {
  const [baseline, setBaseline] = useState<SeenBaseline | null>(readSeenBaseline);
  const computed = useMemo(
    () => diffSinceLastVisit(trials, baseline?.seen ?? null, siteCountOf),
    [trials, baseline, siteCountOf],
  );
  // The site lists arriving usually change no mark: the same map then, so the views keep their data.
  const [marks, setMarks] = useState(computed);
  if (marks !== computed && !sameMarks(marks, computed)) setMarks(computed);
  const latest = useRef({ trials, siteCountOf, baseline });
  useEffect(() => {
    latest.current = { trials, siteCountOf, baseline };
  }, [trials, siteCountOf, baseline]);
  useEffect(() => {
    const save = () => {
      const now = latest.current;
      writeSeenBaseline(now.trials, new Date(), now.siteCountOf, now.baseline?.seen ?? null);
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
  const markAllSeen = useCallback(() => {
    const now = latest.current;
    setBaseline(
      writeSeenBaseline(now.trials, new Date(), now.siteCountOf, now.baseline?.seen ?? null),
    );
  }, []);
  return { marks, lastVisit: baseline?.savedAt ?? null, markAllSeen };
}
