/**
 * Issue 6 in Chromium: the patient view on the mock build (MSW emulator), with a granted geolocation fixed
 * in Chicago. The trials near Chicago are the synthetic fixtures NCT99000027 (Chicago), NCT99000028
 * (Rochester MN) and NCT99000029 (London, ages 40–65); see mocks/fixtures/synthetic/synthetic-studies.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PROD_URL } from './support/servers.ts';
import { openPatientView } from './support/patient-page.ts';

const CHICAGO_TRIAL =
  'Autologous Stem Cell Transplant for Relapsing Multiple Sclerosis in the Midwest';
const ROCHESTER_TRIAL =
  'Non-Myeloablative Autologous HSCT Versus Ocrelizumab in Relapsing-Remitting MS';
const LONDON_TRIAL = 'Autologous HSCT for Active Multiple Sclerosis in Later Adulthood';

test.use({
  permissions: ['geolocation'],
  geolocation: { latitude: 41.88, longitude: -87.63 },
  locale: 'en-US',
});

/** "35-year-old with MS near Chicago": condition, age, device location. */
async function chooseMsAge35NearMe(page: Page): Promise<void> {
  await page
    .getByRole('combobox', { name: 'My condition' })
    .selectOption({ label: 'Multiple sclerosis (MS)' });
  await page.getByLabel('Your age (years)').fill('35');
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByText('Distances are measured from your location.')).toBeVisible();
}

function results(page: Page) {
  return page.getByRole('region', { name: 'Trials for Multiple sclerosis (MS)' });
}

/** The recruiting cards (the first list of the results, not the collapsed "not recruiting now" one). */
function openCards(page: Page) {
  return results(page).locator('ol.patient-cards').first().getByRole('article');
}

/** The distance in miles from "(… 312 miles away)" or "(less than 1 mile away)". */
function miles(text: string): number {
  if (/\(less than 1 mile away\)/.test(text)) return 0;
  const match = /\(([\d,.]+) (?:miles?|mi) away\)/.exec(text);
  if (!match?.[1]) throw new Error(`No distance in: ${text}`);
  return Number(match[1].replaceAll(',', ''));
}

test('a 35-year-old with MS near Chicago sees recruiting transplant trials nearest first, with whom to call', async ({
  page,
}) => {
  await openPatientView(page);
  await chooseMsAge35NearMe(page);
  await expect(page).toHaveURL(/disease=multiple-sclerosis/);

  const cards = openCards(page);
  await expect(cards.first().getByRole('heading', { level: 3 })).toHaveText(CHICAGO_TRIAL);
  await expect(cards.nth(1).getByRole('heading', { level: 3 })).toHaveText(ROCHESTER_TRIAL);

  // Every open card with a placed site shows its nearest recruiting site and distance, in ascending order.
  const nearestTexts = await cards.getByText(/^Nearest (recruiting )?site/).allTextContents();
  expect(nearestTexts.length).toBeGreaterThanOrEqual(3);
  const distances = nearestTexts.map(miles);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(nearestTexts[0]).toMatch(
    /^Nearest recruiting site: Synthetic Lakeside Medical Center, Chicago/,
  );
  expect(nearestTexts[0]).toContain('(less than 1 mile away)');
  expect(distances[1]).toBeGreaterThan(250);
  expect(distances[1]).toBeLessThan(400);

  // What it offers, in plain words.
  const first = cards.first();
  await expect(first.getByText(/your own stem cells/i).first()).toBeVisible();
  await expect(first.getByRole('button', { name: /Phase 2/ })).toBeVisible();

  // Whom to call: tel: and mailto: links.
  await expect(first.getByRole('link', { name: /312-555-0101/ })).toHaveAttribute('href', /^tel:/);
  await expect(first.getByRole('link', { name: 'syn-midwest@example.org' })).toHaveAttribute(
    'href',
    'mailto:syn-midwest@example.org',
  );

  // The quick check marks (never hides) a trial whose age range does not fit.
  const london = cards.filter({ has: page.getByRole('heading', { name: LONDON_TRIAL }) });
  await expect(london.getByRole('list', { name: 'Quick check' })).toContainText(
    'Outside the stated age range (the trial states: 40 to 65 years)',
  );
  await expect(first.getByRole('list', { name: 'Quick check' })).toHaveCount(0);
});

test('draws the map of sites with points and a list of sites by country', async ({ page }) => {
  await openPatientView(page);
  await chooseMsAge35NearMe(page);
  const map = page.getByRole('region', { name: 'Map of trial sites' });
  const svg = map.locator('svg.patient-map-svg');
  await expect(svg).toBeVisible({ timeout: 20_000 });
  await expect(svg.locator('path.patient-map-country').first()).toBeAttached();
  expect(await svg.locator('circle').count()).toBeGreaterThan(0);
  await expect(map.getByRole('heading', { name: 'Sites by country' })).toBeVisible();
  await map.getByRole('button', { name: 'North America' }).click();
  await expect(map.getByRole('button', { name: 'North America' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Keyboard focus on a site labels it on the map.
  const drawn = page.getByRole('group', { name: /^Map of trial sites: North America/ });
  const site = drawn.getByRole('button', { name: /Chicago/ }).first();
  const name = (await site.getAttribute('aria-label'))!;
  await expect(drawn.locator('.patient-map-label')).toHaveCount(0);
  await site.focus();
  const label = drawn.locator('.patient-map-label');
  await expect(label).toBeVisible();
  await expect(label).toContainText(name.split(':')[0]!);
  await site.blur();
  await expect(drawn.locator('.patient-map-label')).toHaveCount(0);
});

test('prints only the shortlist, with contacts and links', async ({ page }) => {
  await openPatientView(page);
  await chooseMsAge35NearMe(page);
  const first = openCards(page).first();
  await first.getByRole('button', { name: /Save to my shortlist/ }).click();
  const shortlist = page.getByRole('region', { name: 'My shortlist (1)' });
  await expect(shortlist.getByRole('heading', { name: CHICAGO_TRIAL })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(shortlist.getByRole('heading', { name: CHICAGO_TRIAL })).toBeVisible();
  await expect(shortlist.getByRole('link', { name: /312-555-0101/ })).toBeVisible();
  await expect(shortlist.getByText('https://clinicaltrials.gov/study/NCT99000027')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'HSCT Trials Dashboard' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'My condition' })).toBeHidden();
  await expect(page.getByRole('tab', { name: 'For patients' })).toBeHidden();
  await expect(shortlist.getByRole('button', { name: 'Print this list' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Map of trial sites' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  // One printed page: nothing else takes room on paper.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  await page.emulateMedia({ media: 'screen' });
});

test('reopens a shared shortlist from its link', async ({ page }) => {
  await openPatientView(page, '?view=patient&shortlist=NCT99000028,NCT99000027');
  const shared = page.getByRole('region', { name: 'Shortlist shared with you (2)' });
  await expect(shared.getByRole('heading', { level: 3 })).toHaveText([
    ROCHESTER_TRIAL,
    CHICAGO_TRIAL,
  ]);
  await expect(shared.getByRole('link', { name: /507-555-0103/ })).toHaveAttribute('href', /^tel:/);
  await shared.getByRole('button', { name: 'Save these to my shortlist' }).click();
  await expect(page.getByRole('region', { name: 'My shortlist (2)' })).toBeVisible();
  const stored = await page.evaluate(() => window.localStorage.getItem('hsct-trials:shortlist'));
  expect(JSON.parse(stored ?? '[]')).toEqual(['NCT99000028', 'NCT99000027']);
});

test('"Print this list" on a shared shortlist prints that list, not the own one', async ({
  page,
}) => {
  await openPatientView(page, '?view=patient&shortlist=NCT99000028');
  // The browser's print dialog is left out; what is printed is what print media shows.
  await page.evaluate(() => {
    window.print = () => {};
  });
  const shared = page.getByRole('region', { name: 'Shortlist shared with you (1)' });
  await shared.getByRole('button', { name: 'Print this list' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(shared.getByRole('heading', { level: 3, name: ROCHESTER_TRIAL })).toBeVisible();
  await expect(page.getByRole('region', { name: /^My shortlist/ })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'My condition' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('explains terms from the keyboard, with a glossary popover that Escape closes', async ({
  page,
}) => {
  await openPatientView(page);
  const term = page.getByRole('button', { name: /stem cell transplants \(HSCT\)/ }).first();
  await term.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'All terms in the glossary' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(term).toBeFocused();
});

test('has no serious or critical axe violations', async ({ page }) => {
  await openPatientView(page);
  await chooseMsAge35NearMe(page);
  await openCards(page)
    .first()
    .getByRole('button', { name: /Save to my shortlist/ })
    .click();
  await expect(page.locator('svg.patient-map-svg')).toBeVisible({ timeout: 20_000 });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('fits a 360 px wide phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openPatientView(page);
  await chooseMsAge35NearMe(page);
  await expect(page.locator('svg.patient-map-svg')).toBeVisible({ timeout: 20_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('patient-360.png'), fullPage: true });
});

test.describe('without location permission', () => {
  test.use({ permissions: [] });

  test('says the location was refused and offers choosing a place instead', async ({ page }) => {
    await openPatientView(page);
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page.getByRole('alert')).toContainText('Location permission was denied');
    await page
      .getByRole('combobox', { name: 'Or type a place, US ZIP code or UK postcode' })
      .fill('Chicago');
    await page
      .getByRole('option', { name: /^Chicago/ })
      .first()
      .click();
    await expect(page.getByText(/Distances are measured from Chicago/)).toBeVisible();
  });
});

test('works on the production build with the bundled sample, whose sites have no map position', async ({
  page,
}) => {
  await page.goto(`${PROD_URL}/?view=patient&disease=multiple-sclerosis`);
  await expect(
    page.getByRole('heading', { name: 'Trials for patients: in plain words' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('combobox', { name: 'My condition' })).toHaveValue(
    'multiple-sclerosis',
  );
  await expect(results(page).getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sites by country' })).toBeVisible({
    timeout: 20_000,
  });
});

test('offline, the production build measures distances to the sites of its precomputed dataset', async ({
  page,
}) => {
  // No live API here: the patient view reads the sites (with their map positions) from the site lists
  // of the precomputed dataset (data/trial-sites.json), which it says it is loading until they are in.
  // NCT06193889 (CAR-T in myasthenia gravis, a real record of the bundled sample) recruits at 22 placed
  // sites; the nearest to Chicago is in Indianapolis, about 165 miles away.
  let releaseSites = () => {};
  const sitesHeld = new Promise<void>((resolve) => (releaseSites = resolve));
  await page.route('**/data/trial-sites.json', async (route) => {
    await sitesHeld;
    await route.continue();
  });
  await page.goto(`${PROD_URL}/?view=patient`);
  await expect(page.getByText('Loading the trial sites…')).toBeVisible({ timeout: 30_000 });
  releaseSites();
  await expect(
    page.getByRole('heading', { name: 'Trials for patients: in plain words' }),
  ).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('combobox', { name: 'My condition' })
    .selectOption({ label: 'Myasthenia gravis (MG)' });
  // The trial is a CAR-T trial: shown with the other cell therapies.
  await page.getByLabel(/Also show other cell therapies/).check();
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByText('Distances are measured from your location.')).toBeVisible();

  const nearest = page
    .getByRole('region', { name: 'Trials for Myasthenia gravis (MG)' })
    .getByText(/^Nearest recruiting site: Indiana University Health, Indianapolis/);
  await expect(nearest.first()).toBeVisible();
  const distance = miles((await nearest.first().textContent()) ?? '');
  expect(distance).toBeGreaterThan(140);
  expect(distance).toBeLessThan(190);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test("the form fields take the page's dark surface and text colours, not the browser's grey", async ({
    page,
  }) => {
    await openPatientView(page);
    // --color-surface and --color-text of src/styles/global.css in dark mode (#1c1f24, #e8eaed).
    for (const field of [
      page.getByRole('combobox', { name: 'My condition' }),
      page.getByLabel('Or type the name of your condition'),
      page.getByLabel('Your age (years)'),
    ]) {
      await expect(field).toHaveCSS('background-color', 'rgb(28, 31, 36)');
      await expect(field).toHaveCSS('color', 'rgb(232, 234, 237)');
    }
  });
});
