/**
 * What the chart drawings share (loaded lazily with them): their size, the tooltip mounted when a
 * pointer first comes over the chart, and a legend drawn without Recharts.
 */
import { useState } from 'react';

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

/** The room a one-line legend takes under its chart (charts.css, .chart-legend). */
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
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
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
