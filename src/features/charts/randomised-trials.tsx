import { DataTable } from '../../components/data-table.tsx';
import { Panel } from '../../components/panel.tsx';
import { randomisedHsctTrials } from '../../domain/aggregate.ts';
import { FILTER_SCHEMA } from '../../domain/filter-schema.ts';
import { PHASE_LABELS, STATUS_LABELS, type KnownStatus, type Trial } from '../../domain/trial.ts';
import { pluralize } from '../../lib/format.ts';

export type RandomisedTrialsProps = {
  trials: readonly Trial[];
  /** Open the trial detail. */
  onSelectTrial?: (nctId: string) => void;
};

/**
 * Every randomised transplant (HSCT) trial of the view with its comparator, phase, status and
 * enrollment: the table a reviewer writes by hand.
 */
export function RandomisedTrials({ trials, onSelectTrial }: RandomisedTrialsProps) {
  const randomised = randomisedHsctTrials(trials);
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
          rows={randomised.map((t) => ({
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
    </Panel>
  );
}
