import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SiteMap } from '../../../src/features/patient/site-map.tsx';
import {
  LUPUS_CART,
  MS_CHICAGO,
  MS_COMPLETED,
  MS_LONDON,
  SSC_WOMEN,
  makeTrial,
} from './patient-fixtures.ts';

const NO_POSITION = makeTrial({
  nctId: 'NCT99000107',
  title: 'Synthetic: trial whose only site has no position',
  countries: ['France'],
  locations: [{ facility: 'Hôpital Exemple', country: 'France', status: 'RECRUITING' }],
});

const TRIALS = [MS_CHICAGO, MS_LONDON, MS_COMPLETED, LUPUS_CART, SSC_WOMEN, NO_POSITION];

async function renderMap(onSelectTrial?: (nctId: string) => void) {
  const user = userEvent.setup();
  render(
    <SiteMap
      trials={TRIALS}
      origin={{ lat: 41.8781, lon: -87.6298 }}
      {...(onSelectTrial ? { onSelectTrial } : {})}
    />,
  );
  const map = await screen.findByRole('group', { name: /^Map of trial sites: World/ });
  return { user, map };
}

describe('SiteMap', () => {
  it('draws every positioned site, naming recruiting ones, once the world outline has loaded', async () => {
    const { map } = await renderMap();
    const sites = within(map).getAllByRole('button');
    expect(sites).toHaveLength(5);
    expect(
      within(map).getByRole('button', {
        name: 'Lakeside Hospital, Chicago, United States: 1 trial, recruiting',
      }),
    ).toBeInTheDocument();
    expect(
      within(map).getByRole('button', {
        name: 'North Shore Centre, Evanston, United States: 1 trial',
      }),
    ).toBeInTheDocument();
    expect(map.querySelectorAll('path.map-country').length).toBeGreaterThan(100);
    expect(screen.getByText(/1 site has no position in the records/)).toBeInTheDocument();
  });

  it('shows a site’s trials when the site is clicked or chosen with the keyboard', async () => {
    const onSelectTrial = vi.fn();
    const { user, map } = await renderMap(onSelectTrial);
    await user.click(within(map).getByRole('button', { name: /^River Hospital, London/ }));
    const heading = screen.getByRole('heading', {
      name: 'Trials at River Hospital, London, United Kingdom',
    });
    const details = heading.parentElement!;
    expect(within(details).getByRole('link', { name: MS_LONDON.title })).toHaveAttribute(
      'href',
      MS_LONDON.url,
    );
    await user.click(within(details).getByRole('button', { name: /Show this trial/ }));
    expect(onSelectTrial).toHaveBeenCalledWith(MS_LONDON.nctId);

    within(map)
      .getByRole('button', { name: /^Spree Clinic, Berlin/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(
      screen.getByRole('heading', { name: 'Trials at Spree Clinic, Berlin, Germany' }),
    ).toBeInTheDocument();
  });

  it('zooms to a region and shows only the sites inside it', async () => {
    const { user } = await renderMap();
    await user.click(screen.getByRole('button', { name: 'Europe' }));
    expect(screen.getByRole('button', { name: 'Europe' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'World' })).toHaveAttribute('aria-pressed', 'false');
    const europe = screen.getByRole('group', {
      name: /^Map of trial sites: Europe, 3 sites shown/,
    });
    expect(within(europe).queryByRole('button', { name: /Chicago/ })).not.toBeInTheDocument();
    expect(within(europe).getByRole('button', { name: /Stockholm/ })).toBeInTheDocument();
  });

  it('gives the same content as a list of sites by country', async () => {
    await renderMap();
    const table = screen.getByRole('table', { name: 'Trial sites by country' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'United States212',
      'France111',
      'Germany111',
      'Sweden111',
      'United Kingdom111',
    ]);
    const france = screen.getByText('France: 1 site').closest('details')!;
    expect(
      within(france).getByText(/Hôpital Exemple, France \(recruiting\) \(no map position\)/),
    ).toBeInTheDocument();
    expect(within(france).getByRole('link', { name: NO_POSITION.title })).toHaveAttribute(
      'href',
      NO_POSITION.url,
    );
  });

  it('says so when there are no sites', () => {
    render(<SiteMap trials={[makeTrial({ nctId: 'NCT99000108', title: 'No sites' })]} />);
    expect(screen.getByText('No trial sites to show.')).toBeInTheDocument();
  });
});
