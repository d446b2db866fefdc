/**
 * index.html's inline script of early requests (src/app/early-requests.ts), run as the browser runs it:
 * it preloads every address of its meta tags unless the saved copy is fresh (a valid marker) or the URL
 * asks for the full live pull. Anything odd in the marker counts as "not fresh".
 */
import { runInNewContext } from 'node:vm';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node.ts';
import { DEFAULT_QUERY } from '../../src/api/ctgov/default-query.ts';
import { fetchAllStudies } from '../../src/api/ctgov/studies.ts';
import {
  EARLY_REQUESTS_SCRIPT,
  earlyRequestUrls,
  FRESH_UNTIL_KEY,
  FRESHNESS_WINDOW_MS,
} from '../../src/app/early-requests.ts';
import { liveChangesQuery } from '../../src/domain/precomputed-dataset.ts';

const NOW = Date.UTC(2026, 11, 4, 10, 0, 0);
const URLS = [
  '/data/trials.json',
  'https://api.example/studies?x=1&y=2',
  'https://api.example/version',
];

type Link = { rel?: string; as?: string; crossOrigin?: string; href?: string };

const EARLY_MODULE = '/assets/early-changes-abc123.js';

/**
 * Runs the script in a page with `search`, `saved` (or a throwing storage) under the marker key, and the
 * early entry's meta tag unless `earlyModule` is false. Returns the links it added and what it imported.
 */
async function runPage(options: {
  saved?: string | null;
  search?: string;
  storageThrows?: boolean;
  earlyModule?: boolean;
}): Promise<{ links: Link[]; imported: string[] }> {
  const links: Link[] = [];
  const imported: string[] = [];
  const early = { getAttribute: (name: string) => (name === 'content' ? EARLY_MODULE : null) };
  const metas = URLS.map((url) => ({
    getAttribute: (name: string) => (name === 'content' ? url : null),
  }));
  const page = {
    Date: { now: () => NOW },
    URLSearchParams,
    location: { search: options.search ?? '' },
    localStorage: {
      getItem: (key: string) => {
        if (options.storageThrows) throw new Error('SecurityError');
        return key === FRESH_UNTIL_KEY ? (options.saved ?? null) : null;
      },
    },
    document: {
      querySelectorAll: (selector: string) =>
        selector === 'meta[name="hsct-preload"]' ? metas : [],
      querySelector: (selector: string) =>
        selector === 'meta[name="hsct-early-module"]' && options.earlyModule !== false
          ? early
          : null,
      createElement: (): Link => ({}),
      head: { appendChild: (link: Link) => links.push(link) },
    },
  };
  // The page's import(), as a function the test can see (vm runs import() only with a Node flag):
  // recorded, then failed, as a failed download would, which must cost nothing.
  const script = EARLY_REQUESTS_SCRIPT.replace(/\bimport\(/g, 'pageImport(');
  runInNewContext(script, {
    ...page,
    pageImport: (specifier: string) => {
      imported.push(specifier);
      return Promise.reject(new Error('no modules here'));
    },
  });
  // Let a rejected import surface (an unhandled rejection would fail the test run).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { links, imported };
}

/** The links the script adds. */
async function runScript(options: Parameters<typeof runPage>[0]): Promise<Link[]> {
  return (await runPage(options)).links;
}

describe('the early requests script', () => {
  it('preloads every address, as fetches with CORS, on a first visit', async () => {
    expect(await runScript({})).toEqual(
      URLS.map((href) => ({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href })),
    );
  });

  it('preloads nothing while the saved copy is fresh', async () => {
    expect(await runScript({ saved: String(NOW + 1) })).toEqual([]);
    expect(await runScript({ saved: String(NOW + FRESHNESS_WINDOW_MS) })).toEqual([]);
  });

  it.each([
    ['past', String(NOW - 1)],
    ['ending now', String(NOW)],
    ['more than one window ahead', String(NOW + FRESHNESS_WINDOW_MS + 1)],
    ['not a number', 'soon'],
    ['a number with a fraction', `${NOW + 1000}.5`],
    ['negative', String(-(NOW + 1000))],
    ['JSON', JSON.stringify({ until: NOW + 1000 })],
    ['empty', ''],
    ['padded', ` ${NOW + 1000}`],
    ['too long', '9'.repeat(40)],
  ])('treats a marker %s as not fresh and preloads', async (_, saved) => {
    expect(await runScript({ saved })).toHaveLength(URLS.length);
  });

  it('preloads when the storage cannot be read', async () => {
    expect(await runScript({ storageThrows: true })).toHaveLength(URLS.length);
  });

  it('preloads nothing for the full live pull (?data=live, as the app reads it)', async () => {
    expect(await runScript({ search: '?data=live' })).toEqual([]);
    expect(await runScript({ search: '?view=patient&data=LIVE' })).toEqual([]);
    expect(await runScript({ search: '?data=snapshot' })).toHaveLength(URLS.length);
  });
});

describe('the early entry', () => {
  it('is imported by the one import() of the script', () => {
    expect(EARLY_REQUESTS_SCRIPT.match(/\bimport\(/g)).toHaveLength(1);
  });

  it('is imported on a cold visit, after the preloads', async () => {
    const { links, imported } = await runPage({});
    expect(links).toHaveLength(URLS.length);
    expect(imported).toEqual([EARLY_MODULE]);
  });

  it('is not imported when the page will not ask the changes', async () => {
    expect((await runPage({ saved: String(NOW + 1) })).imported).toEqual([]);
    expect((await runPage({ search: '?data=live' })).imported).toEqual([]);
  });

  it('is not imported when the page names none (a build without a data date)', async () => {
    expect(await runPage({ earlyModule: false })).toEqual({
      links: URLS.map((href) => ({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href })),
      imported: [],
    });
  });
});

describe('earlyRequestUrls', () => {
  it('is the core, then exactly the first page the app asks for the live changes, then /version', async () => {
    const since = '2026-12-02';
    const asked: string[] = [];
    server.use(
      http.get('https://api.example/v2/studies', ({ request }) => {
        asked.push(request.url);
        return HttpResponse.json({ studies: [], totalCount: 0 });
      }),
    );
    await fetchAllStudies(liveChangesQuery(DEFAULT_QUERY, since), {
      baseUrl: 'https://api.example/v2',
    });
    expect(asked).toHaveLength(1);
    expect(
      earlyRequestUrls({ base: '/hsct/', apiBaseUrl: 'https://api.example/v2', since }),
    ).toEqual(['/hsct/data/trials.json', asked[0], 'https://api.example/v2/version']);
  });

  it('is only the core without a data date', () => {
    expect(
      earlyRequestUrls({ base: '/', apiBaseUrl: 'https://api.example/v2', since: undefined }),
    ).toEqual(['/data/trials.json']);
  });
});
