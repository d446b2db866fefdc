import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import {
  countByTransplantType,
  therapiesPresent,
  type TransplantTypeCount,
} from '../../domain/aggregate.ts';
import { THERAPIES, THERAPY_LABELS, type Therapy, type Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import {
  COUNT_AXIS_PROPS,
  GRID_STROKE,
  LABEL_AXIS_PROPS,
  THERAPY_COLORS,
  TOOLTIP_PROPS,
  barChartHeight,
} from './chart-style.ts';
import { barOpacity } from './category-bar-chart.tsx';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';

function summary(rows: readonly TransplantTypeCount[], therapies: readonly Therapy[]): string {
  const parts = rows.map((row) => {
    const split = therapies
      .filter((t) => row.byTherapy[t] > 0)
      .map((t) => `${THERAPY_LABELS[t]} ${formatCount(row.byTherapy[t])}`);
    return `${row.label}: ${formatCount(row.total)}${split.length > 0 ? ` (${split.join(', ')})` : ''}`;
  });
  return `Stacked bar chart of trials by transplant type, split by therapy. ${parts.join('; ')}.`;
}

export type TransplantTypeChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Trials per cell source (autologous, allogeneic, both, unspecified), stacked by therapy. */
export function TransplantTypeChart({ trials, selected, onToggle }: TransplantTypeChartProps) {
  const rows = countByTransplantType(trials);
  const present = therapiesPresent(rows);
  // Keep at least HSCT in the legend so an empty chart still explains its colours.
  const therapies: Therapy[] = present.length > 0 ? present : ['hsct'];
  const data = rows.map((row) => ({ label: row.label, total: row.total, ...row.byTherapy }));
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  return (
    <FilterChartPanel
      title="Trials by transplant type"
      description="Where the cells come from, split by therapy. “Unspecified” means the record never states it."
      table={{
        caption: 'Trials by transplant type and therapy',
        columns: [
          { header: 'Transplant type' },
          ...THERAPIES.map((t) => ({ header: THERAPY_LABELS[t], numeric: true })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((row) => ({
          key: row.type,
          cells: [row.label, ...THERAPIES.map((t) => row.byTherapy[t]), row.total],
        })),
      }}
      {...(filter ? { filter } : {})}
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
        <XAxis {...COUNT_AXIS_PROPS} />
        <YAxis {...LABEL_AXIS_PROPS} width={100} />
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
            cursor={filter ? 'pointer' : undefined}
            onClick={(_data, index) => {
              const row = rows[index];
              if (filter && row) filter.onToggle(row.type);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.type} fillOpacity={barOpacity(row.type, filter?.selected)} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </FilterChartPanel>
  );
}
