/** The drawing of CategoryBarChart (Recharts, loaded lazily through chart-drawings.tsx). */
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrawingWidth } from './chart-drawings.tsx';
import { countAxisProps, LABEL_AXIS_PROPS, TOOLTIP_PROPS } from './chart-style.ts';
import { CountGrid, horizontalBarsFrame, useTooltipWhenNeeded } from './drawing-parts.tsx';
import type { CrossFilter } from './filter-chart-panel.tsx';
import { selectionBarShape } from './selection-bar-shape.tsx';

export type CategoryBarsProps = {
  rows: readonly { key: string; label: string; count: number }[];
  /** Height of the drawing in pixels (the panel reserves it before the drawing loads). */
  height: number;
  labelWidth: number;
  /** Bar colour and the outline of selected bars. */
  color: string;
  selectedColor: string;
  /** Text alternative read by screen readers (the panel also has a data table). */
  summary: string;
  /** When given, a bar click toggles its row (rows in `inertKeys` excepted). */
  filter?: CrossFilter | undefined;
  inertKeys: readonly string[];
};

/** Horizontal bars of trial counts per category; a bar click toggles that category as a filter. */
export function CategoryBars({
  rows,
  height,
  labelWidth,
  color,
  selectedColor,
  summary,
  filter,
  inertKeys,
  width,
}: CategoryBarsProps & DrawingWidth) {
  const { tooltip, wake } = useTooltipWhenNeeded();
  const toggle = (index: number) => {
    const row = rows[index];
    if (filter && row && !inertKeys.includes(row.key)) filter.onToggle(row.key);
  };
  const countAxis = countAxisProps(Math.max(0, ...rows.map((r) => r.count)));
  return (
    <BarChart {...horizontalBarsFrame(width, height, wake, summary)} data={rows}>
      <CountGrid ticks={countAxis.ticks} lines="vertical" />
      <XAxis {...countAxis} />
      <YAxis {...LABEL_AXIS_PROPS} width={labelWidth} />
      {tooltip ? <Tooltip {...TOOLTIP_PROPS} /> : null}
      <Bar
        dataKey="count"
        name="Trials"
        fill={color}
        isAnimationActive={false}
        maxBarSize={26}
        cursor={filter ? 'pointer' : undefined}
        onClick={(_data, index) => toggle(index)}
        shape={selectionBarShape(
          rows.map((r) => r.key),
          filter?.selected,
          selectedColor,
        )}
      />
    </BarChart>
  );
}
