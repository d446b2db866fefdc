/**
 * Issue 15 in the browser: a feed reader's click on an entry of the dashboard's Atom feed opens the
 * dashboard on that trial, with its history of changes. Production build offline (bundled snapshot).
 * The ledger and the feed are made by the real ledger and feed code from the bundled snapshot's trials
 * with one invented change (the trial's status before was Recruiting), served in place of the committed
 * (empty) files.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { atomFeed, feedSpecs } from '../../src/domain/feeds.ts';
import {
  applySnapshot,
  daysBefore,
  emptyLedger,
  serializeLedger,
} from '../../src/domain/ledger.ts';
import { blockLiveApi, collectPageErrors, openStatusDetails } from './support/dashboard-page.ts';
import { allTrials, snapshotStudies } from './support/expected-data.ts';
import { PROD_URL } from './support/servers.ts';

const trials = allTrials(snapshotStudies());
const target = trials.find((t) => t.diseases.length > 0 && t.status === 'COMPLETED');
if (target === undefined) throw new Error('the bundled snapshot has no completed autoimmune trial');

const today = new Date().toISOString().slice(0, 10);
const before = {
  dataDate: daysBefore(today, 8),
  rulesVersion: '1',
  hash: 'before',
  trials: trials.map((t) => (t.nctId === target.nctId ? { ...t, status: 'RECRUITING' } : t)),
};
const after = { dataDate: daysBefore(today, 1), rulesVersion: '1', hash: 'after', trials };
const ledger = applySnapshot(
  applySnapshot(emptyLedger(), null, before).ledger,
  before,
  after,
).ledger;
const allFeed = feedSpecs().find((s) => s.key === 'all')!;
const FEED = atomFeed(ledger, allFeed, { generatedAt: new Date().toISOString() });

async function serveLedger(page: Page): Promise<void> {
  await blockLiveApi(page);
  await page.route('**/data/ledger.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: serializeLedger(ledger) }),
  );
  await page.route('**/feeds/all.xml', (route) =>
    route.fulfill({ contentType: 'application/atom+xml', body: FEED }),
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a feed entry links into the dashboard, which shows the trial with its history of changes', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await serveLedger(page);
  await page.goto(PROD_URL);

  // The page head names the feed; read it and its first entry's link as a feed reader does.
  const feedHref = await page
    .locator('head link[rel="alternate"][type="application/atom+xml"]')
    .first()
    .getAttribute('href');
  expect(feedHref).not.toBeNull();
  const entryLink = await page.evaluate(async (href) => {
    const feedUrl = new URL(href, location.href).href;
    const xml = await (await fetch(feedUrl)).text();
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('the feed is not well-formed XML');
    const link = doc.querySelector('entry > link[rel="alternate"]')?.getAttribute('href');
    if (!link) throw new Error('the feed has no entry link');
    return new URL(link, feedUrl).href;
  }, feedHref!);
  expect(entryLink).toBe(`${PROD_URL}/?trial=${target.nctId}`);

  await page.goto(entryLink);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(target.title);
  const history = dialog.getByRole('region', { name: 'History of changes' });
  await expect(history.getByRole('listitem')).toHaveText([
    /Key change: Status: Recruiting → Completed/,
  ]);
  expect(errors).toEqual([]);
});

test('recent changes and the feed list are keyboard-usable and pass axe', async ({ page }) => {
  const errors = collectPageErrors(page);
  await serveLedger(page);
  await page.goto(`${PROD_URL}/?therapy=all`);
  // Recent changes and the feed list are in the status line's details.
  await openStatusDetails(page);
  const recent = page.getByRole('region', { name: 'Recent changes' });
  const item = recent.getByRole('listitem').filter({ hasText: target.title });
  await expect(item).toContainText('Key change: ');
  await page.getByText(/All Atom feeds of changes/).click();
  await expect(page.getByRole('link', { name: 'All changes', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The trial title in the list opens the trial by keyboard.
  await item.getByRole('button', { name: target.title }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('dialog').getByRole('region', { name: 'History of changes' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
