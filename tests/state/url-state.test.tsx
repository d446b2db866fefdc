import { act, renderHook, waitFor } from '@testing-library/react';
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/domain/filters.ts';
import {
  describeParseIssues,
  parseIssues,
  toSearchString,
  useParseIssues,
  useSelectedTrial,
  useTableSort,
  useTrialFilters,
  useView,
} from '../../src/state/url-state.ts';

function setup<T>(hook: () => T, search = '') {
  const updates: UrlUpdateEvent[] = [];
  const wrapper = ({ children }: { children: ReactNode }) => (
    <NuqsTestingAdapter searchParams={search} hasMemory onUrlUpdate={(e) => updates.push(e)}>
      {children}
    </NuqsTestingAdapter>
  );
  const result = renderHook(hook, { wrapper });
  return { ...result, updates, lastQuery: () => updates.at(-1)?.queryString ?? search };
}

describe('useTrialFilters', () => {
  it('reads the default filters (HSCT only) from an empty URL', () => {
    const { result } = setup(() => useTrialFilters());
    expect(result.current[0]).toEqual(DEFAULT_FILTERS);
  });

  it('reads every filter parameter of a link', () => {
    const { result } = setup(
      () => useTrialFilters(),
      '?disease=systemic-sclerosis,lupus&therapy=hsct,car-t&type=autologous&phase=PHASE2&status=RECRUITING' +
        '&country=France&from=2015&to=2024&sponsor=INDUSTRY&results=1&q=cyclophosphamide&hidden=1' +
        '&conditioning=Lymphoablative&regimen=cy-atg,beam-atg&graft=cd34-selected&allocation=randomised' +
        '&comparator=drug-therapy&publications=pmid',
    );
    expect(result.current[0]).toEqual({
      disease: ['systemic-sclerosis', 'lupus'],
      therapy: ['hsct', 'car-t'],
      type: ['autologous'],
      phase: ['PHASE2'],
      status: ['RECRUITING'],
      country: ['France'],
      from: 2015,
      to: 2024,
      sponsor: ['INDUSTRY'],
      results: true,
      q: 'cyclophosphamide',
      hidden: true,
      conditioning: ['lymphoablative'],
      regimen: ['cy-atg', 'beam-atg'],
      graft: ['cd34-selected'],
      allocation: ['randomised'],
      comparator: ['drug-therapy'],
      publications: ['pmid'],
    });
  });

  it('names unknown design facet values in the notice', () => {
    expect(parseIssues('?graft=purple&allocation=randomised&publications=maybe')).toEqual([
      { param: 'graft', value: 'purple', reason: 'unknown graft value' },
      { param: 'publications', value: 'maybe', reason: 'unknown publications value' },
    ]);
  });

  it('writes a filter change to the URL as a new history entry and reads it back', async () => {
    const { result, updates, lastQuery } = setup(() => useTrialFilters());
    act(() =>
      result.current[1]({ disease: ['systemic-sclerosis'], type: ['autologous'], from: 2015 }),
    );
    await waitFor(() =>
      expect(lastQuery()).toBe('?disease=systemic-sclerosis&type=autologous&from=2015'),
    );
    expect(updates.at(-1)?.options.history).toBe('push');
    expect(result.current[0]).toMatchObject({
      disease: ['systemic-sclerosis'],
      type: ['autologous'],
      from: 2015,
    });
  });

  it('leaves the default therapy out of the URL and writes therapy=all for no therapy filter', async () => {
    const { result, lastQuery } = setup(() => useTrialFilters(), '?therapy=car-t');
    act(() => result.current[1]({ therapy: ['hsct'] }));
    await waitFor(() => expect(lastQuery()).toBe(''));
    act(() => result.current[1]({ therapy: [] }));
    await waitFor(() => expect(lastQuery()).toBe('?therapy=all'));
    expect(result.current[0].therapy).toEqual([]);
  });

  it('round-trips a country name that contains a comma', async () => {
    const { result, updates } = setup(() => useTrialFilters());
    act(() => result.current[1]({ country: ['Korea, Republic of', 'France'] }));
    await waitFor(() => expect(updates).toHaveLength(1));
    const written = updates.at(-1)!.searchParams.get('country');
    expect(written).toBe('Korea%2C Republic of,France');
    const reread = setup(() => useTrialFilters(), `?${updates.at(-1)!.searchParams.toString()}`);
    expect(reread.result.current[0].country).toEqual(['Korea, Republic of', 'France']);
  });

  it('reads a hand-written comma-space inside a country name as part of the name', () => {
    const { result } = setup(() => useTrialFilters(), '?country=Korea, Republic of,Japan');
    expect(result.current[0].country).toEqual(['Korea, Republic of', 'Japan']);
  });

  it('clears every filter with null, back to the defaults', async () => {
    const { result, lastQuery } = setup(
      () => useTrialFilters(),
      '?disease=lupus&therapy=all&results=1&view=table',
    );
    act(() => result.current[1](null));
    expect(result.current[0]).toEqual(DEFAULT_FILTERS);
    await waitFor(() => expect(lastQuery()).toBe('?view=table'));
  });

  it('ignores unknown and malformed values but keeps the rest of the link', () => {
    const { result } = setup(
      () => useTrialFilters(),
      '?disease=lupus,not-a-disease&phase=PHASE9&from=abc&to=2020&results=maybe&therapy=nonsense',
    );
    expect(result.current[0]).toMatchObject({
      disease: ['lupus'],
      phase: [],
      from: null,
      to: 2020,
      results: false,
      therapy: ['hsct'],
    });
  });

  it('accepts ids in any letter case', () => {
    const { result } = setup(
      () => useTrialFilters(),
      '?disease=LUPUS&status=recruiting&phase=phase1_phase2',
    );
    expect(result.current[0]).toMatchObject({
      disease: ['lupus'],
      status: ['RECRUITING'],
      phase: ['PHASE1_PHASE2'],
    });
  });

  it('can replace the history entry instead of pushing one (typing in the search box)', async () => {
    const { result, updates } = setup(() => useTrialFilters());
    act(() => result.current[1]({ q: 'busulfan' }, { history: 'replace' }));
    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates.at(-1)?.options.history).toBe('replace');
    expect(updates.at(-1)?.queryString).toBe('?q=busulfan');
  });
});

describe('useView, useSelectedTrial, useTableSort', () => {
  it('defaults to the dashboard view, no selected trial and the newest start first', () => {
    const { result } = setup(() => ({
      view: useView()[0],
      trial: useSelectedTrial()[0],
      sort: useTableSort()[0],
    }));
    expect(result.current).toEqual({
      view: 'dashboard',
      trial: null,
      sort: { column: 'start', direction: 'desc' },
    });
  });

  it('reads and writes view, trial and sort', async () => {
    const { result, lastQuery } = setup(
      () => ({ view: useView(), trial: useSelectedTrial(), sort: useTableSort() }),
      '?view=table&trial=nct01234567&sort=enrollment:asc',
    );
    expect(result.current.view[0]).toBe('table');
    expect(result.current.trial[0]).toBe('NCT01234567');
    expect(result.current.sort[0]).toEqual({ column: 'enrollment', direction: 'asc' });

    act(() => result.current.sort[1]({ column: 'title', direction: 'desc' }));
    await waitFor(() => expect(lastQuery()).toContain('sort=title:desc'));
    act(() => result.current.trial[1](null));
    act(() => result.current.view[1]('dashboard'));
    await waitFor(() => expect(lastQuery()).toBe('?sort=title:desc'));
  });

  it('ignores a malformed trial id, view or sort', () => {
    const { result } = setup(
      () => ({ view: useView()[0], trial: useSelectedTrial()[0], sort: useTableSort()[0] }),
      '?view=map&trial=12&sort=colour:up',
    );
    expect(result.current).toEqual({
      view: 'dashboard',
      trial: null,
      sort: { column: 'start', direction: 'desc' },
    });
  });
});

describe('parseIssues', () => {
  it('lists every ignored value with its parameter', () => {
    expect(
      parseIssues('?disease=lupus,xyz&from=19x5&trial=123&view=map&results=2&theme=dark&embed=1'),
    ).toEqual([
      { param: 'disease', value: 'xyz', reason: 'unknown disease value' },
      { param: 'from', value: '19x5', reason: 'not a year (1900–2100)' },
      { param: 'results', value: '2', reason: 'expected 1' },
      { param: 'view', value: 'map', reason: 'unknown view' },
      { param: 'trial', value: '123', reason: 'not an NCT id' },
    ]);
  });

  it('finds nothing to report in a link the page itself wrote', () => {
    const search = toSearchString({
      disease: ['lupus'],
      therapy: [],
      country: ['Korea, Republic of'],
      from: 2010,
      results: true,
      view: 'table',
      sort: { column: 'enrollment', direction: 'desc' },
      trial: 'NCT01234567',
    });
    expect(parseIssues(search)).toEqual([]);
    expect(search).toContain('therapy=all');
  });

  it('is exposed as a hook and a sentence for the quiet notice', () => {
    const { result } = setup(() => useParseIssues(), '?disease=nope');
    expect(describeParseIssues(result.current)).toBe(
      'Ignored in the link: disease "nope" (unknown disease value).',
    );
  });
});
