/**
 * Exploration filters: the one shape of "what the researcher is looking at", shared by the URL state
 * (src/state/url-state.ts), the filter panel, the charts (cross-filtering) and the table.
 * Pure domain code: no React, no URL.
 */
import { DISEASE_LABELS, DISEASE_SYNONYMS } from './diseases.ts';
import type { DiseaseId } from './diseases.ts';
import { foldForSearch as fold } from './text-normalize.ts';
import type { Phase, Therapy, TransplantType, Trial } from './trial.ts';
import { isShownByDefault } from './visibility.ts';

export type ChangeMark = 'new' | 'updated';

export type TrialFilters = {
  disease: DiseaseId[];
  therapy: Therapy[];
  type: TransplantType[];
  phase: Phase[];
  /** API OverallStatus values (RECRUITING, …). */
  status: string[];
  /** Location country names as the API gives them ("Korea, Republic of"). */
  country: string[];
  /** Start year range, inclusive. */
  from: number | null;
  to: number | null;
  /** API sponsor classes (NIH, INDUSTRY, OTHER, …); a trial without sponsor counts as UNKNOWN. */
  sponsor: string[];
  /** Only trials with posted results. */
  results: boolean;
  /** Free text over title, official title, acronym, NCT id, sponsor and interventions. */
  q: string;
  /** Also show records the classifier excluded (no autoimmune disease). */
  hidden: boolean;
};

export const DEFAULT_FILTERS: TrialFilters = Object.freeze({
  disease: [],
  therapy: ['hsct'],
  type: [],
  phase: [],
  status: [],
  country: [],
  from: null,
  to: null,
  sponsor: [],
  results: false,
  q: '',
  hidden: false,
}) as TrialFilters;

/** The facets whose options show counts (each counted under all the OTHER active filters). */
export const FACET_KEYS = [
  'disease',
  'therapy',
  'type',
  'phase',
  'status',
  'country',
  'sponsor',
  'results',
  'year',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** value -> number of trials. `results` uses the keys 'yes' / 'no'; `year` the start year as text. */
export type FacetCounts = Record<FacetKey, Map<string, number>>;

/** The list-valued filter keys (the ones a chart click toggles). */
export type ListFilterKey =
  'disease' | 'therapy' | 'type' | 'phase' | 'status' | 'country' | 'sponsor';

export const RECRUITING_NOW_STATUSES: readonly string[] = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
];

export function sponsorClassOf(t: Trial): string {
  return t.sponsor?.class ?? 'UNKNOWN';
}

/** Toggle one value in a list (returns a new list). */
export function toggleValue<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/** True when the filters equal DEFAULT_FILTERS (order of list values does not matter). */
export function isDefaultFilters(f: TrialFilters): boolean {
  return (
    sameList(f.disease, DEFAULT_FILTERS.disease) &&
    sameList(f.therapy, DEFAULT_FILTERS.therapy) &&
    f.type.length === 0 &&
    f.phase.length === 0 &&
    f.status.length === 0 &&
    f.country.length === 0 &&
    f.sponsor.length === 0 &&
    f.from === null &&
    f.to === null &&
    !f.results &&
    f.q.trim() === '' &&
    !f.hidden
  );
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

function compile(f: TrialFilters): Compiled {
  const terms = searchTerms(f.q);
  const hidden = f.hidden;
  const base = (t: Trial): boolean => (hidden || isShownByDefault(t)) && matchesSearch(t, terms);
  const facets: Compiled['facets'] = {};
  const disease = setOf<string>(f.disease);
  if (disease) facets.disease = (t) => t.diseases.some((d) => disease.has(d));
  const therapy = setOf<string>(f.therapy);
  if (therapy) facets.therapy = (t) => therapy.has(t.therapy);
  const type = setOf<string>(f.type);
  if (type) facets.type = (t) => type.has(t.transplantType);
  const phase = setOf<string>(f.phase);
  if (phase) facets.phase = (t) => phase.has(t.phase);
  const status = setOf(f.status);
  if (status) facets.status = (t) => status.has(t.status);
  const country = setOf(f.country);
  if (country) facets.country = (t) => t.countries.some((c) => country.has(c));
  const sponsor = setOf(f.sponsor);
  if (sponsor) facets.sponsor = (t) => sponsor.has(sponsorClassOf(t));
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
  switch (facet) {
    case 'disease':
      for (const d of t.diseases) bump(m, d);
      return;
    case 'therapy':
      bump(m, t.therapy);
      return;
    case 'type':
      bump(m, t.transplantType);
      return;
    case 'phase':
      bump(m, t.phase);
      return;
    case 'status':
      bump(m, t.status);
      return;
    case 'country':
      for (const c of t.countries) bump(m, c);
      return;
    case 'sponsor':
      bump(m, sponsorClassOf(t));
      return;
    case 'results':
      bump(m, t.hasResults ? 'yes' : 'no');
      return;
    case 'year':
      if (t.startYear !== undefined) bump(m, String(t.startYear));
      return;
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
