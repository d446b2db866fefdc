/**
 * Issue 13, "all charts drawn <= 4 s on a phone": when the chart drawings are asked for and how they take
 * their turns. The drawings (the chart library) are requested once the first screen has been painted
 * (downloaded before it, even when run only after it, they count in Lighthouse's simulated largest
 * paint: docs/performance.md) and the files the page preloads have arrived;
 * an idle period with time to spare draws several charts, not one; what a drawing draws without
 * Recharts (its grid) stands where Recharts' did. The mock build (emulated API over the fixtures),
 * and the production build offline for a cold visit with the dataset preloaded.
 */
import { expect, test, type Page } from '@playwright/test';
import { blockLiveApi, expectTrialCount } from './support/dashboard-page.ts';
import { PROD_URL } from './support/servers.ts';

const TOTAL = 59;

/** The chunks of the chart drawings (src/features/charts/chart-drawings.tsx loads them). */
const DRAWING_CHUNK = /\/assets\/(category-bars|stacked-bar-chart|year-columns)-[^/]+\.js$/;

/**
 * When the first screen's marked elements (the result count, the chart panels' titles) were painted
 * and when the chart drawings' files were requested, once the page has drawn a chart.
 */
async function paintsAndDrawingRequests(
  page: Page,
  open: () => Promise<void>,
): Promise<{ paints: number[]; requested: number[] }> {
  await page.addInitScript(() => {
    const paints: number[] = [];
    (window as unknown as { paints: number[] }).paints = paints;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        identifier?: string;
        renderTime?: number;
      })[]) {
        if (entry.identifier === 'first-screen') paints.push(entry.renderTime || entry.startTime);
      }
    }).observe({ type: 'element', buffered: true });
  });
  await open();
  await expect(page.locator('.chart-grid svg[role="img"]').first()).toBeVisible({
    timeout: 30_000,
  });
  return page.evaluate((source) => {
    const chunk = new RegExp(source);
    const requested = performance
      .getEntriesByType('resource')
      .filter((entry) => chunk.test(entry.name))
      .map((entry) => entry.startTime);
    return { paints: (window as unknown as { paints: number[] }).paints, requested };
  }, DRAWING_CHUNK.source);
}

test('the chart drawings are requested once the first screen is painted, not before', async ({
  page,
}) => {
  const { paints, requested } = await paintsAndDrawingRequests(page, async () => {
    await page.goto('/');
    await expectTrialCount(page, TOTAL);
  });
  expect(paints.length).toBeGreaterThan(0);
  expect(requested.length).toBeGreaterThan(0);
  expect(Math.min(...requested)).toBeGreaterThanOrEqual(Math.min(...paints));
});

// Lighthouse counts a file that has arrived before the largest paint as needed for it, even a module
// that is only downloaded then and run after it (docs/performance.md, "Downloading the chart drawings
// before the first screen"); on a cold visit of the production build the dataset is preloaded by
// index.html and arrives well before that paint: the drawings still wait for the paint.
test('on a cold visit with the dataset preloaded, the drawings are not downloaded before the first screen', async ({
  page,
}) => {
  const { paints, requested } = await paintsAndDrawingRequests(page, async () => {
    await blockLiveApi(page);
    await page.goto(PROD_URL);
  });
  const preloaded = await page
    .locator('link[rel="preload"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(preloaded.some((href) => href.endsWith('/data/trials.json'))).toBe(true);
  expect(paints.length).toBeGreaterThan(0);
  expect(requested.length).toBeGreaterThan(0);
  expect(Math.min(...requested)).toBeGreaterThanOrEqual(Math.min(...paints));
});

test('an idle period with time to spare draws several charts, not one', async ({ page }) => {
  // Every idle period offers a second; each records how many charts were drawn during it.
  await page.addInitScript(() => {
    const drawn = () => document.querySelectorAll('.chart-grid .chart svg[role="img"]').length;
    const perPeriod: number[] = [];
    (window as unknown as { perPeriod: number[] }).perPeriod = perPeriod;
    window.requestIdleCallback = (callback) =>
      window.setTimeout(() => {
        const end = performance.now() + 1000;
        const before = drawn();
        callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - performance.now()) });
        perPeriod.push(drawn() - before);
      }, 1);
  });
  // Every chart is near the viewport, so every chart is waiting for its turn.
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.goto('/');
  await expectTrialCount(page, TOTAL);
  await expect(page.locator('.chart-pending')).toHaveCount(0, { timeout: 30_000 });
  const charts = await page.locator('.chart-grid .chart svg[role="img"]').count();
  expect(charts).toBeGreaterThanOrEqual(9);
  const perPeriod = await page.evaluate(
    () => (window as unknown as { perPeriod: number[] }).perPeriod,
  );
  expect(Math.max(...perPeriod)).toBeGreaterThanOrEqual(3);
  expect(perPeriod.reduce((sum, n) => sum + n, 0)).toBe(charts);
});

for (const width of [360, 1280]) {
  test(`at ${width} px every drawing, legend included, takes the height kept for it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 9000 });
    await page.goto('/');
    await expectTrialCount(page, TOTAL);
    await expect(page.locator('.chart-grid svg[role="img"]').first()).toBeVisible();
    await expect(page.locator('.chart-pending')).toHaveCount(0, { timeout: 30_000 });
    const grown = await page.locator('.chart-grid .chart').evaluateAll((charts) =>
      charts
        .filter((chart) => {
          const kept = Number.parseFloat((chart as HTMLElement).style.minHeight);
          return Math.round(chart.getBoundingClientRect().height) > kept;
        })
        .map((chart) => chart.closest('section')?.querySelector('h2')?.textContent),
    );
    expect(grown).toEqual([]);
  });
}

test('every drawing has its grid lines across the plot at the count axis ticks, under the bars', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.goto('/');
  await expectTrialCount(page, TOTAL);
  await expect(page.locator('.chart-pending')).toHaveCount(0, { timeout: 30_000 });
  const drawings = await page.locator('.chart-grid svg[role="img"]').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const grid = svg.querySelector('.recharts-cartesian-grid');
      const vertical = grid?.querySelector('.recharts-cartesian-grid-vertical') !== null;
      // The count axis: the x axis of horizontal bars, the y axis of columns.
      const axis = svg.querySelector(vertical ? '.recharts-xAxis' : '.recharts-yAxis');
      const at = (line: Element, name: string) => Math.round(Number(line.getAttribute(name)));
      const ticks = Array.from(axis?.querySelectorAll('.recharts-cartesian-axis-tick-line') ?? []);
      const lines = Array.from(grid?.querySelectorAll('line') ?? []);
      const bar = svg.querySelector('.recharts-bar-rectangle');
      return {
        name: svg.getAttribute('aria-label')?.slice(0, 40),
        ticks: ticks.map((t) => at(t, vertical ? 'x1' : 'y1')),
        lines: lines.map((l) => at(l, vertical ? 'x1' : 'y1')),
        // Each line spans the plot: as long as the other axis.
        spans: lines.every((l) =>
          vertical ? at(l, 'y1') < at(l, 'y2') : at(l, 'x1') < at(l, 'x2'),
        ),
        under: grid !== null && bar !== null && (grid.compareDocumentPosition(bar) & 4) !== 0,
      };
    }),
  );
  expect(drawings.length).toBeGreaterThan(5);
  for (const drawing of drawings) {
    expect(drawing.lines.length, drawing.name).toBeGreaterThan(1);
    expect(drawing.lines, drawing.name).toEqual(drawing.ticks);
    expect(drawing.spans, drawing.name).toBe(true);
    expect(drawing.under, drawing.name).toBe(true);
  }
});

// V8 compiles every function of a script that starts with this comment as it streams in (off the
// main thread), instead of each on its first call: the first chart draw after the chart library
// arrived cost several times the next ones (docs/performance.md, "Drawing the charts sooner after the
// library arrives").
test('the chart library chunk, and no other script, starts with V8’s eager compile hint', async ({
  page,
}) => {
  await blockLiveApi(page);
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.goto(PROD_URL);
  await expect(page.locator('.chart-grid svg[role="img"]').first()).toBeVisible({
    timeout: 30_000,
  });
  const scripts = await page.evaluate(() =>
    Promise.all(
      [...new Set(performance.getEntriesByType('resource').map((entry) => entry.name))]
        .filter((name) => new URL(name).pathname.endsWith('.js'))
        .map(async (name) => ({ name, text: await (await fetch(name)).text() })),
    ),
  );
  const hinted = (text: string) => text.startsWith('//# allFunctionsCalledOnLoad\n');
  const library = scripts.filter((script) => script.text.includes('recharts-surface'));
  expect(library).toHaveLength(1);
  expect(hinted(library[0]?.text ?? '')).toBe(true);
  expect(scripts.filter((script) => hinted(script.text)).map((script) => script.name)).toEqual(
    library.map((script) => script.name),
  );
});
