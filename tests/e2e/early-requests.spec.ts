/**
 * index.html starts the day's data requests itself, before the scripts have run (src/app/early-requests.ts):
 * the live changes and /version are asked while the entry script is still downloading, and the changes are
 * classified meanwhile (its early entry, src/early-changes.ts); the app's own requests are answered by
 * those downloads, or taken over (one request each per cold visit); a repeat visit within the
 * saved copy's freshness window, and the full live pull (`?data=live`), start none of them.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { snapshotStudies } from './support/expected-data.ts';
import { PROD_URL } from './support/servers.ts';

const ENTRY_SCRIPT = /\/assets\/index-[^/]+\.js$/;
/** The early entry index.html imports (src/early-changes.ts). */
const EARLY_ENTRY = /\/assets\/early-changes-[^/]+\.js$/;
const NORMALIZER_CHUNK = /\/assets\/normalize-study-[^/]+\.js$/;

function banner(page: Page) {
  return page.getByRole('region', { name: 'Data source' });
}

type Traffic = { api: string[]; core: number };

/**
 * A stand-in API (two changed studies, /version) and a record of what the page asks: every API request
 * (path and filter) and every download of data/trials.json.
 */
async function serveLiveChanges(page: Page): Promise<Traffic> {
  const traffic: Traffic = { api: [], core: 0 };
  const changed = snapshotStudies().slice(0, 2);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/data/trials.json')) traffic.core += 1;
  });
  await page.route('**/api/v2/**', async (route: Route) => {
    const url = new URL(route.request().url());
    const filter = url.searchParams.get('filter.advanced');
    traffic.api.push(`${url.pathname.replace(/^.*\/api\/v2/, '')}${filter ? ` ${filter}` : ''}`);
    if (url.pathname.endsWith('/version')) {
      await route.fulfill({ json: { apiVersion: '2.0.5', dataTimestamp: '2026-12-03T09:00:00' } });
    } else {
      await route.fulfill({ json: { studies: changed, totalCount: changed.length } });
    }
  });
  return traffic;
}

test.describe('early requests of index.html', () => {
  test('a cold visit asks the live changes before the entry script has run, once', async ({
    page,
  }) => {
    const traffic = await serveLiveChanges(page);
    // The entry script is held back until the live changes have been asked (at most 15 s).
    let entryHeld = false;
    let deltaWhileHeld = false;
    await page.route(ENTRY_SCRIPT, async (route) => {
      entryHeld = true;
      const deadline = Date.now() + 15_000;
      while (!traffic.api.some((r) => r.startsWith('/studies')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      deltaWhileHeld = traffic.api.some((r) => r.startsWith('/studies'));
      await route.continue();
    });

    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText('2 trials updated live since', { timeout: 30_000 });
    expect(entryHeld).toBe(true);
    expect(deltaWhileHeld).toBe(true);
    // The app's requests were answered by the page's own: one of each, and the core once.
    const since = await page.locator('meta[name="hsct-snapshot-since"]').getAttribute('content');
    expect(traffic.api.sort()).toEqual([
      `/studies AREA[LastUpdatePostDate]RANGE[${since},MAX]`,
      '/version',
    ]);
    expect(traffic.core).toBe(1);
  });

  test('a cold visit classifies the live changes while the entry script is still downloading', async ({
    page,
  }) => {
    const traffic = await serveLiveChanges(page);
    // The classifier's chunk, loaded for the changed studies.
    let normalizerLoaded = false;
    page.on('requestfinished', (request) => {
      if (NORMALIZER_CHUNK.test(new URL(request.url()).pathname)) normalizerLoaded = true;
    });
    // The entry script is held back until the classifier has arrived for the changes (at most 15 s).
    let normalizerWhileHeld = false;
    await page.route(ENTRY_SCRIPT, async (route) => {
      const deadline = Date.now() + 15_000;
      while (!normalizerLoaded && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      normalizerWhileHeld = normalizerLoaded;
      await route.continue();
    });

    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText('2 trials updated live since', { timeout: 30_000 });
    expect(normalizerWhileHeld).toBe(true);
    // The app took over the changes the early entry asked: still one request each.
    expect(traffic.api.filter((r) => r.startsWith('/studies'))).toHaveLength(1);
    expect(traffic.api.filter((r) => r === '/version')).toHaveLength(1);
  });

  test('without the early entry (its download failed) the app asks the changes itself, once', async ({
    page,
  }) => {
    const traffic = await serveLiveChanges(page);
    await page.route(EARLY_ENTRY, (route) => route.abort());
    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText('2 trials updated live since', { timeout: 30_000 });
    expect(traffic.api.filter((r) => r.startsWith('/studies'))).toHaveLength(1);
    expect(traffic.core).toBe(1);
  });

  test('a repeat visit within the freshness window asks nothing: no API request, no data file', async ({
    page,
  }) => {
    const traffic = await serveLiveChanges(page);
    await page.goto(PROD_URL);
    await expect(banner(page)).toContainText('2 trials updated live since', { timeout: 30_000 });
    // The saved copy is written when the page is idle: wait for it (the app records its freshness).
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('hsct-trials-dashboard:fresh-until')), {
        timeout: 15_000,
      })
      .not.toBeNull();

    traffic.api.length = 0;
    traffic.core = 0;
    await page.reload();
    await expect(banner(page)).toContainText('2 trials updated live since', { timeout: 30_000 });
    // Give a request, if one were (wrongly) started, the time to show up.
    await page.waitForTimeout(1_000);
    expect(traffic.api).toEqual([]);
    expect(traffic.core).toBe(0);
  });

  test('?data=live asks neither the precomputed file nor the live changes', async ({ page }) => {
    const traffic = await serveLiveChanges(page);
    await page.goto(`${PROD_URL}/?data=live`);
    await expect(banner(page)).toContainText('Live from ClinicalTrials.gov', { timeout: 30_000 });
    await page.waitForTimeout(1_000);
    expect(traffic.core).toBe(0);
    expect(traffic.api.filter((r) => r.includes('LastUpdatePostDate'))).toEqual([]);
  });
});
