import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixturesById } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import {
  applySnapshot,
  daysBefore,
  emptyLedger,
  serializeLedger,
  type Ledger,
} from '../../src/domain/ledger.ts';
import { snapshotSeen } from '../../src/domain/changes.ts';
import { normalizeStudies } from '../../src/domain/normalize-study.ts';
import { SEEN_STORAGE_KEY } from '../../src/features/live-data/use-change-tracking.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { renderWithProviders } from '../render.tsx';

/** Real records: two multiple sclerosis trials and one systemic sclerosis trial. */
const MS_ID = 'NCT00014755';
const OTHER_MS_ID = 'NCT00040482';
const SSC_ID = 'NCT01413100';
const STUDIES = fixturesById(MS_ID, OTHER_MS_ID, SSC_ID);
const TRIALS = normalizeStudies(STUDIES).trials;
const byId = (id: string) => TRIALS.find((t) => t.nctId === id)!;

const today = new Date().toISOString().slice(0, 10);

/**
 * A ledger built by the real ledger code from made-up earlier states of these real trials (the changes
 * are invented for this test): 45 days ago MS_ID's phase changed; 3 days ago MS_ID went from Recruiting
 * to Completed and SSC_ID posted results.
 */
function testLedger(): Ledger {
  const snap = (days: number, trials: Trial[]) => ({
    dataDate: daysBefore(today, days),
    rulesVersion: '1',
    hash: `h${days}`,
    trials,
  });
  const ms = byId(MS_ID);
  const ssc = byId(SSC_ID);
  const other = byId(OTHER_MS_ID);
  const s1 = snap(60, [
    { ...ms, status: 'RECRUITING', phase: 'PHASE3' },
    other,
    { ...ssc, hasResults: false },
  ]);
  const s2 = snap(45, [{ ...ms, status: 'RECRUITING' }, other, { ...ssc, hasResults: false }]);
  const s3 = snap(3, [{ ...ms, status: 'COMPLETED' }, other, { ...ssc, hasResults: true }]);
  let ledger = applySnapshot(emptyLedger(), null, s1).ledger;
  ledger = applySnapshot(ledger, s1, s2).ledger;
  return applySnapshot(ledger, s2, s3).ledger;
}

function serve(ledgerBody: string) {
  server.use(
    http.get('*/api/v2/studies', () =>
      HttpResponse.json({ studies: STUDIES, totalCount: STUDIES.length }),
    ),
    http.get(
      '*/data/ledger.json',
      () => new HttpResponse(ledgerBody, { headers: { 'Content-Type': 'application/json' } }),
    ),
  );
}

function renderApp() {
  return renderWithProviders(<App datasetOptions={{ retry: { retries: 0 } }} mockMode={false} />);
}

const recentChanges = () =>
  screen.findByRole('region', { name: 'Recent changes' }, { timeout: 10_000 });

describe('The change ledger in the dashboard', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', '/?therapy=all');
  });

  it('lists the changes of the last 30 days, newest first, with Completed and results posted as key changes', async () => {
    // Both seen on the same night: the record updated last comes first.
    serve(serializeLedger(testLedger()));
    renderApp();
    const region = await recentChanges();
    const list = await within(region).findByRole('list', {
      name: 'Recent changes, newest first',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Key change: Scleroderma .*: Results posted$/),
      expect.stringMatching(/Key change: .*Multiple Sclerosis: Status: .* → Completed$/),
    ]);
    // The phase change of 45 days ago is outside the period.
    expect(region).not.toHaveTextContent('Phase:');
    expect(region).toHaveTextContent(/2 changes since .* in the trials shown/);
  });

  it('follows the current filters', async () => {
    window.history.replaceState(null, '', '/?therapy=all&disease=systemic-sclerosis');
    serve(serializeLedger(testLedger()));
    renderApp();
    const region = await recentChanges();
    const list = await within(region).findByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/Results posted$/)]);
  });

  it('opens the trial from the list, and the trial detail shows its history of changes', async () => {
    serve(serializeLedger(testLedger()));
    const { user } = renderApp();
    const region = await recentChanges();
    await user.click(await within(region).findByRole('button', { name: byId(MS_ID).title }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    const history = await within(dialog).findByRole('region', { name: 'History of changes' });
    const items = within(await within(history).findByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Key change: Status: .* → Completed$/),
      expect.stringMatching(/Phase: Phase 3 → /),
    ]);
    expect(window.location.search).toContain(`trial=${MS_ID}`);
  });

  it('lists the Atom feed of the current filters next to the RSS link, and in the page head', async () => {
    window.history.replaceState(null, '', '/?therapy=all&disease=multiple-sclerosis');
    serve(serializeLedger(testLedger()));
    renderApp();
    const panel = await screen.findByRole(
      'region',
      { name: 'Since your last visit' },
      { timeout: 10_000 },
    );
    const link = await within(panel).findByRole('link', {
      name: 'Atom feed of these filters: Multiple sclerosis',
    });
    expect(link.getAttribute('href')).toMatch(/\/feeds\/disease-multiple-sclerosis\.xml$/);
    await waitFor(() =>
      expect(
        document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]'),
      ).toHaveAttribute('href', link.getAttribute('href')),
    );
    expect(within(panel).getByText(/All Atom feeds of changes/)).toBeInTheDocument();
  });

  it('says so when the change history is damaged, and the dashboard stays', async () => {
    serve('{"format": 99}');
    renderApp();
    const region = await recentChanges();
    expect(region).toHaveTextContent(/could not be loaded: The change history is damaged/);
    expect(await screen.findByRole('region', { name: 'Since your last visit' })).toBeVisible();
  });

  it('says in "Since your last visit" what the change history recorded since then', async () => {
    const savedAt = `${daysBefore(today, 10)}T10:00:00.000Z`;
    const trials = snapshotSeen(TRIALS);
    localStorage.setItem(SEEN_STORAGE_KEY, JSON.stringify({ version: 1, savedAt, trials }));
    serve(serializeLedger(testLedger()));
    renderApp();
    const panel = await screen.findByRole(
      'region',
      { name: 'Since your last visit' },
      { timeout: 10_000 },
    );
    await waitFor(() =>
      expect(panel).toHaveTextContent(
        'The nightly change history recorded 2 changes to these trials since then: 1 status change, 1 trial posted results.',
      ),
    );
  });
});
