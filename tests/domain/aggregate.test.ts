import { describe, expect, it } from 'vitest';
import {
  countByDisease,
  countByPhase,
  countByTransplantType,
  countUnclassified,
  summarize,
  therapiesPresent,
} from '../../src/domain/aggregate.ts';
import type { DiseaseId } from '../../src/domain/diseases.ts';
import { PHASES } from '../../src/domain/trial.ts';
import { syntheticTrial } from '../trial-factory.ts';

/** A synthetic trial (NCT99… ids): only the fields the aggregates read matter. */
const trial = syntheticTrial;

const diseases = (...ids: DiseaseId[]) => ({ diseases: ids });

describe('countByDisease', () => {
  it('counts trials per disease, largest first, with the display labels', () => {
    const result = countByDisease([
      trial(diseases('lupus')),
      trial(diseases('multiple-sclerosis')),
      trial(diseases('multiple-sclerosis')),
    ]);
    expect(result).toEqual([
      { id: 'multiple-sclerosis', label: 'Multiple sclerosis', count: 2 },
      { id: 'lupus', label: 'Systemic lupus erythematosus', count: 1 },
    ]);
  });

  it('counts a basket trial once in each of its diseases', () => {
    const result = countByDisease([
      trial(diseases('lupus', 'systemic-sclerosis', 'inflammatory-myopathy')),
    ]);
    expect(result.map((r) => [r.id, r.count])).toEqual([
      ['systemic-sclerosis', 1],
      ['lupus', 1],
      ['inflammatory-myopathy', 1],
    ]);
  });

  it('breaks ties in the order of the disease categories and leaves out empty ones', () => {
    const result = countByDisease([
      trial(diseases('crohns-disease')),
      trial(diseases('multiple-sclerosis')),
    ]);
    expect(result.map((r) => r.id)).toEqual(['multiple-sclerosis', 'crohns-disease']);
  });

  it('does not count a disease twice when a record lists it twice', () => {
    expect(countByDisease([trial(diseases('lupus', 'lupus'))])).toEqual([
      { id: 'lupus', label: 'Systemic lupus erythematosus', count: 1 },
    ]);
  });

  it('ignores trials without a disease, which countUnclassified counts', () => {
    const trials = [trial(diseases()), trial(diseases()), trial(diseases('lupus'))];
    expect(countByDisease(trials)).toHaveLength(1);
    expect(countUnclassified(trials)).toBe(2);
  });
});

describe('countByTransplantType', () => {
  it('returns every transplant type in order, split by therapy', () => {
    const rows = countByTransplantType([
      trial({ transplantType: 'autologous', therapy: 'hsct' }),
      trial({ transplantType: 'autologous', therapy: 'hsct' }),
      trial({ transplantType: 'autologous', therapy: 'car-t' }),
      trial({ transplantType: 'allogeneic', therapy: 'msc' }),
    ]);
    expect(rows.map((r) => [r.type, r.label, r.total])).toEqual([
      ['autologous', 'Autologous', 3],
      ['allogeneic', 'Allogeneic', 1],
      ['both', 'Both', 0],
      ['unspecified', 'Unspecified', 0],
    ]);
    expect(rows[0]?.byTherapy).toEqual({ hsct: 2, 'car-t': 1, msc: 0, treg: 0, other: 0 });
    expect(rows[1]?.byTherapy.msc).toBe(1);
  });

  it('lists only the therapies that occur, in therapy order', () => {
    const rows = countByTransplantType([trial({ therapy: 'treg' }), trial({ therapy: 'hsct' })]);
    expect(therapiesPresent(rows)).toEqual(['hsct', 'treg']);
    expect(therapiesPresent(countByTransplantType([]))).toEqual([]);
  });
});

describe('countByPhase', () => {
  it('returns every phase in PHASES order with its label, combined phases as their own bar', () => {
    const rows = countByPhase([
      trial({ phase: 'PHASE1_PHASE2' }),
      trial({ phase: 'NA' }),
      trial({ phase: 'NA' }),
      trial({ phase: 'UNSPECIFIED' }),
    ]);
    expect(rows.map((r) => r.phase)).toEqual([...PHASES]);
    const byPhase = Object.fromEntries(rows.map((r) => [r.phase, r.count]));
    expect(byPhase).toMatchObject({
      PHASE1: 0,
      PHASE1_PHASE2: 1,
      PHASE2: 0,
      NA: 2,
      UNSPECIFIED: 1,
    });
    expect(rows.find((r) => r.phase === 'PHASE1_PHASE2')?.label).toBe('Phase 1/2');
  });
});

describe('summarize', () => {
  it('counts trials, recruiting trials, total enrollment and distinct countries', () => {
    const figures = summarize([
      trial({
        status: 'RECRUITING',
        enrollment: { count: 20, type: 'ESTIMATED' },
        countries: ['France', 'Italy'],
      }),
      trial({
        status: 'NOT_YET_RECRUITING',
        enrollment: { count: 5, type: 'ACTUAL' },
        countries: ['Italy'],
      }),
      trial({ status: 'COMPLETED' }),
    ]);
    expect(figures).toEqual({
      trials: 3,
      recruiting: 1,
      totalEnrollment: 25,
      withEnrollment: 2,
      countries: 2,
    });
  });

  it('gives zeros for no trials', () => {
    expect(summarize([])).toEqual({
      trials: 0,
      recruiting: 0,
      totalEnrollment: 0,
      withEnrollment: 0,
      countries: 0,
    });
  });
});
