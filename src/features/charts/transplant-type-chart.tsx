import { memo } from 'react';
import {
  countByTransplantType,
  therapiesPresent,
  type TransplantTypeCount,
} from '../../domain/aggregate.ts';
import { THERAPIES, THERAPY_LABELS, type Therapy, type Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import { stackedChartHeight, THERAPY_COLORS, TRANSPLANT_TYPE_COLORS } from './chart-style.ts';
import { shareText } from './findings.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';
import { StackedBars } from './chart-drawings.tsx';

function summary(rows: readonly TransplantTypeCount[], therapies: readonly Therapy[]): string {
  const parts = rows.map((row) => {
    const split = therapies
      .filter((t) => row.byTherapy[t] > 0)
      .map((t) => `${THERAPY_LABELS[t]} ${formatCount(row.byTherapy[t])}`);
    return `${row.label}: ${formatCount(row.total)}${split.length > 0 ? ` (${split.join(', ')})` : ''}`;
  });
  return `Stacked bar chart of trials by transplant type, split by therapy. ${parts.join('; ')}.`;
}

export type TransplantTypeChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** Trials per cell source (autologous, allogeneic, both, unspecified), stacked by therapy. */
export const TransplantTypeChart = memo(function TransplantTypeChart({
  trials,
  selected,
  onToggle,
}: TransplantTypeChartProps) {
  const rows = countByTransplantType(trials);
  const present = therapiesPresent(rows);
  // Keep at least HSCT in the legend so an empty chart still explains its colours.
  const therapies: Therapy[] = present.length > 0 ? present : ['hsct'];
  const data = rows.map((row) => ({ label: row.label, total: row.total, ...row.byTherapy }));
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  const stated = rows.filter((row) => row.type !== 'unspecified');
  const top = stated.reduce<TransplantTypeCount | undefined>(
    (best, row) => (row.total > 0 && (!best || row.total > best.total) ? row : best),
    undefined,
  );
  const finding = top
    ? `${top.total * 2 > trials.length ? 'Most trials are' : 'The most common type is'} ${top.label.toLowerCase()}: ${shareText(top.total, trials.length)}`
    : undefined;
  return (
    <FilterChartPanel
      drawingHeight={stackedChartHeight(rows.length)}
      title="Trials by transplant type"
      finding={finding}
      unit="Number of trials"
      count={trials.length}
      empty={trials.length === 0 ? 'No trials to show for these filters.' : undefined}
      description={
        present.length > 1
          ? 'Where the cells come from, split by therapy. “Unspecified” means the record never states it.'
          : 'Where the cells come from. “Unspecified” means the record never states it.'
      }
      table={{
        caption: 'Trials by transplant type and therapy',
        columns: [
          { header: 'Transplant type' },
          ...THERAPIES.map((t) => ({ header: THERAPY_LABELS[t], numeric: true })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((row) => ({
          key: row.type,
          cells: [row.label, ...THERAPIES.map((t) => row.byTherapy[t]), row.total],
        })),
      }}
      {...(filter ? { filter } : {})}
    >
      <StackedBars
        data={data}
        keys={rows.map((row) => row.type)}
        series={therapies.map((therapy) => ({
          dataKey: therapy,
          name: THERAPY_LABELS[therapy],
          fill: THERAPY_COLORS[therapy],
        }))}
        stackId="therapy"
        summary={summary(rows, therapies)}
        filter={filter}
        rowColors={TRANSPLANT_TYPE_COLORS}
      />
    </FilterChartPanel>
  );
});
