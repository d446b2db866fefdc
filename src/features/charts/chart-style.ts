/**
 * Shared look of the dashboard charts. Colours are the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies), each colour with one meaning on every chart: one per transplant
 * type, one per therapy, none shared between them; single-series bars are a neutral slate that means
 * neither. Text and grid lines follow the page colour (light or dark).
 */
import { createContext, useContext } from 'react';
import type { Therapy } from '../../domain/trial.ts';
import { AxisTick } from './axis-tick.tsx';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Single-series bars (counts of anything that is not a transplant type or a therapy). */
export const BAR_COLOR = '#5E6B7A';
/**
 * An embedder's `accent` colour (validated "#rgb"/"#rrggbb"), or null: single-series bars and the outline of
 * selected bars take it. Provided by embed mode around its charts.
 */
export const ChartAccentContext = createContext<string | null>(null);

/** The colour of single-series bars and of selected-bar outlines here: the accent, else the defaults. */
export function useChartAccent(): { bar: string; selected: string } {
  const accent = useContext(ChartAccentContext);
  return accent ? { bar: accent, selected: accent } : { bar: BAR_COLOR, selected: 'currentColor' };
}

/** Secondary single-series bars, and "unspecified" / "other" series. */
export const MUTED_BAR_COLOR = '#8C8C8C';
/** Planned (estimated) amounts next to BAR_COLOR's actual ones. */
export const PLANNED_BAR_COLOR = '#AEB8C4';

export const THERAPY_COLORS: Record<Therapy, string> = {
  hsct: OKABE_ITO.bluishGreen,
  'car-t': OKABE_ITO.orange,
  msc: OKABE_ITO.skyBlue,
  treg: OKABE_ITO.yellow,
  other: MUTED_BAR_COLOR,
};

export const AXIS_LINE = { stroke: 'currentColor', strokeOpacity: 0.35 } as const;
export const GRID_STROKE = 'currentColor';

/**
 * Even ticks for a count axis from 0 to at least `max`: a step of 1, 2 or 5 × 10ⁿ (never 0/7/14/21/28),
 * whole numbers only, and at most `maxTicks` intervals.
 */
export function countTicks(max: number, maxTicks = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step: number | undefined;
  for (let power = 1; step === undefined; power *= 10) {
    step = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(top / s) <= maxTicks);
  }
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/**
 * Props of a count axis reaching `max` (spread onto the <XAxis> of horizontal, <YAxis> of vertical bars).
 * Its ticks and domain are ours, so Recharts' own "nice" ticks (worked out in decimal arithmetic on
 * every draw, for a domain that is already fixed and ticks that are not shown) are turned off.
 */
export function countAxisProps(max: number) {
  const ticks = countTicks(max);
  return {
    type: 'number',
    allowDecimals: false,
    ticks,
    niceTicks: 'none',
    domain: [0, ticks.at(-1) ?? 1],
    interval: 0,
    tick: AxisTick,
    axisLine: AXIS_LINE,
    tickLine: AXIS_LINE,
  } as const;
}

/** Props of the label axis of a horizontal bar chart (spread onto <YAxis>; set `width`). */
export const LABEL_AXIS_PROPS = {
  type: 'category',
  dataKey: 'label',
  interval: 0,
  tick: AxisTick,
  axisLine: AXIS_LINE,
  tickLine: false,
} as const;

export const TOOLTIP_PROPS = {
  /** "Trials: 12", not Recharts' default "Trials : 12". */
  separator: ': ',
  contentStyle: {
    background: 'var(--color-surface)',
    border: '1px solid var(--color-border)',
    borderRadius: 'var(--radius-s)',
    color: 'var(--color-text)',
  },
  itemStyle: { color: 'var(--color-text)' },
  labelStyle: { color: 'var(--color-text)', fontWeight: 600 },
  cursor: { fill: 'currentColor', fillOpacity: 0.08 },
} as const;

/** Opacity of bars that are not selected while a selection exists. */
export const DIMMED_OPACITY = 0.35;

export function barOpacity(key: string, selected: readonly string[] | undefined): number {
  return !selected || selected.length === 0 || selected.includes(key) ? 1 : DIMMED_OPACITY;
}

/** Height of a horizontal bar chart with `rows` categories. */
export function barChartHeight(rows: number, rowHeight = 36, chrome = 48): number {
  return Math.max(rows, 1) * rowHeight + chrome;
}

/** Height of a horizontal stacked bar chart (room for its legend) with `rows` bars. */
export function stackedChartHeight(rows: number): number {
  return barChartHeight(rows, 44, 84);
}

/** Height of the column chart of trials started per year. */
export const YEAR_COLUMNS_HEIGHT = 300;

/** Transplant types: Okabe–Ito, in TRANSPLANT_TYPES order (none of them a therapy colour). */
export const TRANSPLANT_TYPE_COLORS: Record<string, string> = {
  autologous: OKABE_ITO.blue,
  allogeneic: OKABE_ITO.vermillion,
  both: OKABE_ITO.reddishPurple,
  unspecified: MUTED_BAR_COLOR,
};
