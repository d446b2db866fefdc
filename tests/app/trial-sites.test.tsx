/**
 * The site lists file (data/trial-sites.json) in the app: the dashboard draws the core at once; every
 * place that shows sites or contacts says they are loading until the site lists are in, and says so
 * plainly when they cannot be read (never "no sites"); the trials of the live delta keep their own sites.
 * Through MSW: the precomputed files derived from the bundled sample, the live API answering the delta.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import { App } from '../../src/app/app.tsx';
import { snapshotSeen } from '../../src/domain/changes.ts';
import { SEEN_STORAGE_KEY } from '../../src/features/live-data/use-change-tracking.ts';
import { SPECULATIVE_SITES_DELAY_MS } from '../../src/queries/trial-sites-query.ts';
import { renderWithProviders } from '../render.tsx';
import { servePrecomputed } from '../queries/precomputed-server.ts';

const RAW = JSON.parse(
  readFileSync(join(process.cwd(), 'public/data/snapshot.json'), 'utf8'),
) as BundledDataset;

type RawStudy = {
  protocolSection: {
    identificationModule: { nctId: string };
    contactsLocationsModule?: { locations?: { facility?: string; city?: string }[] };
  };
};
const STUDIES = RAW.studies as RawStudy[];
const sitesOf = (s: RawStudy) => s.protocolSection.contactsLocationsModule?.locations ?? [];
/** Two real trials of the sample with named sites: one left to the snapshot, one updated live. */
const [FROM_FILE, UPDATED_LIVE] = STUDIES.filter((s) => sitesOf(s).some((l) => l.facility));
const idOf = (s: RawStudy | undefined) => s!.protocolSection.identificationModule.nctId;

/** The delta: UPDATED_LIVE with one more (synthetic) site than the snapshot has. */
function deltaStudy(): RawStudy {
  const study = structuredClone(UPDATED_LIVE!);
  study.protocolSection.contactsLocationsModule!.locations!.push({
    facility: 'Synthetic Site Added Live',
    city: 'Lyon',
  });
  return study;
}

function answerDelta(studies: RawStudy[]) {
  server.use(
    http.get('*/api/v2/studies', () => HttpResponse.json({ studies, totalCount: studies.length })),
    // The trial detail cannot reach the registry, and the snapshot has no shard for it: the detail
    // shows the trial as the loaded list holds it.
    http.get('*/api/v2/studies/:id', () => HttpResponse.text('down', { status: 503 })),
    http.get('*/data/details/:file', () => HttpResponse.text('Not found', { status: 404 })),
  );
}

/** Serves the site lists only when `release` is called (a slow line). */
function holdSiteLists(text: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  server.use(
    http.get('*/data/trial-sites.json', async () => {
      asked += 1;
      await released;
      return HttpResponse.text(text, { headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return { release, asked: () => asked };
}

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  return renderWithProviders(<App datasetOptions={{ retry: { retries: 0 } }} mockMode={false} />);
}

const resultCount = () =>
  document.querySelector('.active-filters-count')?.textContent?.replace(/\s+/g, ' ').trim();

const sitesSection = async () => {
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  return within(dialog).getByRole('heading', { name: 'Sites' }).closest('section')!;
};

describe('the site lists file', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('asks the site lists at once for the patient view, which says it is loading them until they are in', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    const sites = holdSiteLists(sitesText);
    renderAt('/?view=patient');
    expect(
      await screen.findByText('Loading the trial sites…', {}, { timeout: 5000 }),
    ).toBeVisible();
    await waitFor(() => expect(sites.asked()).toBe(1));
    expect(
      screen.queryByRole('heading', { name: 'Trials for patients: in plain words' }),
    ).not.toBeInTheDocument();
    sites.release();
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Trials for patients: in plain words' },
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(screen.queryByText('Loading the trial sites…')).not.toBeInTheDocument();
  });

  it('says the sites are loading in the trial detail, then shows those of the file', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    const sites = holdSiteLists(sitesText);
    renderAt(`/?trial=${idOf(FROM_FILE)}`);
    const section = await sitesSection();
    await waitFor(() => expect(section).toHaveTextContent('Sites: loading'));
    expect(section).not.toHaveTextContent('The record lists no sites.');
    sites.release();
    await waitFor(() =>
      expect(within(section).getByRole('table')).toHaveTextContent(
        sitesOf(FROM_FILE!)[0]!.facility!,
      ),
    );
  });

  it('keeps the sites of a trial updated live instead of the older ones of the file', async () => {
    servePrecomputed(RAW);
    answerDelta([deltaStudy()]);
    renderAt(`/?trial=${idOf(UPDATED_LIVE)}`);
    const section = await sitesSection();
    await waitFor(() =>
      expect(within(section).getByRole('table')).toHaveTextContent('Synthetic Site Added Live'),
    );
    const count = sitesOf(UPDATED_LIVE!).length + 1;
    expect(within(section).getByRole('table')).toHaveAccessibleName(
      count === 1 ? '1 site' : `${count} sites`,
    );
  });

  it('reports damaged site lists plainly in the patient view and the downloads, and does not ask again by itself', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    const city = sitesOf(FROM_FILE!).find((l) => l.city)!.city!;
    let asked = 0;
    server.use(
      http.get('*/data/trial-sites.json', () => {
        asked += 1;
        return HttpResponse.text(sitesText.replace(JSON.stringify(city), '"Elsewhere"'), {
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const { user } = renderAt(`/?view=patient`);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(
      'The trial sites could not be loaded, so this view cannot show where the trials are',
    );
    expect(alert).toHaveTextContent(
      'The site lists are damaged: its trials do not match its content hash',
    );
    const failedAfter = asked;
    await user.click(screen.getByRole('tab', { name: 'Dashboard' }));
    const downloads = await screen.findByRole('group', { name: /Download the/ }, { timeout: 5000 });
    // Past the moment the dashboard would ask for them by itself: the failure stays on screen, and
    // the file is not asked again behind the visitor's back (only "Try again" does).
    await new Promise((resolve) => setTimeout(resolve, SPECULATIVE_SITES_DELAY_MS + 500));
    expect(within(downloads).getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    expect(downloads).toHaveTextContent('The downloads need the site lists.');
    expect(asked).toBe(failedAfter);
  }, 15_000);

  it('reads the trials again once when the site lists are of another snapshot, then says plainly that they do not belong together', async () => {
    // The site lists of a snapshot with one trial fewer, next to the sample's core: never matching.
    const other = servePrecomputed({ ...RAW, studies: RAW.studies.slice(1) });
    servePrecomputed(RAW);
    answerDelta([]);
    let cores = 0;
    server.use(
      http.get('*/data/trial-sites.json', () =>
        HttpResponse.text(other.sitesText, { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/data/trials.json')) cores += 1;
    });
    renderAt('/?view=patient');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('another version of the trial data');
    // Read once for the page, once again for the site lists of the other snapshot; not in a loop.
    expect(cores).toBe(2);
    server.events.removeAllListeners('request:start');
  });

  it('says the sites could not be loaded when the file is missing, never "no sites"', async () => {
    servePrecomputed(RAW);
    answerDelta([]);
    server.use(
      http.get('*/data/trial-sites.json', () => HttpResponse.text('Not found', { status: 404 })),
    );
    renderAt(`/?trial=${idOf(FROM_FILE)}`);
    const section = await sitesSection();
    await waitFor(
      () =>
        expect(section).toHaveTextContent(
          'Sites: the site lists could not be loaded, and neither could the full record.',
        ),
      { timeout: 5000 },
    );
    expect(section).not.toHaveTextContent('The record lists no sites.');
  });

  it('marks no trial as changed because its sites have not loaded yet, and keeps the counts seen', async () => {
    const { sitesText, dataset } = servePrecomputed(RAW);
    answerDelta([]);
    // The last visit saw the same trials, sites and all.
    const seen = snapshotSeen(dataset.trials);
    const lastVisit = { version: 1, savedAt: '2025-03-01T10:00:00.000Z', trials: seen };
    window.localStorage.setItem(SEEN_STORAGE_KEY, JSON.stringify(lastVisit));
    const sites = holdSiteLists(sitesText);
    renderAt('/');
    expect(
      await screen.findByText('Since your last visit: 0 new, 0 changed', {}, { timeout: 5000 }),
    ).toBeVisible();
    await waitFor(() => expect(sites.asked()).toBe(1));
    // Leaving before the site lists arrive: the counts seen last time are kept.
    window.dispatchEvent(new Event('pagehide'));
    const saved = JSON.parse(window.localStorage.getItem(SEEN_STORAGE_KEY)!) as {
      trials: typeof seen;
    };
    expect(saved.trials[idOf(FROM_FILE)]).toEqual(seen[idOf(FROM_FILE)]);
    sites.release();
    await waitFor(() => expect(screen.getByRole('tab', { name: 'For patients' })).toBeVisible());
    expect(screen.getByText('Since your last visit: 0 new, 0 changed')).toBeVisible();
  });

  it('searches the conditions and interventions of the site lists file, and says so until they are in', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    const sites = holdSiteLists(sitesText);
    // Filgrastim is named only in the interventions of 4 trials of the sample shown by default.
    renderAt('/?q=filgrastim');
    const note = await screen.findByText(
      /the official titles, conditions and interventions are still loading/,
      {},
      { timeout: 5000 },
    );
    expect(resultCount()).toBe('0 trials');
    // Asked at once for the search, not after the first draw.
    await waitFor(() => expect(sites.asked()).toBe(1));
    sites.release();
    await waitFor(() => expect(resultCount()).toBe('4 trials'));
    expect(note).not.toBeInTheDocument();
  });

  it('says what the search could not look in when the site lists fail, and retries on request', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    let fail = true;
    server.use(
      http.get('*/data/trial-sites.json', () =>
        fail
          ? HttpResponse.text('Not found', { status: 404 })
          : HttpResponse.text(sitesText, { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    renderAt('/?q=filgrastim');
    const alert = await screen.findByText(/The search did not look in/, {}, { timeout: 5000 });
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(
      /The search did not look in the official titles, conditions and interventions: .*site lists/,
    );
    expect(resultCount()).toBe('0 trials');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(resultCount()).toBe('4 trials'));
    expect(screen.queryByText(/The search did not look in/)).not.toBeInTheDocument();
  });

  it('searches the site lists texts in a locked embed too, and says so until they are in', async () => {
    const { sitesText } = servePrecomputed(RAW);
    answerDelta([]);
    const sites = holdSiteLists(sitesText);
    renderAt('/?embed=1&lock=1&panels=summary&q=filgrastim');
    const preset = () => document.querySelector('.embed-preset')?.textContent ?? '';
    const note = await screen.findByText(
      /the official titles, conditions and interventions are still loading/,
      {},
      { timeout: 5000 },
    );
    expect(preset()).toMatch(/^0 trials/);
    await waitFor(() => expect(sites.asked()).toBe(1));
    sites.release();
    await waitFor(() => expect(preset()).toMatch(/^4 trials/));
    expect(note).not.toBeInTheDocument();
  });
});
