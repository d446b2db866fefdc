/** The bar shape of the chart drawings (loaded lazily with them). */
import type { ReactNode } from 'react';
import type { BarShapeProps } from 'recharts';
import { barOpacity } from './chart-style.ts';

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
