/**
 * What the chart drawings share (loaded lazily with them): their size, the tooltip mounted when a
 * pointer first comes over the chart, and a legend drawn without Recharts.
 */
import { useState } from 'react';
import { usePlotArea } from 'recharts';
import { textWidth } from './axis-tick.tsx';
import { GRID_STROKE } from './chart-style.ts';

/**
 * The grid of a drawing (a child of its chart): faint lines across the plot at the count axis's ticks
 * (`ticks`, from 0 to the last one, which is the end of the axis's domain), vertical for horizontal
 * bars, horizontal for columns. Drawn from the plot area alone, under the bars and axes (Recharts draws
 * those in its upper layers). Recharts' <CartesianGrid> selected both axes with their ticks from its
 * store again on each of a first draw's renders, for lines we already know.
 */
export function CountGrid({
  ticks,
  lines,
}: {
  ticks: readonly number[];
  /** The direction of the lines: `vertical` across a horizontal count axis. */
  lines: 'vertical' | 'horizontal';
}) {
  const plot = usePlotArea();
  const top = ticks.at(-1);
  if (!plot || !top) return null;
  return (
    <g className="recharts-cartesian-grid">
      <g className={`recharts-cartesian-grid-${lines}`}>
        {ticks.map((tick) => {
          if (lines === 'vertical') {
            const x = plot.x + (plot.width * tick) / top;
            return (
              <line key={tick} {...GRID_LINE} x1={x} y1={plot.y} x2={x} y2={plot.y + plot.height} />
            );
          }
          const y = plot.y + plot.height - (plot.height * tick) / top;
          return (
            <line key={tick} {...GRID_LINE} x1={plot.x} y1={y} x2={plot.x + plot.width} y2={y} />
          );
        })}
      </g>
    </g>
  );
}

const GRID_LINE = { stroke: GRID_STROKE, strokeOpacity: 0.15, fill: 'none' } as const;

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
 * The frame of a drawing of horizontal bars (one row per category, the count along the x axis): its
 * size, the props that wake its tooltip, the layout and margin, and its summary as the chart's name.
 */
export function horizontalBarsFrame(
  width: number | undefined,
  height: number,
  wake: ReturnType<typeof useTooltipWhenNeeded>['wake'],
  summary: string,
) {
  return {
    ...drawingSize(width, height),
    ...wake,
    layout: 'vertical',
    margin: { top: 4, right: 44, bottom: 4, left: 4 },
    role: 'img',
    'aria-label': summary,
    accessibilityLayer: false,
  } as const;
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

/** The legend's lines and gaps (charts.css, .charts-legend): a 14 px square and 4 px before the name. */
const LEGEND = { font: 13, swatch: 18, columnGap: 12, line: 20, rowGap: 4, margin: 4 } as const;

/**
 * The room the legend of `names` takes under a chart `width` pixels wide (its lines as the browser
 * wraps them, names measured on a canvas: no layout), so that the chart and its legend together keep
 * the height the panel reserved (Recharts' legend measured itself and shrank the plot). One line when
 * the width is not known.
 */
export function legendHeight(names: readonly string[], width: number | undefined): number {
  /** The height of each row of items, and how far the last row is filled. */
  const rows: number[] = [];
  let filled = 0;
  for (const name of names) {
    const text = textWidth(name);
    const item = LEGEND.swatch + (text === undefined ? 0 : (text * LEGEND.font) / pageFontSize());
    if (width !== undefined && item > width) {
      // Wider than the chart: a row of its own, its name wrapped in lines of the width left.
      rows.push(Math.ceil((item - LEGEND.swatch) / (width - LEGEND.swatch)) * LEGEND.line);
      filled = width;
    } else if (
      rows.length === 0 ||
      (width !== undefined && filled + LEGEND.columnGap + item > width)
    ) {
      rows.push(LEGEND.line);
      filled = item;
    } else {
      filled += LEGEND.columnGap + item;
    }
  }
  const lines = rows.length === 0 ? [LEGEND.line] : rows;
  return (
    LEGEND.margin + lines.reduce((sum, row) => sum + row, 0) + (lines.length - 1) * LEGEND.rowGap
  );
}

let bodyFontSize: number | undefined;

/** The body's font size in pixels, which textWidth measures in (read once). */
function pageFontSize(): number {
  bodyFontSize ??= Number.parseFloat(getComputedStyle(document.body).fontSize) || 16;
  return bodyFontSize;
}

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
