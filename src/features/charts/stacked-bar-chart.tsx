import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrawingWidth } from './chart-drawings.tsx';
import {
  countAxisProps,
  LABEL_AXIS_PROPS,
  TOOLTIP_PROPS,
  stackedChartHeight,
} from './chart-style.ts';
import {
  DrawingLegend,
  CountGrid,
  horizontalBarsFrame,
  legendHeight,
  useTooltipWhenNeeded,
} from './drawing-parts.tsx';
import type { CrossFilter } from './filter-chart-panel.tsx';
import { selectionBarShape } from './selection-bar-shape.tsx';

/** One stacked series: a numeric key of every data row, its legend name and colours. */
export type StackSeries = {
  dataKey: string;
  name: string;
  fill: string;
  stroke?: string | undefined;
  strokeDasharray?: string | undefined;
};

export type StackedBarChartProps = {
  /** One row per bar, with a `label` (the axis label) and a number per series. */
  data: readonly object[];
  /** The filter value of each row of `data`, in the same order. */
  keys: readonly string[];
  series: readonly StackSeries[];
  stackId: string;
  /** Text alternative read by screen readers (the panel also has a data table). */
  summary: string;
  filter?: CrossFilter | undefined;
  /** With one series: the colour of each row (by its key), e.g. one colour per transplant type. */
  rowColors?: Readonly<Record<string, string>> | undefined;
};

/**
 * Horizontal stacked bars, one per row; a click on any segment toggles that row's filter value. Loaded
 * lazily: panels draw it as `StackedBars` of chart-drawings.tsx, with `stackedChartHeight` reserved.
 */
export function StackedBarChart({
  data,
  keys,
  series,
  stackId,
  summary,
  filter,
  rowColors,
  width,
}: StackedBarChartProps & DrawingWidth) {
  const { tooltip, wake } = useTooltipWhenNeeded();
  // The bars are named on the axis; like every bar chart, no value labels (the panel's data table and
  // the tooltip give the numbers). A legend is drawn only when several series share a bar.
  const legend = series.length > 1;
  const shape = selectionBarShape(keys, filter?.selected);
  // With one series, each row's own colour: per-row <Cell>s, so that the tooltip shows it too.
  const cells =
    !legend && rowColors
      ? keys.map((key) => <Cell key={key} {...(rowColors[key] ? { fill: rowColors[key] } : {})} />)
      : null;
  const height =
    stackedChartHeight(keys.length) -
    (legend
      ? legendHeight(
          series.map((s) => s.name),
          width,
        )
      : 0);
  const countAxis = countAxisProps(
    Math.max(
      0,
      ...data.map((row) =>
        series.reduce(
          (sum, s) => sum + Number((row as Record<string, unknown>)[s.dataKey] ?? 0),
          0,
        ),
      ),
    ),
  );
  const chart = (
    <BarChart {...horizontalBarsFrame(width, height, wake, summary)} data={[...data]}>
      <CountGrid ticks={countAxis.ticks} lines="vertical" />
      <XAxis {...countAxis} />
      <YAxis {...LABEL_AXIS_PROPS} width={100} />
      {tooltip ? <Tooltip {...TOOLTIP_PROPS} /> : null}
      {series.map((s) => (
        <Bar
          key={s.dataKey}
          dataKey={s.dataKey}
          name={s.name}
          stackId={stackId}
          fill={s.fill}
          stroke={s.stroke}
          strokeDasharray={s.strokeDasharray}
          isAnimationActive={false}
          maxBarSize={30}
          shape={shape}
          cursor={filter ? 'pointer' : undefined}
          onClick={(_data, index) => {
            const key = keys[index];
            if (filter && key !== undefined) filter.onToggle(key);
          }}
        >
          {cells}
        </Bar>
      ))}
    </BarChart>
  );
  if (!legend) return chart;
  return (
    <>
      {chart}
      <DrawingLegend
        items={series.map((s) => ({
          key: s.dataKey,
          name: s.name,
          fill: s.fill,
          stroke: s.stroke,
        }))}
      />
    </>
  );
}
