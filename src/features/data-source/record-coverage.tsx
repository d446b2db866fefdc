import { MAX_PLAUSIBLE_ENROLLMENT } from '../../domain/normalize-study.ts';
import { formatCount, pluralize } from '../../lib/format.ts';

export type RecordCoverageProps = {
  /** Records with no autoimmune disease category. */
  hiddenCount: number;
  showHidden: boolean;
  onShowHiddenChange: (show: boolean) => void;
  /** Records dropped while reading (no NCT id, or a duplicate). */
  skipped: number;
  /** Values left out as missing because they could not be right. */
  skippedValues: number;
};

/** What is left out of the charts and why, with the switch that brings hidden records back in. */
export function RecordCoverage({
  hiddenCount,
  showHidden,
  onShowHiddenChange,
  skipped,
  skippedValues,
}: RecordCoverageProps) {
  if (hiddenCount === 0 && skipped === 0 && skippedValues === 0) return null;
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
      {skippedValues > 0 ? (
        <p>
          {pluralize(skippedValues, 'value')} left out as missing because they could not be right
          (such as an enrollment above {formatCount(MAX_PLAUSIBLE_ENROLLMENT)}).
        </p>
      ) : null}
    </section>
  );
}
