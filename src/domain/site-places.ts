/**
 * Trial sites as places: the distinct site cities (with coordinates taken from the trial records
 * themselves, no third-party geocoding), the nearest site of a trial, and sites grouped for a map.
 */
import { distanceKm, isLatLon } from './geo.ts';
import type { LatLon } from './geo.ts';
import { isOpenStatus } from './plain-language.ts';
import type { Status, Trial, TrialLocation } from './trial.ts';

export type SitePlace = {
  /** Stable key: city|state|country, lower case. */
  id: string;
  city: string;
  state?: string;
  country: string;
  /** "Chicago, Illinois, United States". */
  label: string;
  lat: number;
  lon: number;
  /** Trials with at least one site in this place. */
  trialCount: number;
};

function clean(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** Key of the place of a location (city + state + country); null without a city and a country. */
export function placeKey(
  location: Pick<TrialLocation, 'city' | 'state' | 'country'>,
): string | null {
  const city = clean(location.city);
  const country = clean(location.country);
  if (!city || !country) return null;
  return [city, clean(location.state) ?? '', country].join('|').toLowerCase();
}

/** "Chicago, Illinois, United States" (parts that exist, in that order). */
export function placeLabel(location: Pick<TrialLocation, 'city' | 'state' | 'country'>): string {
  return [clean(location.city), clean(location.state), clean(location.country)]
    .filter(Boolean)
    .join(', ');
}

function locationLatLon(location: TrialLocation): LatLon | null {
  const point = { lat: location.lat, lon: location.lon };
  return isLatLon(point) ? point : null;
}

/**
 * The distinct site cities of the trials that have coordinates somewhere in the data (the mean of the
 * site coordinates recorded for that city), sorted by label.
 */
export function sitePlaces(trials: readonly Trial[]): SitePlace[] {
  type Acc = { city: string; state?: string; country: string; lat: number; lon: number; n: number };
  const byKey = new Map<string, Acc>();
  const trialsByKey = new Map<string, Set<string>>();
  for (const trial of trials) {
    for (const location of trial.locations) {
      const key = placeKey(location);
      if (key === null) continue;
      const seen = trialsByKey.get(key) ?? new Set<string>();
      seen.add(trial.nctId);
      trialsByKey.set(key, seen);
      const point = locationLatLon(location);
      if (point === null) continue;
      const acc = byKey.get(key);
      if (acc) {
        acc.lat += point.lat;
        acc.lon += point.lon;
        acc.n += 1;
      } else {
        const state = clean(location.state);
        byKey.set(key, {
          city: clean(location.city) ?? '',
          ...(state ? { state } : {}),
          country: clean(location.country) ?? '',
          lat: point.lat,
          lon: point.lon,
          n: 1,
        });
      }
    }
  }
  const places: SitePlace[] = [];
  for (const [id, acc] of byKey) {
    places.push({
      id,
      city: acc.city,
      ...(acc.state ? { state: acc.state } : {}),
      country: acc.country,
      label: placeLabel(acc),
      lat: acc.lat / acc.n,
      lon: acc.lon / acc.n,
      trialCount: trialsByKey.get(id)?.size ?? 0,
    });
  }
  return places.sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** Coordinates by place key, to position sites whose own record lacks a geo point. */
export type PlaceLookup = ReadonlyMap<string, LatLon>;

export function placeLookup(places: readonly SitePlace[]): PlaceLookup {
  return new Map(places.map((p) => [p.id, { lat: p.lat, lon: p.lon }]));
}

/** The site's own coordinates, else those of its city found elsewhere in the data, else null. */
export function locationPoint(location: TrialLocation, lookup?: PlaceLookup): LatLon | null {
  const own = locationLatLon(location);
  if (own) return own;
  const key = placeKey(location);
  return key !== null ? (lookup?.get(key) ?? null) : null;
}

/**
 * Is this site taking (or about to take) participants? The site's own status when the record gives one;
 * otherwise the trial's overall status.
 */
export function isOpenSite(location: TrialLocation, trialStatus: Status): boolean {
  return clean(location.status) !== undefined
    ? isOpenStatus(location.status)
    : isOpenStatus(trialStatus);
}

export type NearestSite = { location: TrialLocation; distanceKm: number; open: boolean };

/**
 * The trial's nearest site to `origin`: the nearest open (recruiting or not yet recruiting) site when it has
 * one with a position, otherwise its nearest site of any status; null when no site can be placed.
 */
export function nearestSite(
  trial: Trial,
  origin: LatLon,
  lookup?: PlaceLookup,
): NearestSite | null {
  let bestOpen: NearestSite | null = null;
  let bestAny: NearestSite | null = null;
  for (const location of trial.locations) {
    const point = locationPoint(location, lookup);
    if (point === null) continue;
    const candidate: NearestSite = {
      location,
      distanceKm: distanceKm(origin, point),
      open: isOpenSite(location, trial.status),
    };
    if (bestAny === null || candidate.distanceKm < bestAny.distanceKm) bestAny = candidate;
    if (candidate.open && (bestOpen === null || candidate.distanceKm < bestOpen.distanceKm))
      bestOpen = candidate;
  }
  return bestOpen ?? bestAny;
}

export type SiteTrial = {
  nctId: string;
  title: string;
  status: Status;
  url: string;
  open: boolean;
};

/** One site (a facility in a place), with every trial that lists it. */
export type SiteGroup = {
  id: string;
  facility?: string;
  city?: string;
  state?: string;
  country?: string;
  /** "Facility, City, Country". */
  label: string;
  point: LatLon | null;
  /** True when at least one of its trials is open at this site. */
  open: boolean;
  trials: SiteTrial[];
};

function siteKey(location: TrialLocation, point: LatLon | null): string {
  const facility = clean(location.facility)?.toLowerCase() ?? '';
  const place = placeKey(location) ?? clean(location.country)?.toLowerCase() ?? '';
  const where = point ? `${point.lat.toFixed(3)},${point.lon.toFixed(3)}` : place;
  return `${facility}@${where || 'unknown'}`;
}

/** Groups all trial locations into sites (same facility at the same position), sorted by country then label. */
export function siteGroups(trials: readonly Trial[], lookup?: PlaceLookup): SiteGroup[] {
  const groups = new Map<string, SiteGroup>();
  for (const trial of trials) {
    for (const location of trial.locations) {
      const point = locationPoint(location, lookup);
      const key = siteKey(location, point);
      const open = isOpenSite(location, trial.status);
      let group = groups.get(key);
      if (!group) {
        const facility = clean(location.facility);
        const city = clean(location.city);
        const state = clean(location.state);
        const country = clean(location.country);
        group = {
          id: key,
          ...(facility ? { facility } : {}),
          ...(city ? { city } : {}),
          ...(state ? { state } : {}),
          ...(country ? { country } : {}),
          label:
            [facility, city, country].filter(Boolean).join(', ') || 'Site without a stated place',
          point,
          open: false,
          trials: [],
        };
        groups.set(key, group);
      }
      group.open ||= open;
      const existing = group.trials.find((t) => t.nctId === trial.nctId);
      if (existing) existing.open ||= open;
      else
        group.trials.push({
          nctId: trial.nctId,
          title: trial.title,
          status: trial.status,
          url: trial.url,
          open,
        });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      (a.country ?? '~').localeCompare(b.country ?? '~', 'en') ||
      a.label.localeCompare(b.label, 'en'),
  );
}

export type CountrySiteCount = {
  country: string;
  sites: number;
  openSites: number;
  trials: number;
};

/** Sites, open sites and distinct trials per country (most sites first); sites without a country count as "Country not stated". */
export function sitesByCountry(groups: readonly SiteGroup[]): CountrySiteCount[] {
  const byCountry = new Map<string, { sites: number; openSites: number; trials: Set<string> }>();
  for (const group of groups) {
    const country = group.country ?? 'Country not stated';
    const acc = byCountry.get(country) ?? { sites: 0, openSites: 0, trials: new Set<string>() };
    acc.sites += 1;
    if (group.open) acc.openSites += 1;
    for (const t of group.trials) acc.trials.add(t.nctId);
    byCountry.set(country, acc);
  }
  return [...byCountry]
    .map(([country, acc]) => ({
      country,
      sites: acc.sites,
      openSites: acc.openSites,
      trials: acc.trials.size,
    }))
    .sort((a, b) => b.sites - a.sites || a.country.localeCompare(b.country, 'en'));
}
