import { Stat } from '../../components/stat.tsx';
import { summarize } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount, pluralize } from '../../lib/format.ts';

export type SummaryFiguresProps = {
  trials: readonly Trial[];
  /** The filters that produced the figures, in words (shown above them). */
  scope?: string;
};

/** Headline figures for the trials on screen. */
export function SummaryFigures({ trials, scope }: SummaryFiguresProps) {
  const figures = summarize(trials);
  const missingEnrollment = figures.trials - figures.withEnrollment;
  return (
    <section className="summary" aria-label="Summary figures">
      {scope ? <p className="summary-scope">{scope}</p> : null}
      <Stat label="Trials" value={formatCount(figures.trials)} />
      <Stat
        label="Recruiting now"
        value={formatCount(figures.recruiting)}
        note="Overall status “Recruiting”"
      />
      <Stat
        label="Total enrollment"
        value={formatCount(figures.totalEnrollment)}
        note={
          missingEnrollment > 0
            ? `Actual or planned; ${pluralize(missingEnrollment, 'trial')} without a figure`
            : 'Participants, actual or planned'
        }
      />
      <Stat label="Countries" value={formatCount(figures.countries)} note="With a listed site" />
    </section>
  );
}
