/**
 * Issue 12 ("Nothing lost, nothing forged") checked against the built sites, as an attacker, a flaky API
 * and a damaged browser profile would: no page of the site runs script named by a URL parameter and every
 * shipped HTML file carries the app's Content-Security-Policy; the live pull through a stand-in API with a
 * 429 and an empty page in mid-stream shows every study.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Route } from '@playwright/test';
import {
  blockLiveApi,
  collectPageErrors,
  expectTrialCount,
  readTrialCount,
} from './support/dashboard-page.ts';
import { DAMAGED_TRIAL_FIELDS } from '../damaged-trial-fields.ts';
import { snapshotStudies } from './support/expected-data.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';

const slot = Number(process.env.E2E_SLOT ?? 0);
/** The folders playwright.config.ts builds the two sites into. */
const BUILDS = [
  { name: 'production build', url: PROD_URL, dir: `dist-e2e-${slot}` },
  { name: 'mock build', url: MOCK_URL, dir: `dist-e2e-mock-${slot}` },
] as const;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

function cspOf(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
}

test.describe('no page of the site runs script it did not ship', () => {
  for (const build of BUILDS) {
    test(`${build.name}: every HTML file carries the app's Content-Security-Policy`, () => {
      const files = htmlFiles(build.dir);
      expect(files).toContain('index.html');
      const appCsp = cspOf(readFileSync(path.join(build.dir, 'index.html'), 'utf8'));
      expect(appCsp).toContain("script-src 'self'");
      for (const file of files) {
        expect(cspOf(readFileSync(path.join(build.dir, file), 'utf8')), file).toBe(appCsp);
      }
    });
  }

  test('the production build ships no mock service worker, the mock build does', () => {
    expect(existsSync(path.join(BUILDS[0].dir, 'mockServiceWorker.js'))).toBe(false);
    expect(existsSync(path.join(BUILDS[1].dir, 'mockServiceWorker.js'))).toBe(true);
  });

  test('a foreign script URL in any parameter of any page runs no foreign script', async ({
    page,
  }) => {
    // A foreign site that serves script at every path and records who asked.
    const hits: string[] = [];
    const foreign: Server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response
        .writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' })
        .end('window.__foreign = (window.__foreign || 0) + 1; document.title = "FORGED";');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const { port } = foreign.address() as AddressInfo;
    const evil = `http://127.0.0.1:${port}/x/`;
    const names = [
      'app',
      'src',
      'script',
      'url',
      'base',
      'api',
      'origins',
      'embed',
      'mock-scenario',
    ];
    try {
      for (const file of htmlFiles(BUILDS[0].dir)) {
        const query = new URLSearchParams(names.map((name) => [name, evil]));
        for (const search of [query.toString(), `embed=1&${query.toString()}`]) {
          await page.goto(`${PROD_URL}/${file}?${search}`);
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => (window as { __foreign?: number }).__foreign)).toBe(
            undefined,
          );
        }
      }
      // The demo host page, which loads <app>/embed.js, is not part of the site.
      const demo = await page.request.get(`${PROD_URL}/embed-demo.html`);
      expect(await demo.text()).not.toContain('embed-demo.js');
      expect(hits).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => foreign.close(() => resolve()));
    }
  });
});

test.describe('the live pull through a flaky stand-in API', () => {
  test('40 studies, 7 per page, with a 429 and an empty page carrying a token: all 40 shown live', async ({
    page,
  }) => {
    const studies = snapshotStudies().slice(0, 40);
    const PAGE = 7;
    let rateLimited = false;
    const tokensAsked: (string | null)[] = [];
    const pageAt = (index: number, next: string | undefined) => ({
      studies: studies.slice(index * PAGE, (index + 1) * PAGE),
      ...(next === undefined ? {} : { nextPageToken: next }),
    });
    await page.route('**/api/v2/**', async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('/version')) {
        await route.fulfill({
          json: { apiVersion: '2.0.5', dataTimestamp: '2026-12-01T09:00:00' },
        });
        return;
      }
      const token = url.searchParams.get('pageToken');
      tokensAsked.push(token);
      if (token === 'p2' && !rateLimited) {
        rateLimited = true;
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': '1' },
          body: 'Too Many Requests',
        });
        return;
      }
      if (token === null) {
        await route.fulfill({ json: { ...pageAt(0, 'p1'), totalCount: studies.length } });
      } else if (token === 'p3') {
        // Empty, yet it points further: the rest of the studies come after it.
        await route.fulfill({ json: { studies: [], nextPageToken: 'p3-after-empty' } });
      } else {
        const index = token === 'p3-after-empty' ? 3 : Number(token.slice(1));
        const last = (index + 1) * PAGE >= studies.length;
        await route.fulfill({ json: pageAt(index, last ? undefined : `p${index + 1}`) });
      }
    });
    const errors = collectPageErrors(page);

    // The full live pull (the default page draws the bundled snapshot and asks only for the changes).
    await page.goto(`${PROD_URL}/?therapy=all&hidden=1&data=live`);

    await expect(page.getByText('Live from ClinicalTrials.gov')).toBeVisible({ timeout: 30_000 });
    await expectTrialCount(page, 40);
    expect(tokensAsked).toEqual([null, 'p1', 'p2', 'p2', 'p3', 'p3-after-empty', 'p4', 'p5']);
    expect(errors).toEqual([]);
  });
});

test.describe('a damaged saved copy', () => {
  test('trials that lost their array fields: the dashboard is back after at most one reload', async ({
    page,
  }) => {
    await blockLiveApi(page);
    const errors = collectPageErrors(page);
    await page.goto(PROD_URL);
    const shown = await readTrialCount(page);
    // Wait for the persister (throttled) to save the dataset, then damage every saved trial in place.
    const damaged = await page.evaluate(async (fields: readonly string[]) => {
      const open = (): Promise<IDBDatabase> =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('hsct-trials-dashboard');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
        });
      const run = <T>(
        db: IDBDatabase,
        mode: IDBTransactionMode,
        op: (s: IDBObjectStore) => IDBRequest<T>,
      ) =>
        new Promise<T>((resolve, reject) => {
          const request = op(db.transaction('query-cache', mode).objectStore('query-cache'));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
        });
      const key = 'hsct-trials-dashboard-query-cache';
      for (let i = 0; i < 100; i += 1) {
        const db = await open();
        const text = await run<unknown>(db, 'readonly', (s) => s.get(key));
        type Saved = {
          clientState?: { queries?: { state: { data: { trials: Record<string, unknown>[] } } }[] };
        };
        const client = typeof text === 'string' ? (JSON.parse(text) as Saved) : undefined;
        const queries = client?.clientState?.queries ?? [];
        if (queries.length > 0) {
          for (const query of queries) {
            for (const trial of query.state.data.trials) {
              for (const field of fields) delete trial[field];
            }
          }
          await run(db, 'readwrite', (s) => s.put(JSON.stringify(client), key));
          db.close();
          return queries.length;
        }
        db.close();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return 0;
    }, DAMAGED_TRIAL_FIELDS);
    expect(damaged).toBe(1);

    await page.reload();

    await expectTrialCount(page, shown);
    await expect(page.getByText(/could not be shown/)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
