import { describe, expect, it } from 'vitest';
import {
  ctgovRssUrl,
  diffSinceLastVisit,
  filterByChange,
  parseSeenState,
  snapshotSeen,
  type SeenState,
  type TrialChangeMark,
} from '../../src/domain/changes.ts';
import { DEFAULT_QUERY } from '../../src/api/ctgov/default-query.ts';
import type { Trial, TrialLocation } from '../../src/domain/trial.ts';
import { syntheticTrial } from '../trial-factory.ts';

/** A synthetic trial (NCT99… ids): only the fields the change tracking reads matter. */
function trial(nctId: string, overrides: Partial<Trial> = {}): Trial {
  return syntheticTrial({
    nctId,
    status: 'RECRUITING',
    lastUpdated: '2025-01-10',
    enrollment: { count: 40, type: 'ESTIMATED' },
    ...overrides,
  });
}

const sites = (n: number): TrialLocation[] =>
  Array.from({ length: n }, (_, i) => ({ facility: `Synthetic site ${i + 1}`, country: 'Norway' }));

describe('snapshotSeen', () => {
  it('records status, site count, enrollment and last update date per NCT id', () => {
    const seen = snapshotSeen([
      trial('NCT99000001', { locations: sites(3) }),
      trial('NCT99000002', { status: 'COMPLETED', enrollment: undefined, lastUpdated: undefined }),
    ]);
    expect(seen).toEqual({
      NCT99000001: {
        status: 'RECRUITING',
        siteCount: 3,
        enrollment: 40,
        lastUpdated: '2025-01-10',
      },
      NCT99000002: { status: 'COMPLETED', siteCount: 0 },
    });
  });
});

describe('diffSinceLastVisit', () => {
  it('marks nothing on a first visit', () => {
    expect(diffSinceLastVisit([trial('NCT99000001')], null).size).toBe(0);
  });

  it('marks a trial that was not there last time as new', () => {
    const seen = snapshotSeen([trial('NCT99000001')]);
    const marks = diffSinceLastVisit([trial('NCT99000001'), trial('NCT99000002')], seen);
    expect([...marks.entries()]).toEqual([['NCT99000002', { mark: 'new', changes: [] }]]);
  });

  it('leaves unchanged trials unmarked', () => {
    const trials = [trial('NCT99000001', { locations: sites(2) })];
    expect(diffSinceLastVisit(trials, snapshotSeen(trials)).size).toBe(0);
  });

  it('describes a status change with the status labels', () => {
    const seen = snapshotSeen([trial('NCT99000001')]);
    const marks = diffSinceLastVisit([trial('NCT99000001', { status: 'COMPLETED' })], seen);
    expect(marks.get('NCT99000001')).toEqual({
      mark: 'updated',
      changes: [
        {
          field: 'status',
          from: 'RECRUITING',
          to: 'COMPLETED',
          text: 'Status: Recruiting → Completed',
        },
      ],
    });
  });

  it('shows a status the API added later as the API gives it', () => {
    const seen = snapshotSeen([trial('NCT99000001')]);
    const marks = diffSinceLastVisit([trial('NCT99000001', { status: 'PAUSED_FOR_REVIEW' })], seen);
    expect(marks.get('NCT99000001')?.changes[0]?.text).toBe(
      'Status: Recruiting → PAUSED_FOR_REVIEW',
    );
  });

  it('counts new sites and closed sites', () => {
    const seen = snapshotSeen([
      trial('NCT99000001', { locations: sites(1) }),
      trial('NCT99000002', { locations: sites(4) }),
      trial('NCT99000003', { locations: sites(2) }),
    ]);
    const marks = diffSinceLastVisit(
      [
        trial('NCT99000001', { locations: sites(3) }),
        trial('NCT99000002', { locations: sites(3) }),
        trial('NCT99000003', { locations: sites(3) }),
      ],
      seen,
    );
    expect(marks.get('NCT99000001')?.changes).toEqual([
      { field: 'sites', from: '1', to: '3', text: '2 new sites' },
    ]);
    expect(marks.get('NCT99000002')?.changes[0]?.text).toBe('1 fewer site');
    expect(marks.get('NCT99000003')?.changes[0]?.text).toBe('1 new site');
  });

  it('compares no sites, and keeps the last count seen, while the site lists are not loaded', () => {
    const before = snapshotSeen([trial('NCT99000001', { locations: sites(4) })]);
    // The trials of the precomputed core have no sites until the site lists are in: unknown counts.
    const unknown = () => undefined;
    const today = [trial('NCT99000001'), trial('NCT99000002')];
    const marks = diffSinceLastVisit(today, before, unknown);
    expect(marks.get('NCT99000001')).toBeUndefined();
    expect(marks.get('NCT99000002')?.mark).toBe('new');
    // Leaving before the site lists arrived keeps the count seen last time, and records none for a
    // trial whose sites were never known.
    const saved = snapshotSeen(today, unknown, before);
    expect(saved.NCT99000001?.siteCount).toBe(4);
    expect(saved.NCT99000002).toEqual({
      status: 'RECRUITING',
      lastUpdated: '2025-01-10',
      enrollment: 40,
    });
    expect(parseSeenState(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    // Once they are in, a real change of sites is marked.
    const later = diffSinceLastVisit([trial('NCT99000001', { locations: sites(5) })], saved);
    expect(later.get('NCT99000001')?.changes[0]?.text).toBe('1 new site');
  });

  it('describes enrollment changes, including a count that appears or disappears', () => {
    const seen = snapshotSeen([
      trial('NCT99000001'),
      trial('NCT99000002', { enrollment: undefined }),
      trial('NCT99000003'),
    ]);
    const marks = diffSinceLastVisit(
      [
        trial('NCT99000001', { enrollment: { count: 60, type: 'ACTUAL' } }),
        trial('NCT99000002', { enrollment: { count: 12, type: 'ESTIMATED' } }),
        trial('NCT99000003', { enrollment: undefined }),
      ],
      seen,
    );
    expect(marks.get('NCT99000001')?.changes).toEqual([
      { field: 'enrollment', from: '40', to: '60', text: 'Enrollment: 40 → 60' },
    ]);
    expect(marks.get('NCT99000002')?.changes[0]?.text).toBe('Enrollment: not stated → 12');
    expect(marks.get('NCT99000003')?.changes[0]?.text).toBe('Enrollment: 40 → not stated');
  });

  it('marks a record with a newer update date as updated, but not one that lost its date', () => {
    const seen = snapshotSeen([trial('NCT99000001'), trial('NCT99000002')]);
    const marks = diffSinceLastVisit(
      [
        trial('NCT99000001', { lastUpdated: '2025-03-04' }),
        trial('NCT99000002', { lastUpdated: undefined }),
      ],
      seen,
    );
    expect(marks.get('NCT99000001')?.changes).toEqual([
      {
        field: 'lastUpdated',
        from: '2025-01-10',
        to: '2025-03-04',
        text: 'Last updated: 2025-01-10 → 2025-03-04',
      },
    ]);
    expect(marks.has('NCT99000002')).toBe(false);
  });

  it('lists every change of one trial in a fixed order: status, sites, enrollment, date', () => {
    const seen = snapshotSeen([trial('NCT99000001')]);
    const marks = diffSinceLastVisit(
      [
        trial('NCT99000001', {
          status: 'ACTIVE_NOT_RECRUITING',
          locations: sites(2),
          enrollment: { count: 41, type: 'ACTUAL' },
          lastUpdated: '2025-06-01',
        }),
      ],
      seen,
    );
    expect(marks.get('NCT99000001')?.changes.map((c) => c.text)).toEqual([
      'Status: Recruiting → Active, not recruiting',
      '2 new sites',
      'Enrollment: 40 → 41',
      'Last updated: 2025-01-10 → 2025-06-01',
    ]);
  });

  it('does not mistake inherited object keys for trials seen before', () => {
    const marks = diffSinceLastVisit([trial('toString')], {});
    expect(marks.get('toString')?.mark).toBe('new');
  });
});

describe('parseSeenState', () => {
  it('reads back a stored state unchanged', () => {
    const seen: SeenState = snapshotSeen([trial('NCT99000001', { locations: sites(2) })]);
    expect(parseSeenState(JSON.parse(JSON.stringify(seen)))).toEqual(seen);
  });

  it('rejects values that are not a state and drops damaged entries', () => {
    expect(parseSeenState(null)).toBeNull();
    expect(parseSeenState([1, 2])).toBeNull();
    expect(
      parseSeenState({
        NCT99000001: { status: 'RECRUITING', siteCount: 1, enrollment: 'many' },
        NCT99000002: { status: 7, siteCount: 1 },
        NCT99000003: { status: 'COMPLETED', siteCount: -1 },
        NCT99000004: 'junk',
      }),
    ).toEqual({ NCT99000001: { status: 'RECRUITING', siteCount: 1 } });
  });
});

describe('ctgovRssUrl', () => {
  it('builds the ClinicalTrials.gov RSS feed of the same search, ordered by last update', () => {
    const url = new URL(
      ctgovRssUrl({
        'query.cond': 'multiple sclerosis',
        'query.intr': 'stem cell transplantation',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://clinicaltrials.gov/api/rss');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      cond: 'multiple sclerosis',
      intr: 'stem cell transplantation',
      dateField: 'LastUpdatePostDate',
    });
  });

  it('carries free text and a status filter over in the website form', () => {
    const url = new URL(
      ctgovRssUrl({
        'query.term': 'AHSCT',
        'filter.overallStatus': 'RECRUITING,NOT_YET_RECRUITING',
      }),
    );
    expect(url.searchParams.get('term')).toBe('AHSCT');
    expect(url.searchParams.get('aggFilters')).toBe('status:rec not');
    expect(url.searchParams.get('dateField')).toBe('LastUpdatePostDate');
  });

  it('keeps the whole default query, quotes and all', () => {
    const url = new URL(ctgovRssUrl(DEFAULT_QUERY));
    expect(url.searchParams.get('cond')).toBe(DEFAULT_QUERY['query.cond']);
    expect(url.searchParams.get('intr')).toBe(DEFAULT_QUERY['query.intr']);
  });
});

describe('filterByChange', () => {
  const marks = new Map<string, TrialChangeMark>([
    ['NCT99000001', { mark: 'new', changes: [] }],
    ['NCT99000002', { mark: 'updated', changes: [] }],
  ]);
  const trials = ['NCT99000001', 'NCT99000002', 'NCT99000003'].map((nctId) => ({ nctId }));

  it('keeps every trial when no change filter is set', () => {
    expect(filterByChange(trials, marks, [])).toEqual(trials);
  });

  it('keeps only the trials with one of the chosen marks', () => {
    expect(filterByChange(trials, marks, ['new']).map((t) => t.nctId)).toEqual(['NCT99000001']);
    expect(filterByChange(trials, marks, ['updated']).map((t) => t.nctId)).toEqual(['NCT99000002']);
    expect(filterByChange(trials, marks, ['new', 'updated'])).toHaveLength(2);
  });
});
