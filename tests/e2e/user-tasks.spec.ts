/**
 * Issue 18 in Chromium: the places where a patient's, a researcher's or an embedder's task failed or
 * misled. The mock build (MSW emulator) has the synthetic NCT99 records with site positions (Chicago,
 * Rochester MN, London…); the production build offline shows the bundled sample.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { blockLiveApi } from './support/dashboard-page.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';
import { openPatientView } from './support/patient-page.ts';

test.use({
  permissions: ['geolocation'],
  geolocation: { latitude: 41.88, longitude: -87.63 },
  locale: 'en-US',
});

function placePicker(page: Page) {
  return page.getByRole('combobox', { name: 'Or type a place, US ZIP code or UK postcode' });
}

test.describe('patients', () => {
  test('the place picker filters as you type and accepts places that are not trial sites', async ({
    page,
  }) => {
    await openPatientView(page);
    const picker = placePicker(page);
    await picker.fill('Chic');
    const options = page.getByRole('option');
    await expect(options.first()).toBeVisible();
    const labels = await options.allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label.toLowerCase()).toContain('chic');
    await expect(page.getByRole('option', { name: /Amsterdam/ })).toHaveCount(0);

    // A city that is no trial site, accents ignored: "Zurich" finds Zürich.
    await picker.fill('zurich');
    await expect(page.getByRole('option', { name: /^Zürich, Switzerland/ })).toBeVisible();

    // A US ZIP code, picked with the keyboard.
    await picker.fill('60601');
    await expect(page.getByRole('option', { name: 'ZIP code 60601' })).toBeVisible();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect(page.getByText('Distances are measured from ZIP code 60601.')).toBeVisible();

    // A UK postcode district resolves to its postcode area's town.
    await picker.fill('M13 9PL');
    await page.getByRole('option', { name: 'Postcode M13' }).click();
    await expect(page.getByText('Distances are measured from Postcode M13.')).toBeVisible();
  });

  test('a distance limit keeps trials whose records give no site positions, listed apart with a count', async ({
    page,
  }) => {
    await openPatientView(page);
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page.getByText('Distances are measured from your location.')).toBeVisible();
    await page
      .getByRole('combobox', { name: 'Show trials with a site within' })
      .selectOption({ label: '250 miles' });
    const unplaced = page.getByRole('region', { name: /^Site positions not given \(\d+\)$/ });
    await expect(unplaced).toBeVisible();
    const heading = await unplaced.getByRole('heading', { level: 3 }).first().innerText();
    const n = Number(/\((\d+)\)/.exec(heading)?.[1]);
    expect(n).toBeGreaterThan(1);
    await expect(unplaced.getByRole('article')).toHaveCount(n);
    await expect(unplaced.getByText(/^Countries: .*United States/).first()).toBeVisible();
    await expect(page.getByText(`${n} trials whose records give no site positions`)).toBeVisible();
  });

  test('"Polyradiculoneuropathy" finds CIDP in the condition choice and in the search', async ({
    page,
  }) => {
    await openPatientView(page);
    await page.getByLabel('Or type the name of your condition').fill('Polyradiculoneuropathy');
    await page
      .getByRole('button', { name: 'CIDP and other immune nerve diseases (neuropathies)' })
      .click();
    await expect(page.getByRole('combobox', { name: 'My condition' })).toHaveValue('cidp');
    const results = page.getByRole('region', {
      name: 'Trials for CIDP and other immune nerve diseases (neuropathies)',
    });
    await expect(results.getByRole('status')).toHaveText(/trials? not recruiting now/);
    await expect(results.getByRole('status')).not.toHaveText(
      /^0 trials recruiting or about to recruit\. 0 more trials/,
    );

    await page.goto(`${MOCK_URL}/?q=polyneuropathy&therapy=all`);
    await expect(page.locator('p.active-filters-count[role="status"]')).toHaveText(
      /^[1-9]\d* trials?$/,
      {
        timeout: 30_000,
      },
    );
  });
});

test('chart tooltips read "Trials: 12", not "Trials : 12"', async ({ page }) => {
  await page.goto(`${MOCK_URL}/`);
  await expect(page.locator('p.active-filters-count[role="status"]')).toBeVisible({
    timeout: 30_000,
  });
  // Charts draw when they come near the viewport: scroll until a drawn bar chart is on the page.
  const bar = page.locator('svg .recharts-bar-rectangle path').first();
  for (let y = 0; y < 12_000 && (await bar.count()) === 0; y += 600) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(80);
  }
  await bar.scrollIntoViewIfNeeded();
  await bar.hover();
  const item = page.locator('.recharts-tooltip-item').first();
  await expect(item).toBeVisible();
  await expect(item).toHaveText(/^[^:]+: \d+$/);
  await expect(item).not.toHaveText(/ : /);
});

test.describe('everyone', () => {
  test('skip links lead straight to the results and to the filters', async ({ page }) => {
    await page.goto(`${MOCK_URL}/`);
    await expect(page.locator('p.active-filters-count[role="status"]')).toBeVisible({
      timeout: 30_000,
    });
    await page.keyboard.press('Tab');
    const skipResults = page.getByRole('link', { name: 'Skip to results' });
    await expect(skipResults).toBeFocused();
    await expect(skipResults).toBeInViewport();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tab', { name: 'Dashboard' })).toBeFocused();

    await page.goto(`${MOCK_URL}/`);
    await expect(page.locator('p.active-filters-count[role="status"]')).toBeVisible({
      timeout: 30_000,
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to filters' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focusedInFilters = await page.evaluate(
      () => document.activeElement?.closest('#filters') !== null,
    );
    expect(focusedInFilters).toBe(true);
  });
});

test.describe('embedders on phones', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the share dialog keeps Close reachable at the top while it scrolls', async ({ page }) => {
    await page.goto(`${MOCK_URL}/`);
    await page.getByRole('button', { name: 'Share or embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeInViewport();
    // Scroll to the end of the dialog: Close is still on screen, near the top.
    await page.locator('.share-modal-overlay').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(close).toBeInViewport();
    const box = await close.boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(120);
    await close.click();
    await expect(dialog).toBeHidden();
  });
});

test.describe('researchers', () => {
  test('offline, a trial opens with the bundled record and one quiet line, not a red error', async ({
    page,
  }) => {
    await blockLiveApi(page);
    await page.goto(`${PROD_URL}/?trial=NCT00716066`);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(/the live record could not be (fetched|loaded)/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByRole('heading', { name: 'Status and dates' })).toBeVisible();
  });

  test('the citation and the exports say the data is the bundled sample, never a repository path', async ({
    page,
  }) => {
    await blockLiveApi(page);
    await page.goto(`${PROD_URL}/?disease=systemic-sclerosis&type=autologous`);
    await expect(page.locator('p.active-filters-count[role="status"]')).toBeVisible({
      timeout: 30_000,
    });
    await page.locator('summary', { hasText: 'Cite this view' }).click();
    const citation = page.getByLabel('Citation');
    await expect(citation).toHaveValue(
      /Data: Bundled sample of \d+ ClinicalTrials\.gov records \(not a complete search; latest record update \d+ \w+ \d{4}\)\./,
    );
    await page.getByRole('radio', { name: 'BibTeX' }).check();
    await expect(citation).toHaveValue(/^@misc\{hsct_trials_dashboard_\d{8},\n/);
    await expect(citation).toHaveValue(/howpublished = \{\\url\{http.*type=autologous/);
    await page.getByRole('radio', { name: 'RIS' }).check();
    await expect(citation).toHaveValue(
      /^TY {2}- DATA\n[\s\S]*\nN1 {2}- Data: Bundled sample of \d+/,
    );

    for (const name of ['Download CSV', 'Download JSON', 'Download RIS']) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      const text = await readFile(await file.path(), 'utf8');
      expect(text, name).toMatch(/Bundled sample of \d+ ClinicalTrials\.gov records/);
      expect(text, name).not.toMatch(/mocks\/|fixtures|README/);
    }
  });
});

test('every bar chart has even count ticks (1, 2, 5 × 10ⁿ) and the same value-label rule', async ({
  page,
}) => {
  await page.goto(`${MOCK_URL}/?therapy=all`);
  await expect(page.locator('p.active-filters-count[role="status"]')).toBeVisible({
    timeout: 30_000,
  });
  // Charts draw when they come near the viewport: scroll through the page.
  for (let y = 0; y < 12_000; y += 600) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(80);
  }
  const tickGroups = page.locator('.recharts-cartesian-axis-tick-labels');
  await expect(tickGroups.first()).toBeAttached({ timeout: 15_000 });
  const axes = await tickGroups.evaluateAll((els) =>
    els.map((axis) =>
      Array.from(axis.querySelectorAll('.recharts-cartesian-axis-tick-label text')).map((t) =>
        (t.textContent ?? '').trim(),
      ),
    ),
  );
  const countAxes = axes.filter((ticks) => ticks[0] === '0' && ticks.every((t) => /^\d+$/.test(t)));
  expect(countAxes.length).toBeGreaterThanOrEqual(1);
  for (const ticks of countAxes) {
    const values = ticks.map(Number);
    const step = (values[1] ?? 0) - (values[0] ?? 0);
    expect(values, ticks.join('/')).toEqual(values.map((_, i) => i * step));
    expect(String(step), ticks.join('/')).toMatch(/^[125]0*$/);
  }
  // Value labels: on all bar charts or on none (here: none; each chart's data table has the numbers),
  // checked over drawn bar charts, single-series and stacked alike.
  expect(await page.locator('.recharts-bar').count()).toBeGreaterThan(1);
  await expect(page.locator('.recharts-label-list')).toHaveCount(0);
});
