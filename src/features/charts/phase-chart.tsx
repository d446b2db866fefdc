import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel } from '../../components/chart-panel.tsx';
import { countByPhase, type PhaseCount } from '../../domain/aggregate.ts';
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

function summary(rows: readonly PhaseCount[]): string {
  return `Bar chart of trials by phase. ${rows.map((r) => `${r.label}: ${formatCount(r.count)}`).join('; ')}.`;
}

export type PhaseChartProps = { trials: readonly Trial[] };

/** Trials per registered phase, in phase order (combined phases are their own bars). */
export function PhaseChart({ trials }: PhaseChartProps) {
  const rows = countByPhase(trials);
  return (
    <ChartPanel
      title="Trials by phase"
      description="As registered. Combined phases (e.g. Phase 1/2) are their own bars; many transplant trials register no phase (“Not applicable”)."
      table={{
        caption: 'Trials by phase',
        columns: [{ header: 'Phase' }, { header: 'Trials', numeric: true }],
        rows: rows.map((r) => [r.label, r.count]),
      }}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: barChartHeight(rows.length, 32) }}
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
          width={120}
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
          maxBarSize={24}
        >
          <LabelList dataKey="count" position="right" fill="currentColor" fontSize={13} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}
