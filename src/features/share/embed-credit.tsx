import { MAX_NAMED_ISSUES } from '../../domain/filter-schema.ts';
import { formatCount, formatDate } from '../../lib/format.ts';
import './share.css';

export type EmbedCreditProps = {
  /** When the data was current (ISO date or date-time). */
  dataDate?: string;
  /** The same view in the full dashboard (fullViewUrl of the embed URL). */
  fullViewUrl: string;
};

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The credit line of an embedded view: "Data: ClinicalTrials.gov, as of DATE — open full dashboard". */
export function EmbedCredit({ dataDate, fullViewUrl }: EmbedCreditProps) {
  return (
    <p className="share-embed-credit">
      Data:{' '}
      <a href="https://clinicaltrials.gov/" target="_blank" rel="noopener noreferrer">
        ClinicalTrials.gov
      </a>
      {dataDate ? `, as of ${formatDate(dataDate)}` : null}
      {isWebUrl(fullViewUrl) ? (
        <>
          {' — '}
          <a href={fullViewUrl} target="_blank" rel="noopener">
            open full dashboard
          </a>
        </>
      ) : null}
    </p>
  );
}

export type EmbedProblemsProps = { problems: readonly string[] };

/** The problems with an embed's parameters, shown in the frame (never a blank frame). */
export function EmbedProblems({ problems }: EmbedProblemsProps) {
  if (problems.length === 0) return null;
  // A notice stays short whatever a link holds: the first few problems, then how many more.
  const named = problems.slice(0, MAX_NAMED_ISSUES);
  const rest = problems.length - named.length;
  return (
    <div role="alert" className="share-embed-problems">
      <p>Some settings of this embedded view were not understood:</p>
      <ul>
        {named.map((problem, index) => (
          <li key={`${index}-${problem}`}>{problem}</li>
        ))}
        {rest > 0 ? <li>and {formatCount(rest)} more.</li> : null}
      </ul>
    </div>
  );
}
