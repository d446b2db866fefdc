/**
 * Issue 5 in Chromium: one data path with a clear source (offline fallback with Retry, a snapshot's date),
 * instant repeat visits from the IndexedDB cache, and "what changed since my last visit".
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  barCount,
  blockLiveApi,
  chartPanel,
  collectPageErrors,
  openStatusDetails,
} from './support/dashboard-page.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';

const SEEN_KEY = 'hsct-trials-dashboard:seen';
const BAR = 'svg .recharts-bar-rectangle path, svg path.recharts-rectangle';

function banner(page: Page) {
  return page.getByRole('region', { name: 'Data source' });
}

/** Records, from the start of each page load, when the first chart bar appeared (ms since navigation start). */
async function timeFirstBar(page: Page): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { __firstBarMs?: number; __dataMs?: number };
    const observer = new MutationObserver(() => {
      if (w.__dataMs === undefined && document.querySelector('[aria-label="Data source"]')) {
        w.__dataMs = performance.now();
      }
      if (w.__firstBarMs === undefined && document.querySelector(selector)) {
        w.__firstBarMs = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, BAR);
}

/** Ms from navigation start to the first chart bar, and to the data on screen (the source banner). */
async function firstBarMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __firstBarMs?: number }).__firstBarMs,
    undefined,
    { timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

async function dataShownMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __dataMs?: number }).__dataMs ?? NaN);
}

/** Whether the dataset query has been saved in IndexedDB (see src/app/query-persistence.ts). */
async function cacheSaved(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('hsct-trials-dashboard');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('query-cache')) {
            db.close();
            resolve(false);
            return;
          }
          const get = db
            .transaction('query-cache')
            .objectStore('query-cache')
            .get('hsct-trials-dashboard-query-cache');
          get.onsuccess = () => {
            db.close();
            resolve(typeof get.result === 'string' && get.result.includes('"dataset"'));
          };
          get.onerror = () => resolve(false);
        };
      }),
  );
}

test.describe('live data', () => {
  test('offline, the production build says so, offers Retry and draws the charts from the bundled data', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await blockLiveApi(page);
    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText(
      /Offline (sample|snapshot) from .+ — live API unreachable/,
      {
        timeout: 30_000,
      },
    );
    const retry = banner(page).getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible();
    await expect(page.getByText(/^Updated just now/)).toBeVisible();
    await chartPanel(page, 'Trials by disease').scrollIntoViewIfNeeded();
    await expect(chartPanel(page, 'Trials by disease').locator('svg[role="img"]')).toBeVisible();
    await expect.poll(() => barCount(chartPanel(page, 'Trials by disease'))).toBeGreaterThan(0);

    // Retry asks the live API again (still blocked here) and keeps the offline data on screen.
    let liveRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v2/studies')) liveRequests += 1;
    });
    await retry.click();
    await expect.poll(() => liveRequests).toBeGreaterThan(0);
    await expect(banner(page)).toContainText('live API unreachable');
    await expect(banner(page).getByRole('button', { name: 'Retry' })).toBeVisible();

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the production page preloads its precomputed dataset and carries that file's data date", async ({
    request,
  }) => {
    // The date lets the page ask the live changes while the file downloads (docs/hosting.md).
    const html = await (await request.get(`${PROD_URL}/`)).text();
    expect(html).toMatch(/<link rel="preload" href="\/data\/trials\.json" as="fetch" crossorigin/);
    // Only the core is preloaded: the site lists are asked after it.
    expect(html).not.toContain('trial-sites.json');
    const since = /<meta name="hsct-snapshot-since" content="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
    const file = (await (await request.get(`${PROD_URL}/data/trials.json`)).json()) as {
      meta: { dataTimestamp?: string; capturedAt: string; contentHash: string };
    };
    expect(since).toBe((file.meta.dataTimestamp ?? file.meta.capturedAt).slice(0, 10));
    // The site lists served next to it belong to that core.
    const sites = (await (await request.get(`${PROD_URL}/data/trial-sites.json`)).json()) as {
      meta: { format: string; coreHash: string };
    };
    expect(sites.meta).toMatchObject({
      format: 'hsct-trials-sites',
      coreHash: file.meta.contentHash,
    });
  });

  test('the site lists are asked once the core has arrived, not before the first draw', async ({
    page,
  }) => {
    await blockLiveApi(page);
    const times: Record<string, number> = {};
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('/data/trials.json')) times.coreDone = Date.now();
    });
    page.on('request', (r) => {
      if (r.url().endsWith('/data/trial-sites.json')) times.sitesAsked = Date.now();
    });
    await page.goto(PROD_URL);
    await expect(page.locator('p.active-filters-count').first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => times.sitesAsked, { timeout: 10_000 }).toBeDefined();
    expect(times.sitesAsked).toBeGreaterThanOrEqual(times.coreDone ?? Infinity);
  });

  test('a dataset made by npm run snapshot is shown offline with its date', async ({ page }) => {
    await blockLiveApi(page);
    // The page draws the precomputed dataset (data/trials.json) that npm run snapshot writes next to the raw file.
    await page.route('**/data/trials.json', async (route) => {
      const response = await route.fetch();
      const dataset = (await response.json()) as {
        meta: Record<string, unknown>;
        trials: unknown[];
      };
      dataset.meta = {
        ...dataset.meta,
        kind: 'snapshot',
        source: 'ClinicalTrials.gov API v2 (npm run snapshot)',
        capturedAt: '2026-01-15T03:12:00.000Z',
        dataTimestamp: '2026-01-14T09:00:00',
      };
      await route.fulfill({ response, json: dataset });
    });
    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText(
      'Offline snapshot from 14 January 2026 — live API unreachable',
      {
        timeout: 30_000,
      },
    );
    await expect(banner(page)).toContainText(
      /Showing the bundled snapshot of [\d,]+ trial records from ClinicalTrials\.gov/,
    );
    await expect(banner(page)).toContainText(
      'No trial is marked as updated: the live changes since 14 January 2026 could not be read.',
    );
    await expect.poll(() => barCount(chartPanel(page, 'Trials by phase'))).toBeGreaterThan(0);
  });

  test('a repeat visit draws the charts from the saved dataset without asking the API', async ({
    page,
  }) => {
    // Charts are drawn as they come near the viewport: a tall window has the first one in view.
    await page.setViewportSize({ width: 1280, height: 1400 });
    const errors = collectPageErrors(page);
    await timeFirstBar(page);
    const studyRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v2/studies')) studyRequests.push(request.url());
    });

    await page.goto(MOCK_URL);
    const firstVisitMs = await firstBarMs(page);
    const firstDataMs = await dataShownMs(page);
    await expect(page.getByText(/Emulated API/)).toBeVisible();
    expect(studyRequests.length).toBeGreaterThan(0);
    await expect.poll(() => cacheSaved(page), { timeout: 10_000 }).toBe(true);

    studyRequests.length = 0;
    await page.reload();
    const repeatVisitMs = await firstBarMs(page);
    const repeatDataMs = await dataShownMs(page);
    await expect(page.getByText(/Emulated API/)).toBeVisible();
    await expect(page.getByText(/^Updated (just now|\d+ min ago)/)).toBeVisible();
    expect(await barCount(chartPanel(page, 'Trials by disease'))).toBeGreaterThan(0);
    // Give a background revalidation, if one were (wrongly) started, the time to show up.
    await page.waitForTimeout(500);
    expect(studyRequests).toEqual([]);

    console.log(
      `mock build, time to data on screen / first chart bar: first visit ${Math.round(firstDataMs)} / ${Math.round(firstVisitMs)} ms, repeat visit from cache ${Math.round(repeatDataMs)} / ${Math.round(repeatVisitMs)} ms`,
    );
    expect(errors).toEqual([]);
  });

  test('offline, a repeat visit shows the saved copy at once and still tries the live API first', async ({
    page,
  }) => {
    // Charts are drawn as they come near the viewport: a tall window has the first one in view.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await timeFirstBar(page);
    let liveRequests = 0;
    await page.route('**/api/v2/**', (route) => {
      liveRequests += 1;
      return route.abort();
    });
    await page.goto(PROD_URL);
    const firstVisitMs = await firstBarMs(page);
    const firstDataMs = await dataShownMs(page);
    await expect(banner(page)).toContainText('live API unreachable');
    await expect.poll(() => cacheSaved(page), { timeout: 10_000 }).toBe(true);

    liveRequests = 0;
    await page.reload();
    const repeatVisitMs = await firstBarMs(page);
    const repeatDataMs = await dataShownMs(page);
    await expect(banner(page)).toContainText('live API unreachable');
    await expect.poll(() => liveRequests).toBeGreaterThan(0);
    console.log(
      `offline production build, time to data on screen / first chart bar: first visit ${Math.round(firstDataMs)} / ${Math.round(firstVisitMs)} ms, repeat visit from cache ${Math.round(repeatDataMs)} / ${Math.round(repeatVisitMs)} ms`,
    );
  });

  test('trials new or changed since the last visit are marked, can be filtered, and Mark all as seen clears them', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    // First visit: nothing marked; leaving the page stores what was seen.
    await page.goto(`${MOCK_URL}/?view=table`);
    const table = page.getByRole('table', { name: 'Trials' });
    await expect(table).toBeVisible({ timeout: 30_000 });
    await openStatusDetails(page);
    const panel = page.getByRole('region', { name: 'Since your last visit' });
    await expect(panel).toContainText('First visit from this browser');
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const stored = await page.evaluate((key) => localStorage.getItem(key), SEEN_KEY);
    expect(stored).not.toBeNull();
    const baseline = JSON.parse(stored ?? '') as {
      version: number;
      savedAt: string;
      trials: Record<string, { status: string; siteCount: number; lastUpdated?: string }>;
    };
    const ids = (await table.getByRole('rowheader').allInnerTexts()).slice(0, 4);
    expect(ids).toHaveLength(4);
    const [new1, new2, changed1, changed2] = ids as [string, string, string, string];
    const total = (await page.getByText(/^Showing 1–/).innerText()).match(
      /of ([\d,]+) trials/,
    )?.[1];

    // The last visit, as it would have been stored: two trials unknown then, two with another status.
    delete baseline.trials[new1];
    delete baseline.trials[new2];
    for (const id of [changed1, changed2]) {
      const seen = baseline.trials[id];
      if (!seen) throw new Error(`${id} not in the stored baseline`);
      seen.status = seen.status === 'WITHDRAWN' ? 'RECRUITING' : 'WITHDRAWN';
      seen.lastUpdated = '2020-01-01';
    }
    baseline.savedAt = '2026-02-01T08:00:00.000Z';
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      SEEN_KEY,
      JSON.stringify(baseline),
    ] as const);

    await page.reload();
    await expect(table).toBeVisible({ timeout: 30_000 });
    // The status line says it in short; its details hold the panel.
    await expect(
      page
        .getByRole('region', { name: 'Data source' })
        .getByText('Since your last visit: 2 new, 2 changed'),
    ).toBeVisible();
    await openStatusDetails(page);
    await expect(panel).toContainText(
      'Compared with your last visit on 1 February 2026: 2 new trials, 2 changed trials',
    );
    const row = (id: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id }) });
    await expect(row(new1)).toContainText('New');
    await expect(row(new2)).toContainText('New');
    await expect(row(changed1)).toContainText(
      /Changed.*Status: Withdrawn → |Changed.*Status: Recruiting → /,
    );
    await expect(row(changed2)).toContainText('Last updated: 2020-01-01 →');

    await panel.getByRole('button', { name: 'Only new (2)' }).click();
    await expect(page).toHaveURL(/[?&]changed=new(&|$)/);
    await expect(page.getByText(/^Showing 1–2 of 2 trials/)).toBeVisible();
    // Row order follows the table sort.
    expect((await table.getByRole('rowheader').allInnerTexts()).sort()).toEqual(
      [new1, new2].sort(),
    );

    await panel.getByRole('button', { name: 'Mark all as seen' }).click();
    await expect(page).not.toHaveURL(/changed=/);
    await expect(page.getByText(new RegExp(`^Showing 1–[\\d,]+ of ${total} trials`))).toBeVisible();
    await expect(table.locator('.change-badge')).toHaveCount(0);
    await expect(panel).toContainText('0 new trials, 0 changed trials');
    expect(errors).toEqual([]);
  });
});
