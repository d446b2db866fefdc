import { describe, expect, it } from 'vitest';
import type { Trial, TrialLocation } from '../../src/domain/trial.ts';
import {
  isOpenSite,
  locationPoint,
  nearestSite,
  placeKey,
  placeLookup,
  siteGroups,
  sitePlaces,
  sitesByCountry,
} from '../../src/domain/site-places.ts';
import { syntheticTrial } from '../trial-factory.ts';

/** Synthetic trials (NCT99… ids) with hand-placed sites; coordinates are the real cities'. */
function trial(nctId: string, status: string, locations: TrialLocation[]): Trial {
  return syntheticTrial({
    nctId,
    title: `Synthetic trial ${nctId}`,
    status,
    conditions: ['Multiple Sclerosis'],
    countries: [...new Set(locations.map((l) => l.country).filter((c): c is string => Boolean(c)))],
    locations,
  });
}

const CHICAGO_SITE: TrialLocation = {
  facility: 'Northwestern',
  city: 'Chicago',
  state: 'Illinois',
  country: 'United States',
  lat: 41.8957,
  lon: -87.6212,
  status: 'RECRUITING',
};
const LONDON_SITE: TrialLocation = {
  facility: 'Kings',
  city: 'London',
  country: 'United Kingdom',
  lat: 51.468,
  lon: -0.0938,
  status: 'RECRUITING',
};
const STOCKHOLM_CLOSED: TrialLocation = {
  facility: 'Karolinska',
  city: 'Stockholm',
  country: 'Sweden',
  lat: 59.35,
  lon: 18.03,
  status: 'COMPLETED',
};

describe('site places', () => {
  it('lists distinct site cities with coordinates from the records, and positions sites that lack them', () => {
    const trials = [
      trial('NCT99000001', 'RECRUITING', [CHICAGO_SITE, LONDON_SITE]),
      trial('NCT99000002', 'RECRUITING', [
        { facility: 'Rush', city: 'Chicago', state: 'Illinois', country: 'United States' },
      ]),
      trial('NCT99000003', 'COMPLETED', [{ city: 'Nowhere', country: 'Atlantis' }]),
    ];
    const places = sitePlaces(trials);
    expect(places.map((p) => p.label)).toEqual([
      'Chicago, Illinois, United States',
      'London, United Kingdom',
    ]);
    expect(places[0]?.trialCount).toBe(2);
    const lookup = placeLookup(places);
    expect(
      locationPoint({ city: ' chicago', state: 'Illinois', country: 'United States' }, lookup),
    ).toEqual({ lat: 41.8957, lon: -87.6212 });
    expect(locationPoint({ city: 'Nowhere', country: 'Atlantis' }, lookup)).toBeNull();
    expect(placeKey({ city: 'Chicago' })).toBeNull();
  });

  it('uses the site status when given and the trial status otherwise', () => {
    expect(isOpenSite({ status: 'RECRUITING' }, 'ACTIVE_NOT_RECRUITING')).toBe(true);
    expect(isOpenSite({ status: 'COMPLETED' }, 'RECRUITING')).toBe(false);
    expect(isOpenSite({}, 'NOT_YET_RECRUITING')).toBe(true);
    expect(isOpenSite({}, 'COMPLETED')).toBe(false);
  });
});

describe('nearestSite', () => {
  const chicago = { lat: 41.8781, lon: -87.6298 };

  it('picks the nearest open site even when a closed one is closer', () => {
    const t = trial('NCT99000004', 'RECRUITING', [
      { ...CHICAGO_SITE, status: 'COMPLETED' },
      LONDON_SITE,
    ]);
    const nearest = nearestSite(t, chicago);
    expect(nearest?.location.city).toBe('London');
    expect(nearest?.open).toBe(true);
    expect(nearest?.distanceKm).toBeGreaterThan(6300);
  });

  it('falls back to the nearest site of any status, and to null when no site can be placed', () => {
    const closed = trial('NCT99000005', 'COMPLETED', [
      STOCKHOLM_CLOSED,
      { ...LONDON_SITE, status: undefined },
    ]);
    expect(nearestSite(closed, chicago)).toMatchObject({
      open: false,
      location: { city: 'London' },
    });
    expect(
      nearestSite(trial('NCT99000006', 'RECRUITING', [{ country: 'France' }]), chicago),
    ).toBeNull();
  });
});

describe('site groups and country counts', () => {
  it('groups the same facility across trials and counts sites per country', () => {
    const trials = [
      trial('NCT99000001', 'RECRUITING', [CHICAGO_SITE, LONDON_SITE]),
      trial('NCT99000007', 'COMPLETED', [
        { ...CHICAGO_SITE, status: 'COMPLETED' },
        STOCKHOLM_CLOSED,
      ]),
      trial('NCT99000008', 'RECRUITING', [{ country: 'France' }]),
    ];
    const groups = siteGroups(trials);
    const chicagoGroup = groups.find((g) => g.city === 'Chicago');
    expect(chicagoGroup?.trials.map((t) => t.nctId)).toEqual(['NCT99000001', 'NCT99000007']);
    expect(chicagoGroup?.open).toBe(true);
    expect(groups.find((g) => g.city === 'Stockholm')?.open).toBe(false);
    expect(groups.find((g) => g.country === 'France')).toMatchObject({
      point: null,
      label: 'France',
    });
    expect(sitesByCountry(groups)).toEqual([
      { country: 'France', sites: 1, openSites: 1, trials: 1 },
      { country: 'Sweden', sites: 1, openSites: 0, trials: 1 },
      { country: 'United Kingdom', sites: 1, openSites: 1, trials: 1 },
      { country: 'United States', sites: 1, openSites: 1, trials: 2 },
    ]);
  });
});
