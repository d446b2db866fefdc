/**
 * Issue 2 in the browser: the three core charts are drawn and show the numbers the domain code computes
 * from the same data, in the mock build (emulated live API over the fixtures) and in the production build
 * offline (bundled snapshot after the live API fails).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  CORE_CHARTS,
  barCount,
  blockLiveApi,
  chartPanel,
  collectPageErrors,
  expectTrialCount,
  nonZero,
  readChartTable,
} from './support/dashboard-page.ts';
import {
  expectedFor,
  mockLiveStudies,
  snapshotStudies,
  type Expected,
} from './support/expected-data.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';

/** Trials shown by default, hard-coded so a change in the shared domain code also shows up here. */
const MOCK_TOTAL = 59;
const SNAPSHOT_TOTAL = 44;

async function expectCoreCharts(page: Page, expected: Expected): Promise<void> {
  for (const title of CORE_CHARTS) {
    const panel = chartPanel(page, title);
    await expect(panel).toBeVisible();
    await panel.scrollIntoViewIfNeeded(); // charts are drawn as they come near the viewport
    await expect(panel.locator('svg[role="img"]')).toBeVisible();
    expect(await barCount(panel), `${title}: bars drawn`).toBeGreaterThan(0);
  }
  const disease = await readChartTable(chartPanel(page, 'Trials by disease'), 'Trials');
  expect(nonZero(disease)).toEqual(nonZero(expected.disease));
  const type = await readChartTable(chartPanel(page, 'Trials by transplant type'), 'Total');
  expect(nonZero(type)).toEqual(nonZero(expected.type));
  const phase = await readChartTable(chartPanel(page, 'Trials by phase'), 'Trials');
  expect(nonZero(phase)).toEqual(nonZero(expected.phase));
}

test.describe('dashboard charts', () => {
  test('the mock build draws the three charts with the counts of the emulated API', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto(MOCK_URL);
    await expect(page.getByText(/Emulated API/)).toBeVisible({ timeout: 30_000 });
    const expected = expectedFor(await mockLiveStudies(page));
    expect(expected.total).toBe(MOCK_TOTAL);
    await expectTrialCount(page, MOCK_TOTAL);
    await expect(page.getByRole('region', { name: 'Summary figures' })).toContainText(
      String(MOCK_TOTAL),
    );
    await expectCoreCharts(page, expected);
    expect(errors).toEqual([]);
  });

  test('offline, the production build draws the same charts from the bundled snapshot', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const expected = expectedFor(snapshotStudies());
    expect(expected.total).toBe(SNAPSHOT_TOTAL);
    await blockLiveApi(page);
    await page.goto(PROD_URL);
    // The first-screen status line says the data is offline and bundled; its Details say what it is.
    const source = page.getByRole('region', { name: 'Data source' });
    await expect(
      source.getByText(/^Offline (snapshot|sample) from .+ — live API unreachable\.$/),
    ).toBeVisible({ timeout: 30_000 });
    await source.getByRole('button', { name: 'Details' }).click();
    await expect(source.getByText(/bundled/i).first()).toBeVisible();
    await expectTrialCount(page, SNAPSHOT_TOTAL);
    await expectCoreCharts(page, expected);
    expect(errors).toEqual([]);
  });
});

test.describe('filter panel layout', () => {
  /** Labels of filter options whose content is taller than the row drawn for them (squeezed, overlapping). */
  async function squeezedOptions(page: Page): Promise<string[]> {
    return page
      .locator('.filters-facet-option')
      .evaluateAll((rows) =>
        rows
          .filter((row) => row.scrollHeight > row.clientHeight + 1)
          .map((row) => row.textContent ?? ''),
      );
  }

  for (const width of [1280, 360]) {
    test(`every option's label fits its row, also when it wraps (${width} px)`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(MOCK_URL);
      await expectTrialCount(page, MOCK_TOTAL);
      const show = page.getByRole('button', { name: 'Show filters' });
      if (await show.isVisible()) await show.click();
      const disease = page.getByRole('group', { name: 'Disease', exact: true });
      await expect(
        disease.getByRole('checkbox', { name: /Systemic lupus erythematosus/ }),
      ).toBeAttached();
      // At least one label wraps at this width, so the check is not vacuous.
      const heights = await disease
        .locator('.filters-facet-option')
        .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights) * 1.5);
      expect(await squeezedOptions(page)).toEqual([]);
      await context.close();
    });
  }
});

test.describe('share dialog loaded on first use', () => {
  test('is not loaded with the page; a failed load says so, keeps the toolbar, and Try again opens it', async ({
    page,
  }) => {
    // A retry may ask for the chunk with a query string (the browser keeps a failed import by URL).
    const dialogChunk = /\/assets\/share-dialog-modal-[^/?]*\.js(\?.*)?$/;
    const requested: string[] = [];
    page.on('request', (request) => {
      if (dialogChunk.test(request.url())) requested.push(request.url());
    });
    let failLoads = true;
    // The production build: the mock build's service worker would answer before page.route could.
    await blockLiveApi(page);
    await page.route(dialogChunk, (route) => (failLoads ? route.abort() : route.continue()));
    await page.goto(PROD_URL);
    await expectTrialCount(page, SNAPSHOT_TOTAL);
    const share = page.getByRole('button', { name: 'Share or embed' });
    await expect(share).toBeVisible();
    expect(requested).toEqual([]);

    await share.click();
    await expect(page.getByRole('alert')).toContainText('The share dialog could not be loaded.');
    await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();

    failLoads = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
  });
});
