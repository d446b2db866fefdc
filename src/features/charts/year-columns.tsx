/** The drawing of StartYearChart (Recharts, loaded lazily through chart-drawings.tsx). */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AxisTick } from './axis-tick.tsx';
import {
  AXIS_LINE,
  countAxisProps,
  GRID_STROKE,
  TOOLTIP_PROPS,
  YEAR_COLUMNS_HEIGHT,
} from './chart-style.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';
import { selectionBarShape } from './selection-bar-shape.tsx';

export type YearColumnsProps = {
  /** One row per start year: `year` (the axis label and filter value), `total`, a count per series key. */
  data: readonly ({ year: string; total: number } & Record<string, number | string>)[];
  /** The stacked series, bottom first. */
  keys: readonly { key: string; name: string; fill: string }[];
  /** Text alternative read by screen readers (the panel also has a data table). */
  summary: string;
  /** When given, a column click toggles its year. */
  filter?: CrossFilter | undefined;
};

/** Columns of trials started per year, stacked by series; a legend when there are several series. */
export function YearColumns({ data, keys, summary, filter }: YearColumnsProps) {
  const shape = selectionBarShape(
    data.map((row) => row.year),
    filter?.selected,
  );
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: YEAR_COLUMNS_HEIGHT }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      role="img"
      aria-label={summary}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeOpacity={0.15} />
      <XAxis
        dataKey="year"
        tick={AxisTick}
        axisLine={AXIS_LINE}
        tickLine={AXIS_LINE}
        minTickGap={12}
      />
      <YAxis {...countAxisProps(Math.max(0, ...data.map((r) => r.total)))} width={36} />
      <Tooltip {...TOOLTIP_PROPS} />
      {keys.length > 1 ? <Legend wrapperStyle={{ color: 'inherit', fontSize: 13 }} /> : null}
      {keys.map(({ key, name, fill }) => (
        <Bar
          key={key}
          dataKey={key}
          name={name}
          stackId="year"
          fill={fill}
          isAnimationActive={false}
          cursor={filter ? 'pointer' : undefined}
          onClick={(_d, index) => {
            const row = data[index];
            if (filter && row) filter.onToggle(row.year);
          }}
          shape={shape}
        />
      ))}
    </BarChart>
  );
}
