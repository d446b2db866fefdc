// @vitest-environment jsdom
/**
 * What index.html's early entry starts on a cold visit (src/queries/early-data.ts) is taken over by the
 * app: the precomputed file is downloaded and read once, the live changes are asked once, and changes
 * asked since another date than the file's are dropped.
 */
import { QueryClient } from '@tanstack/react-query';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY, describeQuery } from '../../src/api/ctgov/default-query.ts';
import { deltaSinceDate, SNAPSHOT_SINCE_META } from '../../src/domain/precomputed-dataset.ts';
import {
  EARLY_DATA_KEY,
  startEarlyData,
  takeEarlyLiveChanges,
  takeEarlyPrecomputed,
} from '../../src/queries/early-data.ts';
import { loadSnapshotFirst } from '../../src/queries/snapshot-first.ts';
import { servePrecomputed } from './precomputed-server.ts';

const RAW = JSON.parse(
  readFileSync(join(process.cwd(), 'public/data/snapshot.json'), 'utf8'),
) as BundledDataset;

/** A synthetic study (NCT99 id, as the fixtures' synthetic records) updated after the snapshot. */
function syntheticUpdate(): unknown {
  return fixtureEntries().find((e) => e.source.startsWith('synthetic'))!.study;
}

/** The page's `<meta name="hsct-snapshot-since">`, as the build writes it. */
function pageDataDate(since: string): void {
  const meta = document.createElement('meta');
  meta.name = SNAPSHOT_SINCE_META;
  meta.content = since;
  document.head.append(meta);
}

/** Counts the downloads of the file and the requests of the live changes. */
function serve(): { file: number; delta: string[] } {
  const { dataset: snapshot } = servePrecomputed(RAW);
  const traffic = { file: 0, delta: [] as string[] };
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/data/trials.json')) traffic.file += 1;
  });
  server.use(
    http.get('*/api/v2/studies', ({ request }) => {
      traffic.delta.push(new URL(request.url).searchParams.get('filter.advanced') ?? '');
      return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
    }),
    http.get('*/api/v2/version', () =>
      HttpResponse.json({ apiVersion: '2.0.5', dataTimestamp: '2026-12-03T09:00:00' }),
    ),
  );
  pageDataDate(deltaSinceDate(snapshot.meta)!);
  return traffic;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[EARLY_DATA_KEY];
  document.head.querySelectorAll(`meta[name="${SNAPSHOT_SINCE_META}"]`).forEach((m) => m.remove());
  server.events.removeAllListeners();
});

describe('the early entry', () => {
  it('starts what the app then takes over: one download of the file, one request of the changes', async () => {
    const traffic = serve();
    const since = document
      .querySelector(`meta[name="${SNAPSHOT_SINCE_META}"]`)!
      .getAttribute('content')!;

    startEarlyData();
    const dataset = await loadSnapshotFirst(
      new AbortController().signal,
      new QueryClient({ defaultOptions: { queries: { retry: false } } }),
      { retry: { retries: 0 }, query: DEFAULT_QUERY, sinceHint: since },
      {
        describe: (query) => ({ query, queryDescription: describeQuery(query), webSearchUrl: '' }),
        loadFull: () => Promise.reject(new Error('no full pull expected')),
        liveTimeoutMs: 5_000,
      },
    );

    expect(dataset.source).toBe('live');
    expect(dataset.snapshot?.delta).toEqual({ state: 'ok', updated: 1, added: 1 });
    expect(traffic.file).toBe(1);
    expect(traffic.delta).toHaveLength(1);
  });

  it('hands each over once, and drops changes asked since another date', async () => {
    serve();
    const since = document
      .querySelector(`meta[name="${SNAPSHOT_SINCE_META}"]`)!
      .getAttribute('content')!;
    startEarlyData();

    const file = takeEarlyPrecomputed();
    expect(file).toBeDefined();
    expect((await file!).ok).toBe(true);
    expect(takeEarlyPrecomputed()).toBeUndefined();

    expect(takeEarlyLiveChanges('2001-01-01')).toBeUndefined();
    // Dropped, not kept for a later taker.
    expect(takeEarlyLiveChanges(since)).toBeUndefined();
  });

  it('starts nothing twice on one page', () => {
    const traffic = serve();
    startEarlyData();
    startEarlyData();
    return takeEarlyPrecomputed()!.then(() => expect(traffic.file).toBe(1));
  });
});
