import { memo } from 'react';
import { countByDisease, countUnclassified } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { CategoryBarChart, type CategoryRow } from './category-bar-chart.tsx';
import { leaderFinding } from './findings.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';

export const UNCLASSIFIED_LABEL = 'Not classified as autoimmune';
const UNCLASSIFIED_KEY = 'unclassified';

export function diseaseRows(trials: readonly Trial[]): CategoryRow[] {
  const rows: CategoryRow[] = countByDisease(trials).map(({ id, label, count }) => ({
    key: id,
    label,
    count,
  }));
  const unclassified = countUnclassified(trials);
  if (unclassified > 0)
    rows.push({ key: UNCLASSIFIED_KEY, label: UNCLASSIFIED_LABEL, count: unclassified });
  return rows;
}

export type DiseaseChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Trials per disease category, as horizontal bars, largest first. A bar toggles the disease filter. */
export const DiseaseChart = memo(function DiseaseChart({
  trials,
  selected,
  onToggle,
}: DiseaseChartProps) {
  const rows = diseaseRows(trials);
  return (
    <CategoryBarChart
      title="Trials by disease"
      finding={leaderFinding(
        rows.filter((r) => r.key !== UNCLASSIFIED_KEY),
        trials.length,
        (label, share) => `${label} leads: ${share}`,
      )}
      count={trials.length}
      description="A trial that studies several diseases counts once for each."
      category="Disease"
      rows={rows}
      summaryPrefix="Bar chart of trials by disease"
      labelWidth={190}
      rowHeight={36}
      inertKeys={[UNCLASSIFIED_KEY]}
      {...(onToggle ? { filter: { selected: selected ?? [], onToggle } } : {})}
    />
  );
});
