import { memo } from 'react';
import { countByPhase } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { CategoryBarChart } from './category-bar-chart.tsx';
import { leaderFinding } from './findings.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';

export type PhaseChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Trials per registered phase, in phase order (combined phases are their own bars). */
export const PhaseChart = memo(function PhaseChart({
  trials,
  selected,
  onToggle,
}: PhaseChartProps) {
  const rows = countByPhase(trials).map((r) => ({ key: r.phase, label: r.label, count: r.count }));
  return (
    <CategoryBarChart
      title="Trials by phase"
      finding={leaderFinding(rows, trials.length, (label, share) =>
        label === 'Not applicable'
          ? `Most often no phase is registered: ${share}`
          : `${label} is the most common phase: ${share}`,
      )}
      count={trials.length}
      description="As registered. Combined phases (e.g. Phase 1/2) are their own bars; many transplant trials register no phase (“Not applicable”)."
      category="Phase"
      rows={rows}
      summaryPrefix="Bar chart of trials by phase"
      labelWidth={120}
      rowHeight={32}
      {...(onToggle ? { filter: { selected: selected ?? [], onToggle } } : {})}
    />
  );
});
