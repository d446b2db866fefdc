import type { Panel } from '../domain/embed-params.ts';
import type { TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { ChartList } from '../features/charts/chart-list.tsx';
import { embeddedCharts } from '../features/charts/chart-registry.tsx';
import { ChartAccentContext } from '../features/charts/chart-style.ts';

export type EmbedChartsProps = {
  /** The chart panels to show (summary and table are not charts and are left to the caller). */
  panels: readonly Panel[];
  trials: readonly Trial[];
  filters: TrialFilters;
  /** The embedder's accent colour for single-series bars and selected bars (null: the defaults). */
  accent?: string | null;
  /** Cross-filtering by the charts; left out when the embed is locked. */
  onFiltersChange?: (next: Partial<TrialFilters>) => void;
};

/** The charts of an embedded view: the registry's charts with one of `panels` as embed name, in its order. */
export function EmbedCharts({
  panels,
  trials,
  filters,
  accent = null,
  onFiltersChange,
}: EmbedChartsProps) {
  return (
    <ChartAccentContext value={accent}>
      <ChartList
        charts={embeddedCharts(panels)}
        trials={trials}
        filters={filters}
        onFiltersChange={onFiltersChange}
      />
    </ChartAccentContext>
  );
}
