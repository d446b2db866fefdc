/** Display formatting shared by the UI. Pure functions, fixed locale so output is stable everywhere. */

/**
 * 12345 -> "12,345" (en-GB: comma groups of three, rounded to a whole number). Written out rather than
 * with Intl.NumberFormat: the first Intl object in a page loads the locale data, a long task on a phone
 * that the first view does not need.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  // Beyond 2^53 digits are not exact and String() switches to exponents: leave those to Intl (never a count).
  if (Math.abs(value) >= Number.MAX_SAFE_INTEGER) {
    return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value);
  }
  const digits = String(Math.round(Math.abs(value)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const group = digits.slice(Math.max(0, end - 3), end);
    out = out === '' ? group : `${group},${out}`;
  }
  // Like Intl, a negative value keeps its sign even when it rounds to 0 ("-0").
  return value < 0 || Object.is(value, -0) ? `-${out}` : out;
}

/** The noun for a count: "trial" for 1, "trials" otherwise (a plain "s" unless a plural is given). */
export function pluralWord(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** "1 trial" / "3 trials": a count with its noun, pluralised with a plain "s" unless a plural is given. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${pluralWord(count, singular, plural)}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Formats an ISO date or date-time ("2025-09-25", "2025-09-25T10:00:00", "2025-09") as a readable date
 * ("25 September 2025", "September 2025"). The calendar date is taken as written (no time-zone shift).
 * Text that is not an ISO date is returned unchanged.
 */
export function formatDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? value;
  if (day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}
