import { ErrorBoundary } from '../components/error-boundary.tsx';
import type { Panel } from '../domain/embed-params.ts';
import type { TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { ChartAccentContext } from '../features/charts/chart-style.ts';
import { useChartCrossFilters, type CrossFilterKey } from '../features/charts/cross-filters.ts';
import { DiseaseChart } from '../features/charts/disease-chart.tsx';
import { PhaseChart } from '../features/charts/phase-chart.tsx';
import { CountryChart, StatusChart } from '../features/charts/simple-charts.tsx';
import { StartYearChart } from '../features/charts/start-year-chart.tsx';
import { TransplantTypeChart } from '../features/charts/transplant-type-chart.tsx';

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

/** The charts of an embedded view, in the order of EMBED_PANELS. Loaded lazily (the chart library is large). */
export function EmbedCharts({
  panels,
  trials,
  filters,
  accent = null,
  onFiltersChange,
}: EmbedChartsProps) {
  const crossFilters = useChartCrossFilters(filters, onFiltersChange);
  const cross = (key: CrossFilterKey) => crossFilters[key];
  const year = crossFilters.year;
  const chart = (panel: Panel) => {
    switch (panel) {
      case 'disease':
        return <DiseaseChart trials={trials} {...cross('disease')} />;
      case 'type':
        return <TransplantTypeChart trials={trials} {...cross('type')} />;
      case 'phase':
        return <PhaseChart trials={trials} {...cross('phase')} />;
      case 'timeline':
        return (
          <StartYearChart
            trials={trials}
            by={filters.therapy.length !== 1 ? 'therapy' : 'type'}
            {...year}
          />
        );
      case 'status':
        return <StatusChart trials={trials} {...cross('status')} />;
      case 'countries':
        return <CountryChart trials={trials} {...cross('country')} />;
      default:
        return null;
    }
  };
  const shown = panels.filter((p) => p !== 'summary' && p !== 'table');
  if (shown.length === 0) return null;
  return (
    <ChartAccentContext value={accent}>
      <div className="chart-grid">
        {shown.map((panel) => (
          <ErrorBoundary key={panel} label={`The ${panel} chart`}>
            {chart(panel)}
          </ErrorBoundary>
        ))}
      </div>
    </ChartAccentContext>
  );
}
