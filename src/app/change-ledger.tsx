/**
 * Issue 15 in the app: the nightly change ledger (public/data/ledger.json) through its query hook, as
 * the list of Atom feeds, the "Recent changes" list and the trial's history of changes.
 */
import { useMemo } from 'react';
import { siteFileUrl } from '../api/site-data.ts';
import { availableFeeds, feedForFilters, feedPath, type FeedSpec } from '../domain/feeds.ts';
import {
  daysBefore,
  entriesSince,
  summarizeEntries,
  trialTimeline,
  type Ledger,
  type LedgerEntry,
} from '../domain/ledger.ts';
import type { Trial } from '../domain/trial.ts';
import { messageOf } from '../lib/error-message.ts';
import { FeedLinks } from '../features/ledger/feed-links.tsx';
import { LedgerSinceVisit } from '../features/ledger/ledger-since-visit.tsx';
import { RecentChanges } from '../features/ledger/recent-changes.tsx';
import { TrialTimeline } from '../features/ledger/trial-timeline.tsx';
import { useChangeLedger } from '../queries/ledger-query.ts';
import { useSelectedTrial, useTrialFilters } from '../state/url-state.ts';

/** Days the "Recent changes" list covers. */
export const RECENT_CHANGES_DAYS = 30;

const feedHref = (spec: FeedSpec) => siteFileUrl(feedPath(spec));

/** The feeds of the ledger, the current filters' feed first (next to the registry's RSS link). */
export function LedgerFeeds() {
  const query = useChangeLedger();
  const [filters] = useTrialFilters();
  const ledger = query.data?.ledger;
  const feeds = useMemo(() => (ledger ? availableFeeds(ledger) : []), [ledger]);
  if (ledger === undefined) return null;
  const wanted = feedForFilters(filters);
  const current = feeds.some(({ spec }) => spec.key === wanted.spec.key) ? wanted : undefined;
  return <FeedLinks feeds={feeds} current={current} hrefOf={feedHref} />;
}

/** The ledger's entries since `sinceDate` for the trials shown, with their titles, newest first. */
function entriesOfShown(
  ledger: Ledger | undefined,
  trials: readonly Trial[],
  sinceDate: string,
): { entry: LedgerEntry; title: string }[] {
  if (ledger === undefined) return [];
  const shown = new Map(trials.map((t) => [t.nctId, t.title]));
  return entriesSince(ledger, sinceDate).flatMap((entry) => {
    const title = shown.get(entry.nctId);
    return title === undefined ? [] : [{ entry, title }];
  });
}

/** In "Since your last visit": what the nightly change ledger recorded since then, for the trials shown. */
export function LedgerSinceLastVisit({
  trials,
  lastVisit,
}: {
  trials: readonly Trial[];
  lastVisit: string | null;
}) {
  const query = useChangeLedger();
  const ledger = query.data?.ledger;
  const since = lastVisit?.slice(0, 10);
  const entries = useMemo(
    () => (since === undefined ? [] : entriesOfShown(ledger, trials, since)),
    [ledger, trials, since],
  );
  if (ledger === undefined || since === undefined) return null;
  return (
    <LedgerSinceVisit
      count={entries.length}
      summary={summarizeEntries(entries.map((e) => e.entry))}
    />
  );
}

/** The ledger's changes of the last 30 days for the trials the filters show. */
export function RecentChangesSection({ trials }: { trials: readonly Trial[] }) {
  const query = useChangeLedger();
  const [, setSelectedTrial] = useSelectedTrial();
  const since = daysBefore(new Date().toISOString(), RECENT_CHANGES_DAYS);
  const ledger = query.data?.ledger;
  const changes = useMemo(() => entriesOfShown(ledger, trials, since), [ledger, trials, since]);
  if (query.isPending) return null;
  return (
    <RecentChanges
      changes={changes}
      since={since}
      recordedUntil={ledger?.snapshot?.dataDate}
      onSelectTrial={setSelectedTrial}
      unavailable={query.isError ? messageOf(query.error) : undefined}
      dropped={query.data?.dropped ?? 0}
    />
  );
}

/** The trial's history of changes, for the trial detail. */
export function TrialHistory({ nctId }: { nctId: string }) {
  const query = useChangeLedger();
  const ledger = query.data?.ledger;
  const entries = useMemo(
    () => (ledger === undefined ? [] : trialTimeline(ledger, nctId)),
    [ledger, nctId],
  );
  if (query.isPending) return <TrialTimeline state="loading" />;
  if (query.isError) return <TrialTimeline state="unavailable" reason={messageOf(query.error)} />;
  return <TrialTimeline state="ready" entries={entries} />;
}
