import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  facetCounts,
  filterTrials,
  isDefaultFilters,
  toggleValue,
  type TrialFilters,
} from '../../src/domain/filters.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { syntheticTrial } from '../trial-factory.ts';
import { noDesign } from '../../src/domain/design-facets.ts';

const ssc2016 = syntheticTrial({
  title: 'Autologous HSCT in diffuse cutaneous systemic sclerosis',
  diseases: ['systemic-sclerosis'],
  transplantType: 'autologous',
  startYear: 2016,
  status: 'RECRUITING',
  countries: ['France', 'Korea, Republic of'],
  sponsor: { name: 'Assistance Publique - Hôpitaux de Paris', class: 'OTHER' },
});
const ssc2010 = syntheticTrial({
  diseases: ['systemic-sclerosis'],
  transplantType: 'autologous',
  startYear: 2010,
  status: 'COMPLETED',
  countries: ['United States'],
  hasResults: true,
});
const sscAllo = syntheticTrial({
  diseases: ['systemic-sclerosis'],
  transplantType: 'allogeneic',
  startYear: 2019,
  status: 'RECRUITING',
  countries: ['France'],
});
const msCart = syntheticTrial({
  acronym: 'KYSA-7',
  diseases: ['multiple-sclerosis'],
  therapy: 'car-t',
  transplantType: 'autologous',
  startYear: 2023,
  status: 'RECRUITING',
  interventions: [
    { type: 'BIOLOGICAL', name: 'KYV-101 CAR T cells', otherNames: ['anti-CD19 CAR-T'] },
  ],
  sponsor: { name: 'Kyverna Therapeutics', class: 'INDUSTRY' },
});
const notAutoimmune = syntheticTrial({
  diseases: [],
  transplantType: 'allogeneic',
  startYear: 2018,
});

const ALL: Trial[] = [ssc2016, ssc2010, sscAllo, msCart, notAutoimmune];

function f(partial: Partial<TrialFilters>): TrialFilters {
  return { ...DEFAULT_FILTERS, ...partial };
}

describe('filterTrials', () => {
  it('shows autoimmune HSCT trials by default, without the records the classifier excluded', () => {
    expect(filterTrials(ALL, DEFAULT_FILTERS)).toEqual([ssc2016, ssc2010, sscAllo]);
  });

  it('shows the excluded records too when hidden is on', () => {
    expect(filterTrials(ALL, f({ hidden: true }))).toContain(notAutoimmune);
  });

  it('answers: autologous HSCT in systemic sclerosis started since 2015, recruiting, by country', () => {
    const since2015 = filterTrials(
      ALL,
      f({ disease: ['systemic-sclerosis'], type: ['autologous'], from: 2015 }),
    );
    expect(since2015).toEqual([ssc2016]);
    const recruiting = filterTrials(since2015, f({ status: ['RECRUITING'] }));
    expect(recruiting).toHaveLength(1);
    expect(recruiting[0]?.countries).toEqual(['France', 'Korea, Republic of']);
  });

  it('combines values of one facet with OR and facets with AND', () => {
    expect(filterTrials(ALL, f({ therapy: ['hsct', 'car-t'], status: ['RECRUITING'] }))).toEqual([
      ssc2016,
      sscAllo,
      msCart,
    ]);
    expect(filterTrials(ALL, f({ therapy: [], country: ['France', 'United States'] }))).toEqual([
      ssc2016,
      ssc2010,
      sscAllo,
    ]);
  });

  it('limits the start year range inclusively and drops trials without a start year', () => {
    const noStart = syntheticTrial({ diseases: ['lupus'] });
    expect(filterTrials([...ALL, noStart], f({ from: 2010, to: 2016 }))).toEqual([
      ssc2016,
      ssc2010,
    ]);
  });

  it('filters by sponsor class and posted results', () => {
    expect(filterTrials(ALL, f({ therapy: [], sponsor: ['INDUSTRY'] }))).toEqual([msCart]);
    expect(filterTrials(ALL, f({ results: true }))).toEqual([ssc2010]);
  });

  it('searches title, acronym, NCT id, sponsor and interventions, ignoring case and accents', () => {
    const any = f({ therapy: [] });
    expect(filterTrials(ALL, { ...any, q: 'kysa-7' })).toEqual([msCart]);
    expect(filterTrials(ALL, { ...any, q: 'anti-cd19' })).toEqual([msCart]);
    expect(filterTrials(ALL, { ...any, q: 'hopitaux paris' })).toEqual([ssc2016]);
    expect(filterTrials(ALL, { ...any, q: ssc2010.nctId.toLowerCase() })).toEqual([ssc2010]);
    expect(filterTrials(ALL, { ...any, q: 'diffuse' })).toEqual([ssc2016]);
    expect(filterTrials(ALL, { ...any, q: 'diffuse kyverna' })).toEqual([]);
  });

  it('finds a trial by the names people use for its condition (docs/domain.md synonyms)', () => {
    const cidp = syntheticTrial({
      title: 'Autologous HSCT in refractory CIDP',
      conditions: ['CIDP'],
      diseases: ['cidp'],
    });
    const any = f({ therapy: [] });
    expect(filterTrials([...ALL, cidp], { ...any, q: 'Polyradiculoneuropathy' })).toEqual([cidp]);
    expect(
      filterTrials([...ALL, cidp], { ...any, q: 'chronic inflammatory demyelinating' }),
    ).toEqual([cidp]);
  });
});

describe('facetCounts', () => {
  it('counts each facet under all the other active filters, not its own', () => {
    const counts = facetCounts(ALL, f({ disease: ['systemic-sclerosis'], status: ['RECRUITING'] }));
    // Disease options ignore the disease selection: MS would still match if picked (but it is CAR-T, so 0 under HSCT).
    expect(Object.fromEntries(counts.disease)).toEqual({ 'systemic-sclerosis': 2 });
    // Status options ignore the status selection.
    expect(Object.fromEntries(counts.status)).toEqual({ RECRUITING: 2, COMPLETED: 1 });
    // Therapy options ignore the HSCT default.
    expect(Object.fromEntries(counts.therapy)).toEqual({ hsct: 2 });
    expect(Object.fromEntries(counts.type)).toEqual({ autologous: 1, allogeneic: 1 });
    expect(Object.fromEntries(counts.country)).toEqual({ France: 2, 'Korea, Republic of': 1 });
    expect(Object.fromEntries(counts.year)).toEqual({ '2016': 1, '2019': 1 });
    expect(Object.fromEntries(counts.results)).toEqual({ no: 2 });
  });

  it('shows CAR-T among the therapy options while HSCT is selected', () => {
    const counts = facetCounts(ALL, DEFAULT_FILTERS);
    expect(Object.fromEntries(counts.therapy)).toEqual({ hsct: 3, 'car-t': 1 });
    expect(counts.disease.get('multiple-sclerosis')).toBeUndefined();
  });

  it('agrees with filterTrials: picking an option yields exactly its count', () => {
    const base = f({ status: ['RECRUITING'] });
    const counts = facetCounts(ALL, base);
    for (const [country, n] of counts.country) {
      expect(filterTrials(ALL, { ...base, country: [country] })).toHaveLength(n);
    }
  });
});

describe('helpers', () => {
  it('toggles a value in a list', () => {
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
  });

  it('recognises the default filters', () => {
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
    expect(isDefaultFilters(f({ therapy: [] }))).toBe(false);
    expect(isDefaultFilters(f({ q: '  ' }))).toBe(true);
  });
});

describe('design facet filters', () => {
  const design = (over: Partial<Trial['design']>): Trial['design'] => ({ ...noDesign(), ...over });
  const randomisedSelected = syntheticTrial({
    design: design({ allocation: 'randomised', graft: 'cd34-selected', resultPmids: ['1'] }),
  });
  const randomised = syntheticTrial({
    design: design({ allocation: 'randomised', conditioning: 'lymphoablative', regimen: 'cy-atg' }),
  });
  const single = syntheticTrial({ design: design({ comparator: 'single-arm' }) });
  const all = [randomisedSelected, randomised, single];

  it('filters on each facet, values of one facet OR-ed, facets AND-ed', () => {
    const f = { ...DEFAULT_FILTERS, allocation: ['randomised'], graft: ['cd34-selected'] };
    expect(filterTrials(all, f as TrialFilters)).toEqual([randomisedSelected]);
    expect(filterTrials(all, { ...DEFAULT_FILTERS, regimen: ['cy-atg'] })).toEqual([randomised]);
    expect(filterTrials(all, { ...DEFAULT_FILTERS, publications: ['pmid'] })).toEqual([
      randomisedSelected,
    ]);
  });

  it('counts each facet under the other filters', () => {
    const counts = facetCounts(all, { ...DEFAULT_FILTERS, graft: ['cd34-selected'] });
    expect(counts.allocation.get('randomised')).toBe(1);
    expect(counts.graft.get('cd34-selected')).toBe(1);
    expect(counts.graft.get('not-stated')).toBe(2);
    expect(counts.regimen.get('cy-atg')).toBeUndefined();
    expect(counts.publications.get('pmid')).toBe(1);
  });

  it('a design filter makes the filters non-default', () => {
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, comparator: ['single-arm'] })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, publications: ['none'] })).toBe(false);
  });
});
