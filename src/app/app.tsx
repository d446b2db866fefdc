import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { isShownByDefault } from '../domain/visibility.ts';
import { DataSourceBanner } from '../features/data-source/data-source-banner.tsx';
import { LoadStatus } from '../features/data-source/load-status.tsx';
import { RecordCoverage } from '../features/data-source/record-coverage.tsx';
import { SummaryFigures } from '../features/summary/summary-figures.tsx';
import { formatDate } from '../lib/format.ts';
import {
  useTrialDataset,
  type LoadDatasetOptions,
  type TrialDataset,
} from '../queries/trial-queries.ts';

const ChartsSection = lazy(() =>
  import('./charts-section.tsx').then((module) => ({ default: module.ChartsSection })),
);

export type AppProps = {
  /** Options of the dataset load (tests pass instant retries). */
  datasetOptions?: LoadDatasetOptions;
  /** Running against the in-browser API emulator. Default: VITE_MOCK=1. */
  mockMode?: boolean;
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="load-error" role="alert">
      <h2>The trials could not be loaded</h2>
      <p>{messageOf(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

function EmptyState({ hiddenCount }: { hiddenCount: number }) {
  return (
    <div className="empty-state">
      <h2>No trials to show</h2>
      <p>
        {hiddenCount > 0
          ? 'Every record found is outside the autoimmune categories. Show the hidden records to see them.'
          : 'The search returned no trials. Open the search on ClinicalTrials.gov to check it there.'}
      </p>
    </div>
  );
}

function DashboardBody({ dataset, mockMode }: { dataset: TrialDataset; mockMode: boolean }) {
  const [showHidden, setShowHidden] = useState(false);
  const shownByDefault = dataset.trials.filter(isShownByDefault);
  const hiddenCount = dataset.trials.length - shownByDefault.length;
  const trials = showHidden ? dataset.trials : shownByDefault;
  return (
    <>
      <DataSourceBanner dataset={dataset} mockMode={mockMode} />
      <RecordCoverage
        hiddenCount={hiddenCount}
        showHidden={showHidden}
        onShowHiddenChange={setShowHidden}
        skipped={dataset.skipped}
      />
      {trials.length === 0 ? (
        <EmptyState hiddenCount={hiddenCount} />
      ) : (
        <>
          <ErrorBoundary label="The summary figures">
            <SummaryFigures trials={trials} />
          </ErrorBoundary>
          <ErrorBoundary label="The charts">
            <Suspense
              fallback={
                <p className="charts-loading" role="status">
                  Loading charts…
                </p>
              }
            >
              <ChartsSection trials={trials} />
            </Suspense>
          </ErrorBoundary>
        </>
      )}
    </>
  );
}

function Dashboard({
  datasetOptions,
  mockMode,
}: {
  datasetOptions?: LoadDatasetOptions;
  mockMode: boolean;
}) {
  const query = useTrialDataset(datasetOptions);
  const retry = () => void query.refetch();
  if (query.data === undefined) {
    if (query.isError) return <LoadError error={query.error} onRetry={retry} />;
    return <LoadStatus />;
  }
  return (
    <>
      {query.isError ? (
        <p className="quiet-notice" role="status">
          Could not refresh the data ({messageOf(query.error)}). Showing the data loaded on{' '}
          {formatDate(query.data.fetchedAt)}.{' '}
          <button type="button" className="button button-quiet" onClick={retry}>
            Try again
          </button>
        </p>
      ) : null}
      <DashboardBody dataset={query.data} mockMode={mockMode} />
    </>
  );
}

export function App({ datasetOptions, mockMode = import.meta.env.VITE_MOCK === '1' }: AppProps) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>HSCT Trials Dashboard</h1>
        <p className="tagline">
          Clinical trials of hematopoietic stem cell transplantation, and related cell therapies,
          for autoimmune diseases, as registered on ClinicalTrials.gov.
        </p>
      </header>
      <main className="app-main">
        <ErrorBoundary label="The dashboard">
          <Dashboard {...(datasetOptions ? { datasetOptions } : {})} mockMode={mockMode} />
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>
          Source: <a href="https://clinicaltrials.gov/">ClinicalTrials.gov</a>, a service of the
          U.S. National Library of Medicine. This dashboard is not affiliated with it.
        </p>
        <p>
          Diseases, therapies and transplant types are classified automatically from registry text
          (conditions, interventions, titles) and can be wrong. Records are as their sponsors
          registered them: often incomplete, sometimes out of date. Enrollment mixes actual and
          planned numbers. Not medical advice.
        </p>
        <p className="app-version">Version {__APP_VERSION__}</p>
      </footer>
    </div>
  );
}
