import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixturesById } from '../../mocks/emulator/fixture-studies.ts';
import { server } from '../../mocks/node.ts';
import { App } from '../../src/app/app.tsx';
import { renderWithProviders } from '../render.tsx';

/**
 * Real records: two multiple sclerosis HSCT trials (transplant type both / unspecified, started 1997 and
 * 1999), one systemic sclerosis autologous HSCT trial (2011); and two not classified as autoimmune
 * (a real record classified "other" therapy, a synthetic MSC one).
 */
const KNOWN = fixturesById(
  'NCT00014755',
  'NCT00040482',
  'NCT01413100',
  'NCT02513394',
  'NCT99000022',
);

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  server.use(
    http.get('*/api/v2/studies', () =>
      HttpResponse.json({ studies: KNOWN, totalCount: KNOWN.length }),
    ),
  );
  return renderWithProviders(<App datasetOptions={{ retry: { retries: 0 } }} mockMode={false} />);
}

async function filtersRegion(): Promise<HTMLElement> {
  // The first load reads every emulator fixture (145 records, some of them large), after asking for the
  // precomputed file (none here: 404).
  return screen.findByRole('region', { name: 'Filters' }, { timeout: 10_000 });
}

function resultCount(): string {
  return screen.getByText(/trials?$/, { selector: '.active-filters-count' }).textContent ?? '';
}

describe('Exploring the trials', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('offers every filter with a visible label, in a region named Filters', async () => {
    renderAt('/');
    const region = await filtersRegion();
    for (const name of [
      'Disease',
      'Therapy',
      'Transplant type',
      'Phase',
      'Status',
      'Country',
      'Sponsor class',
    ]) {
      expect(within(region).getByRole('group', { name })).toBeVisible();
      expect(within(region).getByText(name, { selector: 'legend' })).toBeVisible();
    }
    expect(within(region).getByRole('searchbox', { name: 'Search' })).toBeVisible();
    expect(within(region).getByRole('combobox', { name: 'Start year from' })).toBeVisible();
    expect(within(region).getByRole('combobox', { name: 'Start year to' })).toBeVisible();
    expect(within(region).getByRole('checkbox', { name: /^Has results/ })).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Recruiting now' })).toBeVisible();
  });

  it('starts with HSCT selected and shows counts that ignore the facet’s own selection', async () => {
    renderAt('/');
    const region = await filtersRegion();
    const therapy = within(region).getByRole('group', { name: 'Therapy' });
    expect(within(therapy).getByRole('checkbox', { name: /^HSCT/ })).toBeChecked();
    expect(within(therapy).getByRole('checkbox', { name: 'HSCT 3 trials' })).toBeVisible();
    const disease = within(region).getByRole('group', { name: 'Disease' });
    expect(
      within(disease).getByRole('checkbox', { name: 'Multiple sclerosis 2 trials' }),
    ).not.toBeChecked();
    expect(
      within(disease).getByRole('checkbox', { name: 'Systemic sclerosis 1 trial' }),
    ).toBeVisible();
    expect(resultCount()).toBe('3 trials');
  });

  it('puts a chosen filter in the URL, narrows the count and the other facets, and shows a removable chip', async () => {
    const { user } = renderAt('/');
    const region = await filtersRegion();
    await user.click(within(region).getByRole('checkbox', { name: 'Systemic sclerosis 1 trial' }));
    await waitFor(() => expect(window.location.search).toBe('?disease=systemic-sclerosis'));
    expect(resultCount()).toBe('1 trial');
    // Other facets now count under the disease filter; the disease facet still offers multiple sclerosis.
    const type = within(region).getByRole('group', { name: 'Transplant type' });
    expect(within(type).getByRole('checkbox', { name: 'Autologous 1 trial' })).toBeVisible();
    expect(within(type).getByRole('checkbox', { name: 'Both 0 trials' })).toBeVisible();
    expect(
      within(region).getByRole('checkbox', { name: 'Multiple sclerosis 2 trials' }),
    ).toBeVisible();

    await user.click(
      screen.getByRole('button', { name: 'Remove filter Disease: Systemic sclerosis' }),
    );
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(resultCount()).toBe('3 trials');
  });

  it('restores the whole view from a link, and Clear all goes back to the defaults', async () => {
    const { user } = renderAt('/?disease=multiple-sclerosis&therapy=all&from=1998');
    const region = await filtersRegion();
    expect(within(region).getByRole('checkbox', { name: /^Multiple sclerosis/ })).toBeChecked();
    expect(within(region).getByRole('combobox', { name: 'Start year from' })).toHaveValue('1998');
    expect(resultCount()).toBe('1 trial');
    expect(screen.getByRole('list', { name: 'Active filters' })).toHaveTextContent(
      'Started since 1998',
    );

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(resultCount()).toBe('3 trials');
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });

  it('steps back through filter changes with the browser’s back button', async () => {
    const { user } = renderAt('/');
    const region = await filtersRegion();
    await user.click(within(region).getByRole('checkbox', { name: /^Multiple sclerosis/ }));
    await waitFor(() => expect(resultCount()).toBe('2 trials'));
    await user.click(within(region).getByRole('checkbox', { name: /^Both/ }));
    await waitFor(() => expect(resultCount()).toBe('1 trial'));

    window.history.back();
    await waitFor(() => expect(resultCount()).toBe('2 trials'));
    expect(within(region).getByRole('checkbox', { name: /^Both/ })).not.toBeChecked();
  });

  it('filters by clicking a row of a chart’s data table (the keyboard route to cross-filtering)', async () => {
    const { user } = renderAt('/');
    const panel = await screen.findByRole('region', { name: 'Trials by disease' });
    await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
    const toggle = within(panel).getByRole('button', { name: 'Systemic sclerosis' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.search).toBe('?disease=systemic-sclerosis'));
    expect(resultCount()).toBe('1 trial');
    expect(within(panel).getByRole('button', { name: 'Systemic sclerosis' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('switches views through the URL', async () => {
    const { user } = renderAt('/?view=patient');
    expect(await screen.findByRole('tab', { name: 'For patients' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.click(screen.getByRole('tab', { name: 'Dashboard' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(await screen.findByRole('region', { name: 'Trials by disease' })).toBeVisible();
  });

  it('puts the table sort in the link to the view, as the address bar writes it, unless it is the default', async () => {
    const { user } = renderAt('/?view=table');
    const linkToView = async () => {
      await user.click(await screen.findByRole('button', { name: 'Share or embed' }));
      const dialog = await screen.findByRole(
        'dialog',
        { name: 'Share or embed this view' },
        { timeout: 10_000 }, // the dialog's module is loaded on first use
      );
      const link = within(dialog).getByLabelText<HTMLTextAreaElement>('Link to this view').value;
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      return link;
    };
    expect(await linkToView()).toBe(`${window.location.origin}/?view=table`);

    await user.click(await screen.findByRole('button', { name: /^Enrollment/ }));
    await waitFor(() => expect(window.location.search).toContain('sort='));
    const sorted = await linkToView();
    expect(new URL(sorted).searchParams.get('sort')).toBe('enrollment:desc');
    expect(sorted).toBe(`${window.location.origin}/${window.location.search}`);
  });

  it('ignores unknown values in a link with a quiet notice, keeping the rest', async () => {
    renderAt('/?disease=systemic-sclerosis,not-a-disease&from=19x9');
    expect(
      await screen.findByText(/Ignored in the link: disease "not-a-disease" .*from "19x9"/),
    ).toBeVisible();
    expect(resultCount()).toBe('1 trial');
  });

  it('says when no trial matches and offers to clear the filters', async () => {
    const { user } = renderAt('/?disease=lupus');
    expect(
      await screen.findByRole('heading', { name: 'No trials match these filters' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(resultCount()).toBe('3 trials'));
  });
});
