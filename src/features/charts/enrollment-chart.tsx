import { memo } from 'react';
import { enrollmentByType } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import { BAR_COLOR, PLANNED_BAR_COLOR, stackedChartHeight } from './chart-style.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';
import { StackedBars } from './chart-drawings.tsx';

export type EnrollmentChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Participants per transplant type, actual (enrolled) vs estimated (planned). A bar toggles the type filter. */
export const EnrollmentChart = memo(function EnrollmentChart({
  trials,
  selected,
  onToggle,
}: EnrollmentChartProps) {
  const rows = enrollmentByType(trials);
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  const actual = rows.reduce((s, r) => s + r.actual, 0);
  const estimated = rows.reduce((s, r) => s + r.estimated, 0);
  const summary = `Stacked bar chart of enrolled participants by transplant type. ${rows
    .map(
      (r) => `${r.label}: ${formatCount(r.actual)} actual, ${formatCount(r.estimated)} estimated`,
    )
    .join('; ')}.`;
  return (
    <FilterChartPanel
      drawingHeight={stackedChartHeight(rows.length)}
      title="Participants by transplant type"
      finding={
        actual + estimated === 0
          ? undefined
          : `${formatCount(actual)} people enrolled, ${formatCount(estimated)} more planned`
      }
      unit="Number of participants"
      count={trials.length}
      empty={actual + estimated === 0 ? 'No participant numbers in these trials.' : undefined}
      description={`Actual counts are of people enrolled (${formatCount(actual)}); estimated counts are what ongoing or planned trials aim for (${formatCount(estimated)}).`}
      table={{
        caption: 'Participants by transplant type, actual and estimated',
        columns: [
          { header: 'Transplant type' },
          { header: 'Actual', numeric: true },
          { header: 'Trials (actual)', numeric: true },
          { header: 'Estimated', numeric: true },
          { header: 'Trials (estimated)', numeric: true },
        ],
        rows: rows.map((r) => ({
          key: r.key,
          cells: [r.label, r.actual, r.trialsActual, r.estimated, r.trialsEstimated],
        })),
        footer: [
          'Total',
          actual,
          rows.reduce((s, r) => s + r.trialsActual, 0),
          estimated,
          rows.reduce((s, r) => s + r.trialsEstimated, 0),
        ],
      }}
      {...(filter ? { filter } : {})}
    >
      <StackedBars
        data={rows}
        keys={rows.map((r) => r.key)}
        series={[
          { dataKey: 'actual', name: 'Actual (enrolled)', fill: BAR_COLOR },
          {
            dataKey: 'estimated',
            name: 'Estimated (planned)',
            fill: PLANNED_BAR_COLOR,
            stroke: BAR_COLOR,
            strokeDasharray: '4 2',
          },
        ]}
        stackId="enrollment"
        summary={summary}
        filter={filter}
      />
    </FilterChartPanel>
  );
});
