import { useId, type ReactNode } from 'react';
import type { TrialChangeMark } from '../../domain/changes.ts';
import type { ChangeMark } from '../../domain/filters.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount, formatDate, pluralize } from '../../lib/format.ts';
import './live-data.css';

export type ChangesPanelProps = {
  /** The trials the other filters leave (the counts are of these). */
  trials: readonly Trial[];
  marks: ReadonlyMap<string, TrialChangeMark>;
  /** When the baseline was stored (ISO), or null on a first visit. */
  lastVisit: string | null;
  /** The `changed` filter. */
  changed: readonly ChangeMark[];
  onChangedChange: (next: readonly ChangeMark[]) => void;
  onMarkAllSeen: () => void;
  /** The ClinicalTrials.gov RSS feed of the same search. */
  rssUrl: string;
  /** The dashboard's own feeds, shown next to the RSS link. */
  feeds?: ReactNode;
  /** What the nightly change ledger recorded since the last visit, under the summary. */
  ledgerSummary?: ReactNode;
};

/** How many of `trials` are new and how many changed since the last visit. */
function changeCounts(
  trials: readonly Trial[],
  marks: ReadonlyMap<string, TrialChangeMark>,
): { newCount: number; updatedCount: number } {
  let newCount = 0;
  let updatedCount = 0;
  for (const t of trials) {
    const mark = marks.get(t.nctId)?.mark;
    if (mark === 'new') newCount += 1;
    else if (mark === 'updated') updatedCount += 1;
  }
  return { newCount, updatedCount };
}

/** The status line's short item: "Since your last visit: 2 new, 1 changed" (nothing on a first visit). */
export function ChangesSummary({
  trials,
  marks,
  lastVisit,
}: Pick<ChangesPanelProps, 'trials' | 'marks' | 'lastVisit'>) {
  if (lastVisit === null) return null;
  const { newCount, updatedCount } = changeCounts(trials, marks);
  return (
    <span className="status-item">
      Since your last visit: {formatCount(newCount)} new, {formatCount(updatedCount)} changed
    </span>
  );
}

/** "What changed since my last visit": counts, the New/Changed filter, Mark all as seen, and the RSS feed. */
export function ChangesPanel({
  trials,
  marks,
  lastVisit,
  changed,
  onChangedChange,
  onMarkAllSeen,
  rssUrl,
  feeds,
  ledgerSummary,
}: ChangesPanelProps) {
  const headingId = useId();
  const { newCount, updatedCount } = changeCounts(trials, marks);
  const anyMarks = marks.size > 0;
  const toggle = (mark: ChangeMark) =>
    onChangedChange(
      changed.includes(mark) ? changed.filter((m) => m !== mark) : [...changed, mark],
    );

  return (
    <section className="live-data-changes-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="live-data-changes-heading">
        Since your last visit
      </h2>
      {lastVisit === null ? (
        <p className="live-data-changes-summary">
          First visit from this browser: on your next visit, trials that are new or changed since
          today will be marked.
        </p>
      ) : (
        <p className="live-data-changes-summary">
          Compared with your last visit on {formatDate(lastVisit)}:{' '}
          <strong>{pluralize(newCount, 'new trial')}</strong>,{' '}
          <strong>{pluralize(updatedCount, 'changed trial')}</strong>
          {anyMarks ? ' (marked in the table and the trial details).' : '.'}
        </p>
      )}
      {ledgerSummary}
      <div className="live-data-changes-actions">
        {anyMarks || changed.length > 0 ? (
          <>
            <button
              type="button"
              className="button button-quiet"
              aria-pressed={changed.includes('new')}
              onClick={() => toggle('new')}
            >
              Only new ({newCount})
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-pressed={changed.includes('updated')}
              onClick={() => toggle('updated')}
            >
              Only changed ({updatedCount})
            </button>
          </>
        ) : null}
        {anyMarks ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              onMarkAllSeen();
              onChangedChange([]);
            }}
          >
            Mark all as seen
          </button>
        ) : null}
        <a href={rssUrl} target="_blank" rel="noopener noreferrer">
          RSS feed of this search on ClinicalTrials.gov
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        {feeds}
      </div>
      {lastVisit === null ? null : (
        <p className="live-data-changes-note">
          The baseline is what this browser showed when you last left the page or clicked “Mark all
          as seen”. It is stored in this browser only.
        </p>
      )}
    </section>
  );
}
