import { describe, expect, it } from 'vitest';
import { countTicks } from '../../../src/features/charts/chart-style.ts';

describe('countTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 past the largest count', () => {
    expect(countTicks(28)).toEqual([0, 10, 20, 30]);
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1350)).toEqual([0, 500, 1000, 1500]);
    expect(countTicks(99)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});
