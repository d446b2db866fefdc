import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixturesById } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { renderWithProviders } from '../render.tsx';

/** Instant retries so failure paths do not wait on backoff. */
const datasetOptions = { retry: { retries: 0 } };

function renderApp() {
  return renderWithProviders(<App datasetOptions={datasetOptions} mockMode={false} />);
}

/** Fixture records (real unless their NCT id starts with NCT99) by NCT id. */
/**
 * A known set: three autoimmune trials (two multiple sclerosis, one systemic sclerosis; real records)
 * and two that are not autoimmune (a real breast cancer record and a synthetic GVHD/AML one).
 */
const KNOWN = fixturesById(
  'NCT00014755',
  'NCT00040482',
  'NCT01413100',
  'NCT02513394',
  'NCT99000022',
);

function serveStudies(studies: unknown[]) {
  server.use(
    http.get('*/api/v2/studies', () => HttpResponse.json({ studies, totalCount: studies.length })),
  );
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent ?? ''));
}

async function openTable(name: string): Promise<HTMLElement> {
  // The charts are a lazy chunk (as are share/export): allow for a slow first import under load.
  const panel = await screen.findByRole('region', { name }, { timeout: 5_000 });
  const toggle = within(panel).queryByRole('button', { name: 'Show data table' });
  if (toggle) fireEvent.click(toggle);
  return within(panel).findByRole('table');
}

function figure(name: string): string {
  return within(screen.getByRole('group', { name })).getByText(/^[\d,]+$/).textContent ?? '';
}

describe('App', () => {
  beforeEach(() => {
    // The URL is the state: every test starts from a clean address.
    window.history.replaceState(null, '', '/');
  });

  it('names the product and says what it shows', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'HSCT Trials Dashboard' })).toBeVisible();
    expect(screen.getByText(/hematopoietic stem cell transplantation/)).toBeVisible();
  });

  it('reports progress while pages load, then shows the figures and charts of the trials', async () => {
    let releaseSecondPage!: () => void;
    const secondPageHeld = new Promise<void>((resolve) => {
      releaseSecondPage = resolve;
    });
    server.use(
      http.get('*/api/v2/studies', async ({ request }) => {
        if (new URL(request.url).searchParams.get('pageToken') === null) {
          return HttpResponse.json({
            studies: KNOWN.slice(0, 2),
            totalCount: KNOWN.length,
            nextPageToken: 'page-2',
          });
        }
        await secondPageHeld;
        return HttpResponse.json({ studies: KNOWN.slice(2) });
      }),
    );
    renderApp();
    expect(screen.getByRole('status')).toHaveTextContent('Loading trials…');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Loaded 2 of 5 trials'),
    );

    releaseSecondPage();
    expect(await screen.findByRole('region', { name: 'Data source' })).toHaveTextContent(
      'Live from ClinicalTrials.gov',
    );
    expect(figure('Trials')).toBe('3');
    expect(rowsOf(await openTable('Trials by disease'))).toEqual([
      ['Multiple sclerosis', '2'],
      ['Systemic sclerosis', '1'],
    ]);
    const phases: Record<string, string> = Object.fromEntries(
      rowsOf(await openTable('Trials by phase')).map((row) => [row[0] ?? '', row[1] ?? '']),
    );
    expect(phases).toMatchObject({ 'Phase 1': '1', 'Phase 2': '2', 'Phase 3': '0' });
    const types = rowsOf(await openTable('Trials by transplant type'));
    expect(types.reduce((sum, row) => sum + Number(row.at(-1)), 0)).toBe(3);
  });

  it('shows the trials the emulated API finds for the default search, consistently in every panel', async () => {
    renderApp();
    expect(
      await screen.findByRole('region', { name: 'Data source' }, { timeout: 10_000 }),
    ).toHaveTextContent('Live from ClinicalTrials.gov');
    const trials = Number(figure('Trials').replace(/,/g, ''));
    expect(trials).toBeGreaterThan(10);
    const phaseTotal = rowsOf(await openTable('Trials by phase')).reduce(
      (sum, row) => sum + Number(row[1]),
      0,
    );
    expect(phaseTotal).toBe(trials);
    const typeTotal = rowsOf(await openTable('Trials by transplant type')).reduce(
      (sum, row) => sum + Number(row.at(-1)),
      0,
    );
    expect(typeTotal).toBe(trials);
    const diseases = rowsOf(await openTable('Trials by disease'));
    expect(diseases.map((row) => row[0])).toContain('Multiple sclerosis');
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(
      screen.getByRole('link', { name: 'Open this search on ClinicalTrials.gov' }),
    ).toHaveAttribute('href', expect.stringMatching(/^https:\/\/clinicaltrials\.gov\/search\?/));
  });

  it('lets the user show and hide records not classified as autoimmune', async () => {
    serveStudies(KNOWN);
    // The two excluded records are not HSCT (MSC, other): look at every therapy.
    window.history.replaceState(null, '', '/?therapy=all');
    const { user } = renderApp();
    expect(await screen.findByText('2 non-autoimmune records hidden')).toBeVisible();
    expect(figure('Trials')).toBe('3');

    await user.click(screen.getByRole('button', { name: 'Show hidden records' }));
    await waitFor(() => expect(figure('Trials')).toBe('5'));
    expect(rowsOf(await openTable('Trials by disease'))).toContainEqual([
      'Not classified as autoimmune',
      '2',
    ]);

    await user.click(screen.getByRole('button', { name: 'Hide them again' }));
    await waitFor(() => expect(figure('Trials')).toBe('3'));
  });

  it('falls back to the bundled sample when the live API answers with a server error', async () => {
    server.use(
      http.get('*/api/v2/studies', () => new HttpResponse('Internal error', { status: 500 })),
    );
    renderApp();
    const banner = await screen.findByRole('region', { name: 'Data source' });
    expect(banner).toHaveTextContent(/Offline sample from .+ — live API unreachable\./);
    expect(banner).toHaveTextContent(
      /Showing a bundled sample of [\d,]+ real trial records captured from ClinicalTrials\.gov by public repositories/,
    );
    expect(banner).toHaveTextContent(/Live API: .*500/);
    expect(Number(figure('Trials'))).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Trials by disease' })).toBeVisible();
  });

  it('falls back to the bundled sample when the network fails', async () => {
    server.use(http.get('*/api/v2/*', () => HttpResponse.error()));
    renderApp();
    expect(await screen.findByRole('region', { name: 'Data source' })).toHaveTextContent(
      'live API unreachable',
    );
    expect(screen.getByRole('region', { name: 'Trials by phase' })).toBeVisible();
  });

  it('explains when neither the live API nor the bundled sample loads, and recovers on Retry', async () => {
    server.use(
      http.get('*/api/v2/studies', () => HttpResponse.error()),
      http.get('*/data/snapshot.json', () => new HttpResponse('Not found', { status: 404 })),
    );
    const { user } = renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The trials could not be loaded');
    expect(alert).toHaveTextContent(/Live API: .+ Bundled sample: .+/);

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Trials by disease' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('quotes the rejection when the API refuses the query, without falling back', async () => {
    server.use(
      http.get(
        '*/api/v2/studies',
        () =>
          new HttpResponse('Incorrect format of the query.cond parameter', {
            status: 400,
            headers: { 'Content-Type': 'text/plain' },
          }),
      ),
    );
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Incorrect format of the query.cond parameter');
    expect(screen.queryByRole('region', { name: 'Data source' })).not.toBeInTheDocument();
  });

  it('shows an empty state when the search finds no trials', async () => {
    serveStudies([]);
    renderApp();
    expect(await screen.findByRole('heading', { name: 'No trials to show' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Data source' })).toHaveTextContent(
      'Live from ClinicalTrials.gov',
    );
    expect(screen.queryByRole('region', { name: 'Trials by disease' })).not.toBeInTheDocument();
  });

  it('keeps the data on screen and says so quietly when a refresh fails', async () => {
    serveStudies(KNOWN);
    const { queryClient } = renderApp();
    await screen.findByRole('region', { name: 'Trials by disease' });

    server.use(
      http.get('*/api/v2/studies', () => HttpResponse.error()),
      http.get('*/data/snapshot.json', () => HttpResponse.error()),
    );
    await queryClient.refetchQueries();
    expect(await screen.findByText(/Could not refresh the data/)).toBeVisible();
    expect(figure('Trials')).toBe('3');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
