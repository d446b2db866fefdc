import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { accentContrast } from '../../src/app/embed-mode.tsx';
import { renderWithProviders } from '../render.tsx';

const datasetOptions = { retry: { retries: 0 } };

/** Two multiple sclerosis trials and one systemic sclerosis trial (real records). */
const KNOWN = ['NCT00014755', 'NCT00040482', 'NCT01413100'].map((id) => {
  const entry = fixtureEntries().find(
    (e) => e.study.protocolSection?.identificationModule?.nctId === id,
  );
  if (!entry) throw new Error(`No fixture ${id}`);
  return entry.study;
});

function renderAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  server.use(
    http.get('*/api/v2/studies', () =>
      HttpResponse.json({ studies: KNOWN, totalCount: KNOWN.length }),
    ),
  );
  return renderWithProviders(<App datasetOptions={datasetOptions} mockMode={false} />);
}

function countText(): string {
  return document.querySelector('.active-filters-count, .embed-preset')?.textContent ?? '';
}

function hostMessage(data: unknown, origin: string) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: window }));
  });
}

describe('embed mode', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('shows only the chosen panels, without the page header, footer or filter controls when locked', async () => {
    renderAt('?embed=1&lock=1&panels=summary&disease=multiple-sclerosis');
    // The first render of the file also loads the app's modules: allow for a busy machine.
    await waitFor(() => expect(countText()).toMatch(/^2 trials/), { timeout: 10_000 });
    expect(countText()).toContain('Multiple sclerosis');
    expect(screen.getByRole('region', { name: 'Summary figures' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'HSCT Trials Dashboard' })).toBeNull();
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(screen.queryByText('Filters')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Trials by disease' })).toBeNull();
    const full = screen.getByRole('link', { name: 'open full dashboard' });
    const href = new URL(full.getAttribute('href') ?? '');
    expect(href.searchParams.get('disease')).toBe('multiple-sclerosis');
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.searchParams.has('lock')).toBe(false);
  });

  it('names every bad parameter in the frame and still shows the view', async () => {
    renderAt('?embed=1&panels=summary,pie&theme=neon&accent=<b>x</b>');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('panels: “pie” is not a panel');
    expect(alert).toHaveTextContent('theme: “neon” is not a theme');
    expect(alert).toHaveTextContent('accent: “<b>x</b>” is not a hex colour');
    expect(within(alert).queryByText('x', { selector: 'b' })).toBeNull();
    await waitFor(() => expect(countText()).toMatch(/^3 trials/));
  });

  it('applies the theme and a validated accent colour to the page', async () => {
    renderAt('?embed=1&theme=dark&accent=%23b03a2e&panels=summary');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(document.documentElement.style.getPropertyValue('--color-accent')).toBe('#b03a2e');
    expect(document.documentElement.style.getPropertyValue('--color-accent-contrast')).toBe(
      '#ffffff',
    );
  });

  it('changes its filters on setFilters from an allowed origin only', async () => {
    renderAt('?embed=1&panels=summary&origins=https://host.example');
    await waitFor(() => expect(countText()).toMatch(/^3 trials/));
    const message = {
      source: 'hsct-trials',
      version: 1,
      type: 'setFilters',
      filters: { disease: ['systemic-sclerosis'] },
    };
    hostMessage(message, 'https://evil.example');
    hostMessage({ ...message, extra: true }, 'https://host.example');
    // Give an (ignored) update time to land before checking nothing changed.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(countText()).toMatch(/^3 trials/);
    hostMessage(message, 'https://host.example');
    await waitFor(() => expect(countText()).toMatch(/^1 trial\b/));
    hostMessage(
      { source: 'hsct-trials', type: 'setFilters', filters: null },
      'https://host.example',
    );
    await waitFor(() => expect(countText()).toMatch(/^3 trials/));
  });

  it('says which values of a setFilters message it ignored', async () => {
    renderAt('?embed=1&panels=summary&origins=https://host.example');
    await waitFor(() => expect(countText()).toMatch(/^3 trials/));
    hostMessage(
      { source: 'hsct-trials', type: 'setFilters', filters: { disease: ['lupus', 'flu'] } },
      'https://host.example',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ignored in the message: disease "flu" (unknown disease value).',
    );
    // The valid part is applied, up to the address (written a moment later: wait, so that the write
    // cannot land in the next test).
    await waitFor(() => expect(window.location.search).toContain('disease=lupus'));
  });

  it('picks readable text for light and dark accent colours', () => {
    expect(accentContrast('#ffeb3b')).toBe('#111111');
    expect(accentContrast('#036')).toBe('#ffffff');
  });
});

describe('share, export and cite in the full app', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('offers the share dialog, the three downloads and a citation of the filtered view', async () => {
    const { user } = renderAt('?disease=multiple-sclerosis');
    expect(
      await screen.findByRole('button', { name: 'Share or embed' }, { timeout: 10_000 }),
    ).toBeVisible();
    const downloads = screen.getByRole('group', { name: 'Download the 2 trials of this view' });
    for (const name of ['Download CSV', 'Download JSON', 'Download RIS']) {
      expect(within(downloads).getByRole('button', { name })).toBeVisible();
    }
    await user.click(screen.getByText('Cite this view', { selector: 'summary' }));
    const citation = screen.getByLabelText('Citation');
    expect((citation as HTMLTextAreaElement).value).toMatch(/filtered view \(2 trials\)/);
    expect((citation as HTMLTextAreaElement).value).toContain('disease=multiple-sclerosis');
  });
});
