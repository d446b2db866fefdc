import { conditioningByDisease, type ConditioningRow } from '../../domain/aggregate.ts';
import {
  CONDITIONING_INTENSITIES,
  CONDITIONING_LABELS,
  type ConditioningIntensity,
} from '../../domain/rules/design-rules.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
import { MUTED_BAR_COLOR, OKABE_ITO, stackedChartHeight } from './chart-style.ts';
import { FilterChartPanel, type CrossFilter } from './filter-chart-panel.tsx';
import { StackedBars } from './chart-drawings.tsx';

/** Conditioning intensities (stacked series): Okabe–Ito, "not stated" muted. */
const COLORS: Record<ConditioningIntensity, string> = {
  'myeloablative-high': OKABE_ITO.vermillion,
  'myeloablative-intermediate': OKABE_ITO.orange,
  lymphoablative: OKABE_ITO.blue,
  'reduced-intensity': OKABE_ITO.bluishGreen,
  'not-stated': MUTED_BAR_COLOR,
};

function summary(rows: readonly ConditioningRow[]): string {
  if (rows.length === 0)
    return 'Stacked bar chart of conditioning by disease: no transplant trial.';
  const parts = rows.map((row) => {
    const split = CONDITIONING_INTENSITIES.filter((c) => row.byIntensity[c] > 0).map(
      (c) => `${CONDITIONING_LABELS[c]} ${formatCount(row.byIntensity[c])}`,
    );
    return `${row.label}: ${formatCount(row.total)} (${split.join(', ')})`;
  });
  return `Stacked bar chart of transplant trials by disease, split by conditioning intensity. ${parts.join('; ')}.`;
}

export type ConditioningChartProps = { trials: readonly Trial[] } & Partial<CrossFilter>;

/** HSCT trials per disease, stacked by the conditioning intensity the record states; a bar toggles the disease. */
export function ConditioningChart({ trials, selected, onToggle }: ConditioningChartProps) {
  const rows = conditioningByDisease(trials);
  const filter: CrossFilter | undefined = onToggle
    ? { selected: selected ?? [], onToggle }
    : undefined;
  return (
    <FilterChartPanel
      drawingHeight={stackedChartHeight(rows.length)}
      title="Conditioning by disease"
      description="Transplant (HSCT) trials only, by the conditioning intensity the record states (docs/domain.md, “Design facets”)."
      table={{
        caption: 'Transplant trials by disease and conditioning intensity',
        columns: [
          { header: 'Disease' },
          ...CONDITIONING_INTENSITIES.map((c) => ({
            header: CONDITIONING_LABELS[c],
            numeric: true,
          })),
          { header: 'Total', numeric: true },
        ],
        rows: rows.map((row) => ({
          key: row.id,
          cells: [row.label, ...CONDITIONING_INTENSITIES.map((c) => row.byIntensity[c]), row.total],
        })),
      }}
      {...(filter ? { filter } : {})}
    >
      <StackedBars
        data={rows.map((row) => ({ label: row.label, total: row.total, ...row.byIntensity }))}
        keys={rows.map((row) => row.id)}
        series={CONDITIONING_INTENSITIES.map((c) => ({
          dataKey: c,
          name: CONDITIONING_LABELS[c],
          fill: COLORS[c],
        }))}
        stackId="conditioning"
        summary={summary(rows)}
        filter={filter}
      />
    </FilterChartPanel>
  );
}
