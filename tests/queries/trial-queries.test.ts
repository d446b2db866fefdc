// @vitest-environment jsdom
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { ApiError } from '../../src/api/api-error.ts';
import { createLoadProgressStore, type LoadProgress } from '../../src/queries/load-progress.ts';
import { DatasetUnavailableError, loadTrialDataset } from '../../src/queries/trial-queries.ts';

const instant = { retry: { retries: 0 } };
const realStudies = fixtureEntries()
  .filter((e) => !e.source.startsWith('synthetic'))
  .slice(0, 4)
  .map((e) => e.study);

function signal(): AbortSignal {
  return new AbortController().signal;
}

describe('loadTrialDataset', () => {
  it('loads live trials with the registry version and reports progress page by page', async () => {
    server.use(
      http.get('*/api/v2/studies', ({ request }) =>
        new URL(request.url).searchParams.get('pageToken') === null
          ? HttpResponse.json({
              studies: realStudies.slice(0, 2),
              totalCount: 4,
              nextPageToken: 'next',
            })
          : HttpResponse.json({ studies: realStudies.slice(2) }),
      ),
      http.get('*/api/v2/version', () =>
        HttpResponse.json({ apiVersion: '2.0.5', dataTimestamp: '2025-11-20T09:00:00' }),
      ),
    );
    const progress = createLoadProgressStore();
    const seen: LoadProgress[] = [];
    progress.subscribe(() => seen.push(progress.get()));

    const dataset = await loadTrialDataset(signal(), { ...instant, progress });

    expect(dataset.source).toBe('live');
    expect(dataset.trials).toHaveLength(4);
    expect(dataset.skipped).toBe(0);
    expect(dataset.apiVersion).toBe('2.0.5');
    expect(dataset.dataTimestamp).toBe('2025-11-20T09:00:00');
    expect(dataset.queryDescription).toMatch(/^query\.cond=.+ · query\.intr=.+/);
    expect(dataset.webSearchUrl).toMatch(/^https:\/\/clinicaltrials\.gov\/search\?/);
    expect(seen).toContainEqual(expect.objectContaining({ stage: 'live', loaded: 2, total: 4 }));
    expect(seen).toContainEqual(expect.objectContaining({ stage: 'live', loaded: 4, total: 4 }));
  });

  it('still loads live trials when the version endpoint fails', async () => {
    server.use(
      http.get('*/api/v2/studies', () => HttpResponse.json({ studies: realStudies })),
      http.get('*/api/v2/version', () => new HttpResponse('down', { status: 503 })),
    );
    const dataset = await loadTrialDataset(signal(), instant);
    expect(dataset.source).toBe('live');
    expect(dataset.apiVersion).toBeUndefined();
  });

  it('does not wait long for a version endpoint that hangs', async () => {
    server.use(
      http.get('*/api/v2/studies', () => HttpResponse.json({ studies: realStudies })),
      http.get('*/api/v2/version', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const dataset = await loadTrialDataset(signal(), { ...instant, liveTimeoutMs: 10_000 });
    expect(dataset.source).toBe('live');
    expect(dataset.apiVersion).toBeUndefined();
  });

  it('counts records without an NCT id and duplicates as skipped', async () => {
    const [first] = realStudies;
    server.use(
      http.get('*/api/v2/studies', () =>
        HttpResponse.json({ studies: [first, first, { protocolSection: {} }] }),
      ),
    );
    const dataset = await loadTrialDataset(signal(), instant);
    expect(dataset.trials).toHaveLength(1);
    expect(dataset.skipped).toBe(2);
  });

  it('follows an empty page that still carries a token in mid-stream and shows every study live', async () => {
    server.use(
      http.get('*/api/v2/studies', ({ request }) => {
        const token = new URL(request.url).searchParams.get('pageToken');
        if (token === null) {
          return HttpResponse.json({
            studies: realStudies.slice(0, 2),
            totalCount: 4,
            nextPageToken: 'e',
          });
        }
        if (token === 'e') return HttpResponse.json({ studies: [], nextPageToken: 'rest' });
        return HttpResponse.json({ studies: realStudies.slice(2) });
      }),
    );
    const dataset = await loadTrialDataset(signal(), instant);
    expect(dataset.source).toBe('live');
    expect(dataset.trials).toHaveLength(4);
  });

  it('never shows a pull short of the counted total as live: the bundled sample, saying N of M', async () => {
    server.use(
      http.get('*/api/v2/studies', ({ request }) =>
        new URL(request.url).searchParams.get('pageToken') === null
          ? HttpResponse.json({
              studies: realStudies.slice(0, 2),
              totalCount: 40,
              nextPageToken: 'n',
            })
          : HttpResponse.json({ studies: realStudies.slice(2) }),
      ),
    );
    const dataset = await loadTrialDataset(signal(), instant);
    expect(dataset.source).toBe('bundled');
    expect(dataset.liveIncomplete).toBe(true);
    expect(dataset.liveError).toBe(
      '4 of 40 studies could be read from ClinicalTrials.gov (the last page came before the counted total).',
    );
  });

  it('falls back to the bundled sample, saying why, when the live API fails', async () => {
    server.use(http.get('*/api/v2/studies', () => new HttpResponse('oops', { status: 502 })));
    const dataset = await loadTrialDataset(signal(), instant);
    expect(dataset.source).toBe('bundled');
    expect(dataset.trials.length).toBeGreaterThan(0);
    expect(dataset.bundledMeta?.studyCount).toBeGreaterThan(0);
    expect(dataset.liveError).toMatch(/502/);
    expect(dataset.trials.every((t) => !t.nctId.startsWith('NCT99'))).toBe(true);
  });

  it('falls back to the bundled sample when the live load runs out of time', async () => {
    server.use(
      http.get('*/api/v2/studies', async () => {
        await delay('infinite');
        return HttpResponse.json({ studies: [] });
      }),
    );
    const dataset = await loadTrialDataset(signal(), { ...instant, liveTimeoutMs: 50 });
    expect(dataset.source).toBe('bundled');
    expect(dataset.liveError).toBe('ClinicalTrials.gov did not answer in full within 50 ms.');
  });

  it('throws the rejection of a 400 instead of falling back', async () => {
    server.use(
      http.get(
        '*/api/v2/studies',
        () =>
          new HttpResponse('Unknown parameter', {
            status: 400,
            headers: { 'Content-Type': 'text/plain' },
          }),
      ),
    );
    const failure = loadTrialDataset(signal(), instant);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ kind: 'rejected' });
    await expect(failure).rejects.toThrow('Unknown parameter');
  });

  it('says what went wrong with both sources when neither loads', async () => {
    server.use(
      http.get('*/api/v2/studies', () => HttpResponse.error()),
      http.get('*/data/snapshot.json', () => HttpResponse.json({ not: 'a dataset' })),
    );
    const failure = loadTrialDataset(signal(), instant);
    await expect(failure).rejects.toBeInstanceOf(DatasetUnavailableError);
    await expect(failure).rejects.toThrow(/Live API: .+ Bundled sample: .+/);
  });

  it('stops without falling back when the caller cancels', async () => {
    server.use(
      http.get('*/api/v2/studies', async () => {
        await delay('infinite');
        return HttpResponse.json({ studies: [] });
      }),
    );
    const controller = new AbortController();
    const failure = loadTrialDataset(controller.signal, instant);
    controller.abort();
    await expect(failure).rejects.toThrow();
  });
});
