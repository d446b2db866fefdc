import { formatDate, pluralize } from '../../lib/format.ts';
import type { TrialDataset } from '../../queries/trial-queries.ts';

export type DataSourceBannerProps = {
  dataset: TrialDataset;
  /** The page runs against the in-browser API emulator (VITE_MOCK=1). */
  mockMode?: boolean;
  /** Try the live API again (shown when the offline data is on screen). */
  onRetry?: () => void;
  /** Load every trial from the live API instead of the snapshot and its live changes. */
  onFullLivePull?: () => void;
};

/** What the live changes on top of the snapshot did, in one line (snapshot-first mode). */
function DeltaLine({ dataset }: { dataset: TrialDataset }) {
  const snapshot = dataset.snapshot;
  if (snapshot === undefined) return null;
  const since = snapshot.since ? formatDate(snapshot.since) : 'the snapshot';
  const { delta } = snapshot;
  if (delta.state === 'pending') {
    return (
      <p className="banner-detail" role="status">
        Checking ClinicalTrials.gov for trials updated since {since}…
      </p>
    );
  }
  if (delta.state === 'failed') {
    return (
      <p className="banner-detail" role="status">
        No trial is marked as updated: the live changes since {since} could not be read.
      </p>
    );
  }
  return (
    <p className="banner-detail" role="status">
      {pluralize(delta.updated, 'trial')} updated live since {since}
      {delta.added > 0 ? ` (${delta.added} new)` : ''}, on top of the snapshot of{' '}
      {formatDate(snapshot.capturedAt)}.
    </p>
  );
}

function SourceLine({ dataset, mockMode }: DataSourceBannerProps) {
  if (dataset.snapshot?.delta.state === 'pending') {
    const asOf = dataset.dataTimestamp ?? dataset.snapshot.capturedAt;
    return (
      <p className="banner-headline">
        <strong>Snapshot of ClinicalTrials.gov</strong> — data as of {formatDate(asOf)}.{' '}
      </p>
    );
  }
  if (dataset.source === 'bundled') {
    const meta = dataset.bundledMeta;
    const count = meta?.studyCount ?? dataset.trials.length;
    const asOf = meta?.dataTimestamp ?? meta?.capturedAt;
    return (
      <>
        <p className="banner-headline">
          <strong>
            Offline {meta?.kind === 'snapshot' ? 'snapshot' : 'sample'} from{' '}
            {asOf ? formatDate(asOf) : 'an unknown date'} —{' '}
            {dataset.liveIncomplete ? 'live data incomplete' : 'live API unreachable'}
          </strong>
          .{' '}
        </p>
        <p className="banner-detail">
          {meta?.kind === 'snapshot'
            ? `Showing the bundled snapshot of ${pluralize(count, 'trial record')} from ClinicalTrials.gov.`
            : `Showing a bundled sample of ${pluralize(count, 'real trial record')} captured from ClinicalTrials.gov by public repositories.`}
        </p>
        {dataset.liveError ? (
          <p className="banner-detail banner-error">Live API: {dataset.liveError}</p>
        ) : null}
        {meta?.source || meta?.description ? (
          <details className="banner-more">
            <summary>About this sample</summary>
            {meta.source ? <p className="banner-detail">Source: {meta.source}</p> : null}
            {meta.description ? <p className="banner-detail">{meta.description}</p> : null}
          </details>
        ) : null}
      </>
    );
  }
  const asOf = dataset.dataTimestamp ?? dataset.fetchedAt;
  if (mockMode) {
    return (
      <>
        <p className="banner-headline">
          <strong>Emulated API</strong> — not live data. Data as of {formatDate(asOf)}.{' '}
        </p>
        <p className="banner-detail">
          The in-browser MSW emulator of ClinicalTrials.gov is serving fixture records (real records
          and labelled synthetic ones).
        </p>
      </>
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
export function DataSourceBanner({
  dataset,
  mockMode = false,
  onRetry,
  onFullLivePull,
}: DataSourceBannerProps) {
  const pending = dataset.snapshot?.delta.state === 'pending';
  const offline = dataset.source === 'bundled' && !pending;
  return (
    <section
      className={`banner ${offline ? 'banner-warning' : 'banner-info'}`}
      aria-label="Data source"
    >
      <SourceLine dataset={dataset} mockMode={mockMode} />
      <DeltaLine dataset={dataset} />
      {offline && onRetry ? (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          Retry
        </button>
      ) : null}
      {dataset.snapshot && !pending && onFullLivePull ? (
        <button type="button" className="button button-quiet" onClick={onFullLivePull}>
          Load every trial live
        </button>
      ) : null}
      {mockMode && offline ? (
        <p className="banner-detail">
          Mock mode: the API emulator (MSW) was running but did not answer.
        </p>
      ) : null}
      <div className="banner-query">
        <details>
          <summary>Search used</summary>
          <code>{dataset.queryDescription}</code>
        </details>
        <a href={dataset.webSearchUrl} target="_blank" rel="noopener noreferrer">
          Open this search on ClinicalTrials.gov
        </a>
      </div>
    </section>
  );
}
