import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findUsZip,
  gbPostcodeOf,
  matchPlaces,
  parseGazetteer,
  usZipOf,
} from '../../src/domain/gazetteer.ts';
import type { SitePlace } from '../../src/domain/site-places.ts';

const data = (name: string) => readFileSync(`src/domain/gazetteer-data/${name}`, 'utf8');
const gazetteer = parseGazetteer({
  cities: data('cities.txt'),
  gbPostcodeAreas: data('gb-postcode-areas.txt'),
});
const zips = data('us-zips.txt');

const site = (city: string, country: string, lat: number, lon: number): SitePlace => ({
  id: `${city}||${country}`.toLowerCase(),
  city,
  country,
  label: `${city}, ${country}`,
  lat,
  lon,
  trialCount: 1,
});
const SITES = [
  site('Amsterdam', 'Netherlands', 52.37, 4.9),
  site('Chicago', 'United States', 41.88, -87.63),
];

describe('gazetteer', () => {
  it('filters as you type, case and accents ignored, site cities first and not repeated', () => {
    const found = matchPlaces('CHIC', SITES, gazetteer).map((c) => c.label);
    expect(found[0]).toBe('Chicago, United States');
    expect(found).not.toContain('Chicago, IL, United States');
    expect(found.every((label) => label.toLowerCase().includes('chic'))).toBe(true);
    expect(matchPlaces('zurich', SITES, gazetteer)[0]?.label).toBe('Zürich, Switzerland');
    expect(matchPlaces('evanston', SITES, gazetteer)[0]?.label).toBe('Evanston, IL, United States');
  });

  it('lists the site cities for an empty text, and only them without a gazetteer', () => {
    expect(matchPlaces('', SITES, gazetteer).map((c) => c.label)).toEqual([
      'Amsterdam, Netherlands',
      'Chicago, United States',
    ]);
    expect(matchPlaces('evanston', SITES, null)).toEqual([]);
  });

  it('reads US ZIP codes and UK postcode districts', () => {
    expect(usZipOf(' 60601-1234 ')).toBe('60601');
    expect(usZipOf('6060')).toBeNull();
    const loop = findUsZip(zips, '60601');
    expect(loop?.lat).toBeCloseTo(41.89, 1);
    expect(loop?.lon).toBeCloseTo(-87.62, 1);
    expect(findUsZip(zips, '00000')).toBeNull();
    expect(gbPostcodeOf('sw1a 1aa')).toEqual({ area: 'SW', district: 'SW1A' });
    expect(gbPostcodeOf('M13')).toEqual({ area: 'M', district: 'M13' });
    expect(gbPostcodeOf('Chicago')).toBeNull();
    const [postcode] = matchPlaces('EH3 9', SITES, gazetteer);
    expect(postcode).toMatchObject({
      label: 'Postcode EH3',
      note: 'Edinburgh postcode area, United Kingdom',
    });
  });
});
