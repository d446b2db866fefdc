import { describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_MARK_LABELS,
  describeAgeRange,
  describeSex,
  eligibilityMarks,
  isOutsideAgeRange,
  parseAge,
  parseAgeInput,
} from '../../src/domain/eligibility.ts';

describe('parseAge', () => {
  it('reads the API age forms in years, months, weeks and days', () => {
    expect(parseAge('18 Years')).toEqual({ value: 18, unit: 'year', years: 18 });
    expect(parseAge('1 Year')).toEqual({ value: 1, unit: 'year', years: 1 });
    expect(parseAge('6 Months')?.years).toBeCloseTo(0.5, 9);
    expect(parseAge('2 Weeks')?.years).toBeCloseTo(14 / 365.25, 9);
    expect(parseAge('30 Days')?.years).toBeCloseTo(30 / 365.25, 9);
    expect(parseAge('12 Hours')?.unit).toBe('hour');
    expect(parseAge('  65 years ')?.years).toBe(65);
  });

  it('treats N/A, empty and unreadable text as no limit', () => {
    expect(parseAge('N/A')).toBeNull();
    expect(parseAge('')).toBeNull();
    expect(parseAge(undefined)).toBeNull();
    expect(parseAge('eighteen years')).toBeNull();
    expect(parseAge('18')).toBeNull();
  });
});

describe('age range and sex in plain words', () => {
  it('describes ranges with one or both limits', () => {
    expect(describeAgeRange('18 Years', '65 Years')).toBe('18 to 65 years');
    expect(describeAgeRange('6 Months', '17 Years')).toBe('6 months to 17 years');
    expect(describeAgeRange('18 Years', 'N/A')).toBe('18 years and over');
    expect(describeAgeRange(undefined, '1 Year')).toBe('Up to 1 year');
    expect(describeAgeRange()).toBe('The record states no age limits');
  });

  it('describes the sexes a trial includes', () => {
    expect(describeSex('ALL')).toBe('All sexes');
    expect(describeSex('FEMALE')).toMatch(/female participants/);
    expect(describeSex(undefined)).toBe('No sex criteria stated');
  });
});

describe('eligibility marking', () => {
  it('marks a person below the minimum or above the maximum age', () => {
    expect(isOutsideAgeRange(17, '18 Years', '65 Years')).toBe(true);
    expect(isOutsideAgeRange(66, '18 Years', '65 Years')).toBe(true);
  });

  it('does not mark a person on a boundary they may still meet', () => {
    expect(isOutsideAgeRange(18, '18 Years', '65 Years')).toBe(false);
    expect(isOutsideAgeRange(65, '18 Years', '65 Years')).toBe(false);
    // a one-year-old may be 18 months old
    expect(isOutsideAgeRange(1, '18 Months', undefined)).toBe(false);
    expect(isOutsideAgeRange(0, '18 Months', undefined)).toBe(true);
    expect(isOutsideAgeRange(0, '6 Months', '17 Years')).toBe(false);
  });

  it('does not mark anyone when no limit is stated', () => {
    expect(isOutsideAgeRange(99, undefined, 'N/A')).toBe(false);
    expect(eligibilityMarks({}, { ageYears: 3, sex: 'male' })).toEqual([]);
  });

  it('marks a person of the other sex when a trial takes one sex only', () => {
    expect(eligibilityMarks({ sex: 'FEMALE' }, { sex: 'male' })).toEqual(['outside-sex']);
    expect(eligibilityMarks({ sex: 'MALE' }, { sex: 'female' })).toEqual(['outside-sex']);
    expect(eligibilityMarks({ sex: 'FEMALE' }, { sex: 'female' })).toEqual([]);
    expect(eligibilityMarks({ sex: 'ALL' }, { sex: 'male' })).toEqual([]);
    expect(eligibilityMarks({ sex: 'MALE' }, {})).toEqual([]);
  });

  it('combines age and sex marks, and only checks what the person gave', () => {
    const criteria = { minimumAge: '18 Years', maximumAge: '50 Years', sex: 'FEMALE' as const };
    expect(eligibilityMarks(criteria, { ageYears: 60, sex: 'male' })).toEqual([
      'outside-age',
      'outside-sex',
    ]);
    expect(eligibilityMarks(criteria, { ageYears: null, sex: null })).toEqual([]);
    expect(eligibilityMarks(criteria, { ageYears: 35 })).toEqual([]);
  });

  it('labels marks as "outside", never as eligible', () => {
    expect(ELIGIBILITY_MARK_LABELS['outside-age']).toBe('Outside the stated age range');
    expect(ELIGIBILITY_MARK_LABELS['outside-sex']).toBe('Outside the stated sex criteria');
    expect(Object.values(ELIGIBILITY_MARK_LABELS).join(' ')).not.toMatch(/eligible/i);
  });
});

describe('parseAgeInput', () => {
  it('accepts whole years from 0 to 120 only', () => {
    expect(parseAgeInput(' 35 ')).toBe(35);
    expect(parseAgeInput('0')).toBe(0);
    expect(parseAgeInput('121')).toBeNull();
    expect(parseAgeInput('-3')).toBeNull();
    expect(parseAgeInput('3.5')).toBeNull();
    expect(parseAgeInput('')).toBeNull();
  });
});
