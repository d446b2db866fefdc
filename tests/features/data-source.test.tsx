import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataSourceBanner } from '../../src/features/data-source/data-source-banner.tsx';
import { LoadStatus } from '../../src/features/data-source/load-status.tsx';
import { datasetLoadProgress } from '../../src/queries/load-progress.ts';
import type { TrialDataset } from '../../src/queries/trial-queries.ts';
import { syntheticTrial } from '../trial-factory.ts';

const query = { 'query.cond': 'lupus', 'query.intr': 'HSCT' };
const common = {
  trials: [syntheticTrial(), syntheticTrial()],
  skipped: 0,
  fetchedAt: '2025-11-25T10:00:00.000Z',
  query,
  queryDescription: 'query.cond=lupus · query.intr=HSCT',
  webSearchUrl: 'https://clinicaltrials.gov/search?cond=lupus&intr=HSCT',
};

describe('DataSourceBanner, snapshot first', () => {
  const bundledMeta = {
    kind: 'snapshot' as const,
    source: 'ClinicalTrials.gov API v2',
    description: 'Every study of the default query',
    query,
    capturedAt: '2026-12-02T06:00:00Z',
    dataTimestamp: '2026-12-02T00:00:00',
    studyCount: 2,
  };

  it('shows the snapshot at once while the live changes are asked', () => {
    const dataset: TrialDataset = {
      ...common,
      source: 'bundled',
      bundledMeta,
      dataTimestamp: '2026-12-02T00:00:00',
      snapshot: {
        capturedAt: bundledMeta.capturedAt,
        since: '2026-12-02',
        delta: { state: 'pending' },
      },
    };
    render(<DataSourceBanner dataset={dataset} onRetry={vi.fn()} onFullLivePull={vi.fn()} />);
    const banner = screen.getByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent('Snapshot of ClinicalTrials.gov — data as of 2 December 2026');
    expect(banner).toHaveTextContent(
      'Checking ClinicalTrials.gov for trials updated since 2 December 2026',
    );
    expect(banner).not.toHaveTextContent(/unreachable/);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says how many trials were updated live, and offers the full live pull', () => {
    const onFullLivePull = vi.fn();
    const dataset: TrialDataset = {
      ...common,
      source: 'live',
      dataTimestamp: '2026-12-03T00:00:00',
      snapshot: {
        capturedAt: bundledMeta.capturedAt,
        since: '2026-12-02',
        delta: { state: 'ok', updated: 12, added: 3 },
      },
    };
    render(<DataSourceBanner dataset={dataset} onFullLivePull={onFullLivePull} />);
    const banner = screen.getByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent('Live from ClinicalTrials.gov — data as of 3 December 2026');
    expect(banner).toHaveTextContent('12 trials updated live since 2 December 2026 (3 new)');
    screen.getByRole('button', { name: 'Load every trial live' }).click();
    expect(onFullLivePull).toHaveBeenCalledOnce();
  });

  it('keeps the snapshot with a clear line when the live changes could not be read', () => {
    const dataset: TrialDataset = {
      ...common,
      source: 'bundled',
      bundledMeta,
      liveError: 'Could not reach ClinicalTrials.gov.',
      snapshot: {
        capturedAt: bundledMeta.capturedAt,
        since: '2026-12-02',
        delta: { state: 'failed', reason: 'Could not reach ClinicalTrials.gov.' },
      },
    };
    render(<DataSourceBanner dataset={dataset} onRetry={vi.fn()} />);
    const banner = screen.getByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent(
      'Offline snapshot from 2 December 2026 — live API unreachable',
    );
    expect(banner).toHaveTextContent(
      'No trial is marked as updated: the live changes since 2 December 2026 could not be read.',
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('DataSourceBanner', () => {
  it('says the data is live, as of the registry data date, with the exact search and a link to it', async () => {
    const dataset: TrialDataset = {
      ...common,
      source: 'live',
      dataTimestamp: '2025-11-24T08:30:00',
      apiVersion: '2.0.5',
    };
    render(<DataSourceBanner dataset={dataset} />);
    const banner = screen.getByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent('Live from ClinicalTrials.gov — data as of 24 November 2025');
    // The search and its link are details, behind the disclosure.
    expect(
      screen.queryByRole('link', { name: 'Open this search on ClinicalTrials.gov' }),
    ).not.toBeInTheDocument();
    screen.getByRole('button', { name: 'Details', expanded: false }).click();
    expect(await screen.findByRole('button', { name: 'Details', expanded: true })).toBeVisible();
    expect(banner).toHaveTextContent('query.cond=lupus · query.intr=HSCT');
    expect(
      screen.getByRole('link', { name: 'Open this search on ClinicalTrials.gov' }),
    ).toHaveAttribute('href', 'https://clinicaltrials.gov/search?cond=lupus&intr=HSCT');
  });

  it('says when the bundled sample is shown, how many records, from where, as of when, and why', () => {
    const dataset: TrialDataset = {
      ...common,
      source: 'bundled',
      liveError: 'Could not reach ClinicalTrials.gov.',
      bundledMeta: {
        kind: 'bundled-sample',
        source: 'Real records saved in public GitHub repositories',
        description: 'Transplant trials in autoimmune disease',
        query,
        capturedAt: '2025-09-25T00:00:00Z',
        studyCount: 42,
      },
    };
    const onRetry = vi.fn();
    render(<DataSourceBanner dataset={dataset} onRetry={onRetry} />);
    const banner = screen.getByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent(
      'Offline sample from 25 September 2025 — live API unreachable.',
    );
    expect(banner).toHaveTextContent(
      'Showing a bundled sample of 42 real trial records captured from ClinicalTrials.gov by public repositories.',
    );
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(banner).toHaveTextContent('Source: Real records saved in public GitHub repositories');
    expect(banner).toHaveTextContent('Live API: Could not reach ClinicalTrials.gov.');
  });

  it('says so when the page runs against the API emulator', () => {
    render(<DataSourceBanner dataset={{ ...common, source: 'live' }} mockMode />);
    expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
      /Emulated API — not live data\. Data as of .+\..*The in-browser MSW emulator of ClinicalTrials\.gov is serving fixture records/,
    );
  });
});

describe('LoadStatus', () => {
  it('reports pages as they load', () => {
    datasetLoadProgress.set({ stage: 'live', loaded: 0, pages: 0 });
    render(<LoadStatus />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading trials…');

    act(() => datasetLoadProgress.set({ stage: 'live', loaded: 1, pages: 1 }));
    expect(screen.getByRole('status')).toHaveTextContent(/^Loaded 1 trial$/);
    act(() => datasetLoadProgress.set({ stage: 'live', loaded: 1, total: 1, pages: 1 }));
    expect(screen.getByRole('status')).toHaveTextContent(/^Loaded 1 of 1 trial$/);

    act(() => datasetLoadProgress.set({ stage: 'live', loaded: 1000, total: 2345, pages: 1 }));
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 1,000 of 2,345 trials');
    expect(screen.getByRole('progressbar', { name: 'Trials loaded' })).toHaveAttribute(
      'value',
      '1000',
    );

    act(() => datasetLoadProgress.set({ stage: 'bundled', liveError: 'offline' }));
    expect(screen.getByRole('status')).toHaveTextContent('loading the bundled sample');
  });
});
