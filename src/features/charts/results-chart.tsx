import { memo } from 'react';
import { resultsShare } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import { CategoryBarChart } from './category-bar-chart.tsx';

export type ResultsChartProps = {
  trials: readonly Trial[];
  /** The "Has results" filter. */
  selected?: boolean;
  onToggle?: () => void;
};

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}

/** How many trials have posted results on ClinicalTrials.gov. */
export const ResultsChart = memo(function ResultsChart({
  trials,
  selected = false,
  onToggle,
}: ResultsChartProps) {
  const s = resultsShare(trials);
  const rows = [
    { key: 'yes', label: 'Results posted', count: s.withResults },
    { key: 'no', label: 'No results posted', count: s.withoutResults },
  ];
  return (
    <CategoryBarChart
      title="Trials with posted results"
      finding={
        trials.length === 0
          ? undefined
          : `${percent(s.withResults, trials.length)} of these trials have posted results`
      }
      count={trials.length}
      description={`${percent(s.withResults, trials.length)} of these trials have results on ClinicalTrials.gov; ${percent(s.endedWithResults, s.ended)} of the ${formatCount(s.ended)} completed or terminated ones.`}
      category="Results"
      rows={rows}
      summaryPrefix="Bar chart of trials with and without posted results"
      labelWidth={150}
      inertKeys={['no']}
      {...(onToggle
        ? { filter: { selected: selected ? ['yes'] : [], onToggle: () => onToggle() } }
        : {})}
    />
  );
});
