/**
 * The one validation of filter values, whether they come from the URL or from an embed host's setFilters
 * message: the known ids of each list (matched case-insensitively, de-duplicated), country names, start
 * years (1900–2100), and the notice that says what was ignored.
 */
import { formatCount } from '../lib/format.ts';
import { DISEASE_IDS, type DiseaseId } from './diseases.ts';
import {
  PHASES,
  SPONSOR_CLASSES,
  STATUSES,
  THERAPIES,
  TRANSPLANT_TYPES,
  type Phase,
  type Therapy,
  type TransplantType,
} from './trial.ts';

/** One ignored value (the "quiet notice"). */
export type ParseIssue = { param: string; value: string; reason: string };

function lookup<T extends string>(
  values: readonly T[],
  fold: 'lower' | 'upper',
): (item: string) => T | null {
  const index = new Map<string, T>(
    values.map((v) => [fold === 'lower' ? v.toLowerCase() : v.toUpperCase(), v]),
  );
  return (item) => index.get(fold === 'lower' ? item.toLowerCase() : item.toUpperCase()) ?? null;
}

const COUNTRY_RE = /^[\p{L}\p{M}0-9 .,'’()&-]{2,80}$/u;

/** Each list filter's rule: the value as the model knows it, or null when it is not one. */
export const FILTER_ITEM_RULES = {
  disease: lookup<DiseaseId>(DISEASE_IDS, 'lower'),
  therapy: lookup<Therapy>(THERAPIES, 'lower'),
  type: lookup<TransplantType>(TRANSPLANT_TYPES, 'lower'),
  phase: lookup<Phase>(PHASES, 'upper'),
  status: lookup<string>(STATUSES, 'upper'),
  country: (item: string): string | null => (COUNTRY_RE.test(item) ? item : null),
  sponsor: lookup<string>(SPONSOR_CLASSES, 'upper'),
};
export type FilterListKey = keyof typeof FILTER_ITEM_RULES;
export const FILTER_LIST_KEYS = Object.keys(FILTER_ITEM_RULES) as FilterListKey[];

/** The known values among `items` (in order, once each) and the items that are not. */
export function checkFilterItems<T>(
  items: readonly string[],
  rule: (item: string) => T | null,
): { values: T[]; rejected: string[] } {
  const values: T[] = [];
  const rejected: string[] = [];
  for (const item of items) {
    const v = rule(item);
    if (v === null) rejected.push(item);
    else if (!values.includes(v)) values.push(v);
  }
  return { values, rejected };
}

/** Why an item of list `key` was ignored. */
export function listItemReason(key: FilterListKey): string {
  return key === 'country' ? 'not a country name' : `unknown ${key} value`;
}

export const YEAR_REASON = 'not a year (1900–2100)';

/** A start year filter value (4 digits, 1900–2100), or null. */
export function parseFilterYear(raw: string | number): number | null {
  const text = String(raw).trim();
  if (!/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** At most this many ignored values are named; the rest are counted. */
export const MAX_NAMED_ISSUES = 10;

/**
 * One sentence for the notice, e.g. 'Ignored in the link: disease "foo" (unknown disease value).' `where`
 * is "the link" or "the message". Long lists name the first MAX_NAMED_ISSUES and count the rest.
 */
export function describeIgnored(where: string, issues: readonly ParseIssue[]): string {
  if (issues.length === 0) return '';
  const named = issues
    .slice(0, MAX_NAMED_ISSUES)
    .map((i) => `${i.param} "${i.value}" (${i.reason})`);
  const rest = issues.length - named.length;
  return `Ignored in ${where}: ${named.join('; ')}${rest > 0 ? ` and ${formatCount(rest)} more` : ''}.`;
}
