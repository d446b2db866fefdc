/**
 * Places a person can measure distances from, found on the device: the trial site cities, world cities
 * (GeoNames, trimmed at build time by scripts/build-gazetteer.ts), US ZIP codes and UK postcode districts.
 * Pure: the texts come in as arguments (the app loads them lazily); nothing is ever sent anywhere.
 */
import { pluralize } from '../lib/format.ts';
import type { LatLon } from './geo.ts';
import type { SitePlace } from './site-places.ts';
import { foldForSearch } from './text-normalize.ts';

export type PlaceChoice = LatLon & {
  /** Unique among the choices: `site:…`, `city:…`, `zip:…`, `postcode:…`. */
  id: string;
  label: string;
  /** What kind of place it is, said after the label to screen readers and sighted people alike. */
  note: string;
};

/** The lazily loaded gazetteer texts (see scripts/build-gazetteer.ts for their formats). */
export type GazetteerTexts = { cities: string; gbPostcodeAreas: string };

type City = LatLon & { name: string; folded: string; state: string; country: string };

export type Gazetteer = {
  cities: readonly City[];
  gbAreas: ReadonlyMap<string, LatLon & { town: string }>;
};

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

function point(lat: string | undefined, lon: string | undefined): LatLon | null {
  const p = { lat: Number(lat), lon: Number(lon) };
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) ? p : null;
}

export function parseGazetteer(texts: GazetteerTexts): Gazetteer {
  const cities: City[] = [];
  for (const [name, state, country, lat, lon] of rows(texts.cities)) {
    const p = point(lat, lon);
    if (!name || !country || !p) continue;
    cities.push({ ...p, name, folded: foldForSearch(name), state: state ?? '', country });
  }
  const gbAreas = new Map<string, LatLon & { town: string }>();
  for (const [area, town, lat, lon] of rows(texts.gbPostcodeAreas)) {
    const p = point(lat, lon);
    if (area && town && p) gbAreas.set(area, { ...p, town });
  }
  return { cities, gbAreas };
}

/** A US ZIP code ("60601", "60601-1234"): its five digits. */
export function usZipOf(query: string): string | null {
  const m = /^\s*(\d{5})(?:-\d{4})?\s*$/.exec(query);
  return m?.[1] ?? null;
}

/**
 * A UK postcode or postcode district ("SW1A 1AA", "M13", "eh3"): its area letters and its district,
 * upper case; null when the text is not shaped like one.
 */
export function gbPostcodeOf(query: string): { area: string; district: string } | null {
  const m = /^\s*([A-Za-z]{1,2})(\d[A-Za-z\d]?)(?:\s*\d[A-Za-z]{0,2})?\s*$/.exec(query);
  if (!m?.[1] || !m[2]) return null;
  return { area: m[1].toUpperCase(), district: `${m[1]}${m[2]}`.toUpperCase() };
}

/** The position of a US ZIP code in the ZIP list text (`zip<TAB>lat<TAB>lon` lines, sorted). */
export function findUsZip(zipsText: string, zip: string): LatLon | null {
  const at = zipsText.startsWith(`${zip}\t`) ? 0 : zipsText.indexOf(`\n${zip}\t`);
  if (at < 0) return null;
  const start = at === 0 ? 0 : at + 1;
  const end = zipsText.indexOf('\n', start);
  const [, lat, lon] = zipsText.slice(start, end < 0 ? undefined : end).split('\t');
  return point(lat, lon);
}

export function usZipChoice(zip: string, position: LatLon): PlaceChoice {
  return { ...position, id: `zip:${zip}`, label: `ZIP code ${zip}`, note: 'United States' };
}

/** The postcode district resolved to its area's post town (the gazetteer has no finer positions). */
export function gbPostcodeChoice(query: string, gazetteer: Gazetteer): PlaceChoice | null {
  const code = gbPostcodeOf(query);
  const area = code ? gazetteer.gbAreas.get(code.area) : undefined;
  if (!code || !area) return null;
  return {
    lat: area.lat,
    lon: area.lon,
    id: `postcode:${code.district}`,
    label: `Postcode ${code.district}`,
    note: `${area.town} postcode area, United Kingdom`,
  };
}

export function siteChoice(place: SitePlace): PlaceChoice {
  return {
    lat: place.lat,
    lon: place.lon,
    id: `site:${place.id}`,
    label: place.label,
    note: `trial sites: ${pluralize(place.trialCount, 'trial')}`,
  };
}

function cityChoice(city: City): PlaceChoice {
  const country = countryName(city.country);
  const label = [city.name, city.state, country].filter(Boolean).join(', ');
  return { lat: city.lat, lon: city.lon, id: `city:${label}`, label, note: 'city' };
}

/**
 * The place choices for what the person typed, best first: trial site cities whose name contains the text
 * (case and accents ignored), then cities whose name starts with it (most populous first), then a postcode
 * district. An empty text lists the site cities. At most `limit` choices.
 */
export function matchPlaces(
  query: string,
  sites: readonly SitePlace[],
  gazetteer: Gazetteer | null,
  limit = 12,
): PlaceChoice[] {
  const text = foldForSearch(query.trim());
  if (text === '') return sites.slice(0, limit).map(siteChoice);
  const out: PlaceChoice[] = sites
    .filter((site) => foldForSearch(site.label).includes(text))
    .map(siteChoice);
  const siteCities = new Set(sites.map((s) => foldForSearch(`${s.city}|${s.country}`)));
  if (gazetteer) {
    for (const city of gazetteer.cities) {
      if (out.length >= limit) break;
      if (!city.folded.startsWith(text)) continue;
      const choice = cityChoice(city);
      if (siteCities.has(foldForSearch(`${city.name}|${countryName(city.country)}`))) continue;
      out.push(choice);
    }
    const postcode = gbPostcodeChoice(query, gazetteer);
    if (postcode) out.unshift(postcode);
  }
  return out.slice(0, limit);
}
