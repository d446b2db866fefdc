import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type TrialFilters } from '../../src/domain/filters.ts';
import {
  atomFeed,
  availableFeeds,
  feedForFilters,
  feedSpecs,
  type FeedSpec,
} from '../../src/domain/feeds.ts';
import { applySnapshot, emptyLedger, type Ledger } from '../../src/domain/ledger.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { atomEntries, atomLinks, atomText, parseAtom } from '../parse-atom.ts';
import { syntheticTrial } from '../trial-factory.ts';

const entriesOf = atomEntries;
const textOf = atomText;
const hrefs = atomLinks;

function trial(nctId: string, overrides: Partial<Trial> = {}): Trial {
  return syntheticTrial({ nctId, status: 'RECRUITING', lastUpdated: '2025-01-10', ...overrides });
}

/** Two snapshots: a lupus allogeneic trial completes, a new MS autologous trial appears. */
function ledgerOf(extra: Partial<Trial> = {}): Ledger {
  const lupus = trial('NCT99000011', {
    title: 'Allogeneic HSCT in lupus',
    diseases: ['lupus'],
    transplantType: 'allogeneic',
    ...extra,
  });
  const first = { dataDate: '2025-01-10', rulesVersion: '1', hash: 'a', trials: [lupus] };
  const seeded = applySnapshot(emptyLedger(), null, first).ledger;
  return applySnapshot(seeded, first, {
    dataDate: '2025-02-01',
    rulesVersion: '1',
    hash: 'b',
    trials: [
      { ...lupus, status: 'COMPLETED', lastUpdated: '2025-01-28' },
      trial('NCT99000012', { title: 'Autologous HSCT in MS', lastUpdated: '2025-01-30' }),
    ],
  }).ledger;
}

const spec = (key: string): FeedSpec => {
  const found = feedSpecs().find((s) => s.key === key);
  if (!found) throw new Error(`no feed ${key}`);
  return found;
};
const GENERATED = '2025-02-01T10:00:00Z';

describe('Atom feeds of the ledger', () => {
  it('is valid Atom with one entry per change, in plain words, linking to the dashboard and the record', () => {
    const doc = parseAtom(atomFeed(ledgerOf(), spec('all'), { generatedAt: GENERATED }));
    const entries = entriesOf(doc);
    // Newest first: same snapshot, so by the records' own update dates.
    expect(entries.map((e) => textOf(e, 'title'))).toEqual([
      'Autologous HSCT in MS: New trial in the dashboard (Recruiting)',
      'Allogeneic HSCT in lupus: Status: Recruiting → Completed',
    ]);
    expect(textOf(entries[1]!, 'summary')).toBe(
      'Status: Recruiting → Completed. NCT99000011. Record updated 2025-01-28; seen in the registry data of 2025-02-01.',
    );
    expect(hrefs(entries[1]!)).toEqual([
      '../?trial=NCT99000011',
      'https://clinicaltrials.gov/study/NCT99000011',
    ]);
    const absolute = parseAtom(
      atomFeed(ledgerOf(), spec('all'), {
        generatedAt: GENERATED,
        siteUrl: 'https://example.org/trials',
      }),
    );
    expect(hrefs(entriesOf(absolute)[1]!)[0]).toBe('https://example.org/trials/?trial=NCT99000011');
  });

  it('has a feed per disease, per therapy and per disease × transplant type, listing those with entries', () => {
    const ledger = ledgerOf();
    const titles = (key: string) =>
      entriesOf(parseAtom(atomFeed(ledger, spec(key), { generatedAt: GENERATED }))).map((e) =>
        textOf(e, 'title'),
      );
    expect(titles('disease-lupus')).toEqual([
      'Allogeneic HSCT in lupus: Status: Recruiting → Completed',
    ]);
    expect(titles('disease-lupus-allogeneic')).toHaveLength(1);
    expect(titles('disease-lupus-autologous')).toEqual([]);
    expect(titles('disease-multiple-sclerosis-autologous')).toEqual([
      'Autologous HSCT in MS: New trial in the dashboard (Recruiting)',
    ]);
    expect(titles('therapy-hsct')).toHaveLength(2);
    expect(availableFeeds(ledger).map(({ spec: s, count }) => [s.key, count])).toEqual([
      ['all', 2],
      ['disease-multiple-sclerosis', 1],
      ['disease-lupus', 1],
      ['therapy-hsct', 2],
      ['disease-multiple-sclerosis-autologous', 1],
      ['disease-lupus-allogeneic', 1],
    ]);
  });

  it('escapes every text field', () => {
    const nasty = 'Tom & Jerry <script>alert("x")</script> \'quoted\' ]]> \u0001';
    const xml = atomFeed(ledgerOf({ title: nasty }), spec('all'), { generatedAt: GENERATED });
    const doc = parseAtom(xml);
    expect(textOf(entriesOf(doc)[1]!, 'title')).toBe(
      'Tom & Jerry <script>alert("x")</script> \'quoted\' ]]> : Status: Recruiting → Completed',
    );
    expect(xml).not.toContain('<script>');
    // The parser does reject what an unescaped title would produce.
    expect(() => parseAtom(xml.replace('Tom &amp; Jerry', 'Tom & Jerry'))).toThrow(
      /Not well-formed/,
    );
  });

  it('keeps the newest entries under the size cap, and an empty feed is still valid', () => {
    const doc = parseAtom(atomFeed(ledgerOf(), spec('all'), { generatedAt: GENERATED, max: 1 }));
    expect(entriesOf(doc).map((e) => textOf(e, 'title'))).toEqual([
      'Autologous HSCT in MS: New trial in the dashboard (Recruiting)',
    ]);
    const empty = parseAtom(atomFeed(emptyLedger(), spec('all'), { generatedAt: GENERATED }));
    expect(entriesOf(empty)).toEqual([]);
    expect(textOf(empty.documentElement, 'updated')).toBe(GENERATED);
  });
});

describe('feedForFilters', () => {
  const filters = (f: Partial<TrialFilters>): TrialFilters => ({
    ...DEFAULT_FILTERS,
    therapy: [],
    ...f,
  });

  it('finds the feed of exactly the current filters', () => {
    expect(feedForFilters(filters({}))).toEqual({ spec: spec('all'), exact: true });
    expect(feedForFilters(DEFAULT_FILTERS)).toEqual({ spec: spec('therapy-hsct'), exact: true });
    expect(feedForFilters(filters({ disease: ['lupus'] }))).toEqual({
      spec: spec('disease-lupus'),
      exact: true,
    });
    expect(feedForFilters(filters({ disease: ['lupus'], type: ['autologous'] }))).toEqual({
      spec: spec('disease-lupus-autologous'),
      exact: true,
    });
  });

  it('falls back to the narrowest feed that holds the view, and says it is wider', () => {
    expect(feedForFilters(filters({ disease: ['lupus'], therapy: ['hsct'] }))).toEqual({
      spec: spec('disease-lupus'),
      exact: false,
    });
    expect(feedForFilters(filters({ disease: ['lupus'], status: ['RECRUITING'] }))).toEqual({
      spec: spec('disease-lupus'),
      exact: false,
    });
    expect(feedForFilters(filters({ disease: ['lupus', 'vasculitis'] }))).toEqual({
      spec: spec('all'),
      exact: false,
    });
  });
});
