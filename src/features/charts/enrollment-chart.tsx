import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { enrollmentByType } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import { barOpacity } from './category-bar-chart.tsx';
import {
  COUNT_AXIS_PROPS,
  GRID_STROKE,
  LABEL_AXIS_PROPS,
  OKABE_ITO,
  TOOLTIP_PROPS,
  barChartHeight,
} from './chart-style.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';

export type EnrollmentChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Participants per transplant type, actual (enrolled) vs estimated (planned). A bar toggles the type filter. */
export function EnrollmentChart({ trials, selected, onToggle }: EnrollmentChartProps) {
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
      title="Participants by transplant type"
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
      <BarChart
        responsive
        style={{ width: '100%', height: barChartHeight(rows.length, 44, 84) }}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
        role="img"
        aria-label={summary}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeOpacity={0.15} />
        <XAxis {...COUNT_AXIS_PROPS} />
        <YAxis {...LABEL_AXIS_PROPS} width={100} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Legend wrapperStyle={{ color: 'inherit', fontSize: 13 }} />
        {(['actual', 'estimated'] as const).map((series) => (
          <Bar
            key={series}
            dataKey={series}
            name={series === 'actual' ? 'Actual (enrolled)' : 'Estimated (planned)'}
            stackId="enrollment"
            fill={series === 'actual' ? OKABE_ITO.blue : OKABE_ITO.skyBlue}
            stroke={series === 'estimated' ? OKABE_ITO.blue : undefined}
            strokeDasharray={series === 'estimated' ? '4 2' : undefined}
            isAnimationActive={false}
            maxBarSize={30}
            cursor={filter ? 'pointer' : undefined}
            onClick={(_d, index) => {
              const row = rows[index];
              if (filter && row) filter.onToggle(row.key);
            }}
          >
            {rows.map((r) => (
              <Cell key={r.key} fillOpacity={barOpacity(r.key, filter?.selected)} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </FilterChartPanel>
  );
}
