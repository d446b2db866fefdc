/**
 * Issue 5 in the app shell: how fresh the data on screen is, and "what changed since my last visit"
 * (marks, the `changed=` filter applied after filterTrials, Mark all as seen, the RSS feed), as items and
 * details of the status line (issue 17).
 */
import { useMemo } from 'react';
import {
  ctgovRssUrl,
  filterByChange,
  type SiteCountOf,
  type TrialChangeMark,
} from '../domain/changes.ts';
import type { Trial } from '../domain/trial.ts';
import {
  ChangesPanel,
  ChangesSummary,
  type ChangesPanelProps,
} from '../features/live-data/changes-panel.tsx';
import { DataFreshness, FreshnessPolicy } from '../features/live-data/data-freshness.tsx';
import { useChangeTracking } from '../features/live-data/use-change-tracking.ts';
import type { TrialDataset } from '../queries/trial-queries.ts';
import { useChangedFilter } from '../state/changes-state.ts';
import { LedgerFeeds, LedgerSinceLastVisit, RecentChangesSection } from './change-ledger.tsx';
import { FRESHNESS_WINDOW_MS } from './query-persistence.ts';

export type TrialChanges = {
  /** `filtered` narrowed by the `changed=` filter: what the page shows. */
  trials: Trial[];
  marks: ReadonlyMap<string, TrialChangeMark>;
  panel: ChangesPanelProps;
};

/** Change marks of the dataset against the stored baseline, and the `changed=` filter over `filtered`. */
export function useTrialChanges(
  dataset: TrialDataset,
  filtered: readonly Trial[],
  siteCountOf?: SiteCountOf,
): TrialChanges {
  const { marks, lastVisit, markAllSeen } = useChangeTracking(dataset.trials, siteCountOf);
  const [changed, setChanged] = useChangedFilter();
  const trials = useMemo(
    () => filterByChange(filtered, marks, changed),
    [filtered, marks, changed],
  );
  const rssUrl = useMemo(() => ctgovRssUrl(dataset.query), [dataset.query]);
  return {
    trials,
    marks,
    panel: {
      trials: filtered,
      marks,
      lastVisit,
      changed,
      onChangedChange: setChanged,
      onMarkAllSeen: markAllSeen,
      rssUrl,
    },
  };
}

/** The status line's items about freshness and changes: age of the data, new and changed trials. */
export function LiveDataLine({
  dataset,
  refreshing,
  changes,
}: {
  dataset: TrialDataset;
  refreshing: boolean;
  changes: TrialChanges;
}) {
  return (
    <>
      <DataFreshness fetchedAt={dataset.fetchedAt} refreshing={refreshing} />
      <ChangesSummary {...changes.panel} />
    </>
  );
}

/** The status line's details about freshness and changes: when data is looked for again, the changes panel. */
export function LiveDataDetails({
  dataset,
  changes,
}: {
  dataset: TrialDataset;
  changes: TrialChanges;
}) {
  return (
    <>
      <FreshnessPolicy freshForMs={dataset.source === 'bundled' ? null : FRESHNESS_WINDOW_MS} />
      <ChangesPanel
        {...changes.panel}
        feeds={<LedgerFeeds />}
        ledgerSummary={
          <LedgerSinceLastVisit trials={changes.panel.trials} lastVisit={changes.panel.lastVisit} />
        }
      />
      <RecentChangesSection trials={changes.panel.trials} />
    </>
  );
}
