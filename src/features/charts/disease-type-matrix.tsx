import { memo } from 'react';
import { diseaseTypeMatrix } from '../../domain/aggregate.ts';
import { TRANSPLANT_TYPES, TRANSPLANT_TYPE_LABELS, type Trial } from '../../domain/trial.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';
import { formatCount } from '../../lib/format.ts';

export type DiseaseTypeMatrixProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

function cell(trials: number, enrollment: number): string {
  if (trials === 0) return '–';
  return `${formatCount(trials)} (${formatCount(enrollment)})`;
}

/** Disease × transplant type: trial counts with summed enrollment; each disease is a filter toggle. */
export const DiseaseTypeMatrix = memo(function DiseaseTypeMatrix({
  trials,
  selected,
  onToggle,
}: DiseaseTypeMatrixProps) {
  const rows = diseaseTypeMatrix(trials);
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  return (
    <FilterChartPanel
      title="Diseases by transplant type"
      description="Trials (and summed enrollment, actual and planned together) for each disease and cell source."
      tableOnly
      className="panel-wide"
      table={{
        caption: 'Trials (participants) by disease and transplant type',
        columns: [
          { header: 'Disease' },
          ...TRANSPLANT_TYPES.map((t) => ({ header: TRANSPLANT_TYPE_LABELS[t], numeric: true })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((r) => ({
          key: r.id,
          cells: [
            r.label,
            ...TRANSPLANT_TYPES.map((t) => cell(r.cells[t].trials, r.cells[t].enrollment)),
            cell(r.total.trials, r.total.enrollment),
          ],
        })),
      }}
      {...(filter ? { filter } : {})}
    >
      {null}
    </FilterChartPanel>
  );
});
