import { MAX_PLAUSIBLE_ENROLLMENT } from '../../domain/trial.ts';
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

/**
 * Items of the status line: what is left out of the charts, with the switch that brings hidden records
 * back in, and how many records could not be read (shown as a warning).
 */
export function RecordCoverage({
  hiddenCount,
  showHidden,
  onShowHiddenChange,
  skipped,
  skippedValues,
}: RecordCoverageProps) {
  if (hiddenCount === 0 && skipped === 0 && skippedValues === 0) return null;
  return (
    <>
      {hiddenCount > 0 ? (
        <span className="status-item">
          <span>
            {pluralize(hiddenCount, 'non-autoimmune record')} {showHidden ? 'included' : 'hidden'}
          </span>{' '}
          {/* Short visible label; the name says what it does (and starts with the visible word). */}
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={showHidden ? 'Hide them again' : 'Show hidden records'}
            onClick={() => onShowHiddenChange(!showHidden)}
          >
            {showHidden ? 'Hide' : 'Show'}
          </button>
        </span>
      ) : null}
      {skipped > 0 ? (
        <span className="status-item status-alert">
          {pluralize(skipped, 'record')} skipped while reading the data (no NCT id, or a duplicate
          of another record).
        </span>
      ) : null}
      {skippedValues > 0 ? (
        <span className="status-item status-alert">
          {pluralize(skippedValues, 'value')} left out as missing because they could not be right
          (such as an enrollment above {formatCount(MAX_PLAUSIBLE_ENROLLMENT)}).
        </span>
      ) : null}
    </>
  );
}

/** The longer explanation of hidden records, for the status line's details. */
export function HiddenRecordsNote({ hiddenCount }: { hiddenCount: number }) {
  if (hiddenCount === 0) return null;
  return (
    <p className="banner-detail">
      Records not classified as autoimmune (malignancy, GVHD, aplastic anaemia, other) are found by
      the same search; they are left out of the figures unless you show them.
    </p>
  );
}
