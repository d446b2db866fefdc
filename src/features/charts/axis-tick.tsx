/**
 * The tick labels of every chart axis. Recharts' own tick (its <Text>) parses CSS calc() strings for
 * every label on every redraw and measures each new word in a hidden span, which forces a layout of the
 * whole page in the middle of a filter click. This one draws the same <text>: label lines that wrap
 * within the axis width (multi-word labels only; words measured on a canvas, which needs no layout),
 * placed as Recharts places them (cap height 0.71em, line height 1em).
 */
import type { ReactNode } from 'react';

const TICK_FONT_SIZE = 13;

/** The props Recharts gives a tick function (those used here). */
export type AxisTickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string | number };
  /** The axis width (or height): labels wrap within it. */
  width?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  className?: string;
};

let context: OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * Width of `text` in the page font (its size on the body), or undefined where no canvas can measure it
 * (then no wrapping). Also used for the legends of the drawings (drawing-parts.tsx).
 */
export function textWidth(text: string): number | undefined {
  if (context === undefined) {
    context =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
    if (context) {
      // The page's font, as Recharts measured it: its measuring span took the page's font size, not
      // the labels' 13 px, so labels wrap as they always did (a little earlier than they need to).
      const { fontSize, fontFamily } = getComputedStyle(document.body);
      context.font = `${fontSize || '16px'} ${fontFamily || 'sans-serif'}`;
    }
  }
  if (!context) return undefined;
  let width = widths.get(text);
  if (width === undefined) {
    // Rounded up to 1/64 px, as the page's layout (and so Recharts' measuring span) rounds.
    width = Math.ceil(context.measureText(text).width * 64) / 64;
    widths.set(text, width);
  }
  return width;
}

/** The label in lines no wider than `max` (Recharts' rule: add words while the line stays narrower). */
function wrapLabel(label: string, max: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const space = textWidth('\u00A0');
  if (words.length < 2 || space === undefined) return [label];
  const lines: { words: string[]; width: number }[] = [];
  for (const word of words) {
    const width = textWidth(word) ?? 0;
    const line = lines.at(-1);
    if (line && line.width + width + space < max) {
      line.words.push(word);
      line.width += width + space;
    } else {
      lines.push({ words: [word], width });
    }
  }
  return lines.map((line) => line.words.join(' '));
}

/**
 * The class Recharts gives every tick label. After each draw of an axis it looks its labels up by this
 * class and reads their computed font (a style recalculation of the page), and the first time (its
 * state starts empty) draws the axis and every label again with that font, which it only needs to
 * measure labels. Our labels are not measured (every tick shown, wrapped by textWidth), so they go
 * without it: a chart's first draw then draws its labels once.
 */
const MEASURED_LABEL_CLASS = 'recharts-cartesian-axis-tick-value';

/** The label's classes: Recharts' text class and the axis's classes, without MEASURED_LABEL_CLASS. */
function tickClasses(className: string | undefined): string {
  const axis = (className ?? '').split(/\s+/).filter((c) => c && c !== MEASURED_LABEL_CLASS);
  return ['recharts-text', ...axis].join(' ');
}

/** A tick label (pass as an axis's `tick`; Recharts calls it as a function). */
export function AxisTick({
  x,
  y,
  payload,
  width,
  textAnchor,
  verticalAnchor,
  className,
}: AxisTickProps): ReactNode {
  const label = String(payload?.value ?? '');
  const lines = typeof width === 'number' && width > 0 ? wrapLabel(label, width) : [label];
  const first =
    verticalAnchor === 'start'
      ? 0.71
      : verticalAnchor === 'middle'
        ? 0.355 - (lines.length - 1) / 2
        : -(lines.length - 1);
  return (
    <text
      x={x}
      y={y}
      fill="currentColor"
      fontSize={TICK_FONT_SIZE}
      textAnchor={textAnchor}
      className={tickClasses(className)}
    >
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? `${first}em` : '1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
