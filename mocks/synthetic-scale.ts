/**
 * Browser-safe generator of many synthetic studies for scale tests of the mock build (`?mock-scale=5000`).
 * Same idea as scripts/bench-data.ts (which reads files with node:fs and so cannot run in the browser):
 * each generated study is a varied copy of a real fixture record with a unique synthetic NCT id
 * (NCT99xxxxxx) and a title that says it is synthetic; conditions, status, start date and locations are
 * perturbed with a seeded PRNG, so the result is deterministic.
 */
type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** mulberry32: small, fast, seedable PRNG. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Overall statuses a copy may be given (COMPLETED twice: it is the most common status). */
export const SYNTHETIC_STATUSES: readonly string[] = [
  'RECRUITING',
  'COMPLETED',
  'COMPLETED',
  'ACTIVE_NOT_RECRUITING',
  'NOT_YET_RECRUITING',
  'TERMINATED',
  'UNKNOWN',
];

export function nctIdOf(study: unknown): string {
  const id = obj(obj(obj(study).protocolSection).identificationModule).nctId;
  return typeof id === 'string' ? id : '';
}

/** Synthetic NCT id for the i-th generated study (NCT99 + 6 digits). */
export function syntheticNctId(i: number): string {
  return `NCT99${String(i % 1_000_000).padStart(6, '0')}`;
}

function shiftYear(date: unknown, years: number): unknown {
  if (typeof date !== 'string') return date;
  const m = /^(\d{4})(.*)$/.exec(date);
  if (!m) return date;
  return `${Math.min(2030, Math.max(1990, Number(m[1]) + years))}${m[2] ?? ''}`;
}

/** `n` synthetic studies varied from the real (non-NCT99) records of `sources`. */
export function generateSyntheticStudies(
  n: number,
  sources: readonly unknown[],
  seed = 20250925,
): unknown[] {
  const real = sources.filter((s) => nctIdOf(s) !== '' && !nctIdOf(s).startsWith('NCT99'));
  const pool = real.length > 0 ? real : sources;
  if (pool.length === 0) return [];
  const conditionPool = [
    ...new Set(
      pool.flatMap((s) => arr(obj(obj(obj(s).protocolSection).conditionsModule).conditions)),
    ),
  ].filter((c): c is string => typeof c === 'string');
  const rng = makeRng(seed);
  const out: unknown[] = [];
  for (let i = 0; i < n; i += 1) {
    const base = obj(pool[i % pool.length]);
    const p = obj(base.protocolSection);
    const ident = obj(p.identificationModule);
    const status = obj(p.statusModule);
    const conds = obj(p.conditionsModule);
    const start = obj(status.startDateStruct);
    const conditions = arr(conds.conditions).slice();
    if (rng() < 0.3 && conditionPool.length > 0) {
      conditions.push(conditionPool[Math.floor(rng() * conditionPool.length)]);
    }
    const title =
      typeof ident.briefTitle === 'string' ? ident.briefTitle : 'Stem Cell Transplantation';
    out.push({
      ...base,
      protocolSection: {
        ...p,
        identificationModule: {
          ...ident,
          nctId: syntheticNctId(i),
          briefTitle: `${title} (synthetic copy ${i + 1})`,
        },
        statusModule: {
          ...status,
          overallStatus:
            rng() < 0.4
              ? SYNTHETIC_STATUSES[Math.floor(rng() * SYNTHETIC_STATUSES.length)]
              : status.overallStatus,
          startDateStruct: {
            ...start,
            date: shiftYear(start.date ?? '2015-06', Math.floor(rng() * 16) - 10),
          },
        },
        conditionsModule: { ...conds, conditions },
      },
    });
  }
  return out;
}
