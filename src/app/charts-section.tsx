import { useMemo } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import type { TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { ConditioningChart } from '../features/charts/conditioning-chart.tsx';
import { useChartCrossFilters, type CrossFilterKey } from '../features/charts/cross-filters.ts';
import { DiseaseChart } from '../features/charts/disease-chart.tsx';
import { DiseaseTypeMatrix } from '../features/charts/disease-type-matrix.tsx';
import { EnrollmentChart } from '../features/charts/enrollment-chart.tsx';
import { PhaseChart } from '../features/charts/phase-chart.tsx';
import { RandomisedTrials } from '../features/charts/randomised-trials.tsx';
import { ResultsChart } from '../features/charts/results-chart.tsx';
import { CountryChart, SponsorChart, StatusChart } from '../features/charts/simple-charts.tsx';
import { StartYearChart } from '../features/charts/start-year-chart.tsx';
import { StoppedTrials } from '../features/charts/stopped-trials.tsx';
import { TransplantTypeChart } from '../features/charts/transplant-type-chart.tsx';

export type ChartsSectionProps = {
  /** The trials that pass the filters. */
  trials: readonly Trial[];
  /** When given with onFiltersChange, every chart cross-filters (a bar toggles its value). */
  filters?: TrialFilters;
  onFiltersChange?: (next: Partial<TrialFilters>) => void;
  onSelectTrial?: (nctId: string) => void;
};

/**
 * The dashboard charts, each behind its own error boundary, in the order researchers ask: disease,
 * transplant type, phase, trend, then the rest. Loaded lazily (the chart library is large).
 */
export function ChartsSection({
  trials,
  filters,
  onFiltersChange,
  onSelectTrial,
}: ChartsSectionProps) {
  const crossFilters = useChartCrossFilters(filters, onFiltersChange);
  const cross = (key: CrossFilterKey) => crossFilters[key];
  const year = crossFilters.year;
  const resultsOn = filters?.results;
  const results = useMemo(
    () =>
      resultsOn !== undefined && onFiltersChange
        ? { selected: resultsOn, onToggle: () => onFiltersChange({ results: !resultsOn }) }
        : {},
    [resultsOn, onFiltersChange],
  );
  const byTherapy = filters !== undefined && filters.therapy.length !== 1;
  return (
    <div className="chart-grid">
      <ErrorBoundary label="The disease chart">
        <DiseaseChart trials={trials} {...cross('disease')} />
      </ErrorBoundary>
      <ErrorBoundary label="The transplant type chart">
        <TransplantTypeChart trials={trials} {...cross('type')} />
      </ErrorBoundary>
      <ErrorBoundary label="The phase chart">
        <PhaseChart trials={trials} {...cross('phase')} />
      </ErrorBoundary>
      <ErrorBoundary label="The start year chart">
        <StartYearChart trials={trials} by={byTherapy ? 'therapy' : 'type'} {...year} />
      </ErrorBoundary>
      <ErrorBoundary label="The status chart">
        <StatusChart trials={trials} {...cross('status')} />
      </ErrorBoundary>
      <ErrorBoundary label="The disease by transplant type table">
        <DiseaseTypeMatrix trials={trials} {...cross('disease')} />
      </ErrorBoundary>
      <ErrorBoundary label="The conditioning by disease chart">
        <ConditioningChart trials={trials} {...cross('disease')} />
      </ErrorBoundary>
      <ErrorBoundary label="The enrollment chart">
        <EnrollmentChart trials={trials} {...cross('type')} />
      </ErrorBoundary>
      <ErrorBoundary label="The country chart">
        <CountryChart trials={trials} {...cross('country')} />
      </ErrorBoundary>
      <ErrorBoundary label="The sponsor chart">
        <SponsorChart trials={trials} {...cross('sponsor')} />
      </ErrorBoundary>
      <ErrorBoundary label="The results chart">
        <ResultsChart trials={trials} {...results} />
      </ErrorBoundary>
      <ErrorBoundary label="The randomised trials">
        <RandomisedTrials trials={trials} {...(onSelectTrial ? { onSelectTrial } : {})} />
      </ErrorBoundary>
      <ErrorBoundary label="The stopped trials">
        <StoppedTrials trials={trials} {...(onSelectTrial ? { onSelectTrial } : {})} />
      </ErrorBoundary>
    </div>
  );
}
