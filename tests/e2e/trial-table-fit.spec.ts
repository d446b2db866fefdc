/**
 * Issue 18 item 5 in Chromium: the trials table fits. At 1280 px the default columns (Status, Start,
 * Enrollment among them) show without sideways scrolling and a "Columns" picker brings back the
 * others; at 360 px each trial is a card with its key fields, sort and pages kept.
 */
import { expect, test, type Page } from '@playwright/test';
import { blockLiveApi } from './support/dashboard-page.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';

async function openTable(page: Page, url: string = MOCK_URL): Promise<void> {
  // The production build runs offline on its bundled sample (the live API is blocked).
  if (url === PROD_URL) await blockLiveApi(page);
  await page.goto(`${url}/?view=table`);
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1)).toBeVisible({
    timeout: 30_000,
  });
}

for (const [data, url] of [
  ['the emulated API', MOCK_URL],
  ['the bundled offline sample', PROD_URL],
] as const) {
  test(`at 1280 px the default columns fit without sideways scrolling (${data})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openTable(page, url);
    const table = page.getByRole('table', { name: 'Trials' });
    for (const name of ['Status', 'Start', 'Enrollment']) {
      const box = await table
        .getByRole('columnheader', { name: new RegExp(`^${name}`) })
        .boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x, name).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
    }
    const overflow = await table.evaluate((element) => {
      const scroller = element.parentElement!;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);

    // The picker brings back a hidden column; the table then scrolls with the trial id kept in view.
    const columns = page.getByRole('group', { name: 'Columns' });
    const sponsor = columns.getByRole('checkbox', { name: 'Sponsor' });
    await expect(sponsor).not.toBeChecked();
    await expect(table.getByRole('columnheader', { name: /^Sponsor/ })).toHaveCount(0);
    await sponsor.check();
    await expect(table.getByRole('columnheader', { name: /^Sponsor/ })).toBeVisible();
    await columns.getByRole('checkbox', { name: 'Status' }).uncheck();
    await expect(table.getByRole('columnheader', { name: /^Status/ })).toHaveCount(0);
  });
}

test('at 360 px each trial is a card with its key fields', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openTable(page);
  const table = page.getByRole('table', { name: 'Trials' });
  const scroller = await table.evaluate((element) => ({
    scroll: element.parentElement!.scrollWidth,
    client: element.parentElement!.clientWidth,
  }));
  expect(scroller.scroll).toBeLessThanOrEqual(scroller.client);

  const card = table.getByRole('row').nth(1);
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.x).toBeGreaterThanOrEqual(0);
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(360);
  // Key fields are stacked inside the card, each named by its label, none cut off.
  let previousBottom = -Infinity;
  for (const label of ['Phase', 'Status', 'Start', 'Enrollment']) {
    const field = card.getByRole('cell', { name: new RegExp(`^${label}: \\S`) });
    await expect(field).toBeVisible();
    const box = (await field.boundingBox())!;
    expect(box.x + box.width, label).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
    expect(box.y, label).toBeGreaterThanOrEqual(previousBottom - 1);
    previousBottom = box.y + box.height;
  }
  await expect(card.getByRole('link', { name: /^NCT\d{8}$/ })).toBeVisible();
  // Sort controls and pagination stay.
  await expect(page.getByRole('button', { name: /^Start/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Rows per page' })).toBeVisible();
});
