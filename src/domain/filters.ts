/**
 * Exploration filters: the one shape of "what the researcher is looking at", shared by the URL state
 * (src/state/url-state.ts), the filter panel, the charts (cross-filtering) and the table.
 * Pure domain code: no React, no URL.
 */
import { DISEASE_LABELS, DISEASE_SYNONYMS } from './diseases.ts';
import {
  FILTER_KEYS,
  FILTER_SCHEMA,
  LIST_FILTER_KEYS,
  defaultFilterValues,
  type FilterValues,
  type ListFilterKey,
} from './filter-schema.ts';
import { foldForSearch as fold } from './text-normalize.ts';
import type { Trial } from './trial.ts';
import { isShownByDefault } from './visibility.ts';

export type ChangeMark = 'new' | 'updated';

/**
 * What the researcher is looking at: one value per filter of FILTER_SCHEMA (filter-schema.ts), where
 * each filter's values, default and meaning are defined.
 */
export type TrialFilters = FilterValues;

export const DEFAULT_FILTERS: TrialFilters = Object.freeze(defaultFilterValues());

/** The facets whose options show counts (each counted under all the OTHER active filters). */
export const FACET_KEYS = [...LIST_FILTER_KEYS, 'results', 'year'] as const;
export type FacetKey = ListFilterKey | 'results' | 'year';

/** value -> number of trials. `results` uses the keys 'yes' / 'no'; `year` the start year as text. */
export type FacetCounts = Record<FacetKey, Map<string, number>>;

export const RECRUITING_NOW_STATUSES: readonly string[] = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
];

/** Toggle one value in a list (returns a new list). */
export function toggleValue<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/** True when the filters equal DEFAULT_FILTERS (order of list values does not matter; blank search = none). */
export function isDefaultFilters(f: TrialFilters): boolean {
  return FILTER_KEYS.every((key) => {
    const value = f[key];
    const fallback = DEFAULT_FILTERS[key];
    if (Array.isArray(value)) return sameList(value, fallback as readonly unknown[]);
    if (typeof value === 'string') return value.trim() === fallback;
    return value === fallback;
  });
}

// ---------------------------------------------------------------------------------------------
// Free-text search

const haystacks = new WeakMap<Trial, string>();

function haystackOf(t: Trial): string {
  let h = haystacks.get(t);
  if (h === undefined) {
    const parts: string[] = [t.nctId, t.title];
    if (t.officialTitle) parts.push(t.officialTitle);
    if (t.acronym) parts.push(t.acronym);
    if (t.sponsor) parts.push(t.sponsor.name);
    parts.push(...t.conditions);
    for (const d of t.diseases) parts.push(DISEASE_LABELS[d], ...DISEASE_SYNONYMS[d]);
    for (const i of t.interventions) {
      parts.push(i.name);
      if (i.otherNames) parts.push(...i.otherNames);
    }
    h = fold(parts.join(' \u0001 '));
    haystacks.set(t, h);
  }
  return h;
}

/** Whether the filters hold a text search (at least one search term). */
export function hasSearch(f: Pick<TrialFilters, 'q'>): boolean {
  return searchTerms(f.q).length > 0;
}

/** Search terms of a query: normalised words; every word must occur (AND). */
export function searchTerms(q: string): string[] {
  const norm = fold(q.trim());
  return norm.split(/\s+/).filter((w) => w.length > 0);
}

export function matchesSearch(t: Trial, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const h = haystackOf(t);
  for (const term of terms) if (!h.includes(term)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Predicates, compiled once per filter state

type Compiled = {
  base: (t: Trial) => boolean;
  facets: Partial<Record<FacetKey, (t: Trial) => boolean>>;
};

function setOf<T>(values: readonly T[]): Set<T> | null {
  return values.length > 0 ? new Set(values) : null;
}

/** A predicate: does one of the trial's values for this facet belong to the selection? */
function listPredicate(key: ListFilterKey, selected: ReadonlySet<string>): (t: Trial) => boolean {
  const of = FILTER_SCHEMA[key].of;
  return (t) => {
    const value = of(t);
    return typeof value === 'string' ? selected.has(value) : value.some((v) => selected.has(v));
  };
}

function compile(f: TrialFilters): Compiled {
  const terms = searchTerms(f.q);
  const hidden = f.hidden;
  const base = (t: Trial): boolean => (hidden || isShownByDefault(t)) && matchesSearch(t, terms);
  const facets: Compiled['facets'] = {};
  for (const key of LIST_FILTER_KEYS) {
    const selected = setOf<string>(f[key]);
    if (selected) facets[key] = listPredicate(key, selected);
  }
  if (f.results) facets.results = (t) => t.hasResults;
  const from = f.from;
  const to = f.to;
  if (from !== null || to !== null) {
    facets.year = (t) =>
      t.startYear !== undefined &&
      (from === null || t.startYear >= from) &&
      (to === null || t.startYear <= to);
  }
  return { base, facets };
}

/** The trials that pass every filter. Order is preserved. */
export function filterTrials(trials: readonly Trial[], f: TrialFilters): Trial[] {
  const { base, facets } = compile(f);
  const preds = Object.values(facets);
  return trials.filter((t) => {
    if (!base(t)) return false;
    for (const p of preds) if (!p(t)) return false;
    return true;
  });
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function countInto(counts: FacetCounts, facet: FacetKey, t: Trial): void {
  const m = counts[facet];
  if (facet === 'results') bump(m, t.hasResults ? 'yes' : 'no');
  else if (facet === 'year') {
    if (t.startYear !== undefined) bump(m, String(t.startYear));
  } else {
    const value = FILTER_SCHEMA[facet].of(t);
    if (typeof value === 'string') bump(m, value);
    else for (const v of value) bump(m, v);
  }
}

/**
 * Faceted counts: for every facet, how many trials each option would match under all the OTHER active
 * filters (the facet's own selection is ignored, so selecting one disease still shows the counts of
 * the others). The free-text search and the hidden toggle always apply. One pass over the trials.
 */
export function facetCounts(trials: readonly Trial[], f: TrialFilters): FacetCounts {
  const counts = Object.fromEntries(
    FACET_KEYS.map((k) => [k, new Map<string, number>()]),
  ) as FacetCounts;
  const { base, facets } = compile(f);
  const active = Object.entries(facets) as [FacetKey, (t: Trial) => boolean][];
  for (const t of trials) {
    if (!base(t)) continue;
    let failed: FacetKey | null = null;
    let failures = 0;
    for (const [key, pred] of active) {
      if (!pred(t)) {
        failures++;
        failed = key;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      for (const key of FACET_KEYS) countInto(counts, key, t);
    } else if (failures === 1 && failed !== null) {
      countInto(counts, failed, t);
    }
  }
  return counts;
}
