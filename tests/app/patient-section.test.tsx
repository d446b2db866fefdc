import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesById } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { renderWithProviders } from '../render.tsx';

/**
 * Synthetic recruiting MS transplant trials (Chicago, Rochester MN, London; NCT99000027-29), a real systemic
 * sclerosis HSCT trial (NCT01413100) and a real record not classified as autoimmune (NCT02513394).
 */
const STUDIES = fixturesById(
  'NCT99000027',
  'NCT99000028',
  'NCT99000029',
  'NCT01413100',
  'NCT02513394',
);

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  server.use(
    http.get('*/api/v2/studies', () =>
      HttpResponse.json({ studies: STUDIES, totalCount: STUDIES.length }),
    ),
  );
  return renderWithProviders(<App datasetOptions={{ retry: { retries: 0 } }} mockMode={false} />);
}

async function patientView() {
  return screen.findByRole(
    'heading',
    { name: 'Trials for patients: in plain words' },
    { timeout: 5000 },
  );
}

describe('The "For patients" tab', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('opens the patient view from a view=patient link, without the dashboard filters', async () => {
    renderAt('/?view=patient');
    expect(await patientView()).toBeVisible();
    expect(screen.getByRole('tab', { name: 'For patients' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.queryByRole('region', { name: 'Filters' })).not.toBeInTheDocument();
    expect(
      screen.getByText(/The dashboard filters do not apply here, only the condition you choose/),
    ).toBeVisible();
  });

  it('keeps the chosen condition in the disease parameter of the URL', async () => {
    const { user } = renderAt('/?view=patient&disease=multiple-sclerosis');
    await patientView();
    const condition = screen.getByRole('combobox', { name: 'My condition' });
    expect(condition).toHaveDisplayValue('Multiple sclerosis (MS)');
    expect(
      await screen.findByRole('heading', { name: 'Trials for Multiple sclerosis (MS)' }),
    ).toBeVisible();
    await user.selectOptions(condition, 'Systemic sclerosis (scleroderma)');
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('disease')).toBe('systemic-sclerosis'),
    );
  });

  it('lists only trials about an autoimmune disease', async () => {
    renderAt('/?view=patient');
    await patientView();
    const titles = (await screen.findAllByRole('article')).map(
      (a) => within(a).getByRole('heading', { level: 3 }).textContent,
    );
    expect(titles).toContain(
      'Autologous Stem Cell Transplant for Relapsing Multiple Sclerosis in the Midwest',
    );
    expect(screen.queryByText('NCT02513394', { exact: false })).not.toBeInTheDocument();
  });

  it('shows a shortlist shared through the shortlist parameter', async () => {
    renderAt('/?view=patient&shortlist=NCT99000028,NCT99000027');
    await patientView();
    const shared = screen.getByRole('region', { name: 'Shortlist shared with you (2)' });
    const headings = within(shared)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'Non-Myeloablative Autologous HSCT Versus Ocrelizumab in Relapsing-Remitting MS',
      'Autologous Stem Cell Transplant for Relapsing Multiple Sclerosis in the Midwest',
    ]);
    expect(within(shared).getByRole('link', { name: /507-555-0103/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^tel:/),
    );
  });
});
