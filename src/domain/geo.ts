/**
 * Great-circle distances for "sites near me". Pure functions: no geocoding service, no browser APIs.
 */

export type LatLon = { lat: number; lon: number };

/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** One international mile in kilometres. */
export const KM_PER_MILE = 1.609344;

export type DistanceUnit = 'km' | 'mi';

export const DISTANCE_UNIT_LABELS: Record<DistanceUnit, string> = { km: 'km', mi: 'miles' };

/** Regions whose people think in miles (road distances): the United States, the United Kingdom, Liberia, Myanmar. */
const MILE_REGIONS: readonly string[] = ['US', 'GB', 'LR', 'MM'];

/** True when the point is a real latitude/longitude pair. */
export function isLatLon(
  point: { lat?: number; lon?: number } | null | undefined,
): point is LatLon {
  if (!point) return false;
  const { lat, lon } = point;
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Great-circle (haversine) distance between two points, in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function kmToMiles(km: number): number {
  return km / KM_PER_MILE;
}

export function milesToKm(miles: number): number {
  return miles * KM_PER_MILE;
}

/** Converts a distance in kilometres to the given unit. */
export function fromKm(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? kmToMiles(km) : km;
}

/** Converts a distance in the given unit to kilometres. */
export function toKm(value: number, unit: DistanceUnit): number {
  return unit === 'mi' ? milesToKm(value) : value;
}

/** The region a locale states ("en-US" -> "US"); undefined for a bare language or unreadable text. */
function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).region;
  } catch {
    return undefined;
  }
}

/**
 * The distance unit for a locale: miles for en-US, en-GB, en-LR and en-MM (any locale of those regions),
 * kilometres otherwise. A bare language ("en") counts as kilometres: its region is not stated.
 */
export function unitForLocale(locale: string | undefined): DistanceUnit {
  if (!locale) return 'km';
  const region = regionOf(locale.replace(/_/g, '-'));
  return region !== undefined && MILE_REGIONS.includes(region.toUpperCase()) ? 'mi' : 'km';
}

/** "12 km", "1,240 miles", "less than 1 km": rounded for people, not for maths. */
export function formatDistance(km: number, unit: DistanceUnit, locale = 'en-GB'): string {
  const value = fromKm(km, unit);
  const label = DISTANCE_UNIT_LABELS[unit];
  if (value < 1) return `less than 1 ${unit === 'mi' ? 'mile' : 'km'}`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rounded);
  return `${text} ${rounded === 1 && unit === 'mi' ? 'mile' : label}`;
}
