import { memo } from 'react';
import { countByStartYear, type YearSeriesKey } from '../../domain/aggregate.ts';
import {
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  type Therapy,
  type TransplantType,
  type Trial,
} from '../../domain/trial.ts';
import { formatCount, pluralize } from '../../lib/format.ts';
import { YearColumns } from './chart-drawings.tsx';
import { THERAPY_COLORS, TRANSPLANT_TYPE_COLORS, YEAR_COLUMNS_HEIGHT } from './chart-style.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';

export type StartYearChartProps = {
  trials: readonly Trial[];
  /** Stack by transplant type (default) or by therapy (when several therapies are shown). */
  by?: YearSeriesKey;
} & Partial<CrossFilter>;

function seriesLabel(by: YearSeriesKey, key: string): string {
  return by === 'type'
    ? TRANSPLANT_TYPE_LABELS[key as TransplantType]
    : THERAPY_LABELS[key as Therapy];
}

function seriesColor(by: YearSeriesKey, key: string): string {
  return (
    (by === 'type' ? TRANSPLANT_TYPE_COLORS[key] : THERAPY_COLORS[key as Therapy]) ?? '#8C8C8C'
  );
}

/** Trials started per year, stacked by transplant type or therapy. A bar toggles that start year as the filter. */
export const StartYearChart = memo(function StartYearChart({
  trials,
  by = 'type',
  selected,
  onToggle,
}: StartYearChartProps) {
  const { rows, keys, undated } = countByStartYear(trials, by);
  const data = rows.map((r) => ({ year: String(r.year), total: r.total, ...r.counts }));
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  const peak = rows.reduce(
    (best, r) => (r.total > best.total ? r : best),
    rows[0] ?? { year: 0, total: 0, counts: {} },
  );
  const summary =
    rows.length === 0
      ? 'Column chart of trials started per year: no dated trials.'
      : `Column chart of trials started per year, ${rows[0]?.year}–${rows.at(-1)?.year}, stacked by ${by === 'type' ? 'transplant type' : 'therapy'}. Most in ${peak.year}: ${formatCount(peak.total)}.`;
  const byName = by === 'type' ? 'transplant type' : 'therapy';
  const finding =
    rows.length === 0
      ? undefined
      : `${peak.year} saw the most starts: ${pluralize(peak.total, 'trial')}`;
  return (
    <FilterChartPanel
      drawingHeight={YEAR_COLUMNS_HEIGHT}
      title="Trials started per year"
      finding={finding}
      unit="Trials started per year"
      count={trials.length}
      empty={rows.length === 0 ? 'None of these trials has a start date.' : undefined}
      description={`By the start date in the record (actual or planned), split by ${byName}.${undated > 0 ? ` ${pluralize(undated, 'trial has', 'trials have')} no start date.` : ''}`}
      table={{
        caption: `Trials started per year by ${byName}`,
        columns: [
          { header: 'Start year' },
          ...keys.map((k) => ({ header: seriesLabel(by, k), numeric: true })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((r) => ({
          key: String(r.year),
          cells: [String(r.year), ...keys.map((k) => r.counts[k] ?? 0), r.total],
        })),
      }}
      {...(filter ? { filter } : {})}
    >
      <YearColumns
        data={data}
        keys={keys.map((key) => ({ key, name: seriesLabel(by, key), fill: seriesColor(by, key) }))}
        summary={summary}
        filter={filter}
      />
    </FilterChartPanel>
  );
});
