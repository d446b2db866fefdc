// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY, describeQuery } from '../../src/api/ctgov/default-query.ts';
import { deltaSinceDate, updatedSinceFilter } from '../../src/domain/precomputed-dataset.ts';
import { loadSnapshotFirst } from '../../src/queries/snapshot-first.ts';
import { trialDetailQueries } from '../../src/queries/trial-detail-query.ts';
import { trialQueries, type TrialDataset } from '../../src/queries/trial-queries.ts';
import { serializePrecomputed } from '../../scripts/precompute-dataset.ts';
import { servePrecomputed } from './precomputed-server.ts';

const instant = { retry: { retries: 0 } };
/** Under Node there is no page location: the site's files are given absolute URLs. */
const SITE = 'http://localhost/data';
const site = { precomputedUrl: `${SITE}/trials.json`, shardBaseUrl: `${SITE}/details` };
const RAW = JSON.parse(
  readFileSync(new URL('../../public/data/snapshot.json', import.meta.url), 'utf8'),
) as BundledDataset;

function studyOf(nctId: string): unknown {
  const study = fixtureEntries().find(
    (e) => e.study.protocolSection?.identificationModule?.nctId === nctId,
  )?.study;
  if (study === undefined) throw new Error(`no fixture ${nctId}`);
  return study;
}

/** A synthetic study (NCT99 id, as the fixtures' synthetic records) updated after the snapshot. */
function syntheticUpdate(): unknown {
  return fixtureEntries().find((e) => e.source.startsWith('synthetic'))!.study;
}

async function load(mode: 'snapshot' | 'live' = 'snapshot'): Promise<TrialDataset> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return client.fetchQuery(trialQueries.dataset({ ...instant, ...site, mode }));
}

describe('snapshot first, live changes on top', () => {
  it('asks only for studies updated since the snapshot date and merges them by NCT id', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const inSnapshot = snapshot.trials[0]!.nctId;
    const requests: URL[] = [];
    server.use(
      http.get('*/api/v2/studies', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({
          studies: [studyOf(inSnapshot), syntheticUpdate()],
          totalCount: 2,
        });
      }),
    );

    const dataset = await load();

    expect(requests).toHaveLength(1);
    const params = requests[0]!.searchParams;
    expect(params.get('filter.advanced')).toBe(
      `AREA[LastUpdatePostDate]RANGE[${snapshot.meta.capturedAt.slice(0, 10)},MAX]`,
    );
    expect(params.get('query.cond')).toBe(DEFAULT_QUERY['query.cond']);
    expect(params.get('query.intr')).toBe(DEFAULT_QUERY['query.intr']);
    expect(params.get('fields')).toContain('NCTId');
    expect(dataset.source).toBe('live');
    expect(dataset.snapshot?.delta).toEqual({ state: 'ok', updated: 2, added: 1 });
    expect(dataset.trials).toHaveLength(snapshot.trials.length + 1);
    expect(new Set(dataset.trials.map((t) => t.nctId)).size).toBe(dataset.trials.length);
  });

  it('keeps the snapshot and marks nothing updated when the delta fails', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    server.use(http.get('*/api/v2/studies', () => HttpResponse.error()));

    const dataset = await load();

    expect(dataset.source).toBe('bundled');
    expect(dataset.trials.map((t) => t.nctId)).toEqual(snapshot.trials.map((t) => t.nctId));
    expect(dataset.snapshot?.delta.state).toBe('failed');
    expect(dataset.liveError).toBeTruthy();
    expect(dataset.bundledMeta?.studyCount).toBe(snapshot.trials.length);
  });

  it('keeps the snapshot when the delta is short of its totalCount (never merged as complete)', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    server.use(
      http.get('*/api/v2/studies', () =>
        HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 5 }),
      ),
    );

    const dataset = await load();

    expect(dataset.source).toBe('bundled');
    expect(dataset.trials).toHaveLength(snapshot.trials.length);
    expect(dataset.snapshot?.delta.state).toBe('failed');
    expect(dataset.liveError).toMatch(/1 of 5 studies could be read/);
    expect(dataset.liveIncomplete).toBe(true);
  });

  it('makes the full live pull when no precomputed dataset is served', async () => {
    const requests: URL[] = [];
    server.use(
      http.get('*/api/v2/studies', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
      }),
    );

    const dataset = await load();

    expect(dataset.source).toBe('live');
    expect(dataset.snapshot).toBeUndefined();
    expect(requests[0]!.searchParams.get('filter.advanced')).toBeNull();
  });

  it('makes the full live pull in live mode even when a precomputed dataset is served', async () => {
    servePrecomputed(RAW);
    const requests: URL[] = [];
    server.use(
      http.get('*/api/v2/studies', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
      }),
    );

    const dataset = await load('live');

    expect(dataset.trials).toHaveLength(1);
    expect(requests[0]!.searchParams.get('filter.advanced')).toBeNull();
  });

  it('rejects a damaged precomputed file and makes the full live pull instead', async () => {
    server.use(
      http.get('*/data/trials.json', () =>
        HttpResponse.json({ meta: { format: 'something-else' }, trials: [] }),
      ),
      http.get('*/api/v2/studies', () =>
        HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 }),
      ),
    );

    const dataset = await load();

    expect(dataset.source).toBe('live');
    expect(dataset.trials).toHaveLength(1);
  });
});

/** Loads with the data date the page carries (index.html's hsct-snapshot-since), as the app does. */
async function loadWithHint(sinceHint: string): Promise<TrialDataset> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return loadSnapshotFirst(
    new AbortController().signal,
    client,
    { ...instant, ...site, query: DEFAULT_QUERY, sinceHint },
    {
      describe: (query) => ({ query, queryDescription: describeQuery(query), webSearchUrl: '' }),
      loadFull: () => Promise.reject(new Error('no full pull expected')),
      liveTimeoutMs: 5_000,
    },
  );
}

describe('live changes asked while the snapshot downloads', () => {
  it('asks the delta before the file has arrived when the page carries its data date', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const since = deltaSinceDate(snapshot.meta)!;
    const order: string[] = [];
    let deltaAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (deltaAsked = resolve));
    const text = serializePrecomputed(snapshot);
    server.use(
      http.get('*/data/trials.json', async () => {
        // The file answers once the delta was asked, or after a second (then too late: it failed).
        await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 1_000))]);
        order.push('file');
        return HttpResponse.text(text, { headers: { 'Content-Type': 'application/json' } });
      }),
      http.get('*/api/v2/studies', ({ request }) => {
        order.push(`delta ${new URL(request.url).searchParams.get('filter.advanced')}`);
        deltaAsked();
        return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
      }),
    );

    const dataset = await loadWithHint(since);

    expect(order).toEqual([`delta ${updatedSinceFilter(since)}`, 'file']);
    expect(dataset.snapshot?.delta).toEqual({ state: 'ok', updated: 1, added: 1 });
  });

  it('draws the file once, merged, when the early changes answer shortly after it', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const since = deltaSinceDate(snapshot.meta)!;
    const events: string[] = [];
    server.use(
      http.get('*/api/v2/studies', async () => {
        // The file (served at once) arrives first; the changes a moment later, within the grace.
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push('delta answered');
        return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // What the page would draw: the file goes into the query cache as the snapshot placeholder.
    client.getQueryCache().subscribe((event) => {
      const key = event.query.queryKey as readonly unknown[];
      if (event.type === 'updated' && key[1] === 'precomputed') {
        events.push('snapshot drawn alone');
      }
    });
    const dataset = await loadSnapshotFirst(
      new AbortController().signal,
      client,
      { ...instant, ...site, query: DEFAULT_QUERY, sinceHint: since },
      {
        describe: (query) => ({ query, queryDescription: describeQuery(query), webSearchUrl: '' }),
        loadFull: () => Promise.reject(new Error('no full pull expected')),
        liveTimeoutMs: 5_000,
      },
    );
    expect(dataset.snapshot?.delta).toEqual({ state: 'ok', updated: 1, added: 1 });
    // The file reaches the cache only with the merged result, after the changes answered.
    expect(events[0]).toBe('delta answered');
  });

  it("asks again from the file's own date when the page carries another one", async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const since = deltaSinceDate(snapshot.meta)!;
    const asked: string[] = [];
    server.use(
      http.get('*/api/v2/studies', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('filter.advanced') ?? '');
        return HttpResponse.json({ studies: [syntheticUpdate()], totalCount: 1 });
      }),
    );

    const dataset = await loadWithHint('2001-01-01');

    expect(asked.at(-1)).toBe(updatedSinceFilter(since));
    expect(dataset.snapshot).toMatchObject({ since, delta: { state: 'ok', updated: 1 } });
  });
});

describe('trial detail from the snapshot', () => {
  it('reads the record from its detail shard when the live API cannot be reached', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const nctId = snapshot.trials[3]!.nctId;
    server.use(http.get('*/api/v2/studies/:id', () => HttpResponse.error()));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    const record = await client.fetchQuery(
      trialDetailQueries.detail(nctId, { ...instant, shardBaseUrl: site.shardBaseUrl }),
    );

    expect(record.trial.nctId).toBe(nctId);
    expect(record.offlineReason).toBeTruthy();
  });

  it('asks the live API first', async () => {
    const { dataset: snapshot } = servePrecomputed(RAW);
    const nctId = snapshot.trials[3]!.nctId;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    const record = await client.fetchQuery(
      trialDetailQueries.detail(nctId, { ...instant, shardBaseUrl: site.shardBaseUrl }),
    );

    expect(record.trial.nctId).toBe(nctId);
    expect(record.offlineReason).toBeUndefined();
  });
});
