import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  formatDistance,
  fromKm,
  isLatLon,
  kmToMiles,
  milesToKm,
  toKm,
  unitForLocale,
} from '../../src/domain/geo.ts';

const CHICAGO = { lat: 41.8781, lon: -87.6298 };
const LONDON = { lat: 51.5074, lon: -0.1278 };
const NEW_YORK = { lat: 40.7128, lon: -74.006 };
const LOS_ANGELES = { lat: 34.0522, lon: -118.2437 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };
const PARIS = { lat: 48.8566, lon: 2.3522 };

describe('distanceKm (great-circle distance)', () => {
  it('puts Chicago about 6,360 km from London', () => {
    expect(distanceKm(CHICAGO, LONDON)).toBeGreaterThan(6330);
    expect(distanceKm(CHICAGO, LONDON)).toBeLessThan(6380);
  });

  it('puts New York about 3,940 km from Los Angeles and London about 344 km from Paris', () => {
    expect(distanceKm(NEW_YORK, LOS_ANGELES)).toBeCloseTo(3936, -1);
    expect(distanceKm(LONDON, PARIS)).toBeCloseTo(344, -1);
  });

  it('is zero for the same point and symmetric', () => {
    expect(distanceKm(CHICAGO, CHICAGO)).toBe(0);
    expect(distanceKm(SYDNEY, LONDON)).toBeCloseTo(distanceKm(LONDON, SYDNEY), 9);
  });

  it('never exceeds half the circumference, even for antipodes', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(
      Math.PI * 6371.0088,
      3,
    );
    expect(distanceKm(LONDON, SYDNEY)).toBeCloseTo(16_990, -2);
  });

  it('crosses the date line the short way', () => {
    expect(distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.2, 0);
  });
});

describe('units', () => {
  it('converts kilometres and miles both ways', () => {
    expect(kmToMiles(1.609344)).toBeCloseTo(1, 12);
    expect(milesToKm(100)).toBeCloseTo(160.9344, 9);
    expect(fromKm(160.9344, 'mi')).toBeCloseTo(100, 9);
    expect(fromKm(42, 'km')).toBe(42);
    expect(toKm(100, 'mi')).toBeCloseTo(160.9344, 9);
    expect(toKm(5, 'km')).toBe(5);
  });

  it('uses miles for en-US, en-GB, en-LR and en-MM, kilometres otherwise', () => {
    for (const locale of ['en-US', 'en-GB', 'en-LR', 'en-MM', 'en_US', 'es-US']) {
      expect(unitForLocale(locale), locale).toBe('mi');
    }
    for (const locale of [
      'en',
      'en-AU',
      'en-CA',
      'de-DE',
      'fr',
      'zh-Hans-CN',
      '',
      'not a locale!',
    ]) {
      expect(unitForLocale(locale), locale).toBe('km');
    }
    expect(unitForLocale(undefined)).toBe('km');
  });

  it('formats distances for people', () => {
    expect(formatDistance(6357.4, 'km')).toBe('6,357 km');
    expect(formatDistance(6357.4, 'mi')).toBe('3,950 miles');
    expect(formatDistance(4.26, 'km')).toBe('4.3 km');
    expect(formatDistance(1.609344, 'mi')).toBe('1 mile');
    expect(formatDistance(0.2, 'km')).toBe('less than 1 km');
    expect(formatDistance(0.2, 'mi')).toBe('less than 1 mile');
  });
});

describe('isLatLon', () => {
  it('accepts real coordinates and rejects missing or impossible ones', () => {
    expect(isLatLon(CHICAGO)).toBe(true);
    expect(isLatLon({ lat: 0, lon: 0 })).toBe(true);
    expect(isLatLon({ lat: 91, lon: 0 })).toBe(false);
    expect(isLatLon({ lat: 10, lon: -181 })).toBe(false);
    expect(isLatLon({ lat: Number.NaN, lon: 1 })).toBe(false);
    expect(isLatLon({ lat: 1 })).toBe(false);
    expect(isLatLon(null)).toBe(false);
  });
});
