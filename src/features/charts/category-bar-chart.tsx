import { formatCount } from '../../lib/format.ts';
import { CategoryBars } from './chart-drawings.tsx';
import { barChartHeight, useChartAccent } from './chart-style.ts';
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

/**
 * Horizontal bars of trial counts per category; a bar click toggles that category as a filter. The panel
 * renders at once; the bars are drawn when the chart library has loaded (chart-drawings.tsx).
 */
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
  const tableFilter: CrossFilter | undefined = filter
    ? {
        selected: filter.selected,
        onToggle: (key) => (inertKeys.includes(key) ? undefined : filter.onToggle(key)),
      }
    : undefined;
  const empty = rows.every((r) => r.count === 0) ? emptyText : undefined;
  const height = barChartHeight(rows.length, rowHeight);
  return (
    <FilterChartPanel
      title={title}
      finding={finding}
      unit={unit}
      count={count}
      empty={empty}
      drawingHeight={height}
      {...(description ? { description } : {})}
      table={{
        caption: title,
        columns: [{ header: category }, { header: 'Trials', numeric: true }],
        rows: rows.map((r) => ({ key: r.key, cells: [r.label, r.count] })),
      }}
      {...(tableFilter ? { filter: tableFilter } : {})}
    >
      <CategoryBars
        rows={rows}
        height={height}
        labelWidth={labelWidth}
        color={color}
        selectedColor={accent.selected}
        summary={summary}
        filter={filter}
        inertKeys={inertKeys}
      />
    </FilterChartPanel>
  );
}
