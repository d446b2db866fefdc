/**
 * Eligibility quick check: compares a person's age and sex with the age range and sex a trial states.
 * It only ever says a person is OUTSIDE a stated criterion; it never says anyone is eligible (the trial
 * team decides that, with the full criteria).
 */
import { pluralWord } from '../lib/format.ts';

export const AGE_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];

/** Length of one unit in years (a year is 365.25 days). */
const YEARS_PER_UNIT: Record<AgeUnit, number> = {
  year: 1,
  month: 1 / 12,
  week: 7 / 365.25,
  day: 1 / 365.25,
  hour: 1 / (365.25 * 24),
  minute: 1 / (365.25 * 24 * 60),
};

export type ParsedAge = {
  value: number;
  unit: AgeUnit;
  /** The same age in years (fractional for months, weeks, days...). */
  years: number;
};

/**
 * Parses an API age ("18 Years", "6 Months", "2 Weeks", "30 Days", "1 Year"). Returns null for "N/A",
 * empty or unreadable text: a missing limit means "no limit stated".
 */
export function parseAge(text: string | null | undefined): ParsedAge | null {
  if (typeof text !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase() as AgeUnit;
  if (!Number.isFinite(value)) return null;
  return { value, unit, years: value * YEARS_PER_UNIT[unit] };
}

function plural(value: number, unit: AgeUnit): string {
  return `${value} ${pluralWord(value, unit)}`;
}

/** "18 years", "6 months" (plain text of a parsed age). */
export function formatAge(age: ParsedAge): string {
  return plural(age.value, age.unit);
}

/** Plain description of a trial's stated age range: "18 to 65 years", "18 years and over", "Up to 17 years", "The record states no age limits". */
export function describeAgeRange(minimumAge?: string, maximumAge?: string): string {
  const min = parseAge(minimumAge);
  const max = parseAge(maximumAge);
  if (min && max) {
    return min.unit === max.unit
      ? `${min.value} to ${plural(max.value, max.unit)}`
      : `${formatAge(min)} to ${formatAge(max)}`;
  }
  if (min) return `${formatAge(min)} and over`;
  if (max) return `Up to ${formatAge(max)}`;
  return 'The record states no age limits';
}

export type TrialSex = 'ALL' | 'FEMALE' | 'MALE';
/** The sex a person enters for the quick check; absent means "not given" (no check). */
export type PersonSex = 'female' | 'male';

/** Plain description of the sex a trial includes. */
export function describeSex(sex: TrialSex | undefined): string {
  if (sex === 'FEMALE') return 'Women and girls only (female participants)';
  if (sex === 'MALE') return 'Men and boys only (male participants)';
  if (sex === 'ALL') return 'All sexes';
  return 'No sex criteria stated';
}

export const ELIGIBILITY_MARKS = ['outside-age', 'outside-sex'] as const;
export type EligibilityMark = (typeof ELIGIBILITY_MARKS)[number];

export const ELIGIBILITY_MARK_LABELS: Record<EligibilityMark, string> = {
  'outside-age': 'Outside the stated age range',
  'outside-sex': 'Outside the stated sex criteria',
};

export type EligibilityCriteria = { minimumAge?: string; maximumAge?: string; sex?: TrialSex };

export type PersonDetails = {
  /** Age in completed years, as people say it ("I am 35"). */
  ageYears?: number | null;
  sex?: PersonSex | null;
};

/**
 * Is a person aged `ageYears` (completed years: really between ageYears and ageYears + 1) clearly outside
 * the stated range? Only when the whole year lies below the minimum or above the maximum, so a person is
 * never marked on a boundary they may still meet.
 */
export function isOutsideAgeRange(
  ageYears: number,
  minimumAge?: string,
  maximumAge?: string,
): boolean {
  if (!Number.isFinite(ageYears) || ageYears < 0) return false;
  const min = parseAge(minimumAge);
  const max = parseAge(maximumAge);
  const epsilon = 1e-9;
  if (min && ageYears + 1 <= min.years + epsilon) return true;
  if (max && ageYears > max.years + epsilon) return true;
  return false;
}

/** True when the trial states it takes only the other sex. */
export function isOutsideSexCriteria(sex: PersonSex, trialSex: TrialSex | undefined): boolean {
  if (trialSex === 'FEMALE') return sex === 'male';
  if (trialSex === 'MALE') return sex === 'female';
  return false;
}

/** The marks for one trial and one person; empty when nothing stated rules them out (NOT "eligible"). */
export function eligibilityMarks(
  criteria: EligibilityCriteria,
  person: PersonDetails,
): EligibilityMark[] {
  const marks: EligibilityMark[] = [];
  const { ageYears, sex } = person;
  if (
    typeof ageYears === 'number' &&
    isOutsideAgeRange(ageYears, criteria.minimumAge, criteria.maximumAge)
  ) {
    marks.push('outside-age');
  }
  if (sex && isOutsideSexCriteria(sex, criteria.sex)) marks.push('outside-sex');
  return marks;
}

/** Reads an age typed by a person ("35", " 35 "): a whole number from 0 to 120, else null. */
export function parseAgeInput(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 120 ? value : null;
}
