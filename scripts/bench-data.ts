/**
 * Synthetic benchmark data: N studies in the API's v2 shape, made by varying real fixture records.
 *
 * Every generated study gets a unique synthetic NCT id (NCT99xxxxxx) and a perturbed title, condition list,
 * intervention list, start date, enrollment and location list; the text itself comes from real records, so
 * text lengths and the vocabulary the classifier meets are realistic. Unchanged sub-objects (descriptions,
 * derived MeSH terms, sponsor) are shared between copies to keep 100,000 studies affordable in memory; the
 * normalizer never mutates its input, so sharing does not change what it has to do.
 *
 * Deterministic: the same seed gives the same studies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRng, nctIdOf, SYNTHETIC_STATUSES, syntheticNctId } from '../mocks/synthetic-scale.ts';

type Json = Record<string, unknown>;

const ROOT = new URL('..', import.meta.url).pathname;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown): Json {
  return isObject(v) ? v : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function readDir(dir: string): unknown[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(join(abs, f)));
}

export type SourceRecords = { origin: string; studies: unknown[] };

/**
 * The real records the generator varies: mocks/fixtures/studies.json ({source, study}[]) when it exists,
 * otherwise mocks/source/hsct/*.json plus tests/data/records/*.json. Synthetic fixtures (NCT99…) are left out.
 */
export function loadSourceRecords(): SourceRecords {
  const fixturePath = join(ROOT, 'mocks/fixtures/studies.json');
  const hsct = readDir('mocks/source/hsct');
  const records = readDir('tests/data/records');
  if (existsSync(fixturePath)) {
    const entries = arr(readJson(fixturePath));
    const studies = entries.map((e) => obj(e).study).filter((s) => !nctIdOf(s).startsWith('NCT99'));
    // The fixture file holds the HSCT-focused set; the 114 any-disease records add realistic variety.
    return {
      origin: `mocks/fixtures/studies.json (${studies.length} real) + tests/data/records (${records.length})`,
      studies: [...studies, ...records],
    };
  }
  return {
    origin: `mocks/source/hsct (${hsct.length}) + tests/data/records (${records.length})`,
    studies: [...hsct, ...records],
  };
}

/** The 114 real full records of tests/data/records, as the API returns them. */
export function loadRealRecords(): unknown[] {
  return readDir('tests/data/records');
}

const TITLE_PHRASES = [
  'in Multiple Sclerosis',
  'for Refractory Systemic Sclerosis',
  'in Severe Systemic Lupus Erythematosus',
  "in Treatment-refractory Crohn's Disease",
  'in Chronic Inflammatory Demyelinating Polyneuropathy',
  'in Neuromyelitis Optica Spectrum Disorder',
  'in Newly Diagnosed Type 1 Diabetes',
  'in Acute Myeloid Leukemia',
  'in Severe Aplastic Anemia',
  'in Patients With Rheumatoid Arthritis',
  'Versus Best Available Therapy',
  '- Long-term Follow-up',
];

const STATUSES = [...SYNTHETIC_STATUSES, 'WITHDRAWN'];

function pick<T>(rng: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rng() * items.length)];
}

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** Shift a partial date (yyyy, yyyy-MM, yyyy-MM-dd) by whole years, keeping its precision; odd text is kept. */
function shiftDate(date: unknown, years: number, rng: () => number): unknown {
  if (typeof date !== 'string') return date;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const year = Math.min(2035, Math.max(1985, Number(m[1]) + years));
  if (m[2] === undefined) return String(year);
  const month = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
  if (m[3] === undefined) return `${year}-${month}`;
  const day = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

type Pools = {
  conditions: string[];
  interventionLists: unknown[][];
  locations: unknown[];
};

function buildPools(sources: readonly unknown[]): Pools {
  const conditions = new Set<string>();
  const interventionLists: unknown[][] = [];
  const locations: unknown[] = [];
  for (const s of sources) {
    const p = obj(obj(s).protocolSection);
    for (const c of arr(obj(p.conditionsModule).conditions))
      if (typeof c === 'string') conditions.add(c);
    const iv = arr(obj(p.armsInterventionsModule).interventions);
    if (iv.length > 0) interventionLists.push(iv);
    // Cap per-record locations so one 400-site trial does not dominate the pool.
    locations.push(...arr(obj(p.contactsLocationsModule).locations).slice(0, 40));
  }
  return { conditions: [...conditions], interventionLists, locations };
}

/** One varied copy of `base` with id `nctId`. */
function varyStudy(base: unknown, nctId: string, rng: () => number, pools: Pools): unknown {
  const study = obj(base);
  const p = obj(study.protocolSection);
  const ident = obj(p.identificationModule);
  const status = obj(p.statusModule);
  const conds = obj(p.conditionsModule);
  const arms = obj(p.armsInterventionsModule);
  const design = obj(p.designModule);
  const contacts = obj(p.contactsLocationsModule);

  const title =
    typeof ident.briefTitle === 'string' ? ident.briefTitle : 'Stem Cell Transplantation';
  const phrase = rng() < 0.5 ? pick(rng, TITLE_PHRASES) : undefined;
  const briefTitle = phrase
    ? `${title} ${phrase}`
    : `${title} (cohort ${1 + Math.floor(rng() * 9)})`;

  let conditions = shuffled(rng, arr(conds.conditions));
  if (rng() < 0.3 && conditions.length > 1) conditions = conditions.slice(0, -1);
  if (rng() < 0.35) {
    const extra = pick(rng, pools.conditions);
    if (extra !== undefined) conditions.push(extra);
  }

  let interventions = arr(arms.interventions);
  if (rng() < 0.25) interventions = pick(rng, pools.interventionLists) ?? interventions;
  interventions = shuffled(rng, interventions).map((iv) => {
    const o = obj(iv);
    return rng() < 0.3 && typeof o.name === 'string'
      ? {
          ...o,
          name: `${o.name} ${['', 'regimen', 'arm B', '(v2)'][Math.floor(rng() * 4)]}`.trimEnd(),
        }
      : iv;
  });

  const ownLocations = arr(contacts.locations);
  let locations: unknown[];
  if (ownLocations.length > 0 && rng() < 0.6) {
    const start = Math.floor(rng() * ownLocations.length);
    locations = [...ownLocations.slice(start), ...ownLocations.slice(0, start)];
  } else {
    const n = Math.floor(rng() * rng() * 12);
    locations = [];
    for (let k = 0; k < n; k += 1) {
      const loc = pick(rng, pools.locations);
      if (loc !== undefined) locations.push(loc);
    }
  }

  const years = Math.floor(rng() * 16) - 10;
  const startStruct = obj(status.startDateStruct);
  const complStruct = obj(status.completionDateStruct);
  const enrollment = obj(design.enrollmentInfo);
  const count = typeof enrollment.count === 'number' ? enrollment.count : 20;

  return {
    ...study,
    protocolSection: {
      ...p,
      identificationModule: { ...ident, nctId, briefTitle },
      statusModule: {
        ...status,
        overallStatus: rng() < 0.3 ? pick(rng, STATUSES) : status.overallStatus,
        startDateStruct: {
          ...startStruct,
          date: shiftDate(startStruct.date ?? '2015-06', years, rng),
        },
        ...(complStruct.date === undefined
          ? {}
          : {
              completionDateStruct: {
                ...complStruct,
                date: shiftDate(complStruct.date, years, rng),
              },
            }),
      },
      conditionsModule: { ...conds, conditions },
      designModule: {
        ...design,
        enrollmentInfo: { ...enrollment, count: Math.max(0, Math.round(count * (0.5 + rng()))) },
      },
      armsInterventionsModule: { ...arms, interventions },
      contactsLocationsModule: { ...contacts, locations },
    },
  };
}

/**
 * `n` varied studies with unique NCT ids, cycling through `sources` (already pruned as the caller likes).
 */
export function generateStudies(
  n: number,
  sources: readonly unknown[],
  seed = 20250925,
): unknown[] {
  if (sources.length === 0) throw new Error('generateStudies: no source records');
  const rng = makeRng(seed);
  const pools = buildPools(sources);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i += 1) {
    out[i] = varyStudy(sources[i % sources.length], syntheticNctId(i), rng, pools);
  }
  return out;
}

/** UTF-8 size of the record as JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
