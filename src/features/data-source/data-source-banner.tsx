import { useId, useState, type ReactNode } from 'react';
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
  /** More short items of the status line (freshness, hidden records, changes since the last visit). */
  line?: ReactNode;
  /** More content of the details behind the "Details" disclosure. */
  details?: ReactNode;
};

/** What the live changes on top of the snapshot did, in one short item (snapshot-first mode). */
function DeltaLine({ dataset }: { dataset: TrialDataset }) {
  const snapshot = dataset.snapshot;
  if (snapshot === undefined) return null;
  const since = snapshot.since ? formatDate(snapshot.since) : 'the snapshot';
  const { delta } = snapshot;
  if (delta.state === 'pending') {
    return (
      <span className="status-item" role="status">
        Checking ClinicalTrials.gov for trials updated since {since}…
      </span>
    );
  }
  if (delta.state === 'failed') {
    return (
      <span className="status-item" role="status">
        No trial is marked as updated: the live changes since {since} could not be read.
      </span>
    );
  }
  return (
    <span className="status-item" role="status">
      {pluralize(delta.updated, 'trial')} updated live since {since}
      {delta.added > 0 ? ` (${delta.added} new)` : ''}, on top of the snapshot of{' '}
      {formatDate(snapshot.capturedAt)}.
    </span>
  );
}

/** The one-sentence headline: where the data comes from and as of when. */
function SourceHeadline({
  dataset,
  mockMode,
}: Pick<DataSourceBannerProps, 'dataset' | 'mockMode'>) {
  if (dataset.snapshot?.delta.state === 'pending') {
    const asOf = dataset.dataTimestamp ?? dataset.snapshot.capturedAt;
    return (
      <span className="status-headline">
        <strong>Snapshot of ClinicalTrials.gov</strong> — data as of {formatDate(asOf)}.
      </span>
    );
  }
  if (dataset.source === 'bundled') {
    const meta = dataset.bundledMeta;
    const asOf = meta?.dataTimestamp ?? meta?.capturedAt;
    return (
      <strong className="status-headline">
        Offline {meta?.kind === 'snapshot' ? 'snapshot' : 'sample'} from{' '}
        {asOf ? formatDate(asOf) : 'an unknown date'} —{' '}
        {dataset.liveIncomplete ? 'live data incomplete' : 'live API unreachable'}.
      </strong>
    );
  }
  const asOf = dataset.dataTimestamp ?? dataset.fetchedAt;
  if (mockMode) {
    return (
      <span className="status-headline">
        <strong>Emulated API</strong> — not live data. Data as of {formatDate(asOf)}.
      </span>
    );
  }
  return (
    <span className="status-headline">
      <strong>Live from ClinicalTrials.gov</strong> — data as of {formatDate(asOf)}
      {dataset.apiVersion ? ` (API ${dataset.apiVersion})` : ''}.
    </span>
  );
}

/** What the headline leaves out: how many records, from where, and why. */
function SourceDetails({ dataset, mockMode }: Pick<DataSourceBannerProps, 'dataset' | 'mockMode'>) {
  if (dataset.source === 'bundled') {
    const meta = dataset.bundledMeta;
    const count = meta?.studyCount ?? dataset.trials.length;
    return (
      <>
        <p className="banner-detail">
          {meta?.kind === 'snapshot'
            ? `Showing the bundled snapshot of ${pluralize(count, 'trial record')} from ClinicalTrials.gov.`
            : `Showing a bundled sample of ${pluralize(count, 'real trial record')} captured from ClinicalTrials.gov by public repositories.`}
        </p>
        {dataset.liveError ? (
          <p className="banner-detail banner-error">Live API: {dataset.liveError}</p>
        ) : null}
        {mockMode ? (
          <p className="banner-detail">
            Mock mode: the API emulator (MSW) was running but did not answer.
          </p>
        ) : null}
        {meta?.source ? <p className="banner-detail">Source: {meta.source}</p> : null}
        {meta?.description ? <p className="banner-detail">{meta.description}</p> : null}
      </>
    );
  }
  if (mockMode) {
    return (
      <p className="banner-detail">
        The in-browser MSW emulator of ClinicalTrials.gov is serving fixture records (real records
        and labelled synthetic ones).
      </p>
    );
  }
  return null;
}

/**
 * The status line at the top of the page: where the trials on screen come from and as of when (the
 * offline fallback as a warning with Retry), plus the short items the app adds (`line`), all on one
 * line. Everything else (record counts, the exact search and a link to run it on ClinicalTrials.gov,
 * the app's `details`) sits behind the "Details" disclosure.
 */
export function DataSourceBanner({
  dataset,
  mockMode = false,
  onRetry,
  onFullLivePull,
  line,
  details,
}: DataSourceBannerProps) {
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const pending = dataset.snapshot?.delta.state === 'pending';
  const offline = dataset.source === 'bundled' && !pending;
  return (
    <section
      className={`banner status-bar ${offline ? 'banner-warning' : 'banner-info'}`}
      aria-label="Data source"
    >
      <div className="status-line">
        <SourceHeadline dataset={dataset} mockMode={mockMode} />
        {offline && onRetry ? (
          <button type="button" className="button button-small" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {dataset.snapshot?.delta.state === 'failed' ? null : <DeltaLine dataset={dataset} />}
        {line}
        <button
          type="button"
          className="button button-quiet button-small status-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((shown) => !shown)}
        >
          Details
        </button>
      </div>
      <div id={detailsId} className="status-details" hidden={!open}>
        <SourceDetails dataset={dataset} mockMode={mockMode} />
        {/* A failed delta is what the offline headline already says; its wording stays in the details. */}
        {dataset.snapshot?.delta.state === 'failed' ? <DeltaLine dataset={dataset} /> : null}
        {dataset.snapshot && !pending && onFullLivePull ? (
          <p className="banner-detail">
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={onFullLivePull}
            >
              Load every trial live
            </button>
          </p>
        ) : null}
        {details}
        <div className="banner-query">
          <details>
            <summary>Search used</summary>
            <code>{dataset.queryDescription}</code>
          </details>
          <a href={dataset.webSearchUrl} target="_blank" rel="noopener noreferrer">
            Open this search on ClinicalTrials.gov
          </a>
        </div>
      </div>
    </section>
  );
}
