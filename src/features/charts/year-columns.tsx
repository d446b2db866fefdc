/** The drawing of StartYearChart (Recharts, loaded lazily through chart-drawings.tsx). */
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AxisTick } from './axis-tick.tsx';
import type { DrawingWidth } from './chart-drawings.tsx';
import { AXIS_LINE, countAxisProps, TOOLTIP_PROPS, YEAR_COLUMNS_HEIGHT } from './chart-style.ts';
import {
  DrawingLegend,
  drawingSize,
  CountGrid,
  legendHeight,
  useTooltipWhenNeeded,
} from './drawing-parts.tsx';
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

/** Width of a year label with the gap Recharts kept between labels (13 px digits, minTickGap 12). */
const YEAR_LABEL_ROOM = 44;
/**
 * The chart's right margin: room for half of the last year's label, which stands centred under the last
 * column (Recharts' `preserveEnd` moved that label in; labels are no longer measured).
 */
const RIGHT_MARGIN = 16;
/** The Y axis width and the chart's side margins (below). */
const PLOT_INSET = 36 + RIGHT_MARGIN;

/**
 * The years labelled on the axis, the last one always: every year while they fit in `width`, else every
 * second, third… counted back from the last (as Recharts' `preserveEnd` did, without measuring every
 * label in the page on each draw). All of them when the width is not known.
 */
export function yearTicks(years: readonly string[], width: number | undefined): string[] {
  if (width === undefined || years.length === 0) return [...years];
  const step = Math.max(1, Math.ceil((YEAR_LABEL_ROOM * years.length) / (width - PLOT_INSET)));
  return years.filter((_, index) => (years.length - 1 - index) % step === 0);
}

/** Columns of trials started per year, stacked by series; a legend when there are several series. */
export function YearColumns({
  data,
  keys,
  summary,
  filter,
  width,
}: YearColumnsProps & DrawingWidth) {
  const { tooltip, wake } = useTooltipWhenNeeded();
  const years = data.map((row) => row.year);
  const shape = selectionBarShape(years, filter?.selected);
  const legend = keys.length > 1;
  const countAxis = countAxisProps(Math.max(0, ...data.map((r) => r.total)));
  const chart = (
    <BarChart
      {...drawingSize(
        width,
        YEAR_COLUMNS_HEIGHT -
          (legend
            ? legendHeight(
                keys.map((k) => k.name),
                width,
              )
            : 0),
      )}
      {...wake}
      data={data}
      margin={{ top: 8, right: RIGHT_MARGIN, bottom: 4, left: 0 }}
      role="img"
      aria-label={summary}
      accessibilityLayer={false}
    >
      <CountGrid ticks={countAxis.ticks} lines="horizontal" />
      <XAxis
        dataKey="year"
        tick={AxisTick}
        axisLine={AXIS_LINE}
        tickLine={AXIS_LINE}
        {...(width === undefined
          ? { minTickGap: 12 }
          : { ticks: yearTicks(years, width), interval: 0 })}
      />
      <YAxis {...countAxis} width={36} />
      {tooltip ? <Tooltip {...TOOLTIP_PROPS} /> : null}
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
  if (!legend) return chart;
  return (
    <>
      {chart}
      <DrawingLegend items={keys.map(({ key, name, fill }) => ({ key, name, fill }))} />
    </>
  );
}
