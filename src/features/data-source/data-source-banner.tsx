import { formatDate, pluralize } from '../../lib/format.ts';
import type { TrialDataset } from '../../queries/trial-queries.ts';

export type DataSourceBannerProps = {
  dataset: TrialDataset;
  /** The page runs against the in-browser API emulator (VITE_MOCK=1). */
  mockMode?: boolean;
};

function SourceLine({ dataset, mockMode }: DataSourceBannerProps) {
  if (dataset.source === 'bundled') {
    const meta = dataset.bundledMeta;
    const count = meta?.studyCount ?? dataset.trials.length;
    const asOf = meta?.dataTimestamp ?? meta?.capturedAt;
    return (
      <>
        <p className="banner-headline">
          <strong>Bundled sample:</strong> {pluralize(count, 'real trial record')} captured from
          ClinicalTrials.gov by public repositories{asOf ? `, as of ${formatDate(asOf)}` : ''} — the
          live API could not be reached.
        </p>
        {meta?.source ? <p className="banner-detail">Source: {meta.source}</p> : null}
        {meta?.description ? <p className="banner-detail">{meta.description}</p> : null}
        {dataset.liveError ? (
          <p className="banner-detail banner-error">Live API: {dataset.liveError}</p>
        ) : null}
      </>
    );
  }
  const asOf = dataset.dataTimestamp ?? dataset.fetchedAt;
  if (mockMode) {
    return (
      <p className="banner-headline">
        <strong>Emulated API:</strong> the in-browser MSW emulator of ClinicalTrials.gov, serving
        fixture records (real records and labelled synthetic ones) — not live data. Data as of{' '}
        {formatDate(asOf)}.
      </p>
    );
  }
  return (
    <p className="banner-headline">
      <strong>Live from ClinicalTrials.gov</strong> — data as of {formatDate(asOf)}
      {dataset.apiVersion ? ` (API ${dataset.apiVersion})` : ''}.
    </p>
  );
}

/** Where the trials on screen come from, the exact search, and a link to run it on ClinicalTrials.gov. */
export function DataSourceBanner({ dataset, mockMode = false }: DataSourceBannerProps) {
  return (
    <section
      className={`banner ${dataset.source === 'bundled' ? 'banner-warning' : 'banner-info'}`}
      aria-label="Data source"
    >
      <SourceLine dataset={dataset} mockMode={mockMode} />
      {mockMode && dataset.source === 'bundled' ? (
        <p className="banner-detail">
          Mock mode: the API emulator (MSW) was running but did not answer.
        </p>
      ) : null}
      <p className="banner-query">
        <span>Search used: </span>
        <code>{dataset.queryDescription}</code>{' '}
        <a href={dataset.webSearchUrl} target="_blank" rel="noopener noreferrer">
          Open this search on ClinicalTrials.gov
        </a>
      </p>
    </section>
  );
}
