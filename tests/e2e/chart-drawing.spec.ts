/**
 * Issue 13, "all charts drawn <= 4 s on a phone": when the chart drawings are asked for and how they take
 * their turns. The drawings (the chart library) are requested as soon as the files the page preloads have
 * arrived, not once the chart panels are on the page; an idle period with time to spare draws several
 * charts, not one. The mock build (emulated API over the fixtures).
 */
import { expect, test } from '@playwright/test';
import { expectTrialCount } from './support/dashboard-page.ts';

const TOTAL = 59;

/** The chunks of the chart drawings (src/features/charts/chart-drawings.tsx loads them). */
const DRAWING_CHUNK = /\/assets\/(category-bars|stacked-bar-chart|year-columns)-[^/]+\.js$/;

test('the chart drawings are requested before the chart panels are on the page', async ({
  page,
}) => {
  // When the chart grid is first in the page (from navigation start).
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.chart-grid')) return;
      (window as unknown as { gridAt: number }).gridAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await expectTrialCount(page, TOTAL);
  await expect(page.locator('.chart-grid svg[role="img"]').first()).toBeVisible();
  const { gridAt, requested } = await page.evaluate((source) => {
    const chunk = new RegExp(source);
    const starts = performance
      .getEntriesByType('resource')
      .filter((entry) => chunk.test(entry.name))
      .map((entry) => entry.startTime);
    return { gridAt: (window as unknown as { gridAt: number }).gridAt, requested: starts };
  }, DRAWING_CHUNK.source);
  expect(requested.length).toBeGreaterThan(0);
  expect(Math.min(...requested)).toBeLessThan(gridAt);
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
