import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel } from '../../components/chart-panel.tsx';
import {
  countByTransplantType,
  therapiesPresent,
  type TransplantTypeCount,
} from '../../domain/aggregate.ts';
import { THERAPIES, THERAPY_LABELS, type Therapy, type Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import {
  AXIS_LINE,
  AXIS_TICK,
  GRID_STROKE,
  THERAPY_COLORS,
  TOOLTIP_PROPS,
  barChartHeight,
} from './chart-style.ts';

function summary(rows: readonly TransplantTypeCount[], therapies: readonly Therapy[]): string {
  const parts = rows.map((row) => {
    const split = therapies
      .filter((t) => row.byTherapy[t] > 0)
      .map((t) => `${THERAPY_LABELS[t]} ${formatCount(row.byTherapy[t])}`);
    return `${row.label}: ${formatCount(row.total)}${split.length > 0 ? ` (${split.join(', ')})` : ''}`;
  });
  return `Stacked bar chart of trials by transplant type, split by therapy. ${parts.join('; ')}.`;
}

export type TransplantTypeChartProps = { trials: readonly Trial[] };

/** Trials per cell source (autologous, allogeneic, both, unspecified), stacked by therapy. */
export function TransplantTypeChart({ trials }: TransplantTypeChartProps) {
  const rows = countByTransplantType(trials);
  const present = therapiesPresent(rows);
  // Keep at least HSCT in the legend so an empty chart still explains its colours.
  const therapies: Therapy[] = present.length > 0 ? present : ['hsct'];
  const data = rows.map((row) => ({ label: row.label, total: row.total, ...row.byTherapy }));
  return (
    <ChartPanel
      title="Trials by transplant type"
      description="Where the cells come from, split by therapy. “Unspecified” means the record never states it."
      table={{
        caption: 'Trials by transplant type and therapy',
        columns: [
          { header: 'Transplant type' },
          ...THERAPIES.map((t) => ({ header: THERAPY_LABELS[t], numeric: true })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((row) => [row.label, ...THERAPIES.map((t) => row.byTherapy[t]), row.total]),
      }}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: barChartHeight(rows.length, 44, 84) }}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
        role="img"
        aria-label={summary(rows, therapies)}
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
          width={100}
          interval={0}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={false}
        />
        <Tooltip {...TOOLTIP_PROPS} />
        <Legend wrapperStyle={{ color: 'inherit', fontSize: 13 }} />
        {therapies.map((therapy) => (
          <Bar
            key={therapy}
            dataKey={therapy}
            name={THERAPY_LABELS[therapy]}
            stackId="therapy"
            fill={THERAPY_COLORS[therapy]}
            isAnimationActive={false}
            maxBarSize={30}
          />
        ))}
      </BarChart>
    </ChartPanel>
  );
}
