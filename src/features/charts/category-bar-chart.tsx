import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { formatCount } from '../../lib/format.ts';
import {
  countAxisProps,
  GRID_STROKE,
  LABEL_AXIS_PROPS,
  TOOLTIP_PROPS,
  barChartHeight,
  useChartAccent,
} from './chart-style.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';

export type CategoryRow = { key: string; label: string; count: number };

export type CategoryBarChartProps = {
  title: string;
  /** The title that states the finding (see findings.ts). */
  finding?: string | undefined;
  /** What the bars count, default "Number of trials". */
  unit?: string;
  /** Trials the chart is about (source line). */
  count: number;
  /** The line shown when every bar is empty. */
  emptyText?: string;
  description?: string;
  /** What a row is, for the table header and the summary (e.g. 'Disease'). */
  category: string;
  rows: readonly CategoryRow[];
  /** Chart summary prefix, e.g. 'Bar chart of trials by disease'. */
  summaryPrefix: string;
  labelWidth?: number;
  rowHeight?: number;
  color?: string;
  /** Keys of rows that stand for no filter value (e.g. "not classified"): shown, but not toggles. */
  filter?: CrossFilter;
  /** Row keys that cannot be toggled. */
  inertKeys?: readonly string[];
};

/** Opacity of bars that are not selected while a selection exists. */
export const DIMMED_OPACITY = 0.35;

export function barOpacity(key: string, selected: readonly string[] | undefined): number {
  return !selected || selected.length === 0 || selected.includes(key) ? 1 : DIMMED_OPACITY;
}

/**
 * The shape of the bars of a chart that cross-filters: one plain path per bar, dimmed while other rows
 * are selected (barOpacity) and, with `outline`, outlined when its row is selected. `keys` are the
 * filter values of the data rows, in order. Recharts' default shape (Rectangle: rounded corners and
 * animation, a dozen hooks per bar) and a <Cell> per bar made every redraw slower; a filter click
 * redraws every bar of every chart on screen.
 */
export function selectionBarShape(
  keys: readonly string[],
  selected: readonly string[] | undefined,
  outline?: string,
): (props: BarShapeProps) => ReactNode {
  return function SelectionBar(props: BarShapeProps) {
    const { x, y, width, height, fill, stroke, strokeWidth, strokeDasharray } = props;
    if (!width || !height) return null;
    const key = keys[props.originalDataIndex] ?? '';
    const outlined = outline !== undefined && selected?.includes(key) === true;
    return (
      <path
        className="recharts-rectangle"
        d={`M${x},${y}h${width}v${height}h${-width}Z`}
        fill={fill}
        fillOpacity={barOpacity(key, selected)}
        stroke={outlined ? outline : stroke}
        strokeWidth={outlined ? 2 : strokeWidth}
        strokeDasharray={strokeDasharray}
      />
    );
  };
}

/** Horizontal bars of trial counts per category; a bar click toggles that category as a filter. */
export function CategoryBarChart({
  title,
  finding,
  unit = 'Number of trials',
  count,
  emptyText = 'No trials to show for these filters.',
  description,
  category,
  rows,
  summaryPrefix,
  labelWidth = 160,
  rowHeight = 34,
  color: ownColor,
  filter,
  inertKeys = [],
}: CategoryBarChartProps) {
  const accent = useChartAccent();
  const color = ownColor ?? accent.bar;
  const summary =
    rows.length === 0
      ? `${summaryPrefix}: no trials.`
      : `${summaryPrefix}. ${rows.map((r) => `${r.label}: ${formatCount(r.count)}`).join('; ')}.`;
  const toggle = (index: number) => {
    const row = rows[index];
    if (filter && row && !inertKeys.includes(row.key)) filter.onToggle(row.key);
  };
  const tableFilter: CrossFilter | undefined = filter
    ? {
        selected: filter.selected,
        onToggle: (key) => (inertKeys.includes(key) ? undefined : filter.onToggle(key)),
      }
    : undefined;
  const empty = rows.every((r) => r.count === 0) ? emptyText : undefined;
  const shape = selectionBarShape(
    rows.map((r) => r.key),
    filter?.selected,
    accent.selected,
  );
  return (
    <FilterChartPanel
      title={title}
      finding={finding}
      unit={unit}
      count={count}
      empty={empty}
      {...(description ? { description } : {})}
      table={{
        caption: title,
        columns: [{ header: category }, { header: 'Trials', numeric: true }],
        rows: rows.map((r) => ({ key: r.key, cells: [r.label, r.count] })),
      }}
      {...(tableFilter ? { filter: tableFilter } : {})}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: barChartHeight(rows.length, rowHeight) }}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 44, bottom: 4, left: 4 }}
        role="img"
        aria-label={summary}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeOpacity={0.15} />
        <XAxis {...countAxisProps(Math.max(0, ...rows.map((r) => r.count)))} />
        <YAxis {...LABEL_AXIS_PROPS} width={labelWidth} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Bar
          dataKey="count"
          name="Trials"
          fill={color}
          isAnimationActive={false}
          maxBarSize={26}
          cursor={filter ? 'pointer' : undefined}
          onClick={(_data, index) => toggle(index)}
          shape={shape}
        />
      </BarChart>
    </FilterChartPanel>
  );
}
