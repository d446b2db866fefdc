import { describe, expect, it } from 'vitest';
import { yearTicks } from '../../../src/features/charts/year-columns.tsx';

const years = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('yearTicks', () => {
  it('labels every year while the labels fit, else every n-th counted back from the last', () => {
    expect(yearTicks(years(2020, 2025), 400)).toEqual(years(2020, 2025));
    // 30 years in a 400 px chart: 44 px a label in 348 px of plot → every 4th year, 2026 labelled.
    expect(yearTicks(years(1997, 2026), 400)).toEqual([
      '1998',
      '2002',
      '2006',
      '2010',
      '2014',
      '2018',
      '2022',
      '2026',
    ]);
    expect(yearTicks(years(1997, 2026), 1200).at(-1)).toBe('2026');
    expect(yearTicks(years(1997, 2026), 1200)).toHaveLength(15);
  });

  it('labels every year when the width is not known, and nothing without years', () => {
    expect(yearTicks(years(1990, 2026), undefined)).toHaveLength(37);
    expect(yearTicks([], 400)).toEqual([]);
  });
});
