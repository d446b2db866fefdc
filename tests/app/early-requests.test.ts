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

/** Runs the script in a page with `search`, and `saved` (or a throwing storage) under the marker key. */
function runScript(options: { saved?: string | null; search?: string; storageThrows?: boolean }) {
  const links: Link[] = [];
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
      createElement: (): Link => ({}),
      head: { appendChild: (link: Link) => links.push(link) },
    },
  };
  runInNewContext(EARLY_REQUESTS_SCRIPT, page);
  return links;
}

describe('the early requests script', () => {
  it('preloads every address, as fetches with CORS, on a first visit', () => {
    expect(runScript({})).toEqual(
      URLS.map((href) => ({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href })),
    );
  });

  it('preloads nothing while the saved copy is fresh', () => {
    expect(runScript({ saved: String(NOW + 1) })).toEqual([]);
    expect(runScript({ saved: String(NOW + FRESHNESS_WINDOW_MS) })).toEqual([]);
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
  ])('treats a marker %s as not fresh and preloads', (_, saved) => {
    expect(runScript({ saved })).toHaveLength(URLS.length);
  });

  it('preloads when the storage cannot be read', () => {
    expect(runScript({ storageThrows: true })).toHaveLength(URLS.length);
  });

  it('preloads nothing for the full live pull (?data=live, as the app reads it)', () => {
    expect(runScript({ search: '?data=live' })).toEqual([]);
    expect(runScript({ search: '?view=patient&data=LIVE' })).toEqual([]);
    expect(runScript({ search: '?data=snapshot' })).toHaveLength(URLS.length);
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
