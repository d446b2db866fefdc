import { useEffect, useState } from 'react';
import { pluralize } from '../../lib/format.ts';

export type DataFreshnessProps = {
  /** When the data on screen was loaded (ISO date-time; kept with the saved copy). */
  fetchedAt: string;
  /** A background check for newer data is running. */
  refreshing: boolean;
};

export type FreshnessPolicyProps = {
  /**
   * Within this age the saved copy is shown without asking ClinicalTrials.gov again; null when there is
   * no such window (the offline copy: the live API is tried again on every visit).
   */
  freshForMs: number | null;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age as people say it: 'just now', '5 min ago', '3 h ago', '2 days ago'. */
export function relativeAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return `${pluralize(days, 'day')} ago`;
}

function windowText(ms: number): string {
  return ms >= HOUR ? `${Math.round(ms / HOUR)} h` : `${Math.round(ms / MINUTE)} min`;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** How old the data on screen is, and whether it is being revalidated (an item of the status line). */
export function DataFreshness({ fetchedAt, refreshing }: DataFreshnessProps) {
  const now = useNow(MINUTE);
  const age = Math.max(0, now - Date.parse(fetchedAt));
  return (
    <span className="status-item live-data-freshness">
      Updated {relativeAge(age)}
      {refreshing ? ' · checking ClinicalTrials.gov for newer data…' : ''}
    </span>
  );
}

/** When the data is looked for again (for the status line's details). */
export function FreshnessPolicy({ freshForMs }: FreshnessPolicyProps) {
  return (
    <p className="banner-detail freshness-policy">
      {freshForMs === null
        ? 'The live API is tried again on your next visit, or with Retry.'
        : `The data is kept in this browser for quick repeat visits and checked again when older than ${windowText(freshForMs)}.`}
    </p>
  );
}
