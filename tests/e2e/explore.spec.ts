/**
 * Issue 3 in the browser: cross-filtering from a chart bar and from the data table with the keyboard, URL
 * state that survives a reload and reproduces a view in a new page, the example question answered by
 * clicks alone, the trial detail and browser back, the comma round trip of country names, and axe scans
 * of every main view (desktop, 360 px, dark mode).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { countByCountry } from '../../src/domain/aggregate.ts';
import {
  chartPanel,
  collectPageErrors,
  expectTrialCount,
  nonZero,
  readChartTable,
} from './support/dashboard-page.ts';
import { expectedFor, mockLiveStudies } from './support/expected-data.ts';
import { MOCK_URL } from './support/servers.ts';

const MOCK_TOTAL = 59;

async function openDashboard(page: Page, search = ''): Promise<void> {
  await page.goto(`${MOCK_URL}/${search}`);
  await expect(page.getByText(/Emulated API/)).toBeVisible({ timeout: 30_000 });
}

function facet(page: Page, group: string) {
  return page.getByRole('group', { name: group, exact: true });
}

/** Clicks a facet option as a user does: on its label (the real checkbox input is visually hidden). */
async function clickOption(page: Page, group: string, name: RegExp): Promise<void> {
  await facet(page, group)
    .getByRole('checkbox', { name })
    .locator('xpath=ancestor::label[1]')
    .click();
}

async function showFilters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Show filters' });
  if (await toggle.isVisible()) await toggle.click();
}

test.describe('exploring the trials', () => {
  test('a click on a chart bar filters by that disease, the URL says so and a reload keeps the view', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await openDashboard(page);
    const studies = await mockLiveStudies(page);
    const ssc = expectedFor(studies, { disease: ['systemic-sclerosis'] }).total;
    expect(ssc).toBeGreaterThan(0);
    expect(ssc).toBeLessThan(MOCK_TOTAL);
    await expectTrialCount(page, MOCK_TOTAL);

    const panel = chartPanel(page, 'Trials by disease');
    const rows = [...(await readChartTable(panel, 'Trials')).keys()];
    const index = rows.indexOf('Systemic sclerosis');
    expect(index).toBeGreaterThanOrEqual(0);
    await panel.getByRole('button', { name: 'Hide data table' }).click();
    await panel.locator('.recharts-bar-rectangle').nth(index).click();

    await expect(page).toHaveURL(/[?&]disease=systemic-sclerosis(&|$)/);
    await expectTrialCount(page, ssc);

    await page.reload();
    await expectTrialCount(page, ssc);
    await expect(page).toHaveURL(/[?&]disease=systemic-sclerosis(&|$)/);
    await expect(
      facet(page, 'Disease').getByRole('checkbox', { name: /^Systemic sclerosis/ }),
    ).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('the data table buttons toggle a filter from the keyboard', async ({ page }) => {
    await openDashboard(page);
    const studies = await mockLiveStudies(page);
    const phase2 = expectedFor(studies, { phase: ['PHASE2'] }).total;
    const panel = chartPanel(page, 'Trials by phase');
    await panel.getByRole('button', { name: 'Show data table' }).click();
    const toggle = panel.getByRole('table').getByRole('button', { name: /^(✓\s*)?Phase 2$/ });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]phase=PHASE2(&|$)/);
    await expectTrialCount(page, phase2);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await toggle.focus();
    await page.keyboard.press('Space');
    await expectTrialCount(page, MOCK_TOTAL);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(page.url()).not.toContain('phase=');
  });

  test('the example question is answered by clicks alone and its link reproduces the view', async ({
    page,
    context,
  }) => {
    // "Autologous HSCT trials in systemic sclerosis started since 2015: how many recruiting, which countries?"
    // The fixtures hold no such trial (their SSc trials started before 2015), so the answer is "none"; the
    // same clicks with multiple sclerosis give a non-empty answer, checked figure by figure.
    await openDashboard(page);
    const studies = await mockLiveStudies(page);
    await showFilters(page);
    // The year first: each facet offers only the values present under the other filters.
    await page.getByLabel('Start year from').selectOption('2015');
    await clickOption(page, 'Transplant type', /^Autologous/);
    const ssc = expectedFor(studies, {
      disease: ['systemic-sclerosis'],
      type: ['autologous'],
      from: 2015,
    });
    const sscOption = facet(page, 'Disease').getByRole('checkbox', { name: /^Systemic sclerosis/ });
    if (ssc.total === 0) {
      // Nothing to choose: the facet offers no systemic sclerosis option, which answers "none".
      await expect(facet(page, 'Disease').getByRole('checkbox').first()).toBeVisible();
      await expect(sscOption).toHaveCount(0);
    } else {
      await clickOption(page, 'Disease', /^Systemic sclerosis/);
      await expectTrialCount(page, ssc.total);
      await clickOption(page, 'Disease', /^Systemic sclerosis/);
    }

    // Same question for multiple sclerosis.
    await clickOption(page, 'Disease', /^Multiple sclerosis/);
    const ms = expectedFor(studies, {
      disease: ['multiple-sclerosis'],
      type: ['autologous'],
      from: 2015,
    });
    expect(ms.total).toBeGreaterThan(0);
    await expectTrialCount(page, ms.total);
    const summary = page.getByRole('region', { name: 'Summary figures' });
    await expect(summary).toContainText(`Recruiting now${ms.recruiting}`, { useInnerText: false });
    const countries = await readChartTable(chartPanel(page, 'Trials by country'), 'Trials');
    const expectedCountries = new Map(
      countByCountry(ms.trials).rows.map((r) => [r.label, r.count]),
    );
    expect(nonZero(countries)).toEqual(nonZero(expectedCountries));

    const link = page.url();
    expect(link).toMatch(/disease=multiple-sclerosis/);
    expect(link).toMatch(/type=autologous/);
    expect(link).toMatch(/from=2015/);
    const other = await context.newPage();
    await other.goto(link);
    await expectTrialCount(other, ms.total);
    await expect(other.getByRole('region', { name: 'Summary figures' })).toContainText(
      `Recruiting now${ms.recruiting}`,
      { useInnerText: false },
    );
    await expect(other.getByLabel('Start year from')).toHaveValue('2015');
  });

  test('a trial opened from the table closes with browser back and the table stays', async ({
    page,
  }) => {
    await openDashboard(page);
    await page.getByRole('tab', { name: 'Trials table' }).click();
    await expect(page).toHaveURL(/[?&]view=table/);
    const table = page.getByRole('tabpanel').getByRole('table').first();
    await expect(table).toBeVisible();
    const firstLink = table.locator('tbody tr th a').first();
    const nctId = (await firstLink.innerText()).trim();
    expect(nctId).toMatch(/^NCT\d{8}$/);
    await firstLink.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(nctId);
    await expect(page).toHaveURL(new RegExp(`[?&]trial=${nctId}`));

    await page.goBack();
    await expect(dialog).toBeHidden();
    expect(page.url()).not.toContain('trial=');
    await expect(page).toHaveURL(/[?&]view=table/);
    await expect(table).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Trials table' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('a country with a comma in its name survives the URL round trip', async ({ page }) => {
    await openDashboard(page, '?therapy=all');
    await showFilters(page);
    const korea = facet(page, 'Country').getByRole('checkbox', { name: /^Korea, Republic of/ });
    await clickOption(page, 'Country', /^Korea, Republic of/);
    await expect(korea).toBeChecked();
    const studies = await mockLiveStudies(page);
    const expected = expectedFor(studies, { therapy: [], country: ['Korea, Republic of'] }).total;
    expect(expected).toBeGreaterThan(0);
    await expectTrialCount(page, expected);
    // The comma inside the value is %2C inside the list item, itself escaped in the address bar.
    expect(page.url()).toMatch(/country=Korea%252C(\+|%20)Republic(\+|%20)of/);

    await page.reload();
    await expectTrialCount(page, expected);
    await showFilters(page);
    await expect(
      facet(page, 'Country').getByRole('checkbox', { name: /^Korea, Republic of/ }),
    ).toBeChecked();
    await expect(page.getByRole('button', { name: /Korea, Republic of/ }).first()).toBeVisible();
  });
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
  expect(serious, `${label}: serious or critical axe violations`).toEqual([]);
}

async function scanEveryView(page: Page, label: string): Promise<void> {
  await openDashboard(page);
  await chartPanel(page, 'Trials by disease').scrollIntoViewIfNeeded();
  await expect(chartPanel(page, 'Trials by disease').locator('svg[role="img"]')).toBeVisible();
  // Scroll to the end so every chart (drawn as it nears the viewport) is in the scan.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
  });
  // Drawn one or a few per idle period: give a loaded machine time for all of them.
  await expect(page.locator('.chart-pending')).toHaveCount(0, { timeout: 15_000 });
  await expectNoSeriousViolations(page, `${label} dashboard`);

  await page.getByRole('tab', { name: 'Trials table' }).click();
  const table = page.getByRole('tabpanel').getByRole('table').first();
  await expect(table).toBeVisible();
  await expectNoSeriousViolations(page, `${label} table`);

  await table.locator('tbody tr th a').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, `${label} detail dialog`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('tab', { name: 'For patients' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('heading').first()).toBeVisible();
  await expectNoSeriousViolations(page, `${label} patient view`);
}

test.describe('accessibility of every view (axe, WCAG 2.1 A/AA)', () => {
  test('desktop, light', async ({ page }) => {
    await scanEveryView(page, 'desktop');
  });

  test('360 px wide', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await scanEveryView(page, '360 px');
    await context.close();
  });

  test('dark mode', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await scanEveryView(page, 'dark');
    await context.close();
  });
});
