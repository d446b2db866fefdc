import { useId } from 'react';
import { describeLedgerEntry, isHighlighted, type LedgerEntry } from '../../domain/ledger.ts';
import { formatDate } from '../../lib/format.ts';
import './ledger.css';

/** One change, its dates, and a visible "Key change" label for Completed/Terminated and results. */
export function LedgerItem({ entry, lead }: { entry: LedgerEntry; lead?: React.ReactNode }) {
  const key = isHighlighted(entry);
  return (
    <li className={key ? 'ledger-item ledger-item-key' : 'ledger-item'}>
      <span className="ledger-date">
        {formatDate(entry.dataDate)}
        {entry.updated !== undefined && entry.updated !== entry.dataDate
          ? ` (record updated ${formatDate(entry.updated)})`
          : ''}
      </span>{' '}
      {key ? <span className="ledger-key-label">Key change: </span> : null}
      {lead}
      {describeLedgerEntry(entry)}
    </li>
  );
}

export type TrialTimelineProps =
  | { state: 'loading' }
  | { state: 'unavailable'; reason: string }
  | { state: 'ready'; entries: readonly LedgerEntry[] };

/** The trial's history of changes, newest first, as the nightly change ledger recorded it. */
export function TrialTimeline(props: TrialTimelineProps) {
  const headingId = useId();
  return (
    <section className="trial-detail-section trial-timeline" aria-labelledby={headingId}>
      <h3 id={headingId}>History of changes</h3>
      {props.state === 'loading' ? (
        <p className="ledger-note" role="status">
          Loading the change history…
        </p>
      ) : props.state === 'unavailable' ? (
        <p className="ledger-note">The change history is not available: {props.reason}</p>
      ) : props.entries.length === 0 ? (
        <p className="ledger-note">
          No changes recorded for this trial since the nightly change history began.
        </p>
      ) : (
        <ol className="ledger-list" aria-label="Changes, newest first">
          {props.entries.map((e) => (
            <LedgerItem key={`${e.dataDate}/${e.kind}/${e.field ?? ''}/${e.to ?? ''}`} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
}
