/**
 * The world map outline, loaded on demand: the world-atlas TopoJSON (Natural Earth, 1:110m) is pulled
 * in with a dynamic import so it is a separate chunk, not part of the first bundle.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';

export type CountryShape = Feature<Geometry, { name?: string }>;
export type WorldShapes = { countries: CountryShape[] };

let pending: Promise<WorldShapes> | null = null;

function toShapes(
  topology: Topology<{ countries: GeometryCollection<{ name?: string }> }>,
): WorldShapes {
  const collection = feature(topology, topology.objects.countries);
  return { countries: collection.features };
}

/** Loads (once) and converts the country outlines. A failed load can be retried. */
export function loadWorldShapes(): Promise<WorldShapes> {
  pending ??= import('world-atlas/countries-110m.json')
    .then((module) =>
      toShapes(
        module.default as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>,
      ),
    )
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

/**
 * ClinicalTrials.gov country names that Natural Earth writes differently (only the ones that differ).
 */
export const ATLAS_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'United States': 'United States of America',
  'Korea, Republic of': 'South Korea',
  "Korea, Democratic People's Republic of": 'North Korea',
  'Russian Federation': 'Russia',
  'Iran, Islamic Republic of': 'Iran',
  'Czech Republic': 'Czechia',
  Czechia: 'Czechia',
  'Syrian Arab Republic': 'Syria',
  'Viet Nam': 'Vietnam',
  'Taiwan, Province of China': 'Taiwan',
  'Moldova, Republic of': 'Moldova',
  'Macedonia, The Former Yugoslav Republic of': 'Macedonia',
  'North Macedonia': 'Macedonia',
  'Bosnia and Herzegovina': 'Bosnia and Herz.',
  'Dominican Republic': 'Dominican Rep.',
  'Congo, The Democratic Republic of the': 'Dem. Rep. Congo',
  'Central African Republic': 'Central African Rep.',
  "Lao People's Democratic Republic": 'Laos',
  'Tanzania, United Republic of': 'Tanzania',
  'Palestinian Territory, occupied': 'Palestine',
  'Turkey (Türkiye)': 'Turkey',
  Türkiye: 'Turkey',
  Eswatini: 'eSwatini',
  Swaziland: 'eSwatini',
  "Cote D'Ivoire": "Côte d'Ivoire",
};

/** The atlas name for a registry country name. */
export function atlasCountryName(country: string): string {
  return ATLAS_COUNTRY_NAMES[country] ?? country;
}
