import { act, render, screen, within } from '@testing-library/react';
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
    expect(map.querySelectorAll('path.patient-map-country').length).toBeGreaterThan(100);
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

  it('keeps the globe’s edge out of every zoomed region (no stray outline across the map)', async () => {
    const { user } = await renderMap();
    for (const region of [
      'North America',
      'South America',
      'Europe',
      'Africa and Middle East',
      'Asia',
      'Oceania',
    ]) {
      await user.click(screen.getByRole('button', { name: region }));
      const map = screen.getByRole('group', {
        name: new RegExp(`^Map of trial sites: ${region},`),
      });
      const [x, y, w, h] = map.getAttribute('viewBox')!.split(' ').map(Number) as [
        number,
        number,
        number,
        number,
      ];
      const numbers = (map.querySelector('path.patient-map-sphere')!.getAttribute('d') ?? '')
        .match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)!
        .map(Number);
      const inside: string[] = [];
      for (let i = 2; i + 1 < numbers.length; i += 2) {
        // Sample each outline segment: none of it may fall inside the visible area.
        for (let t = 0; t <= 1; t += 0.1) {
          const px = numbers[i - 2]! + (numbers[i]! - numbers[i - 2]!) * t;
          const py = numbers[i - 1]! + (numbers[i + 1]! - numbers[i - 1]!) * t;
          if (px > x && px < x + w && py > y && py < y + h) inside.push(`${px},${py}`);
        }
      }
      expect(inside, `${region}: globe outline crosses the view`).toEqual([]);
    }
  });

  it('labels a site on the map while it has keyboard focus or the pointer', async () => {
    const { user, map } = await renderMap();
    expect(within(map).queryByText('River Hospital, London, United Kingdom')).toBeNull();
    await user.hover(within(map).getByRole('button', { name: /^River Hospital, London/ }));
    expect(within(map).getByText('River Hospital, London, United Kingdom')).toBeInTheDocument();
    await user.unhover(within(map).getByRole('button', { name: /^River Hospital, London/ }));
    expect(within(map).queryByText('River Hospital, London, United Kingdom')).toBeNull();
    act(() =>
      within(map)
        .getByRole('button', { name: /^Lakeside Hospital, Chicago/ })
        .focus(),
    );
    expect(within(map).getByText('Lakeside Hospital, Chicago, United States')).toBeInTheDocument();
    expect(within(map).getByText('1 trial, recruiting')).toBeInTheDocument();
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
