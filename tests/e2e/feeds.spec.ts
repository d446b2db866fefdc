/**
 * Issue 15 in the browser: a feed reader's click on an entry of the dashboard's Atom feed opens the
 * dashboard on that trial, with its history of changes. Production build offline (bundled snapshot).
 * The ledger and the feed are made by the real ledger and feed code from the bundled snapshot's trials
 * with one invented change (the trial's status before was Recruiting), served in place of the committed
 * (empty) files.
 */
import { expect, test } from '@playwright/test';
import { atomFeed, feedSpecs } from '../../src/domain/feeds.ts';
import {
  applySnapshot,
  daysBefore,
  emptyLedger,
  serializeLedger,
} from '../../src/domain/ledger.ts';
import { blockLiveApi, collectPageErrors } from './support/dashboard-page.ts';
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

test('a feed entry links into the dashboard, which shows the trial with its history of changes', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await blockLiveApi(page);
  await page.route('**/data/ledger.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: serializeLedger(ledger) }),
  );
  await page.route('**/feeds/all.xml', (route) =>
    route.fulfill({ contentType: 'application/atom+xml', body: FEED }),
  );
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
