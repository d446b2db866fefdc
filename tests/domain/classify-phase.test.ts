// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyPhase } from '../../src/domain/classify-phase.ts';
import type { Phase } from '../../src/domain/trial.ts';

describe('classifyPhase maps the API phases array (domain.md §3)', () => {
  const cases: [unknown, Phase][] = [
    [['EARLY_PHASE1'], 'EARLY_PHASE1'],
    [['PHASE1'], 'PHASE1'],
    [['PHASE1', 'PHASE2'], 'PHASE1_PHASE2'],
    [['PHASE2', 'PHASE1'], 'PHASE1_PHASE2'],
    [['PHASE2'], 'PHASE2'],
    [['PHASE2', 'PHASE3'], 'PHASE2_PHASE3'],
    [['PHASE3', 'PHASE2'], 'PHASE2_PHASE3'],
    [['PHASE3'], 'PHASE3'],
    [['PHASE4'], 'PHASE4'],
    [['NA'], 'NA'],
    [[], 'UNSPECIFIED'],
    [undefined, 'UNSPECIFIED'],
  ];
  it.each(cases)('%j gives %s', (phases, expected) => {
    expect(classifyPhase(phases)).toBe(expected);
  });

  it('ignores unknown values and wrong types', () => {
    expect(classifyPhase(['PHASE5', 'PHASE2', 42, null])).toBe('PHASE2');
    expect(classifyPhase(['SOMETHING'])).toBe('UNSPECIFIED');
    expect(classifyPhase('PHASE2')).toBe('UNSPECIFIED');
    expect(classifyPhase({ 0: 'PHASE2' })).toBe('UNSPECIFIED');
  });

  it('a real phase beats NA, and an unusual pair gives the most advanced phase', () => {
    expect(classifyPhase(['NA', 'PHASE2'])).toBe('PHASE2');
    expect(classifyPhase(['EARLY_PHASE1', 'PHASE1'])).toBe('PHASE1');
  });
});
