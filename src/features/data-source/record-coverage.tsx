import { pluralize } from '../../lib/format.ts';

export type RecordCoverageProps = {
  /** Records with no autoimmune disease category. */
  hiddenCount: number;
  showHidden: boolean;
  onShowHiddenChange: (show: boolean) => void;
  /** Records dropped while reading (no NCT id, or a duplicate). */
  skipped: number;
};

/** What is left out of the charts and why, with the switch that brings hidden records back in. */
export function RecordCoverage({
  hiddenCount,
  showHidden,
  onShowHiddenChange,
  skipped,
}: RecordCoverageProps) {
  if (hiddenCount === 0 && skipped === 0) return null;
  const verb = hiddenCount === 1 ? 'is' : 'are';
  return (
    <section className="coverage" aria-label="Records left out">
      {hiddenCount > 0 ? (
        <p>
          <span>
            {pluralize(hiddenCount, 'record')} not classified as autoimmune (malignancy, GVHD,
            aplastic anaemia, other) {verb} {showHidden ? 'included' : 'hidden'}.
          </span>{' '}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onShowHiddenChange(!showHidden)}
          >
            {showHidden ? 'Hide them again' : 'Show hidden records'}
          </button>
        </p>
      ) : null}
      {skipped > 0 ? (
        <p>
          {pluralize(skipped, 'record')} skipped while reading the data (no NCT id, or a duplicate
          of another record).
        </p>
      ) : null}
    </section>
  );
}
