// @vitest-environment node
/**
 * The 88 real HSCT / cell-therapy records (mocks/source/hsct) against the expectation table written by
 * reading each record (hsct-expectations.ts). Known misclassifications are listed there with a reason;
 * the list may only shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import type { Trial } from '../../src/domain/trial.ts';
import {
  HSCT_EXPECTATIONS,
  KNOWN_MISCLASSIFICATIONS,
  type Expectation,
} from './hsct-expectations.ts';

/** Raise only with a reason in KNOWN_MISCLASSIFICATIONS; never to make a failing test pass silently. */
const MAX_KNOWN_MISCLASSIFICATIONS = 0;

const DIR = 'mocks/source/hsct';
const records = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, raw: JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as unknown }));

type Classified = Pick<Trial, 'diseases' | 'therapy' | 'transplantType' | 'phase'>;
const FIELDS = ['diseases', 'therapy', 'transplantType', 'phase'] as const;

function classified(raw: unknown): Classified {
  const t = normalizeStudy(raw);
  if (t === null) throw new Error('no trial');
  return {
    diseases: t.diseases,
    therapy: t.therapy,
    transplantType: t.transplantType,
    phase: t.phase,
  };
}

function expected(e: Expectation): Classified {
  return {
    diseases: e.diseases,
    therapy: e.therapy,
    transplantType: e.transplantType,
    phase: e.phase,
  };
}

describe('the 88 real HSCT / cell-therapy records', () => {
  it('are all present and all have an expectation', () => {
    expect(records).toHaveLength(88);
    const ids = records.map((r) => r.file.replace(/\.json$/, '')).sort();
    expect(ids).toEqual(Object.keys(HSCT_EXPECTATIONS).sort());
  });

  it("normalize without throwing, each to a trial with the file's NCT id", () => {
    for (const { file, raw } of records) {
      expect(normalizeStudy(raw)?.nctId).toBe(file.replace(/\.json$/, ''));
    }
  });

  const matching = records.filter(
    (r) => !(r.file.replace(/\.json$/, '') in KNOWN_MISCLASSIFICATIONS),
  );
  it.each(matching.map((r) => [r.file.replace(/\.json$/, ''), r.raw]))(
    '%s is classified as a person reading it would',
    (nctId, raw) => {
      const e = HSCT_EXPECTATIONS[nctId];
      expect(e).toBeDefined();
      expect(classified(raw)).toEqual(expected(e!));
    },
  );

  it('the known misclassifications do not grow and still disagree (remove an entry once fixed)', () => {
    expect(Object.keys(KNOWN_MISCLASSIFICATIONS).length).toBeLessThanOrEqual(
      MAX_KNOWN_MISCLASSIFICATIONS,
    );
    for (const nctId of Object.keys(KNOWN_MISCLASSIFICATIONS)) {
      const record = records.find((r) => r.file === `${nctId}.json`);
      expect(record, nctId).toBeDefined();
      expect(classified(record!.raw)).not.toEqual(expected(HSCT_EXPECTATIONS[nctId]!));
    }
  });

  it('agrees with the table on every field for every record outside the known list', () => {
    const agreement = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<
      (typeof FIELDS)[number],
      number
    >;
    for (const { file, raw } of records) {
      const got = classified(raw);
      const want = expected(HSCT_EXPECTATIONS[file.replace(/\.json$/, '')]!);
      for (const f of FIELDS)
        if (JSON.stringify(got[f]) === JSON.stringify(want[f])) agreement[f]++;
    }
    const floor = records.length - Object.keys(KNOWN_MISCLASSIFICATIONS).length;
    for (const f of FIELDS) expect(agreement[f], f).toBeGreaterThanOrEqual(floor);
  });
});
