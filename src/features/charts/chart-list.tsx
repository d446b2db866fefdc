import { useEffect, useMemo } from 'react';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { useFirstScreenShown } from '../../components/use-first-screen-shown.ts';
import type { TrialFilters } from '../../domain/filters.ts';
import type { Trial } from '../../domain/trial.ts';
import { chartDrawingsAfterFirstScreen } from './chart-drawings.tsx';
import type { ChartDefinition, ChartInput } from './chart-registry.tsx';
import { useChartCrossFilters } from './cross-filters.ts';

export type ChartListProps = {
  /** Entries of CHARTS (chart-registry.tsx), in the order to show. */
  charts: readonly ChartDefinition[];
  /** The trials that pass the filters. */
  trials: readonly Trial[];
  /** When given with onFiltersChange, every chart cross-filters (a bar toggles its value). */
  filters?: TrialFilters | undefined;
  onFiltersChange?: ((next: Partial<TrialFilters>) => void) | undefined;
  onSelectTrial?: ((nctId: string) => void) | undefined;
};

/**
 * How many charts render with the first data: the first screen holds one chart on a phone and two on a
 * desktop. The others (the tables of the disease-by-type matrix and the randomised trials among them,
 * half the page's elements) render once that screen has been shown, in the time the chart drawings'
 * code takes to download, so that the figures and the first charts are painted sooner. They are added
 * below, so nothing on screen moves.
 */
export const FIRST_SCREEN_CHARTS = 4;

/** Charts of the registry in a grid, each behind its own error boundary. */
export function ChartList({
  charts,
  trials,
  filters,
  onFiltersChange,
  onSelectTrial,
}: ChartListProps) {
  const cross = useChartCrossFilters(filters, onFiltersChange);
  const resultsOn = filters?.results;
  const results = useMemo(
    () =>
      resultsOn !== undefined && onFiltersChange
        ? { selected: resultsOn, onToggle: () => onFiltersChange({ results: !resultsOn }) }
        : {},
    [resultsOn, onFiltersChange],
  );
  // Load the drawings once the first screen is shown, so that printing finds every one loaded.
  useEffect(() => {
    chartDrawingsAfterFirstScreen().catch(() => undefined);
  }, []);
  const all = useFirstScreenShown();
  if (charts.length === 0) return null;
  const input: ChartInput = { trials, filters, cross, results, onSelectTrial };
  return (
    // Busy while the charts after the first screen's are still to be added (assistive technology waits;
    // the browser benchmark counts the charts only once the grid is complete).
    <div className="chart-grid" aria-busy={all ? undefined : true}>
      {(all ? charts : charts.slice(0, FIRST_SCREEN_CHARTS)).map((chart) => (
        <ErrorBoundary key={chart.id} label={chart.name}>
          {chart.render(input)}
        </ErrorBoundary>
      ))}
    </div>
  );
}
