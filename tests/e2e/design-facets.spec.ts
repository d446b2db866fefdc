/**
 * Issue 16 in the browser: the design facets through the URL. A link asking for randomised,
 * CD34-selected trials shows exactly those (computed in Node from the same fixtures), with their
 * chips and checked facet options, the Design column in the table, and the "Conditioning by disease"
 * chart and "Randomised trials" panel on the dashboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, expectTrialCount } from './support/dashboard-page.ts';
import { expectedFor, mockLiveStudies } from './support/expected-data.ts';
import { MOCK_URL } from './support/servers.ts';

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`${MOCK_URL}/${search}`);
  await expect(page.getByText(/Emulated API/)).toBeVisible({ timeout: 30_000 });
}

test('a link filters randomised, CD34-selected trials', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page, '?allocation=randomised&graft=cd34-selected&view=table');
  const studies = await mockLiveStudies(page);
  const expected = expectedFor(studies, { allocation: ['randomised'], graft: ['cd34-selected'] });
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(expectedFor(studies).total);
  await expectTrialCount(page, expected.total);

  await expect(
    page.getByRole('button', { name: /Remove filter Allocation: Randomised/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Remove filter Graft manipulation: CD34-selected/ }),
  ).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Show filters' });
  if (await toggle.isVisible()) await toggle.click();
  await expect(
    page
      .getByRole('group', { name: 'Allocation', exact: true })
      .getByRole('checkbox', { name: /^Randomised/ }),
  ).toBeChecked();

  const table = page.getByRole('table', { name: 'Trials' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(expected.total + 1);
  await page
    .getByRole('group', { name: 'Columns' })
    .getByRole('checkbox', { name: 'Design' })
    .check();
  for (const trial of expected.trials) {
    const row = table.getByRole('row').filter({ hasText: trial.nctId });
    await expect(row).toContainText('Randomised');
    await expect(row).toContainText('CD34-selected');
  }
  expect(errors).toEqual([]);
});

test('the dashboard shows Conditioning by disease and the randomised HSCT trials', async ({
  page,
}) => {
  await open(page, '');
  const studies = await mockLiveStudies(page);
  const randomised = expectedFor(studies, { allocation: ['randomised'] }).trials;
  expect(randomised.length).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Conditioning by disease' })).toBeVisible({
    timeout: 30_000,
  });
  const panel = page.getByRole('region', { name: 'Randomised trials' });
  await expect(panel.getByRole('table').getByRole('row')).toHaveCount(randomised.length + 1);
});
