// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, pluralize } from '../../src/lib/format.ts';

/** What the UI showed before formatCount stopped using Intl (and what en-GB readers expect). */
const reference = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

describe('formatCount', () => {
  it('groups thousands with commas and rounds to a whole number', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(7)).toBe('7');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(2919)).toBe('2,919');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(2.5)).toBe('3');
    expect(formatCount(-1234.6)).toBe('-1,235');
    expect(formatCount(-0.2)).toBe('-0');
  });

  it('matches Intl.NumberFormat("en-GB") for every number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: -10_000_000, max: 10_000_000 }),
          fc.double({ noNaN: true }),
        ),
        (value) => formatCount(value) === reference.format(value),
      ),
      { numRuns: 5000 },
    );
  });

  it('says NaN and infinity as Intl does', () => {
    expect(formatCount(Number.NaN)).toBe(reference.format(Number.NaN));
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe(reference.format(Number.POSITIVE_INFINITY));
    expect(formatCount(Number.NEGATIVE_INFINITY)).toBe(reference.format(Number.NEGATIVE_INFINITY));
  });
});

describe('pluralize', () => {
  it('puts the formatted count before the singular or plural noun', () => {
    expect(pluralize(1, 'trial')).toBe('1 trial');
    expect(pluralize(0, 'trial')).toBe('0 trials');
    expect(pluralize(12_000, 'country', 'countries')).toBe('12,000 countries');
  });
});
