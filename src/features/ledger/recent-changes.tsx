import { useId } from 'react';
import type { LedgerEntry } from '../../domain/ledger.ts';
import { formatDate, pluralize, pluralWord } from '../../lib/format.ts';
import { LedgerItem } from './trial-timeline.tsx';
import './ledger.css';

export type RecentChange = { entry: LedgerEntry; title: string };

export type RecentChangesProps = {
  /** Changes of the trials the current filters show, newest first. */
  changes: readonly RecentChange[];
  /** First day of the period (yyyy-MM-dd). */
  since: string;
  /** Data date of the last snapshot in the ledger. */
  recordedUntil?: string | undefined;
  onSelectTrial: (nctId: string) => void;
  /** Why the ledger could not be read, when it could not. */
  unavailable?: string | undefined;
  /** Damaged entries of the ledger file that were left out. */
  dropped?: number;
};

/** "Recent changes": the ledger's entries of the last 30 days for the trials on screen. */
export function RecentChanges({
  changes,
  since,
  recordedUntil,
  onSelectTrial,
  unavailable,
  dropped = 0,
}: RecentChangesProps) {
  const headingId = useId();
  return (
    <section className="ledger-recent-changes" aria-labelledby={headingId}>
      <h2 id={headingId}>Recent changes</h2>
      {unavailable !== undefined ? (
        <p className="ledger-note">The change history could not be loaded: {unavailable}</p>
      ) : (
        <>
          <p className="ledger-note">
            {pluralize(changes.length, 'change')} since {formatDate(since)} in the trials shown,
            from the nightly change history
            {recordedUntil !== undefined ? ` (recorded up to ${formatDate(recordedUntil)})` : ''}.
          </p>
          {dropped > 0 ? (
            <p className="ledger-note">
              {pluralize(dropped, 'damaged record')} of the change history could not be read and
              {pluralWord(dropped, ' is', ' are')} left out.
            </p>
          ) : null}
          {changes.length > 0 ? (
            <ol className="ledger-list" aria-label="Recent changes, newest first">
              {changes.map(({ entry, title }) => (
                <LedgerItem
                  key={`${entry.dataDate}/${entry.nctId}/${entry.kind}/${entry.field ?? ''}/${entry.to ?? ''}`}
                  entry={entry}
                  lead={
                    <>
                      <button
                        type="button"
                        className="ledger-trial-button"
                        onClick={() => onSelectTrial(entry.nctId)}
                      >
                        {title}
                      </button>
                      {': '}
                    </>
                  }
                />
              ))}
            </ol>
          ) : null}
        </>
      )}
    </section>
  );
}
