/**
 * Issue 7 §2 and issue 3's closing figures: how long the built app (mock build: a production bundle with
 * the API emulator) takes from "data available" (the trial count appears) to all charts drawn, and from a
 * filter click to the repaint of the charts and of the table, for the fixture set and for 5,000 generated
 * synthetic trials (?mock-scale=5000). Figures are printed as a table; only loose sanity bounds are asserted
 * (shared CI machines vary a lot).
 */
import { expect, test, type Page } from '@playwright/test';
import { MOCK_URL } from './support/servers.ts';

type Row = {
  data: string;
  trials: number;
  loadToData: number;
  dataToCharts: number;
  filterCharts: number;
  filterTable: number;
};
const rows: Row[] = [];

/** Records, from navigation start, when the count first appears and when every chart has drawn bars. */
function installMarks(): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = marks;
  const check = () => {
    if (marks.data === undefined && document.querySelector('p.active-filters-count'))
      marks.data = performance.now();
    if (marks.data !== undefined && marks.charts === undefined) {
      const grid = document.querySelector('.chart-grid');
      if (!grid || document.querySelector('.chart-grid-loading')) return;
      const panels = Array.from(grid.querySelectorAll('section.panel'));
      const svgs = grid.querySelectorAll('svg[role="img"]');
      const bars = grid.querySelectorAll('.recharts-bar-rectangle');
      if (panels.length >= 3 && svgs.length >= 3 && bars.length > 0)
        marks.charts = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

async function waitForCharts(
  page: Page,
  timeout: number,
): Promise<{ data: number; charts: number }> {
  await page.waitForFunction(
    () => (window as unknown as { __marks?: Record<string, number> }).__marks?.charts !== undefined,
    undefined,
    { timeout },
  );
  return page.evaluate(() => {
    const m = (window as unknown as { __marks: Record<string, number> }).__marks;
    return { data: m.data ?? NaN, charts: m.charts ?? NaN };
  });
}

/**
 * Clicks the "Phase 2" filter option and times until `changed()` holds (checked after every DOM mutation)
 * and the next frame is painted.
 */
async function timeFilterClick(page: Page, target: 'charts' | 'table'): Promise<number> {
  return page.evaluate(async (what) => {
    const count = () => document.querySelector('p.active-filters-count')?.textContent ?? '';
    const chartLabel = () =>
      document.querySelector('.chart-grid svg[role="img"]')?.getAttribute('aria-label') ?? '';
    const tableText = () => document.querySelector('.trial-table-summary')?.textContent ?? '';
    const before = { count: count(), chart: chartLabel(), table: tableText() };
    const option = document.querySelector<HTMLInputElement>(
      'input[type="checkbox"][value="PHASE2"]',
    );
    if (!option) throw new Error('no Phase 2 option');
    const changed = () =>
      count() !== before.count &&
      (what === 'charts'
        ? chartLabel() !== before.chart && chartLabel() !== ''
        : tableText() !== before.table);
    const t0 = performance.now();
    option.click();
    await new Promise<void>((resolve) => {
      if (changed()) return resolve();
      const observer = new MutationObserver(() => {
        if (changed()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  }, target);
}

async function measure(page: Page, label: string, search: string, timeout: number): Promise<void> {
  // Charts are drawn as they come near the viewport; a viewport taller than the page times all of them.
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.addInitScript(installMarks);
  await page.goto(`${MOCK_URL}/${search}`);
  const marks = await waitForCharts(page, timeout);
  const trials = Number(
    (
      (await page.locator('p.active-filters-count').innerText()).match(/[\d,]+/)?.[0] ?? '0'
    ).replace(/,/g, ''),
  );
  const filterCharts = await timeFilterClick(page, 'charts');
  // Undo, then time the same click on the table view.
  await timeFilterClick(page, 'charts');
  await page.getByRole('tab', { name: 'Trials table' }).click();
  await expect(page.locator('.trial-table-summary')).toBeVisible({ timeout });
  const filterTable = await timeFilterClick(page, 'table');
  rows.push({
    data: label,
    trials,
    loadToData: Math.round(marks.data),
    dataToCharts: Math.round(marks.charts - marks.data),
    filterCharts: Math.round(filterCharts),
    filterTable: Math.round(filterTable),
  });
  expect(trials).toBeGreaterThan(0);
  expect(marks.charts - marks.data).toBeLessThan(timeout);
  expect(filterCharts).toBeLessThan(timeout / 2);
  expect(filterTable).toBeLessThan(timeout / 2);
}

test.describe.serial('rendering times (mock build)', () => {
  test('fixture set', async ({ page }) => {
    await measure(page, 'fixtures', '', 20_000);
  });

  test('5,000 generated trials', async ({ page }) => {
    test.setTimeout(180_000);
    await measure(page, '5,000 synthetic', '?mock-scale=5000&therapy=all', 90_000);
  });

  test.afterAll(() => {
    console.log('\nRendering times in ms (performance.now(), mock build, headless Chromium):');
    console.table(rows);
  });
});
