/**
 * Embed mode (`?embed=1`): the chrome-less view shown inside another site's iframe. Only the chosen
 * panels, the filter controls unless `lock=1` (then the preset is shown as text), the theme and accent
 * from the URL, a credit line linking to the same view in the full dashboard, and the postMessage
 * protocol of src/lib/embed-protocol.ts (ready, resize, filters, select; setFilters from allowed origins).
 * Loaded lazily: the full dashboard never downloads it.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChartDataDateContext } from '../components/chart-source.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { checkMessageFilters, fullViewUrl, type EmbedParams } from '../domain/embed-params.ts';
import { describeIgnored } from '../domain/filter-schema.ts';
import { hasSearch, type TrialFilters } from '../domain/filters.ts';
import {
  chipsOf,
  ActiveFilters,
  SearchGapNote,
} from '../features/active-filters/active-filters.tsx';
import { LoadStatus } from '../features/data-source/load-status.tsx';
import { FilterPanel } from '../features/filters/filter-panel.tsx';
import { EmbedCredit, EmbedProblems } from '../features/share/embed-credit.tsx';
import { SummaryFigures } from '../features/summary/summary-figures.tsx';
import { messageOf } from '../lib/error-message.ts';
import { createFrameMessenger, observeHeight } from '../lib/embed-protocol.ts';
import { formatCount, pluralWord } from '../lib/format.ts';
import {
  useTrialDataset,
  type LoadDatasetOptions,
  type TrialDataset,
} from '../queries/trial-queries.ts';
import { useFullLivePull, useSelectedTrial, useTrialFilters } from '../state/url-state.ts';
import { EmbedCharts } from './embed-charts.tsx';
import { dataDateOf, viewPermalink } from './export-meta.ts';
import {
  selectedTrialProps,
  useFilteredTrials,
  useSiteLists,
} from '../queries/trial-sites-query.ts';
import { TrialDetail, TrialTable } from './lazy-views.tsx';
import './embed-mode.css';

export type EmbedAppProps = {
  params: EmbedParams;
  datasetOptions?: LoadDatasetOptions;
};

/** Text colour readable on the accent colour ("#rgb" or "#rrggbb", already validated). */
export function accentContrast(accent: string): string {
  const hex =
    accent.length === 4
      ? accent
          .slice(1)
          .split('')
          .map((c) => c + c)
          .join('')
      : accent.slice(1);
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white vs with near-black: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#111111';
}

/** Applies theme and accent to the document root while embed mode is shown. */
function useEmbedLook(theme: EmbedParams['theme'], accent: string | null) {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.embed = '';
    if (accent) {
      root.style.setProperty('--color-accent', accent);
      root.style.setProperty('--color-accent-contrast', accentContrast(accent));
    }
    return () => {
      delete root.dataset.theme;
      delete root.dataset.embed;
      root.style.removeProperty('--color-accent');
      root.style.removeProperty('--color-accent-contrast');
    };
  }, [theme, accent]);
}

/** How long the drawn view's height must stay the same before the frame first reports it. */
const SETTLE_MS = 250;

/** The embedded view: protocol, look, problems and credit around the panels. */
export function EmbedApp({ params, datasetOptions }: EmbedAppProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const [filters, setUrlFilters] = useTrialFilters();
  const [selected] = useSelectedTrial();
  const [messageProblems, setMessageProblems] = useState<string[]>([]);
  const messenger = useMemo(() => createFrameMessenger(window), []);
  useEmbedLook(params.theme, params.accent);

  // Inside a frame, changes never add entries to the host page's history (App provides
  // UrlHistoryContext 'replace' around embed mode, so every URL state hook replaces).
  const setFilters = useCallback(
    (next: Partial<TrialFilters> | null) => setUrlFilters(next),
    [setUrlFilters],
  );

  const originsKey = params.origins.join(',');
  useEffect(() => {
    const stop = messenger.onSetFilters(originsKey === '' ? [] : originsKey.split(','), (next) => {
      if (next === null) {
        setMessageProblems([]);
        setFilters(null);
        return;
      }
      const checked = checkMessageFilters(next);
      const notice = describeIgnored('the message', checked.issues);
      setMessageProblems(notice === '' ? [] : [notice]);
      setFilters(checked.filters);
    });
    messenger.ready();
    return stop;
  }, [messenger, originsKey, setFilters]);

  // The host keeps the height it reserved (data-height, default 600 px) while the data and the charts
  // load; the frame reports its height once they are drawn, and after that whenever it changes.
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  useEffect(() => {
    const el = contentRef.current;
    if (!el || !drawn) return undefined;
    // The first report waits until the layout has been still for SETTLE_MS (charts measure their width
    // and draw in the frames after the data), so the host resizes once instead of stepping.
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = observeHeight(el, (height) => {
      if (settled) {
        messenger.resize(height);
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        settled = true;
        messenger.resize(height);
      }, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [messenger, drawn]);

  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    messenger.filters(JSON.parse(filtersKey) as TrialFilters);
  }, [messenger, filtersKey]);

  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selected === lastSelected.current) return;
    lastSelected.current = selected;
    messenger.select(selected);
  }, [messenger, selected]);

  return (
    <div className="app app-embed" ref={contentRef}>
      <main>
        <h1 className="visually-hidden">HSCT Trials Dashboard (embedded view)</h1>
        <EmbedProblems problems={[...params.problems, ...messageProblems]} />
        <ErrorBoundary label="The embedded dashboard">
          <EmbedDataset
            params={params}
            filters={filters}
            setFilters={setFilters}
            onDrawn={onDrawn}
            {...(datasetOptions ? { datasetOptions } : {})}
          />
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** Calls `onDrawn` once it is committed: placed after content, inside the Suspense boundary that loads it. */
function DrawnSignal({ onDrawn }: { onDrawn: () => void }) {
  useEffect(onDrawn, [onDrawn]);
  return null;
}

function EmbedDataset({
  params,
  filters,
  setFilters,
  onDrawn,
  datasetOptions,
}: {
  params: EmbedParams;
  filters: TrialFilters;
  setFilters: (next: Partial<TrialFilters> | null) => void;
  onDrawn: () => void;
  datasetOptions?: LoadDatasetOptions;
}) {
  const [fullLive] = useFullLivePull();
  const query = useTrialDataset(fullLive ? { ...datasetOptions, mode: 'live' } : datasetOptions);
  if (query.data === undefined) {
    if (query.isError) {
      return (
        <div className="load-error" role="alert">
          <DrawnSignal onDrawn={onDrawn} />
          <p>The trials could not be loaded: {messageOf(query.error)}</p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </div>
      );
    }
    return <LoadStatus />;
  }
  return (
    <EmbedBody
      dataset={query.data}
      params={params}
      filters={filters}
      setFilters={setFilters}
      onDrawn={onDrawn}
      precomputedUrl={datasetOptions?.precomputedUrl}
    />
  );
}

function PresetText({ filters, count }: { filters: TrialFilters; count: number }) {
  const chips = chipsOf(filters);
  return (
    <p className="embed-preset" role="status" aria-live="polite">
      <strong>{formatCount(count)}</strong> {pluralWord(count, 'trial')}
      {chips.length > 0 ? ` · ${chips.map((c) => c.label).join(' · ')}` : ' · all HSCT trials'}
    </p>
  );
}

function EmbedBody({
  dataset,
  params,
  filters,
  setFilters,
  onDrawn,
  precomputedUrl,
}: {
  dataset: TrialDataset;
  params: EmbedParams;
  filters: TrialFilters;
  setFilters: (next: Partial<TrialFilters> | null) => void;
  onDrawn: () => void;
  precomputedUrl?: string | undefined;
}) {
  const [selectedTrial, setSelectedTrial] = useSelectedTrial();
  // An embed shows sites only in the trial detail: the site lists are asked when a trial is opened,
  // or for a text search (it reads their texts too).
  const siteLists = useSiteLists(
    dataset,
    precomputedUrl,
    hasSearch(filters) || selectedTrial !== null,
  );
  const { trials, searchGap } = useFilteredTrials(dataset, siteLists, filters);
  const selected =
    selectedTrial !== null ? dataset.trials.find((t) => t.nctId === selectedTrial) : undefined;
  const show = (panel: EmbedParams['panels'][number]) => params.panels.includes(panel);
  const hasCharts = params.panels.some((p) => p !== 'summary' && p !== 'table');
  return (
    <>
      {params.lock ? (
        <>
          <PresetText filters={filters} count={trials.length} />
          <SearchGapNote gap={searchGap} />
        </>
      ) : (
        <>
          <ActiveFilters
            filters={filters}
            count={trials.length}
            onChange={setFilters}
            searchGap={searchGap}
          />
          <details className="embed-filters">
            <summary>Filters</summary>
            <FilterPanel
              trials={dataset.trials}
              filters={filters}
              onChange={(next) => setFilters(next)}
            />
          </details>
        </>
      )}
      {/* One boundary for the lazy table, so DrawnSignal commits once it is drawn. */}
      <Suspense
        fallback={
          <p className="chart-grid-loading" role="status">
            Loading charts…
          </p>
        }
      >
        {trials.length === 0 ? (
          <p className="empty-state">No trials match these filters.</p>
        ) : (
          <>
            {show('summary') ? (
              <ErrorBoundary label="The summary figures">
                <SummaryFigures trials={trials} />
              </ErrorBoundary>
            ) : null}
            {hasCharts ? (
              <ErrorBoundary label="The charts">
                <ChartDataDateContext value={dataDateOf(dataset)}>
                  <EmbedCharts
                    panels={params.panels}
                    trials={trials}
                    filters={filters}
                    accent={params.accent}
                    {...(params.lock ? {} : { onFiltersChange: setFilters })}
                  />
                </ChartDataDateContext>
              </ErrorBoundary>
            ) : null}
            {show('table') ? (
              <ErrorBoundary label="The trial table">
                <TrialTable trials={trials} />
              </ErrorBoundary>
            ) : null}
          </>
        )}
        <DrawnSignal onDrawn={onDrawn} />
      </Suspense>
      <EmbedCredit
        dataDate={dataDateOf(dataset)}
        fullViewUrl={fullViewUrl(viewPermalink(window.location.href, filters, 'dashboard'))}
      />
      {selectedTrial !== null ? (
        <TrialDetail
          nctId={selectedTrial}
          {...selectedTrialProps(selected, siteLists)}
          onClose={() => setSelectedTrial(null)}
        />
      ) : null}
    </>
  );
}
