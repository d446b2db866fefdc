import { ErrorBoundary } from '../components/error-boundary.tsx';
import type { Trial } from '../domain/trial.ts';
import { DiseaseChart } from '../features/charts/disease-chart.tsx';
import { PhaseChart } from '../features/charts/phase-chart.tsx';
import { TransplantTypeChart } from '../features/charts/transplant-type-chart.tsx';

export type ChartsSectionProps = { trials: readonly Trial[] };

/** The three dashboard charts, each behind its own error boundary. Loaded lazily (the chart library is large). */
export function ChartsSection({ trials }: ChartsSectionProps) {
  return (
    <div className="chart-grid">
      <ErrorBoundary label="The disease chart">
        <DiseaseChart trials={trials} />
      </ErrorBoundary>
      <ErrorBoundary label="The transplant type chart">
        <TransplantTypeChart trials={trials} />
      </ErrorBoundary>
      <ErrorBoundary label="The phase chart">
        <PhaseChart trials={trials} />
      </ErrorBoundary>
    </div>
  );
}
