import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel } from '../../components/chart-panel.tsx';
import { countByDisease, countUnclassified } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import {
  AXIS_LINE,
  AXIS_TICK,
  BAR_COLOR,
  GRID_STROKE,
  TOOLTIP_PROPS,
  barChartHeight,
} from './chart-style.ts';

export const UNCLASSIFIED_LABEL = 'Not classified as autoimmune';

type Row = { label: string; count: number };

export function diseaseRows(trials: readonly Trial[]): Row[] {
  const rows: Row[] = countByDisease(trials).map(({ label, count }) => ({ label, count }));
  const unclassified = countUnclassified(trials);
  if (unclassified > 0) rows.push({ label: UNCLASSIFIED_LABEL, count: unclassified });
  return rows;
}

function summary(rows: readonly Row[]): string {
  if (rows.length === 0) return 'Bar chart of trials by disease: no trials.';
  return `Bar chart of trials by disease. ${rows.map((r) => `${r.label}: ${formatCount(r.count)}`).join('; ')}.`;
}

export type DiseaseChartProps = { trials: readonly Trial[] };

/** Trials per disease category, as horizontal bars, largest first. */
export function DiseaseChart({ trials }: DiseaseChartProps) {
  const rows = diseaseRows(trials);
  return (
    <ChartPanel
      title="Trials by disease"
      description="A trial that studies several diseases counts once for each."
      table={{
        caption: 'Trials by disease',
        columns: [{ header: 'Disease' }, { header: 'Trials', numeric: true }],
        rows: rows.map((r) => [r.label, r.count]),
      }}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: barChartHeight(rows.length) }}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
        role="img"
        aria-label={summary(rows)}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeOpacity={0.15} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={190}
          interval={0}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={false}
        />
        <Tooltip {...TOOLTIP_PROPS} />
        <Bar
          dataKey="count"
          name="Trials"
          fill={BAR_COLOR}
          isAnimationActive={false}
          maxBarSize={26}
        >
          <LabelList dataKey="count" position="right" fill="currentColor" fontSize={13} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}
