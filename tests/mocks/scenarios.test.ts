import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error.ts';
import { DEFAULT_QUERY } from '../../src/api/ctgov/default-query.ts';
import {
  MAX_CONSECUTIVE_EMPTY_PAGES,
  fetchAllStudies,
  type FetchAllOptions,
} from '../../src/api/ctgov/studies.ts';
import { normalizeStudies } from '../../src/domain/normalize-study.ts';
import { scaleHandlers, scenarioHandlers, SMALL_PAGE_SIZE } from '../../mocks/scenarios.ts';
import { server } from '../../mocks/node.ts';

const instant: FetchAllOptions = { retry: { retries: 2, sleep: () => Promise.resolve() } };

async function pull(options: FetchAllOptions = instant) {
  return fetchAllStudies(DEFAULT_QUERY, options);
}

describe('mock fault scenarios (the same handlers the browser tests use)', () => {
  it('serves the healthy result in several pages when paging is forced', async () => {
    const healthy = await pull();
    server.use(...scenarioHandlers('paged'));
    const paged = await pull();
    expect(paged.pages).toBe(Math.ceil(healthy.studies.length / SMALL_PAGE_SIZE));
    expect(paged.studies).toEqual(healthy.studies);
  });

  it('repeats a study across pages, and normalizing drops the copy', async () => {
    const healthy = normalizeStudies((await pull()).studies);
    server.use(...scenarioHandlers('duplicate-across-pages'));
    const result = await pull();
    const { trials, skipped } = normalizeStudies(result.studies);
    expect(skipped).toBe(healthy.skipped + result.pages - 1);
    expect(trials.map((t) => t.nctId)).toEqual(healthy.trials.map((t) => t.nctId));
  });

  it('follows empty pages that still carry a token to every study', async () => {
    const healthy = await pull();
    server.use(...scenarioHandlers('empty-page-with-token'));
    const result = await pull();
    expect(result.studies).toEqual(healthy.studies);
    expect(result.completeness).toEqual({ complete: true });
    expect(result.emptyPages).toBe(
      result.pages - Math.ceil(healthy.studies.length / SMALL_PAGE_SIZE),
    );
  });

  it('gives up on endless empty pages and on a repeated token, saying the pull is short', async () => {
    const total = (await pull()).studies.length;
    server.use(...scenarioHandlers('empty-pages-forever'));
    const empty = await pull();
    expect(empty.pages).toBe(1 + MAX_CONSECUTIVE_EMPTY_PAGES);
    expect(empty.completeness).toMatchObject({ complete: false, read: SMALL_PAGE_SIZE, total });

    server.resetHandlers();
    server.use(...scenarioHandlers('repeated-token'));
    const repeated = await pull();
    expect(repeated.pages).toBe(2);
    expect(repeated.completeness).toMatchObject({
      complete: false,
      read: 2 * SMALL_PAGE_SIZE,
      total,
    });
  });

  it('fails once with 429, 500, 502 or 503 and then answers', async () => {
    const healthy = await pull();
    for (const scenario of [
      'rate-limited-once',
      'server-error-once',
      'bad-gateway-once',
      'unavailable-once',
    ] as const) {
      server.resetHandlers();
      server.use(...scenarioHandlers(scenario));
      const result = await pull();
      expect(result.studies, scenario).toHaveLength(healthy.studies.length);
    }
  });

  it('turns lasting faults into the matching ApiError kinds', async () => {
    const cases = [
      ['rate-limited-always', 'rate-limited'],
      ['unavailable-always', 'http'],
      ['network-error', 'network'],
      ['malformed-json', 'parse'],
      ['html-error-page', 'parse'],
      ['rejected-400', 'rejected'],
    ] as const;
    for (const [scenario, kind] of cases) {
      server.resetHandlers();
      server.use(...scenarioHandlers(scenario));
      const error: unknown = await pull({
        retry: { retries: 1, sleep: () => Promise.resolve() },
      }).catch((e: unknown) => e);
      expect(error, scenario).toBeInstanceOf(ApiError);
      expect((error as ApiError).kind, scenario).toBe(kind);
    }
  });

  it('serves n generated synthetic studies with NCT99 ids at scale', async () => {
    server.use(...scaleHandlers(1500));
    const result = await pull();
    expect(result.studies.length).toBeGreaterThan(0);
    expect(result.studies.length).toBeLessThanOrEqual(1500);
    const { trials, skipped } = normalizeStudies(result.studies);
    expect(skipped).toBe(0);
    expect(trials.every((t) => /^NCT99\d{6}$/.test(t.nctId))).toBe(true);
    expect(trials.every((t) => t.title.includes('synthetic copy'))).toBe(true);
  });
});
