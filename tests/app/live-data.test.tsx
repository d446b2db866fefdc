import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesById } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { snapshotSeen, type SeenState } from '../../src/domain/changes.ts';
import { normalizeStudies } from '../../src/domain/normalize-study.ts';
import { SEEN_STORAGE_KEY } from '../../src/features/live-data/use-change-tracking.ts';
import { renderWithProviders } from '../render.tsx';

const datasetOptions = { retry: { retries: 0 } };

function renderApp() {
  return renderWithProviders(<App datasetOptions={datasetOptions} mockMode={false} />);
}

/** Three real autoimmune HSCT records (two multiple sclerosis, one systemic sclerosis). */
const CHANGED_ID = 'NCT00014755';
const SAME_ID = 'NCT00040482';
const NEW_ID = 'NCT01413100';
const STUDIES = fixturesById(CHANGED_ID, SAME_ID, NEW_ID);
const TODAY = snapshotSeen(normalizeStudies(STUDIES).trials);

function serveStudies(studies: unknown[]) {
  server.use(
    http.get('*/api/v2/studies', () => HttpResponse.json({ studies, totalCount: studies.length })),
  );
}

/** The baseline of a last visit: CHANGED_ID had another status and one site fewer; NEW_ID was not there. */
function seedLastVisit(savedAt = '2025-03-01T10:00:00.000Z') {
  const changed = TODAY[CHANGED_ID];
  const same = TODAY[SAME_ID];
  if (!changed || !same || (changed.siteCount ?? 0) < 1) throw new Error('fixtures changed');
  const trials: SeenState = {
    [CHANGED_ID]: {
      ...changed,
      status: changed.status === 'RECRUITING' ? 'COMPLETED' : 'RECRUITING',
      siteCount: (changed.siteCount ?? 0) - 1,
    },
    [SAME_ID]: same,
  };
  localStorage.setItem(SEEN_STORAGE_KEY, JSON.stringify({ version: 1, savedAt, trials }));
}

function storedBaseline(): { savedAt: string; trials: SeenState } | null {
  const raw = localStorage.getItem(SEEN_STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { savedAt: string; trials: SeenState });
}

async function tableRows(): Promise<Map<string, HTMLElement>> {
  const table = await screen.findByRole('table', { name: 'Trials' }, { timeout: 10_000 });
  const rows = within(table).getAllByRole('row').slice(1);
  return new Map(
    rows.map((row) => [within(row).getByRole('rowheader').textContent ?? '', row] as const),
  );
}

/** The changes panel, in the status line's details (opened when they are closed). */
function changesPanel(): HTMLElement {
  const status = screen.getByRole('region', { name: 'Data source' });
  const toggle = within(status).getByRole('button', { name: 'Details' });
  if (toggle.getAttribute('aria-expanded') === 'false') fireEvent.click(toggle);
  return screen.getByRole('region', { name: 'Since your last visit' });
}

describe('What changed since the last visit', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/?view=table');
    localStorage.clear();
    serveStudies(STUDIES);
  });
  afterEach(() => localStorage.clear());

  it('marks trials that are new or changed since the stored last visit, saying what changed', async () => {
    seedLastVisit();
    renderApp();
    const rows = await tableRows();
    expect(rows.get(NEW_ID)).toHaveTextContent(/\bNew\b/);
    const changedRow = rows.get(CHANGED_ID);
    expect(changedRow).toHaveTextContent('Changed');
    expect(changedRow).toHaveTextContent(/Status: .+ → .+/);
    expect(changedRow).toHaveTextContent('1 new site');
    expect(rows.get(SAME_ID)).not.toHaveTextContent(/\bNew\b|Changed/);
    expect(changesPanel()).toHaveTextContent(
      'Compared with your last visit on 1 March 2025: 1 new trial, 1 changed trial',
    );
  });

  it('narrows the trials to the new ones with the changed filter, kept in the URL', async () => {
    seedLastVisit();
    const { user } = renderApp();
    expect((await tableRows()).size).toBe(3);
    await user.click(within(changesPanel()).getByRole('button', { name: 'Only new (1)' }));
    await waitFor(async () => expect([...(await tableRows()).keys()]).toEqual([NEW_ID]));
    expect(new URLSearchParams(window.location.search).get('changed')).toBe('new');
    expect(within(changesPanel()).getByRole('button', { name: 'Only new (1)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('opens a changed=updated link with only the changed trials, ignoring unknown values', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?view=table&changed=updated,bogus');
    renderApp();
    await waitFor(async () => expect([...(await tableRows()).keys()]).toEqual([CHANGED_ID]));
  });

  it('removes the marks on "Mark all as seen" and stores the trials on screen as the new baseline', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?view=table&changed=new');
    const { user } = renderApp();
    await waitFor(async () => expect((await tableRows()).size).toBe(1));
    await user.click(within(changesPanel()).getByRole('button', { name: 'Mark all as seen' }));
    await waitFor(async () => expect((await tableRows()).size).toBe(3));
    const table = screen.getByRole('table', { name: 'Trials' });
    expect(table).not.toHaveTextContent(/\bNew\b|Changed/);
    expect(changesPanel()).toHaveTextContent('0 new trials, 0 changed trials');
    expect(window.location.search).not.toContain('changed=');
    expect(storedBaseline()?.trials).toMatchObject(TODAY);
  });

  it('marks nothing on a first visit, and remembers the trials when the visitor leaves', async () => {
    renderApp();
    const rows = await tableRows();
    expect(rows.size).toBe(3);
    expect(screen.getByRole('table', { name: 'Trials' })).not.toHaveTextContent(/\bNew\b|Changed/);
    expect(changesPanel()).toHaveTextContent(/First visit from this browser/);
    expect(storedBaseline()).toBeNull();

    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    const stored = storedBaseline();
    expect(stored?.trials).toMatchObject(TODAY);
    expect(Date.parse(stored?.savedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps working, as a first visit, when the stored baseline is damaged', async () => {
    localStorage.setItem(SEEN_STORAGE_KEY, '{not json');
    renderApp();
    expect((await tableRows()).size).toBe(3);
    expect(changesPanel()).toHaveTextContent(/First visit from this browser/);
  });

  it('does not trust a stored last visit dated in the future: a first visit', async () => {
    seedLastVisit(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString());
    renderApp();
    expect((await tableRows()).size).toBe(3);
    expect(changesPanel()).toHaveTextContent(/First visit from this browser/);
  });

  it('shows the change of a trial in its detail', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', `/?view=table&trial=${CHANGED_ID}`);
    renderApp();
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(dialog).toHaveTextContent(/Changed.*Status: .+ → .+; 1 new site/);
  });

  it('shows each mark of the changed filter as a removable chip in the active filters', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?view=table&changed=new,updated');
    const { user } = renderApp();
    await waitFor(async () => expect((await tableRows()).size).toBe(2));
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((chip) => chip.textContent),
    ).toEqual([
      expect.stringContaining('Changed: new since last visit'),
      expect.stringContaining('Changed: updated since last visit'),
    ]);
    expect(screen.getByRole('button', { name: 'Clear all' })).toBeVisible();

    await user.click(
      screen.getByRole('button', { name: 'Remove filter Changed: new since last visit' }),
    );
    await waitFor(async () => expect([...(await tableRows()).keys()]).toEqual([CHANGED_ID]));
    expect(new URLSearchParams(window.location.search).get('changed')).toBe('updated');
    expect(
      screen.queryByRole('button', { name: 'Remove filter Changed: new since last visit' }),
    ).not.toBeInTheDocument();
    expect(within(changesPanel()).getByRole('button', { name: /^Only new/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('clears the changed filter together with the other filters on "Clear all"', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?view=table&changed=new&results=1');
    const { user } = renderApp();
    await screen.findByRole('button', { name: 'Remove filter Changed: new since last visit' });
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(async () => expect((await tableRows()).size).toBe(3));
    expect(window.location.search).toBe('?view=table');
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });

  it('clears the changed filter too from "Clear all filters" when no trial matches', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?changed=new&disease=multiple-sclerosis');
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(
      screen.queryByRole('heading', { name: 'No trials match these filters' }),
    ).not.toBeInTheDocument();
  });

  it('leaves the changed filter out of the link to the view', async () => {
    seedLastVisit();
    window.history.replaceState(null, '', '/?view=table&changed=new');
    const { user } = renderApp();
    await waitFor(async () => expect((await tableRows()).size).toBe(1));
    await user.click(await screen.findByRole('button', { name: 'Share or embed' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Share or embed this view' },
      { timeout: 10_000 }, // the dialog's module is loaded on first use
    );
    const link = new URL(
      within(dialog).getByLabelText<HTMLTextAreaElement>('Link to this view').value,
    );
    expect(link.searchParams.get('view')).toBe('table');
    expect(link.searchParams.has('changed')).toBe(false);
  });

  it('offers the ClinicalTrials.gov RSS feed of the same search', async () => {
    renderApp();
    await tableRows();
    const link = within(changesPanel()).getByRole('link', {
      name: /RSS feed of this search on ClinicalTrials\.gov/,
    });
    const url = new URL(link.getAttribute('href') ?? '');
    expect(url.origin + url.pathname).toBe('https://clinicaltrials.gov/api/rss');
    expect(url.searchParams.get('dateField')).toBe('LastUpdatePostDate');
    expect(url.searchParams.get('cond')).toBeTruthy();
  });
});

describe('Data source and freshness', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    localStorage.clear();
  });

  it('says how old the data on screen is', async () => {
    serveStudies(STUDIES);
    renderApp();
    expect(await screen.findByText(/^Updated just now/, {}, { timeout: 10_000 })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
      'checked again when older than 30 min',
    );
  });

  it('tries the live API again from the offline banner, and shows live data when it answers', async () => {
    let liveUp = false;
    server.use(
      http.get('*/api/v2/studies', () =>
        liveUp
          ? HttpResponse.json({ studies: STUDIES, totalCount: STUDIES.length })
          : HttpResponse.error(),
      ),
    );
    const { user } = renderApp();
    const banner = await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 });
    expect(banner).toHaveTextContent(/Offline sample from .+ — live API unreachable/);
    expect(screen.getByText(/^Updated just now/)).toBeVisible();
    expect(banner).toHaveTextContent(
      'The live API is tried again on your next visit, or with Retry',
    );

    liveUp = true;
    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
        'Live from ClinicalTrials.gov',
      ),
    );
    expect(
      within(screen.getByRole('region', { name: 'Data source' })).queryByRole('button', {
        name: 'Retry',
      }),
    ).not.toBeInTheDocument();
  });
});
