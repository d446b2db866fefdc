/**
 * Issue 13, "filter to repaint": a filter click redraws the charts on screen at once; a chart far
 * off-screen may keep its drawing (hidden, marked busy) until it comes near, the page is idle, focus
 * moves into its panel or the page is printed, and then shows the same data as if it had been redrawn
 * with the click. The mock build (emulated API over the fixtures).
 */
import { expect, test, type Page } from '@playwright/test';
import { barCount, chartPanel, expectTrialCount, resultCount } from './support/dashboard-page.ts';

const TOTAL = 59;

/** The summary (aria-label) of every drawn chart, by its panel's heading. */
function chartSummaries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('section.panel')).flatMap((panel) => {
        const svg = panel.querySelector('.chart svg[role="img"]');
        const title = panel.querySelector('h2')?.textContent ?? '';
        return svg ? [[title, svg.getAttribute('aria-label') ?? '']] : [];
      }),
    ),
  );
}

/** Opens the dashboard with every chart drawn, in a 1280x800 viewport scrolled to the top. */
async function openWithEveryChartDrawn(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.goto('/');
  await expectTrialCount(page, TOTAL);
  await expect(page.locator('.chart-grid svg[role="img"]').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('.chart-pending')).toHaveCount(0, { timeout: 30_000 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.chart-stale')).toHaveCount(0);
}

test.describe('a filter click repaints the charts', () => {
  test('charts on screen show the new data at once; held charts catch up on focus, print and idle', async ({
    page,
  }) => {
    await openWithEveryChartDrawn(page);
    const before = await chartSummaries(page);
    const disease = page.getByRole('group', { name: 'Disease', exact: true });
    const option = disease.getByRole('checkbox').first();
    await page.evaluate(() => document.querySelector('.chart-grid')?.scrollIntoView());
    const onScreen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section.panel'))
        .filter((panel) => {
          const chart = panel.querySelector('.chart');
          const box = chart?.getBoundingClientRect();
          return box !== undefined && box.bottom > 0 && box.top < innerHeight;
        })
        .map((panel) => panel.querySelector('h2')?.textContent ?? ''),
    );
    expect(onScreen.length).toBeGreaterThan(0);

    // One task: the click and React's synchronous commit, then focus into a held panel, then the
    // browser's "beforeprint". Nothing idle can run in between.
    const seen = await option.evaluate(async (input) => {
      const summaries = () =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('section.panel')).flatMap((panel) => {
            const svg = panel.querySelector('.chart svg[role="img"]');
            const title = panel.querySelector('h2')?.textContent ?? '';
            return svg ? [[title, svg.getAttribute('aria-label') ?? '']] : [];
          }),
        );
      const held = () =>
        Array.from(document.querySelectorAll('.chart-stale')).map(
          (chart) => chart.closest('section')?.querySelector('h2')?.textContent ?? '',
        );
      (input as HTMLInputElement).click();
      await Promise.resolve();
      const afterClick = summaries();
      const heldAfterClick = held();
      const busy = document.querySelectorAll('.chart-stale[aria-busy="true"]').length;
      const focusPanel = heldAfterClick[0];
      const panel = Array.from(document.querySelectorAll('section.panel')).find(
        (p) => p.querySelector('h2')?.textContent === focusPanel,
      );
      panel?.querySelector<HTMLButtonElement>('button[aria-controls]')?.focus();
      const heldAfterFocus = held();
      window.dispatchEvent(new Event('beforeprint'));
      return {
        afterClick,
        heldAfterClick,
        busy,
        focusPanel,
        heldAfterFocus,
        afterPrint: summaries(),
        heldAfterPrint: held(),
      };
    });

    expect(await currentCount(page)).toBeLessThan(TOTAL);
    // The charts far off-screen were held (hidden and busy), the ones on screen were not.
    expect(seen.heldAfterClick.length).toBeGreaterThan(0);
    expect(seen.busy).toBe(seen.heldAfterClick.length);
    for (const title of onScreen) expect(seen.heldAfterClick).not.toContain(title);
    // Focus into a held panel redraws its chart; printing redraws every held chart.
    expect(seen.heldAfterFocus).not.toContain(seen.focusPanel);
    expect(seen.heldAfterPrint).toEqual([]);

    // Settled (every chart redrawn as the page is idle): the truth to compare with.
    await expect(page.locator('.chart-stale')).toHaveCount(0);
    const settled = await chartSummaries(page);
    expect(Object.keys(settled).sort()).toEqual(Object.keys(before).sort());
    expect(settled).not.toEqual(before);
    for (const title of onScreen) expect(seen.afterClick[title], title).toBe(settled[title]);
    expect(seen.afterPrint).toEqual(settled);
  });

  test('a bar click outlines its bar and dims the others, in the chart redrawn with the new data', async ({
    page,
  }) => {
    await page.goto('/');
    await expectTrialCount(page, TOTAL);
    const panel = chartPanel(page, 'Trials by disease');
    const bars = await barCount(panel);
    expect(bars).toBeGreaterThan(2);
    await panel.locator('.recharts-bar-rectangle').first().click();
    await expect(page).toHaveURL(/disease=/);
    const paths = panel.locator('svg .recharts-bar-rectangle path');
    await expect(paths.and(page.locator('[fill-opacity="1"]'))).toHaveCount(1);
    await expect(paths.and(page.locator('[fill-opacity="0.35"]'))).toHaveCount(
      (await paths.count()) - 1,
    );
    await expect(paths.and(page.locator('[stroke-width="2"]'))).toHaveCount(1);
  });
});

test('the option counts follow a click in the background, marked busy until they have caught up', async ({
  page,
}) => {
  await page.goto('/');
  await expectTrialCount(page, TOTAL);
  const panel = page.locator('.filters-panel');
  const counts = () => panel.locator('.filters-facet-count').allInnerTexts();
  const before = await counts();
  const option = page
    .getByRole('group', { name: 'Disease', exact: true })
    .getByRole('checkbox')
    .first();
  // In the click's own task: the option is ticked and the result count is new, while the panel says
  // that its counts are still being worked out.
  const seen = await option.evaluate(async (input) => {
    (input as HTMLInputElement).click();
    await Promise.resolve();
    return {
      checked: (input as HTMLInputElement).checked,
      busy: document.querySelector('.filters-panel')?.getAttribute('aria-busy'),
      count: document.querySelector('p.active-filters-count')?.textContent ?? '',
    };
  });
  expect(seen.checked).toBe(true);
  expect(seen.busy).toBe('true');
  expect(seen.count).not.toBe(`${TOTAL} trials`);
  await expect(panel).not.toHaveAttribute('aria-busy');
  expect(await counts()).not.toEqual(before);
});

async function currentCount(page: Page): Promise<number> {
  const text = await resultCount(page).innerText();
  return Number(/([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}
