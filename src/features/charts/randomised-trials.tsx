import { useState } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { usePrinting } from '../../components/use-near-viewport.ts';
import { Panel } from '../../components/panel.tsx';
import { randomisedHsctTrials } from '../../domain/aggregate.ts';
import { FILTER_SCHEMA } from '../../domain/filter-schema.ts';
import { PHASE_LABELS, STATUS_LABELS, type KnownStatus, type Trial } from '../../domain/trial.ts';
import { formatCount, pluralize } from '../../lib/format.ts';

export type RandomisedTrialsProps = {
  trials: readonly Trial[];
  /** Open the trial detail. */
  onSelectTrial?: (nctId: string) => void;
};

/** Rows shown before "Show all" (the largest trials; a broad view can hold a hundred or more). */
export const RANDOMISED_ROWS_FIRST = 10;

/**
 * Every randomised transplant (HSCT) trial of the view with its comparator, phase, status and
 * enrollment: the table a reviewer writes by hand. The largest RANDOMISED_ROWS_FIRST are shown, the
 * others on "Show all" (and always when printed).
 */
export function RandomisedTrials({ trials, onSelectTrial }: RandomisedTrialsProps) {
  const randomised = randomisedHsctTrials(trials);
  const [expanded, setExpanded] = useState(false);
  const printing = usePrinting();
  const folded = randomised.length > RANDOMISED_ROWS_FIRST && !expanded && !printing;
  const shown = folded ? randomised.slice(0, RANDOMISED_ROWS_FIRST) : randomised;
  return (
    <Panel
      title="Randomised trials"
      className="panel-wide"
      description={
        randomised.length === 0
          ? 'None of these transplant trials is randomised (as its record states the allocation).'
          : `${pluralize(randomised.length, 'randomised transplant trial')}, largest enrollment first. The comparator is read from the arms and titles.`
      }
    >
      {randomised.length > 0 ? (
        <DataTable
          caption="Randomised transplant trials"
          captionHidden
          columns={[
            { header: 'Trial' },
            { header: 'Comparator' },
            { header: 'Phase' },
            { header: 'Status' },
            { header: 'Enrollment', numeric: true },
          ]}
          rows={shown.map((t) => ({
            key: t.nctId,
            cells: [
              <>
                {onSelectTrial ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelectTrial(t.nctId)}
                  >
                    {t.acronym ?? t.nctId}
                  </button>
                ) : (
                  <a href={t.url}>{t.acronym ?? t.nctId}</a>
                )}
                <span className="visually-hidden"> {t.title}</span>
              </>,
              <>
                {FILTER_SCHEMA.comparator.valueLabel(t.design.comparator)}
                {t.design.evidence.comparator !== undefined ? (
                  <>
                    {': '}
                    <q>{t.design.evidence.comparator}</q>
                  </>
                ) : null}
              </>,
              PHASE_LABELS[t.phase],
              STATUS_LABELS[t.status as KnownStatus] ?? t.status,
              t.enrollment !== undefined ? t.enrollment.count : '—',
            ],
          }))}
        />
      ) : null}
      {randomised.length > RANDOMISED_ROWS_FIRST ? (
        <button
          type="button"
          className="button button-quiet charts-randomised-more"
          aria-expanded={!folded}
          onClick={() => setExpanded((v) => !v)}
        >
          {folded
            ? `Show all ${formatCount(randomised.length)} randomised trials`
            : `Show the ${RANDOMISED_ROWS_FIRST} largest only`}
        </button>
      ) : null}
    </Panel>
  );
}
