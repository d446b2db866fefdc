/**
 * "What changed since my last visit": a small record of what the visitor saw per trial, and the
 * differences between that record and the trials of today. Pure: the caller stores SeenState (e.g. in
 * localStorage) and decides when to take a new one.
 */
import { ctgovWebSearchUrl, type StudyQuery } from '../api/ctgov/default-query.ts';
import { pluralize } from '../lib/format.ts';
import { statusLabel, type Trial } from './trial.ts';

/** What the visitor saw of one trial. */
export type SeenTrial = {
  lastUpdated?: string;
  status: string;
  /** Absent when the trial's sites were never known (their site lists had not loaded). */
  siteCount?: number;
  enrollment?: number;
};

/**
 * A trial's number of sites, or undefined while its site lists are not loaded (the precomputed core
 * holds the trials without them): an unknown count is neither compared nor recorded as seen.
 */
export type SiteCountOf = (trial: Trial) => number | undefined;

const countOfLocations: SiteCountOf = (t) => t.locations.length;

/** Keyed by NCT id. */
export type SeenState = Record<string, SeenTrial>;

export type ChangeField = 'status' | 'sites' | 'enrollment' | 'lastUpdated';

export type TrialChange = { field: ChangeField; from?: string; to?: string; text: string };

export type TrialChangeMark = { mark: 'new' | 'updated'; changes: TrialChange[] };

/**
 * What a visitor sees of the trials now, to compare with on the next visit. A site count not known
 * now keeps the one of `previous` (the last baseline), if any.
 */
export function snapshotSeen(
  trials: readonly Trial[],
  siteCountOf: SiteCountOf = countOfLocations,
  previous: SeenState | null = null,
): SeenState {
  const seen: SeenState = {};
  for (const t of trials) {
    const entry: SeenTrial = { status: t.status };
    const siteCount =
      siteCountOf(t) ??
      (previous !== null && Object.hasOwn(previous, t.nctId)
        ? previous[t.nctId]?.siteCount
        : undefined);
    if (siteCount !== undefined) entry.siteCount = siteCount;
    if (t.lastUpdated !== undefined) entry.lastUpdated = t.lastUpdated;
    if (t.enrollment !== undefined) entry.enrollment = t.enrollment.count;
    seen[t.nctId] = entry;
  }
  return seen;
}

function changesOf(trial: Trial, before: SeenTrial, siteCountOf: SiteCountOf): TrialChange[] {
  const changes: TrialChange[] = [];
  if (trial.status !== before.status) {
    changes.push({
      field: 'status',
      from: before.status,
      to: trial.status,
      text: `Status: ${statusLabel(before.status)} → ${statusLabel(trial.status)}`,
    });
  }
  const sites = siteCountOf(trial);
  if (sites !== undefined && before.siteCount !== undefined && sites !== before.siteCount) {
    const delta = sites - before.siteCount;
    changes.push({
      field: 'sites',
      from: String(before.siteCount),
      to: String(sites),
      text:
        delta > 0
          ? pluralize(delta, 'new site', 'new sites')
          : pluralize(-delta, 'fewer site', 'fewer sites'),
    });
  }
  const enrollment = trial.enrollment?.count;
  if (enrollment !== before.enrollment) {
    const from = before.enrollment === undefined ? undefined : String(before.enrollment);
    const to = enrollment === undefined ? undefined : String(enrollment);
    changes.push({
      field: 'enrollment',
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      text: `Enrollment: ${from ?? 'not stated'} → ${to ?? 'not stated'}`,
    });
  }
  // A record that lost its date has not been updated; only a new, different date counts.
  if (trial.lastUpdated !== undefined && trial.lastUpdated !== before.lastUpdated) {
    changes.push({
      field: 'lastUpdated',
      ...(before.lastUpdated !== undefined ? { from: before.lastUpdated } : {}),
      to: trial.lastUpdated,
      text:
        before.lastUpdated === undefined
          ? `Last updated: ${trial.lastUpdated}`
          : `Last updated: ${before.lastUpdated} → ${trial.lastUpdated}`,
    });
  }
  return changes;
}

/**
 * The trials that are new or changed since `seen` was taken, keyed by NCT id (trials without changes are
 * absent). On a first visit (`seen` null) nothing is marked: everything would be "new".
 */
export function diffSinceLastVisit(
  trials: readonly Trial[],
  seen: SeenState | null,
  siteCountOf: SiteCountOf = countOfLocations,
): Map<string, TrialChangeMark> {
  const marks = new Map<string, TrialChangeMark>();
  if (seen === null) return marks;
  for (const trial of trials) {
    if (!Object.hasOwn(seen, trial.nctId)) {
      marks.set(trial.nctId, { mark: 'new', changes: [] });
      continue;
    }
    const before = seen[trial.nctId];
    if (before === undefined) continue;
    const changes = changesOf(trial, before, siteCountOf);
    if (changes.length > 0) marks.set(trial.nctId, { mark: 'updated', changes });
  }
  return marks;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A SeenState read back from storage, or null when the value is not one. Entries that do not have the
 * right shape are dropped (their trials will show as new), so a damaged store never breaks the page.
 */
export function parseSeenState(value: unknown): SeenState | null {
  if (!isRecord(value)) return null;
  const seen: SeenState = {};
  for (const [nctId, raw] of Object.entries(value)) {
    if (!isRecord(raw)) continue;
    const { status, siteCount, lastUpdated, enrollment } = raw;
    if (typeof status !== 'string') continue;
    const entry: SeenTrial = { status };
    if (siteCount !== undefined) {
      if (typeof siteCount !== 'number' || !Number.isInteger(siteCount) || siteCount < 0) continue;
      entry.siteCount = siteCount;
    }
    if (typeof lastUpdated === 'string') entry.lastUpdated = lastUpdated;
    if (typeof enrollment === 'number' && Number.isFinite(enrollment))
      entry.enrollment = enrollment;
    seen[nctId] = entry;
  }
  return seen;
}

/** The ClinicalTrials.gov RSS endpoint (the website's "Subscribe to RSS" feed of a search). */
export const CTGOV_RSS_BASE = 'https://clinicaltrials.gov/api/rss';

/**
 * The ClinicalTrials.gov RSS feed of the same search, newest changes first: the website search
 * parameters (cond=, intr=, term=, aggFilters=status:…) of ctgovWebSearchUrl plus
 * dateField=LastUpdatePostDate, so a feed reader hears about updated trials as well as new ones.
 * The form follows the feed links the website offers; it cannot be checked offline (docs/hosting.md).
 */
export function ctgovRssUrl(query: StudyQuery): string {
  const params = new URL(ctgovWebSearchUrl(query)).searchParams;
  params.set('dateField', 'LastUpdatePostDate');
  return `${CTGOV_RSS_BASE}?${params.toString()}`;
}

/**
 * The trials whose mark is one of `changed` (`changed=new,updated`); all trials when `changed` is empty.
 */
export function filterByChange<T extends { nctId: string }>(
  trials: readonly T[],
  marks: ReadonlyMap<string, TrialChangeMark>,
  changed: readonly TrialChangeMark['mark'][],
): T[] {
  if (changed.length === 0) return [...trials];
  return trials.filter((t) => {
    const mark = marks.get(t.nctId)?.mark;
    return mark !== undefined && changed.includes(mark);
  });
}
