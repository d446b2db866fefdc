import {
  lazy,
  Suspense,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { useMediaQuery } from '../components/use-media-query.ts';
import { ViewTabs } from '../components/view-tabs.tsx';
import { parseEmbedParams } from '../domain/embed-params.ts';
import { hasSearch, type TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { isShownByDefault } from '../domain/visibility.ts';
import { ActiveFilters, chipsOf } from '../features/active-filters/active-filters.tsx';
import { DataSourceBanner } from '../features/data-source/data-source-banner.tsx';
import { LoadStatus } from '../features/data-source/load-status.tsx';
import { HiddenRecordsNote, RecordCoverage } from '../features/data-source/record-coverage.tsx';
import { FilterPanel, type FilterChange } from '../features/filters/filter-panel.tsx';
import { SummaryFigures } from '../features/summary/summary-figures.tsx';
import { messageOf } from '../lib/error-message.ts';
import { formatDate } from '../lib/format.ts';
import { whenFirstViewDrawn } from '../lib/pending-draws.ts';
import {
  useTrialDataset,
  type LoadDatasetOptions,
  type TrialDataset,
} from '../queries/trial-queries.ts';
import {
  selectedTrialProps,
  useExportTrials,
  useFilteredTrials,
  useSiteLists,
  useSpeculativeSites,
} from '../queries/trial-sites-query.ts';
import {
  describeParseIssues,
  useParseIssues,
  useSelectedTrial,
  useTableSort,
  useFullLivePull,
  useTrialFilters,
  useView,
  UrlHistoryContext,
} from '../state/url-state.ts';
import { TrialHistory } from './change-ledger.tsx';
import { ChartsWithDownloads } from './charts-with-downloads.tsx';
import { exportMetaOf, viewPermalink } from './export-meta.ts';
import { TrialDetail, TrialTable } from './lazy-views.tsx';
import { LiveDataDetails, LiveDataLine, useTrialChanges } from './live-data.tsx';
import { PatientSection } from './patient-section.tsx';
import './app.css';

const ShareToolbar = lazy(() =>
  import('./share-toolbar.tsx').then((module) => ({ default: module.ShareToolbar })),
);
const EmbedApp = lazy(() =>
  import('./embed-mode.tsx').then((module) => ({ default: module.EmbedApp })),
);

export type AppProps = {
  /** Options of the dataset load (tests pass instant retries). */
  datasetOptions?: LoadDatasetOptions;
  /** Running against the in-browser API emulator. Default: VITE_MOCK=1. */
  mockMode?: boolean;
};

/**
 * `children` once the first screen has been shown and its charts are drawn (`whenFirstViewDrawn`,
 * src/lib/pending-draws.ts): what the page can show a moment later (its room kept by the layout)
 * neither delays that screen nor loads its code before it, nor shares a phone's slow line with the
 * chart library (the first charts wait for it) or the main thread with their drawing.
 */
function AfterFirstView({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let live = true;
    void whenFirstViewDrawn().then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, []);
  return shown ? children : null;
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

function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className="empty-state">
      <h2>No trials match these filters</h2>
      <p>Remove a filter above, or start again.</p>
      <button type="button" className="button" onClick={onClear}>
        Clear all filters
      </button>
    </div>
  );
}

function ParseNotice() {
  const issues = useParseIssues();
  if (issues.length === 0) return null;
  return (
    <p className="quiet-notice" role="status">
      {describeParseIssues(issues)}
    </p>
  );
}

/** The filters behind the headline figures, in words ("All trials shown by default" when none). */
function scopeOf(filters: TrialFilters): string {
  const chips = chipsOf(filters);
  return chips.length === 0
    ? 'No filters · all autoimmune HSCT trials'
    : `Filtered by ${chips.map((chip) => chip.label).join(' · ')}`;
}

function FiltersRegion({
  trials,
  filters,
  onChange,
}: {
  trials: readonly Trial[];
  filters: TrialFilters;
  onChange: FilterChange;
}) {
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  // On phones the panel is a closed sheet until "Show filters": its options (a render of every facet's
  // counts) are drawn when it opens, not with the first screen.
  const folded = useMediaQuery(FOLDED_FILTERS_QUERY);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <section className="explore-filters" aria-labelledby={headingId} id={FILTERS_ID} tabIndex={-1}>
      <div className="explore-filters-head">
        <h2 id={headingId}>Filters</h2>
        <button
          ref={toggle}
          type="button"
          className="button button-quiet explore-filters-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? 'Hide filters' : 'Show filters'}
        </button>
      </div>
      {/* On phones the open panel is a sheet over the page (the charts stay where they are). */}
      <div
        id={bodyId}
        className={open ? 'explore-filters-body explore-filters-open' : 'explore-filters-body'}
        onKeyDown={(event) => {
          if (open && event.key === 'Escape') close();
        }}
      >
        {folded && !open ? null : (
          <FilterPanel trials={trials} filters={filters} onChange={onChange} />
        )}
        {open ? (
          <button type="button" className="button explore-filters-done" onClick={close}>
            Done
          </button>
        ) : null}
      </div>
    </section>
  );
}

function DashboardBody({
  dataset,
  mockMode,
  refreshing = false,
  onRetry,
  onFullLivePull,
  precomputedUrl,
}: {
  dataset: TrialDataset;
  mockMode: boolean;
  refreshing?: boolean;
  onRetry?: () => void;
  onFullLivePull?: () => void;
  precomputedUrl?: string | undefined;
}) {
  const [filters, setFilters] = useTrialFilters();
  const [view, setView] = useView();
  const [sort] = useTableSort();
  const [selectedTrial, setSelectedTrial] = useSelectedTrial();
  const hiddenCount = useMemo(
    () => dataset.trials.length - dataset.trials.filter(isShownByDefault).length,
    [dataset.trials],
  );
  // Asked at once by a view that shows sites (the patient view, a trial's detail, the downloads when
  // the pointer or focus reaches them) or by a text search (it reads their texts too), else a moment
  // after the first draw, at low priority.
  const speculative = useSpeculativeSites();
  const [downloadsNear, setDownloadsNear] = useState(false);
  const siteLists = useSiteLists(
    dataset,
    precomputedUrl,
    speculative ||
      downloadsNear ||
      hasSearch(filters) ||
      view === 'patient' ||
      selectedTrial !== null,
  );
  const { trials: filtered, searchGap } = useFilteredTrials(dataset, siteLists, filters);
  const siteCountOf = useMemo(
    () => (trial: Trial) => siteLists.completed(trial)?.locations.length,
    [siteLists],
  );
  const changes = useTrialChanges(dataset, filtered, siteCountOf);
  const trials = changes.trials;
  const exported = useExportTrials(trials, siteLists);
  const exportMeta = useMemo(
    () => exportMetaOf(dataset, filters, viewPermalink(window.location.href, filters, view, sort)),
    [dataset, filters, view, sort],
  );
  /** "Clear all": every filter, and the `changed` filter (kept apart from TrialFilters). */
  const clearAll = () => {
    setFilters(null);
    if (changes.panel.changed.length > 0) changes.panel.onChangedChange([]);
  };
  const selected =
    selectedTrial !== null ? dataset.trials.find((t) => t.nctId === selectedTrial) : undefined;
  const nothingAtAll =
    dataset.trials.length === 0 || (!filters.hidden && hiddenCount === dataset.trials.length);
  const patient = view === 'patient';
  const status = (
    <DataSourceBanner
      dataset={dataset}
      mockMode={mockMode}
      {...(onRetry ? { onRetry } : {})}
      {...(onFullLivePull ? { onFullLivePull } : {})}
      line={
        <>
          <LiveDataLine dataset={dataset} refreshing={refreshing} changes={changes} />
          {patient ? null : (
            <RecordCoverage
              hiddenCount={hiddenCount}
              showHidden={filters.hidden}
              onShowHiddenChange={(hidden) => setFilters({ hidden })}
              skipped={dataset.skipped}
              skippedValues={dataset.skippedValues}
            />
          )}
        </>
      }
      details={
        <>
          <LiveDataDetails dataset={dataset} changes={changes} />
          {patient ? null : <HiddenRecordsNote hiddenCount={hiddenCount} />}
        </>
      }
    />
  );
  return (
    <>
      {/* The patient view starts with its own plain-language header; the data source is its last line. */}
      {patient ? null : status}
      <ParseNotice />
      {nothingAtAll ? (
        <EmptyState hiddenCount={hiddenCount} />
      ) : (
        <div className={patient ? 'explore explore-single' : 'explore'}>
          {patient ? null : (
            <FiltersRegion trials={dataset.trials} filters={filters} onChange={setFilters} />
          )}
          <div className="explore-main">
            {patient ? null : (
              <ActiveFilters
                filters={filters}
                count={trials.length}
                onChange={setFilters}
                changed={changes.panel.changed}
                onChangedChange={changes.panel.onChangedChange}
                searchGap={searchGap}
              />
            )}
            {patient ? null : (
              <div
                className="explore-tools"
                onPointerEnter={() => setDownloadsNear(true)}
                onFocus={() => setDownloadsNear(true)}
              >
                <ErrorBoundary label="Share and export">
                  <AfterFirstView>
                    <Suspense fallback={null}>
                      <ShareToolbar
                        trials={exported.trials}
                        meta={exportMeta}
                        {...(exported.unavailable ? { unavailable: exported.unavailable } : {})}
                        {...(exported.preparing ? { preparing: exported.preparing } : {})}
                      />
                    </Suspense>
                  </AfterFirstView>
                </ErrorBoundary>
              </div>
            )}
            <div id={RESULTS_ID} tabIndex={-1} className="results-anchor">
              <ViewTabs
                label="Views"
                selected={view}
                onSelect={setView}
                className="views"
                listClassName="view-tabs"
                tabClassName="view-tab"
                panelClassName="view-panel"
                tabs={[
                  {
                    id: 'dashboard',
                    label: 'Dashboard',
                    panel:
                      trials.length === 0 ? (
                        <NoMatches onClear={clearAll} />
                      ) : (
                        <>
                          <ErrorBoundary label="The summary figures">
                            <SummaryFigures trials={trials} scope={scopeOf(filters)} />
                          </ErrorBoundary>
                          <ErrorBoundary label="The charts">
                            <ChartsWithDownloads
                              meta={exportMeta}
                              trials={trials}
                              filters={filters}
                              onFiltersChange={setFilters}
                              onSelectTrial={setSelectedTrial}
                            />
                          </ErrorBoundary>
                        </>
                      ),
                  },
                  {
                    id: 'table',
                    label: 'Trials table',
                    panel: (
                      <ErrorBoundary label="The trial table">
                        <Suspense fallback={<p role="status">Loading the table…</p>}>
                          <TrialTable trials={trials} changes={changes.marks} />
                        </Suspense>
                      </ErrorBoundary>
                    ),
                  },
                  {
                    id: 'patient',
                    label: 'For patients',
                    panel: <PatientSection dataset={dataset} siteLists={siteLists} />,
                  },
                ]}
              />
            </div>
          </div>
        </div>
      )}
      {patient ? <div className="status-footer">{status}</div> : null}
      {selectedTrial !== null ? (
        <TrialDetail
          nctId={selectedTrial}
          {...selectedTrialProps(selected, siteLists)}
          change={changes.marks.get(selectedTrial)}
          history={<TrialHistory nctId={selectedTrial} />}
          onClose={() => setSelectedTrial(null)}
        />
      ) : null}
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
  const [fullLive, setFullLive] = useFullLivePull();
  const query = useTrialDataset(fullLive ? { ...datasetOptions, mode: 'live' } : datasetOptions);
  // New data is rendered as a background update that React splits into small slices, so drawing the
  // whole dashboard never blocks input (the loading status stays on screen until it is ready).
  const data = useDeferredValue(query.data);
  const retry = () => void query.refetch();
  if (data === undefined) {
    if (query.isError) return <LoadError error={query.error} onRetry={retry} />;
    return <LoadStatus />;
  }
  return (
    <>
      {query.isError ? (
        <p className="quiet-notice" role="status">
          Could not refresh the data ({messageOf(query.error)}). Showing the data loaded on{' '}
          {formatDate(data.fetchedAt)}.{' '}
          <button type="button" className="button button-quiet" onClick={retry}>
            Try again
          </button>
        </p>
      ) : null}
      <DashboardBody
        dataset={data}
        mockMode={mockMode}
        precomputedUrl={datasetOptions?.precomputedUrl}
        refreshing={query.isFetching}
        onRetry={retry}
        onFullLivePull={() => setFullLive(true)}
      />
    </>
  );
}

/** Ids of the skip links' targets. */
const RESULTS_ID = 'results';
const FILTERS_ID = 'filters';
/** When the filters fold into a "Show filters" sheet: the breakpoint of app.css (`max-width: 56rem`). */
const FOLDED_FILTERS_QUERY = '(max-width: 56rem)';

/**
 * The first tab stops of the page: straight to the results (the views) and to the filters, instead of
 * tabbing through the data notices and the toolbar. Hidden until focused.
 */
function SkipLinks() {
  const [view] = useView();
  const jump = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a className="skip-link" href={`#${RESULTS_ID}`} onClick={jump(RESULTS_ID)}>
        Skip to results
      </a>
      {view === 'patient' ? null : (
        <a className="skip-link" href={`#${FILTERS_ID}`} onClick={jump(FILTERS_ID)}>
          Skip to filters
        </a>
      )}
    </nav>
  );
}

export function App({ datasetOptions, mockMode = import.meta.env.VITE_MOCK === '1' }: AppProps) {
  const [embedParams] = useState(() => parseEmbedParams(window.location.search));
  if (embedParams.embed) {
    return (
      <UrlHistoryContext value="replace">
        <Suspense fallback={<p role="status">Loading…</p>}>
          <EmbedApp params={embedParams} {...(datasetOptions ? { datasetOptions } : {})} />
        </Suspense>
      </UrlHistoryContext>
    );
  }
  return (
    <div className="app">
      <SkipLinks />
      <header className="app-header">
        <h1>HSCT Trials Dashboard</h1>
        <p className="tagline">
          Trials of hematopoietic stem cell transplantation and related cell therapies in autoimmune
          disease, from ClinicalTrials.gov.
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
