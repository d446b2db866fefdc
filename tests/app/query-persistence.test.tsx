import { render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { Providers } from '../../src/app/providers.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';
import { FRESH_UNTIL_KEY, FRESHNESS_WINDOW_MS } from '../../src/app/early-requests.ts';
import { CACHE_KEY, cacheBuster, createDatasetPersister } from '../../src/app/query-persistence.ts';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import { TRIAL_SHAPE, type Trial } from '../../src/domain/trial.ts';
import { createMemoryStorage, type StringStorage } from '../../src/lib/idb-storage.ts';
import { DAMAGED_TRIAL_FIELDS } from '../damaged-trial-fields.ts';
import { trialDetailQueries } from '../../src/queries/trial-detail-query.ts';
import { DATASET_SHAPE } from '../../src/queries/trial-queries.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import { servePrecomputed } from '../queries/precomputed-server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled sample, served as the precomputed core and its site lists (snapshot-first mode). */
function servePrecomputedSample() {
  const raw = JSON.parse(
    readFileSync(join(process.cwd(), 'public/data/snapshot.json'), 'utf8'),
  ) as BundledDataset;
  servePrecomputed(raw);
  const files = { sites: 0 };
  server.events.on('request:start', ({ request }) => {
    if (request.url.endsWith('/data/trial-sites.json')) files.sites += 1;
  });
  return files;
}

const STUDIES = ['NCT00014755', 'NCT00040482', 'NCT01413100'].map((id) => {
  const entry = fixtureEntries().find(
    (e) => e.study.protocolSection?.identificationModule?.nctId === id,
  );
  if (!entry) throw new Error(`No fixture ${id}`);
  return entry.study;
});

/** Serves the three studies (or a network failure while `down`), counting the requests for studies. */
function serveCounted() {
  const state = { studyRequests: 0, down: false };
  server.use(
    http.get('*/api/v2/studies', () => {
      state.studyRequests += 1;
      return state.down
        ? HttpResponse.error()
        : HttpResponse.json({ studies: STUDIES, totalCount: STUDIES.length });
    }),
  );
  return state;
}

/**
 * One visit: the app in fresh providers (a fresh in-memory query cache) persisting to `storage`.
 * `close()` ends the visit like closing the tab: the app unmounts and a save still waiting for the
 * persister's one-second throttle never reaches the storage (it would otherwise land at a random
 * moment during the next visit).
 */
function visit(storage: StringStorage, client = createQueryClient({ retry: false })) {
  let open = true;
  const tab: StringStorage = {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => (open ? storage.setItem(key, value) : Promise.resolve()),
    removeItem: (key) => (open ? storage.removeItem(key) : Promise.resolve()),
  };
  const view = render(
    <Providers client={client} persister={createDatasetPersister(tab)}>
      <App datasetOptions={{ retry: { retries: 0 } }} mockMode={false} />
    </Providers>,
  );
  return {
    close: () => {
      view.unmount();
      open = false;
    },
  };
}

type PersistedClientJson = {
  timestamp: number;
  buster?: string;
  clientState: {
    queries: {
      state: {
        dataUpdatedAt: number;
        data: { fetchedAt: string; trials: Record<string, unknown>[] };
      };
    }[];
  };
};

type SavedClient = {
  buster: string;
  clientState: { queries: { queryKey: unknown[]; state: { status: string } }[] };
};

/**
 * The saved cache once it holds the loaded dataset. The persister writes at most once a second and its
 * first write can come before the dataset has loaded (an empty cache), so wait for the dataset itself,
 * not for the first write.
 */
async function saved(
  storage: StringStorage,
): Promise<{ buster: string; queries: { queryKey: unknown[] }[] }> {
  let client: SavedClient | undefined;
  await waitFor(
    async () => {
      const raw = await storage.getItem(CACHE_KEY);
      expect(raw).not.toBeNull();
      client = JSON.parse(raw ?? '') as SavedClient;
      expect(
        client.clientState.queries.some(
          (q) => q.queryKey[1] === 'dataset' && q.state.status === 'success',
        ),
      ).toBe(true);
    },
    { timeout: 10_000 },
  );
  if (!client) throw new Error('No saved cache');
  return { buster: client.buster, queries: client.clientState.queries };
}

/** A visit that opens the patient view, once it is shown. */
async function visitPatientView(storage: StringStorage): Promise<void> {
  window.history.replaceState(null, '', '/?view=patient');
  visit(storage);
  expect(
    await screen.findByRole(
      'heading',
      { name: 'Trials for patients: in plain words' },
      { timeout: 10_000 },
    ),
  ).toBeVisible();
}

function trialsFigure(): string {
  return (
    within(screen.getByRole('group', { name: 'Trials' })).getByText(/^[\d,]+$/).textContent ?? ''
  );
}

// Each test renders the whole app twice; on a loaded machine that takes more than the default 15 s.
describe('Saved dataset for repeat visits', { timeout: 40_000 }, () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => server.events.removeAllListeners('request:start'));

  /** A first visit that loaded live (one request for studies) and saved its dataset, then closed. */
  async function liveVisitSaved() {
    const api = serveCounted();
    const storage = createMemoryStorage();
    const first = visit(storage);
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
    expect(api.studyRequests).toBe(1);
    await saved(storage);
    first.close();
    return { api, storage };
  }

  it('draws a repeat visit from the saved dataset without asking the API again', async () => {
    const { api, storage } = await liveVisitSaved();

    visit(storage);
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
    expect(trialsFigure()).toBe('3');
    expect(screen.getByText(/^Updated just now/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
      'kept in this browser for quick repeat visits',
    );
    expect(api.studyRequests).toBe(1);
  });

  it('reads the saved copy as soon as the persister is made, once, and restores that read', async () => {
    const storage = createMemoryStorage();
    await storage.setItem(CACHE_KEY, '{}');
    const reads: string[] = [];
    const persister = createDatasetPersister({
      ...storage,
      getItem: (key) => {
        reads.push(key);
        return storage.getItem(key);
      },
    });
    // Before the app's first render has asked for it.
    expect(reads).toEqual([CACHE_KEY]);
    // The provider's restore gets that read: no second read of the storage.
    await persister.restoreClient();
    expect(reads).toEqual([CACHE_KEY]);
  });

  it('saves only the dataset query, marked with the model and search fingerprint', async () => {
    serveCounted();
    // Another query in the same cache (a trial's full record, as the detail loads it) is not saved.
    const client = createQueryClient({ retry: false });
    client.setQueryData(trialDetailQueries.detail('NCT00014755').queryKey, {
      trial: normalizeStudy(STUDIES[0]) as Trial,
    });
    const storage = createMemoryStorage();
    visit(storage, client);
    const { buster, queries } = await saved(storage);
    expect(client.getQueryCache().getAll().length).toBeGreaterThan(1);
    expect(buster).toBe(cacheBuster({ mock: false }));
    expect(queries.map((q) => q.queryKey.slice(0, 2))).toEqual([['trials', 'dataset']]);
  });

  it('ignores a dataset saved by another app version or search and loads again', async () => {
    // The same saved dataset, as an older version of the app (or another search) would have marked it.
    const { api, storage } = await savedThenAltered((client) => {
      client.buster = 'an-older-version';
    });

    visit(storage);
    await waitFor(() => expect(api.studyRequests).toBe(1), { timeout: 10_000 });
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
  });

  /** Ends a first visit with the dataset saved, then rewrites the saved cache with `damage`. */
  async function savedThenAltered(damage: (client: PersistedClientJson) => void) {
    const api = serveCounted();
    const storage = createMemoryStorage();
    const first = visit(storage);
    await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 });
    await saved(storage);
    first.close();
    const client = JSON.parse((await storage.getItem(CACHE_KEY)) ?? '') as PersistedClientJson;
    damage(client);
    await storage.setItem(CACHE_KEY, JSON.stringify(client));
    api.studyRequests = 0;
    return { api, storage };
  }

  it('drops a saved dataset of this version whose trials lost their array fields, and loads again', async () => {
    const { api, storage } = await savedThenAltered((client) => {
      for (const query of client.clientState.queries) {
        for (const trial of query.state.data.trials) {
          for (const field of DAMAGED_TRIAL_FIELDS) delete trial[field];
        }
      }
    });

    visit(storage);
    await waitFor(() => expect(api.studyRequests).toBe(1), { timeout: 10_000 });
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
    expect(trialsFigure()).toBe('3');
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  });

  it('a repeat visit of the snapshot makes no API request and reads the site lists again from the site', async () => {
    const files = servePrecomputedSample();
    const { api, storage } = await liveVisitSaved(); // its one request for studies: the delta
    api.studyRequests = 0;
    const sitesBefore = files.sites;

    // The patient view needs the sites: they come from the site lists file, not from the saved copy.
    await visitPatientView(storage);
    expect(files.sites).toBe(sitesBefore + 1);
    expect(api.studyRequests).toBe(0);
  });

  it('a repeat visit after the site published a new snapshot reads that snapshot, not site lists of another one', async () => {
    servePrecomputedSample();
    const { api, storage } = await liveVisitSaved();
    api.studyRequests = 0;
    // The site publishes the next night's snapshot: one trial fewer, so another core and site lists.
    const raw = JSON.parse(
      readFileSync(join(process.cwd(), 'public/data/snapshot.json'), 'utf8'),
    ) as BundledDataset;
    servePrecomputed({ ...raw, studies: raw.studies.slice(1) });
    let cores = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/data/trials.json')) cores += 1;
    });

    await visitPatientView(storage);
    await waitFor(() => expect(screen.queryByText(/Loading the trial sites/)).toBeNull(), {
      timeout: 10_000,
    });
    expect(screen.queryByText(/another version of the trial data/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // The saved trials were read again from the new snapshot (and its day's changes), once.
    expect(cores).toBe(1);
    expect(api.studyRequests).toBe(1);
  });

  it('drops a saved snapshot whose note on its site lists is damaged, and loads again', async () => {
    servePrecomputedSample();
    const { api, storage } = await savedThenAltered((client) => {
      for (const query of client.clientState.queries) {
        (query.state.data as Record<string, unknown>).sitesFile = { coreHash: 42, liveIds: [] };
      }
    });
    visit(storage);
    await waitFor(() => expect(api.studyRequests).toBe(1), { timeout: 10_000 });
  });

  it('does not trust a saved copy stamped in the future: it asks the API again', async () => {
    const future = Date.now() + 3 * 24 * 60 * 60 * 1000;
    const { api, storage } = await savedThenAltered((client) => {
      client.timestamp = future;
      for (const query of client.clientState.queries) {
        query.state.dataUpdatedAt = future;
        query.state.data.fetchedAt = new Date(future).toISOString();
      }
    });

    visit(storage);
    await waitFor(() => expect(api.studyRequests).toBe(1), { timeout: 10_000 });
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
  });

  it('records when the saved live copy stops being fresh, for index.html (src/app/early-requests.ts)', async () => {
    localStorage.removeItem(FRESH_UNTIL_KEY);
    const { storage } = await liveVisitSaved();
    const client = JSON.parse((await storage.getItem(CACHE_KEY)) ?? '') as PersistedClientJson;
    const dataset = client.clientState.queries[0];
    expect(localStorage.getItem(FRESH_UNTIL_KEY)).toBe(
      String((dataset?.state.dataUpdatedAt ?? NaN) + FRESHNESS_WINDOW_MS),
    );
  });

  it('records no freshness for a saved offline copy (the next visit asks the API again)', async () => {
    localStorage.setItem(FRESH_UNTIL_KEY, String(Date.now() + 60_000));
    const api = serveCounted();
    api.down = true;
    const storage = createMemoryStorage();
    visit(storage);
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('live API unreachable');
    await saved(storage);
    await waitFor(() => expect(localStorage.getItem(FRESH_UNTIL_KEY)).toBeNull());
  });

  it('shows a saved offline copy at once but tries the live API again on the next visit', async () => {
    const api = serveCounted();
    api.down = true;
    const storage = createMemoryStorage();
    const first = visit(storage);
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('live API unreachable');
    await saved(storage);
    first.close();

    api.down = false;
    api.studyRequests = 0;
    visit(storage);
    await waitFor(
      () =>
        expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
          'Live from ClinicalTrials.gov',
        ),
      { timeout: 10_000 },
    );
    expect(api.studyRequests).toBe(1);
  });
});

describe('cacheBuster', () => {
  it('changes with the shape of the persisted model and between mock and real data', () => {
    const base = cacheBuster({ mock: false });
    expect(cacheBuster({ mock: false })).toBe(base);
    expect(cacheBuster({ mock: true })).not.toBe(base);
    // A trial model with one more field (a newer app) or one field fewer (an older one).
    expect(
      cacheBuster({ mock: false, shape: { trial: { ...TRIAL_SHAPE, note: 'string?' } } }),
    ).not.toBe(base);
    const older = Object.fromEntries(
      Object.entries(TRIAL_SHAPE).filter(([field]) => field !== 'diseases'),
    );
    expect(cacheBuster({ mock: false, shape: { trial: older } })).not.toBe(base);
    expect(
      cacheBuster({ mock: false, shape: { dataset: DATASET_SHAPE, trial: TRIAL_SHAPE } }),
    ).toBe(base);
  });
});
