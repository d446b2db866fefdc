// @vitest-environment node
/**
 * Property-based tests of the normalizer: arbitrary JSON, arbitrary JS values and mutated real records
 * must never make normalizeStudy / normalizeStudies throw, and every Trial they return must satisfy the
 * model's invariants (tests/fuzz/trial-invariants.ts). Real records come from tests/data/records (114, any
 * disease) and mocks/source/hsct (88 HSCT/cell-therapy records).
 *
 * Runs per property are in RUNS below (5,600 generated cases in total, plus the 202 unmodified records); FUZZ_SEED=<n> replays a seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStudies, normalizeStudy } from '../../src/domain/normalize-study.ts';
import { assertTrialInvariants, readJsonDir } from './trial-invariants.ts';

const RUNS = { json: 2000, anything: 1500, mutated: 1500, batch: 400, nctIds: 200 } as const;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = (numRuns: number): { numRuns: number; seed?: number } =>
  seed === undefined ? { numRuns } : { numRuns, seed };

const RECORDS: unknown[] = [
  ...readJsonDir('tests/data/records'),
  ...readJsonDir('mocks/source/hsct'),
];

type Path = (string | number)[];

/** Subtrees the normalizer has no reason to read are treated as leaves to keep path lists short. */
const OPAQUE_KEYS = new Set([
  'resultsSection',
  'documentSection',
  'annotationSection',
  'outcomesModule',
  'referencesModule',
]);

function collectPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (typeof value !== 'object' || value === null) return out;
  const key = path[path.length - 1];
  if (typeof key === 'string' && OPAQUE_KEYS.has(key)) return out;
  if (Array.isArray(value)) value.forEach((v, i) => collectPaths(v, [...path, i], out));
  else for (const [k, v] of Object.entries(value)) collectPaths(v, [...path, k], out);
  return out;
}

function parentOf(root: unknown, path: Path): { parent: unknown; key: string | number } | null {
  let node = root;
  for (const k of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string | number, unknown>)[k];
  }
  const key = path[path.length - 1];
  if (typeof node !== 'object' || node === null || key === undefined) return null;
  return { parent: node, key };
}

/** Values that have broken normalizers before: wrong types, impossible dates, prototype keys, huge text. */
const TRICKY: unknown[] = [
  null,
  '',
  '   ',
  0,
  -1,
  1.5,
  1e21,
  -0,
  true,
  [],
  {},
  [null],
  'NaN',
  '2019-02-30',
  '2019-13',
  '2019-00-10',
  '201',
  '20190101',
  '0000',
  '2019-1-5',
  ' 2019-05 ',
  'Invalid Date',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: 'x', toString: 'y' },
  'x'.repeat(100_000),
  '\u0000\uffff\ud800',
  'NCT00000000',
  ['PHASE1', 'PHASE1'],
  ['PHASE3', 'PHASE1'],
  ['PHASE5'],
  { count: -5, type: 'ACTUAL' },
  { count: '12', type: 'ESTIMATED' },
  { count: 3.7 },
  { lat: 'north', lon: null },
  { lat: Number.NaN, lon: Infinity },
];

const mutationArb = fc.record({
  op: fc.constantFrom('delete', 'replace', 'tricky', 'duplicate', 'shuffle', 'wrap'),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
  tricky: fc.constantFrom(...TRICKY),
  shuffleSeed: fc.nat(),
});
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

function applyMutation(root: unknown, m: Mutation): void {
  const paths = collectPaths(root);
  const path = paths[m.pick % Math.max(1, paths.length)];
  if (!path) return;
  const loc = parentOf(root, path);
  if (!loc) return;
  const parent = loc.parent as Record<string | number, unknown>;
  const current = parent[loc.key];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent) && typeof loc.key === 'number') parent.splice(loc.key, 1);
      else delete parent[loc.key];
      return;
    case 'replace':
      parent[loc.key] = structuredClone(m.value);
      return;
    case 'tricky':
      // cloned: a shared value planted twice could otherwise be mutated into a cycle
      parent[loc.key] = structuredClone(m.tricky);
      return;
    case 'duplicate':
      if (Array.isArray(current) && current.length > 0)
        current.push(structuredClone(current[m.pick % current.length]));
      else if (Array.isArray(parent) && typeof loc.key === 'number')
        parent.splice(loc.key, 0, structuredClone(current));
      return;
    case 'shuffle':
      if (Array.isArray(current)) {
        const list = current as unknown[];
        let s = m.shuffleSeed;
        for (let i = list.length - 1; i > 0; i -= 1) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [list[i], list[j]] = [list[j], list[i]];
        }
      }
      return;
    case 'wrap':
      parent[loc.key] = Array.isArray(current) ? current[0] : [current];
      return;
  }
}

const mutatedRecordArb = fc
  .record({
    index: fc.nat({ max: RECORDS.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
  })
  .map(({ index, mutations }) => {
    const record = structuredClone(RECORDS[index]);
    for (const m of mutations) applyMutation(record, m);
    return record;
  });

function nctIdAt(raw: unknown): unknown {
  const p = (raw as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)
    ?.protocolSection;
  return p?.identificationModule?.nctId;
}

function checkSingle(raw: unknown): void {
  const trial = normalizeStudy(raw);
  if (trial !== null) assertTrialInvariants(trial);
}

describe('normalizeStudy under arbitrary input', () => {
  it('normalizes every unmodified real record into a valid trial', () => {
    expect(RECORDS.length).toBe(202);
    for (const raw of RECORDS) {
      const trial = normalizeStudy(raw);
      expect(trial, String(nctIdAt(raw))).not.toBeNull();
      assertTrialInvariants(trial!);
      expect(trial!.nctId).toBe(nctIdAt(raw));
    }
  });

  it('never throws on arbitrary JSON values and returns only valid trials', () => {
    fc.assert(fc.property(fc.jsonValue(), checkSingle), params(RUNS.json));
  });

  it('never throws on arbitrary JavaScript values (maps, dates, sparse arrays, null prototypes)', () => {
    const anything = fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    // Also wrapped in the study envelope so the values reach the module readers, not just the top-level guard.
    const enveloped = fc.record({
      protocolSection: fc.dictionary(
        fc.constantFrom(
          'identificationModule',
          'statusModule',
          'designModule',
          'conditionsModule',
          'armsInterventionsModule',
          'contactsLocationsModule',
          'sponsorCollaboratorsModule',
          'descriptionModule',
          'eligibilityModule',
        ),
        anything,
      ),
      derivedSection: anything,
      hasResults: anything,
    });
    fc.assert(fc.property(fc.oneof(anything, enveloped), checkSingle), params(RUNS.anything));
  });

  it('never throws on mutated real records, never mutates its input, and keeps a valid NCT id', () => {
    fc.assert(
      fc.property(mutatedRecordArb, (raw) => {
        const before = JSON.stringify(raw);
        const trial = normalizeStudy(raw);
        expect(JSON.stringify(raw)).toBe(before);
        const id = nctIdAt(raw);
        if (typeof id === 'string' && /^NCT\d{8}$/.test(id)) {
          expect(trial).not.toBeNull();
          expect(trial!.nctId).toBe(id);
        }
        if (trial !== null) assertTrialInvariants(trial);
      }),
      params(RUNS.mutated),
    );
  });
});

describe('normalizeStudies under arbitrary input', () => {
  it('accounts for every input record and returns unique NCT ids', () => {
    const itemArb = fc.oneof(
      { weight: 4, arbitrary: mutatedRecordArb },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 2, arbitrary: fc.nat({ max: RECORDS.length - 1 }).map((i) => RECORDS[i]) },
    );
    const batchArb = fc
      .record({
        items: fc.array(itemArb, { maxLength: 20 }),
        dupes: fc.array(fc.nat(), { maxLength: 6 }),
      })
      .chain(({ items, dupes }) => {
        const withDupes = [...items];
        for (const d of dupes) if (items.length > 0) withDupes.push(items[d % items.length]);
        return fc.shuffledSubarray(withDupes, {
          minLength: withDupes.length,
          maxLength: withDupes.length,
        });
      });
    fc.assert(
      fc.property(batchArb, (raws) => {
        const { trials, skipped } = normalizeStudies(raws);
        expect(trials.length + skipped).toBe(raws.length);
        const ids = trials.map((t) => t.nctId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const t of trials) assertTrialInvariants(t);
      }),
      params(RUNS.batch),
    );
  });

  it('keeps one trial per distinct NCT id among records that only differ in their id', () => {
    const base = RECORDS[0] as {
      protocolSection: { identificationModule: Record<string, unknown> };
    };
    const idArb = fc
      .integer({ min: 0, max: 99_999_999 })
      .map((n) => `NCT${String(n).padStart(8, '0')}`);
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 30 }), (ids) => {
        const raws = ids.map((nctId) => ({
          ...base,
          protocolSection: {
            ...base.protocolSection,
            identificationModule: { ...base.protocolSection.identificationModule, nctId },
          },
        }));
        const { trials, skipped } = normalizeStudies(raws);
        expect(trials.map((t) => t.nctId).sort()).toEqual([...new Set(ids)].sort());
        expect(skipped).toBe(ids.length - new Set(ids).size);
      }),
      params(RUNS.nctIds),
    );
  });
});
