// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error.ts';
import { STUDY_FIELDS } from '../../src/api/ctgov/default-query.ts';
import {
  MAX_CONSECUTIVE_EMPTY_PAGES,
  fetchAllStudies,
  fetchStudy,
  shortfallMessage,
  fetchVersion,
  type FetchProgress,
} from '../../src/api/ctgov/studies.ts';
import { server } from '../../mocks/node.ts';

const BASE = 'https://ctgov.test/api/v2';
const study = (id: string) => ({ protocolSection: { identificationModule: { nctId: id } } });

/** An instant sleep that records the waits asked for. */
function recordingSleep() {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { waits, sleep };
}

/** Serves the given pages in order and records every request URL. */
function servePages(pages: object[]) {
  const requests: URL[] = [];
  server.use(
    http.get(`${BASE}/studies`, ({ request }) => {
      requests.push(new URL(request.url));
      const page = pages[requests.length - 1];
      return page ? HttpResponse.json(page) : new HttpResponse('no more pages', { status: 500 });
    }),
  );
  return requests;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('fetchAllStudies paging', () => {
  it('follows nextPageToken until the last page and returns every study with the total', async () => {
    const requests = servePages([
      { totalCount: 5, studies: [study('NCT00000001'), study('NCT00000002')], nextPageToken: 'p2' },
      { studies: [study('NCT00000003'), study('NCT00000004')], nextPageToken: 'p3' },
      { studies: [study('NCT00000005')] },
    ]);
    const progress: FetchProgress[] = [];
    const result = await fetchAllStudies(
      { 'query.cond': 'lupus', 'query.intr': 'HSCT' },
      { baseUrl: BASE, pageSize: 2, onProgress: (p) => progress.push(p) },
    );
    expect(result.studies).toHaveLength(5);
    expect(result.totalCount).toBe(5);
    expect(result.pages).toBe(3);
    expect(result.completeness).toEqual({ complete: true });
    expect(result.bytes).toBeGreaterThan(100);
    expect(progress).toEqual([
      { loaded: 2, total: 5, pages: 1 },
      { loaded: 4, total: 5, pages: 2 },
      { loaded: 5, total: 5, pages: 3 },
    ]);
    expect(requests.map((r) => r.searchParams.get('pageToken'))).toEqual([null, 'p2', 'p3']);
  });

  it('asks for countTotal on the first page only and repeats every other parameter identically', async () => {
    const requests = servePages([
      { totalCount: 2, studies: [study('NCT00000001')], nextPageToken: 'p2' },
      { studies: [study('NCT00000002')] },
    ]);
    await fetchAllStudies(
      { 'query.cond': 'lupus', 'query.intr': 'HSCT', 'filter.overallStatus': 'RECRUITING' },
      { baseUrl: BASE, pageSize: 1 },
    );
    const [first, second] = requests;
    expect(first!.searchParams.get('countTotal')).toBe('true');
    expect(second!.searchParams.has('countTotal')).toBe(false);
    const rest = (u: URL) =>
      [...u.searchParams.entries()].filter(([k]) => k !== 'countTotal' && k !== 'pageToken');
    expect(rest(second!)).toEqual(rest(first!));
    expect(first!.searchParams.get('fields')).toBe(STUDY_FIELDS.join(','));
    expect(first!.searchParams.get('pageSize')).toBe('1');
    expect(first!.searchParams.get('filter.overallStatus')).toBe('RECRUITING');
  });

  it('sends no fields parameter when fields is null and clamps the page size to 1000', async () => {
    const requests = servePages([{ studies: [] }]);
    await fetchAllStudies(
      { 'query.cond': 'lupus' },
      { baseUrl: BASE, fields: null, pageSize: 5000 },
    );
    expect(requests[0]!.searchParams.has('fields')).toBe(false);
    expect(requests[0]!.searchParams.get('pageSize')).toBe('1000');
  });

  it('follows the token of an empty page in mid-stream and reads every study', async () => {
    const requests = servePages([
      { totalCount: 3, studies: [study('NCT00000001')], nextPageToken: 'p2' },
      { studies: [], nextPageToken: 'p3' },
      { studies: [], nextPageToken: 'p4' },
      { studies: [study('NCT00000002'), study('NCT00000003')] },
    ]);
    const result = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(requests.map((r) => r.searchParams.get('pageToken'))).toEqual([null, 'p2', 'p3', 'p4']);
    expect(result.studies).toHaveLength(3);
    expect(result.emptyPages).toBe(2);
    expect(result.completeness).toEqual({ complete: true });
  });

  it(`gives up after ${MAX_CONSECUTIVE_EMPTY_PAGES} empty pages in a row and says how many studies could be read`, async () => {
    const requests = servePages([
      { totalCount: 9, studies: [study('NCT00000001')], nextPageToken: 'e1' },
      { studies: [], nextPageToken: 'e2' },
      { studies: [], nextPageToken: 'e3' },
      { studies: [], nextPageToken: 'e4' },
      { studies: [], nextPageToken: 'e5' },
      { studies: [study('NCT00000009')] },
    ]);
    const result = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(requests).toHaveLength(1 + MAX_CONSECUTIVE_EMPTY_PAGES);
    expect(result.completeness).toEqual({
      complete: false,
      read: 1,
      total: 9,
      reason: `paging stopped early: ${MAX_CONSECUTIVE_EMPTY_PAGES} empty pages in a row`,
    });
    if (result.completeness.complete) return;
    expect(shortfallMessage(result.completeness)).toBe(
      `1 of 9 studies could be read from ClinicalTrials.gov (paging stopped early: ${MAX_CONSECUTIVE_EMPTY_PAGES} empty pages in a row).`,
    );
  });

  it('stops when the API repeats a page token it gave before, short of the total', async () => {
    const requests = servePages([
      { totalCount: 5, studies: [study('NCT00000001')], nextPageToken: 'loop' },
      { studies: [study('NCT00000002')], nextPageToken: 'loop' },
      { studies: [study('NCT00000003')], nextPageToken: 'loop' },
    ]);
    const result = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(requests).toHaveLength(2);
    expect(result.studies).toHaveLength(2);
    expect(result.completeness).toMatchObject({
      complete: false,
      read: 2,
      total: 5,
      reason: 'paging stopped early: the API repeated a page token',
    });
  });

  it('is complete when a repeated token comes after every counted study', async () => {
    servePages([
      { totalCount: 2, studies: [study('NCT00000001')], nextPageToken: 'loop' },
      { studies: [study('NCT00000002')], nextPageToken: 'loop' },
    ]);
    const result = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(result.completeness).toEqual({ complete: true });
  });

  it('is short when paging ends without a token below totalCount, counting a repeated study once', async () => {
    servePages([
      {
        totalCount: 40,
        studies: [study('NCT00000001'), study('NCT00000002')],
        nextPageToken: 'p2',
      },
      { studies: [study('NCT00000002'), study('NCT00000003')] },
    ]);
    const result = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(result.studies).toHaveLength(4);
    expect(result.completeness).toEqual({
      complete: false,
      read: 3,
      total: 40,
      reason: 'the last page came before the counted total',
    });
  });

  it('without a count, is complete when paging ends normally and short when it stops early', async () => {
    servePages([{ studies: [study('NCT00000001')], nextPageToken: 'p2' }, { studies: [] }]);
    const whole = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(whole.completeness).toEqual({ complete: true });

    server.resetHandlers();
    servePages([
      { studies: [study('NCT00000001')], nextPageToken: 'p2' },
      { studies: [study('NCT00000002')], nextPageToken: 'p2' },
    ]);
    const looped = await fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE });
    expect(looped.completeness).toMatchObject({ complete: false, read: 2 });
    if (looped.completeness.complete) return;
    expect(shortfallMessage(looped.completeness)).toMatch(/^Only 2 studies could be read/);
  });

  it('words a short pull with its own numbers: one study read, one counted, many counted', () => {
    const reason = 'paging stopped early';
    expect(shortfallMessage({ complete: false, read: 1, reason })).toBe(
      'Only 1 study could be read from ClinicalTrials.gov (paging stopped early).',
    );
    expect(shortfallMessage({ complete: false, read: 0, total: 1, reason })).toBe(
      '0 of 1 study could be read from ClinicalTrials.gov (paging stopped early).',
    );
    expect(shortfallMessage({ complete: false, read: 1, total: 9, reason })).toBe(
      '1 of 9 studies could be read from ClinicalTrials.gov (paging stopped early).',
    );
  });

  it('waits the politeness interval between requests', async () => {
    servePages([
      { studies: [study('NCT00000001')], nextPageToken: 'p2' },
      { studies: [study('NCT00000002')] },
    ]);
    const { waits, sleep } = recordingSleep();
    await fetchAllStudies(
      { 'query.cond': 'lupus' },
      { baseUrl: BASE, minRequestIntervalMs: 1000, retry: { sleep } },
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(900);
    expect(waits[0]).toBeLessThanOrEqual(1000);
  });

  it('rejects a page whose studies is not a list as a parse error', async () => {
    servePages([{ studies: 'nope' }, { studies: 'nope' }]);
    const error = await rejection(
      fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE, retry: recordingSleep() }),
    );
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/studies/);
  });
});

describe('fetchVersion', () => {
  it('keeps a dataTimestamp that is a date and drops one that is not', async () => {
    let dataTimestamp = 'garbage';
    server.use(
      http.get(`${BASE}/version`, () => HttpResponse.json({ apiVersion: '2.0.5', dataTimestamp })),
    );
    expect(await fetchVersion({ baseUrl: BASE })).toEqual({ apiVersion: '2.0.5' });
    dataTimestamp = '2025-13-45';
    expect(await fetchVersion({ baseUrl: BASE })).toEqual({ apiVersion: '2.0.5' });
    dataTimestamp = '2025-09-24T09:00:05';
    expect(await fetchVersion({ baseUrl: BASE })).toEqual({ apiVersion: '2.0.5', dataTimestamp });
  });
});

describe('retries', () => {
  function failThen(failures: (() => Response)[], final: () => Response) {
    let calls = 0;
    server.use(
      http.get(`${BASE}/version`, () => {
        const respond = failures[calls] ?? final;
        calls += 1;
        return respond();
      }),
    );
    return () => calls;
  }
  const ok = () => HttpResponse.json({ apiVersion: '2.0.5', dataTimestamp: '2025-09-25T09:00:00' });

  it('retries a 429 after the seconds given in Retry-After', async () => {
    const calls = failThen(
      [() => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '3' } })],
      ok,
    );
    const { waits, sleep } = recordingSleep();
    const version = await fetchVersion({ baseUrl: BASE, retry: { sleep } });
    expect(version.apiVersion).toBe('2.0.5');
    expect(calls()).toBe(2);
    expect(waits).toEqual([3000]);
  });

  it('honours a Retry-After HTTP date and caps it at maxDelayMs', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    failThen([() => new HttpResponse('', { status: 429, headers: { 'Retry-After': later } })], ok);
    const { waits, sleep } = recordingSleep();
    await fetchVersion({ baseUrl: BASE, retry: { sleep, maxDelayMs: 10_000 } });
    expect(waits).toEqual([10_000]);
  });

  it('backs off with jitter within the exponential ceiling when a 429 has no Retry-After', async () => {
    const calls = failThen(
      [() => new HttpResponse('', { status: 429 }), () => new HttpResponse('', { status: 429 })],
      ok,
    );
    const { waits, sleep } = recordingSleep();
    await fetchVersion({ baseUrl: BASE, retry: { sleep, baseDelayMs: 100 } });
    expect(calls()).toBe(3);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(waits[0]).toBeLessThan(100);
    expect(waits[1]).toBeLessThan(200);
  });

  it('retries 500, 502 and 503 and then succeeds', async () => {
    const calls = failThen(
      [500, 502, 503].map((status) => () => new HttpResponse('oops', { status })),
      ok,
    );
    const version = await fetchVersion({ baseUrl: BASE, retry: recordingSleep() });
    expect(version.dataTimestamp).toBe('2025-09-25T09:00:00');
    expect(calls()).toBe(4);
  });

  it('retries a network failure and then succeeds', async () => {
    const calls = failThen([() => HttpResponse.error()], ok);
    const version = await fetchVersion({ baseUrl: BASE, retry: recordingSleep() });
    expect(version.apiVersion).toBe('2.0.5');
    expect(calls()).toBe(2);
  });

  it('gives up after the allowed retries with a clear error', async () => {
    const calls = failThen([], () => new HttpResponse('', { status: 503 }));
    const error = await rejection(
      fetchVersion({ baseUrl: BASE, retry: { ...recordingSleep(), retries: 2 } }),
    );
    expect(calls()).toBe(3);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/HTTP 503.*Gave up after 3 attempts/);
  });

  it('reports rate limiting when every attempt gets a 429', async () => {
    failThen([], () => new HttpResponse('', { status: 429 }));
    const error = await rejection(
      fetchVersion({ baseUrl: BASE, retry: { ...recordingSleep(), retries: 1 } }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/limiting the request rate/);
  });

  it('retries a 200 HTML error page once at most, then fails as a parse error', async () => {
    const calls = failThen(
      [],
      () =>
        new HttpResponse('<html><body>Service temporarily unavailable</body></html>', {
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await rejection(fetchVersion({ baseUrl: BASE, retry: recordingSleep() }));
    expect(calls()).toBe(2);
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/not JSON/);
  });

  it('fails on malformed JSON as a parse error', async () => {
    failThen(
      [],
      () =>
        new HttpResponse('{"apiVersion": "2.0', {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const error = await rejection(fetchVersion({ baseUrl: BASE, retry: recordingSleep() }));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/not valid JSON/);
  });
});

describe('errors', () => {
  it('quotes the text of a 400 when the API rejects the query, without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/studies`, () => {
        calls += 1;
        return new HttpResponse('Unknown parameter: filter.phase', {
          status: 400,
          headers: { 'Content-Type': 'text/plain' },
        });
      }),
    );
    const error = await rejection(fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE }));
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'ClinicalTrials.gov rejected the query: Unknown parameter: filter.phase',
    );
    expect(calls).toBe(1);
  });

  it('reports an unknown study as not found', async () => {
    server.use(
      http.get(`${BASE}/studies/:id`, () => new HttpResponse('not found', { status: 404 })),
    );
    const error = await rejection(fetchStudy('NCT01234567', { baseUrl: BASE }));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('ClinicalTrials.gov has no study NCT01234567.');
  });

  it('times out a request that takes too long', async () => {
    server.use(
      http.get(`${BASE}/version`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return HttpResponse.json({ apiVersion: '2.0.5' });
      }),
    );
    const error = await rejection(
      fetchVersion({ baseUrl: BASE, timeoutMs: 30, retry: { ...recordingSleep(), retries: 1 } }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within/);
  });

  it('stops at once when the caller aborts and does not retry', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/version`, async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return HttpResponse.json({ apiVersion: '2.0.5' });
      }),
    );
    const controller = new AbortController();
    const pending = fetchVersion({
      baseUrl: BASE,
      signal: controller.signal,
      retry: recordingSleep(),
    });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error.kind).toBe('aborted');
    expect(calls).toBe(1);
  });

  it('does not even send a request when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      fetchAllStudies({ 'query.cond': 'lupus' }, { baseUrl: BASE, signal: controller.signal }),
    );
    expect(error.kind).toBe('aborted');
  });
});

describe('against the emulator', () => {
  it('pulls every page of the default-style query through the emulated API', async () => {
    const result = await fetchAllStudies(
      {
        'query.cond': 'lupus OR "systemic sclerosis"',
        'query.intr': 'transplant* OR CAR-T OR "stem cell"',
      },
      { pageSize: 2 },
    );
    expect(result.totalCount).toBe(result.studies.length);
    expect(result.pages).toBeGreaterThanOrEqual(Math.ceil(result.studies.length / 2));
    expect(result.studies.length).toBeGreaterThan(2);
  });

  it('fetches one study and the version', async () => {
    const one = (await fetchStudy('NCT99000003')) as {
      protocolSection: { identificationModule: { nctId: string } };
    };
    expect(one.protocolSection.identificationModule.nctId).toBe('NCT99000003');
    await expect(fetchVersion()).resolves.toEqual({
      apiVersion: '2.0.5',
      dataTimestamp: '2025-09-25T09:00:00',
    });
  });
});
