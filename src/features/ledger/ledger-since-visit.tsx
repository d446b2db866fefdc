import { pluralize } from '../../lib/format.ts';
import './ledger.css';

/** One line in "Since your last visit": the nightly change ledger's count since then. */
export function LedgerSinceVisit({ count, summary }: { count: number; summary: string }) {
  return (
    <p className="ledger-since-visit">
      {count === 0
        ? 'The nightly change history recorded no changes to these trials since then.'
        : `The nightly change history recorded ${pluralize(count, 'change')} to these trials since then: ${summary}. See “Recent changes” and each trial's history.`}
    </p>
  );
}
