/**
 * What the chart drawings share (loaded lazily with them): their size, the tooltip mounted when a
 * pointer first comes over the chart, and a legend drawn without Recharts.
 */
import { useState } from 'react';
import type { CartesianGridProps } from 'recharts';

type VerticalLines = NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>;
type GridAxis = Parameters<VerticalLines>[0]['xAxis'];

/** Where the grid lines along an axis stand: at the ticks we gave it (count axes), else none. */
function linesAtTicks(axis: GridAxis): number[] {
  const { ticks, scale } = axis ?? {};
  if (!ticks || !scale) return [];
  return ticks.flatMap((tick) => {
    const at = scale.map(tick);
    return at === undefined || !Number.isFinite(at) ? [] : [at];
  });
}

/**
 * Props of every drawing's <CartesianGrid>: lines at the count axis's ticks, worked out without
 * Recharts' default line generators. Those run for both directions (even the one not drawn) and pick
 * the lines as axis labels are picked, measuring every label's text in the page to drop overlapping
 * ones; on a chart's first draw, before its axes are registered, they do it for the axis Recharts
 * guesses from the data (every category name).
 */
export const GRID_LINES = {
  verticalCoordinatesGenerator: ({ xAxis }) => linesAtTicks(xAxis),
  horizontalCoordinatesGenerator: ({ yAxis }) => linesAtTicks(yAxis),
} as const satisfies Pick<
  CartesianGridProps,
  'verticalCoordinatesGenerator' | 'horizontalCoordinatesGenerator'
>;

/**
 * The size props of a drawing's <BarChart>: the width the panel measured (no measuring in Recharts), or
 * Recharts' own measuring of its container where the panel could not measure (no ResizeObserver).
 */
export function drawingSize(width: number | undefined, height: number) {
  return width === undefined
    ? ({ responsive: true, style: { width: '100%', height } } as const)
    : ({ width, height } as const);
}

/**
 * Whether to mount the drawing's <Tooltip>, and the chart props that turn it on: it is mounted when a
 * mouse or a finger first comes over the chart. A mounted Recharts tooltip registers itself and works
 * out where it would stand on every draw (a sizeable part of a filter click's redraw), for a tooltip
 * nobody has asked for; the data table and the chart's summary give the same numbers.
 */
export function useTooltipWhenNeeded(): {
  tooltip: boolean;
  wake: { onMouseEnter?: () => void; onTouchStart?: () => void };
} {
  const [tooltip, setTooltip] = useState(false);
  const show = () => setTooltip(true);
  return { tooltip, wake: tooltip ? {} : { onMouseEnter: show, onTouchStart: show } };
}

/** The room a one-line legend takes under its chart (charts.css, .charts-legend). */
export const LEGEND_HEIGHT = 24;

/**
 * The legend of a stacked chart, under it: a square of each series' colour and its name. Recharts'
 * <Legend> looked the same but measured itself after every draw (a forced layout per chart).
 */
export function DrawingLegend({
  items,
}: {
  items: readonly { key: string; name: string; fill: string; stroke?: string | undefined }[];
}) {
  return (
    <ul className="charts-legend">
      {items.map((item) => (
        <li key={item.key} className="charts-legend-item">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect
              x="0.5"
              y="0.5"
              width="13"
              height="13"
              fill={item.fill}
              stroke={item.stroke ?? 'none'}
            />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
