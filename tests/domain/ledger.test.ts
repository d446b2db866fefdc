import { describe, expect, it } from 'vitest';
import {
  applySnapshot,
  describeLedgerEntry,
  emptyLedger,
  entriesSince,
  isHighlighted,
  parseLedger,
  serializeLedger,
  summarizeEntries,
  trialTimeline,
  type ClassifiedSnapshot,
  type Ledger,
  type LedgerEntry,
} from '../../src/domain/ledger.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { syntheticTrial } from '../trial-factory.ts';

/** Synthetic trials (NCT99… ids), recruiting, updated 2025-01-10 unless overridden. */
function trial(nctId: string, overrides: Partial<Trial> = {}): Trial {
  return syntheticTrial({
    nctId,
    title: `Synthetic trial ${nctId}`,
    status: 'RECRUITING',
    lastUpdated: '2025-01-10',
    enrollment: { count: 40, type: 'ESTIMATED' },
    startDate: '2024-03',
    completionDate: '2027-12',
    ...overrides,
  });
}

function snap(
  dataDate: string,
  trials: Trial[],
  rulesVersion = '1',
  hash = `${dataDate}-${JSON.stringify(trials)}`,
): ClassifiedSnapshot {
  return { dataDate, rulesVersion, hash, trials };
}

const A = 'NCT99000001';
const B = 'NCT99000002';
const C = 'NCT99000003';

/** Entries without the fields every entry has, for compact expectations. */
const brief = (entries: LedgerEntry[]) =>
  entries.map(({ nctId, kind, field, from, to, reclassified }) => ({
    nctId,
    kind,
    ...(field ? { field } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(reclassified ? { reclassified } : {}),
  }));

function seeded(trials: Trial[]): { ledger: Ledger; first: ClassifiedSnapshot } {
  const first = snap('2025-01-10', trials);
  return { ledger: applySnapshot(emptyLedger(), null, first).ledger, first };
}

describe('applySnapshot', () => {
  it('seeds the ledger from the first snapshot without calling everything new', () => {
    const { ledger } = seeded([trial(A), trial(B)]);
    expect(ledger.entries).toEqual([]);
    expect(ledger.seenIds).toEqual([A, B]);
    expect(ledger.snapshot?.dataDate).toBe('2025-01-10');
  });

  it('records a new trial, a status change, a new enrollment figure and posted results, dated by record and snapshot', () => {
    const { ledger, first } = seeded([trial(A), trial(B)]);
    const next = snap('2025-02-01T09:00:00', [
      trial(A, { status: 'COMPLETED', lastUpdated: '2025-01-30' }),
      trial(B, {
        enrollment: { count: 38, type: 'ACTUAL' },
        hasResults: true,
        lastUpdated: '2025-01-31',
      }),
      trial(C, { lastUpdated: '2025-01-29' }),
    ]);
    const { added } = applySnapshot(ledger, first, next);
    expect(brief(added)).toEqual([
      { nctId: A, kind: 'status', from: 'RECRUITING', to: 'COMPLETED' },
      { nctId: B, kind: 'enrollment', from: '40 estimated', to: '38 actual' },
      { nctId: B, kind: 'results' },
      { nctId: C, kind: 'new', to: 'RECRUITING' },
    ]);
    expect(added.map((e) => [e.updated, e.dataDate])).toEqual([
      ['2025-01-30', '2025-02-01'],
      ['2025-01-31', '2025-02-01'],
      ['2025-01-31', '2025-02-01'],
      ['2025-01-29', '2025-02-01'],
    ]);
    expect(added.map(describeLedgerEntry)).toEqual([
      'Status: Recruiting → Completed',
      'Enrollment: 40 participants (planned) → 38 participants (actual)',
      'Results posted',
      'New trial in the dashboard (Recruiting)',
    ]);
  });

  it('records moved dates and a phase change', () => {
    const { ledger, first } = seeded([trial(A)]);
    const { added } = applySnapshot(
      ledger,
      first,
      snap('2025-02-01', [
        trial(A, { startDate: '2024-06', completionDate: '2028-06', phase: 'PHASE3' }),
      ]),
    );
    expect(added.map(describeLedgerEntry)).toEqual([
      'Start date moved: 2024-03 → 2024-06',
      'Completion date moved: 2027-12 → 2028-06',
      'Phase: Phase 2 → Phase 3',
    ]);
  });

  it('adds nothing when the same snapshot is applied again', () => {
    const { ledger, first } = seeded([trial(A)]);
    const next = snap('2025-02-01', [trial(A, { status: 'COMPLETED' }), trial(B)]);
    const once = applySnapshot(ledger, first, next);
    expect(once.added).toHaveLength(2);
    const twice = applySnapshot(once.ledger, first, next);
    expect(twice.added).toEqual([]);
    expect(twice.ledger).toEqual(once.ledger);
    // The same changes under another hash (the file written again) are not entered twice either.
    const again = applySnapshot(once.ledger, first, { ...next, hash: 'other' });
    expect(again.added).toEqual([]);
    expect(again.ledger.entries).toEqual(once.ledger.entries);
  });

  it('says a trial left the query, and that it came back, without calling it new again', () => {
    const { ledger, first } = seeded([trial(A), trial(B)]);
    const gone = snap('2025-02-01', [trial(A)]);
    const step1 = applySnapshot(ledger, first, gone);
    expect(brief(step1.added)).toEqual([{ nctId: B, kind: 'gone', from: 'RECRUITING' }]);
    const back = applySnapshot(step1.ledger, gone, snap('2025-03-01', [trial(A), trial(B)]));
    expect(brief(back.added)).toEqual([{ nctId: B, kind: 'returned', to: 'RECRUITING' }]);
    expect(describeLedgerEntry(back.added[0]!)).toBe('Back in the search results');
  });

  it('marks a classification change from new rules as a reclassification, with the rules version', () => {
    const { ledger, first } = seeded([trial(A), trial(B)]);
    const { added } = applySnapshot(
      ledger,
      first,
      snap(
        '2025-02-01',
        [
          // Same record (same lastUpdated), new rules: reclassified.
          trial(A, { diseases: ['systemic-sclerosis'] }),
          // The record changed too: a change of the record, classified by rules version 2.
          trial(B, { transplantType: 'allogeneic', lastUpdated: '2025-01-20' }),
        ],
        '2',
      ),
    );
    expect(brief(added)).toEqual([
      {
        nctId: A,
        kind: 'classification',
        field: 'diseases',
        from: 'multiple-sclerosis',
        to: 'systemic-sclerosis',
        reclassified: true,
      },
      {
        nctId: B,
        kind: 'classification',
        field: 'transplantType',
        from: 'autologous',
        to: 'allogeneic',
      },
    ]);
    expect(added.every((e) => e.rulesVersion === '2')).toBe(true);
    expect(describeLedgerEntry(added[0]!)).toBe(
      "Reclassified by the dashboard's rules, not a change of the record. Disease: Multiple sclerosis → Systemic sclerosis (rules version 2)",
    );
    expect(describeLedgerEntry(added[1]!)).toBe(
      'Transplant type: Autologous → Allogeneic (rules version 2)',
    );
  });

  it('refuses a snapshot without trials and leaves the ledger as it was', () => {
    const { ledger, first } = seeded([trial(A)]);
    const before = structuredClone(ledger);
    expect(() => applySnapshot(ledger, first, snap('2025-02-01', []))).toThrow(/no trials/);
    expect(ledger).toEqual(before);
  });

  it('keeps the title and classification of trials with entries, for the feeds', () => {
    const { ledger, first } = seeded([trial(A), trial(B)]);
    const { ledger: after } = applySnapshot(
      ledger,
      first,
      snap('2025-02-01', [trial(A, { status: 'COMPLETED', title: 'Renamed' }), trial(B)]),
    );
    expect(after.trials).toEqual({
      [A]: {
        title: 'Renamed',
        diseases: ['multiple-sclerosis'],
        therapy: 'hsct',
        transplantType: 'autologous',
      },
    });
  });
});

describe('reading the ledger', () => {
  function ledgerWithChanges(): Ledger {
    const { ledger, first } = seeded([trial(A), trial(B)]);
    const second = snap('2025-02-01', [trial(A, { status: 'TERMINATED' }), trial(B)]);
    const step = applySnapshot(ledger, first, second).ledger;
    return applySnapshot(
      step,
      second,
      snap('2025-03-05', [trial(A, { status: 'TERMINATED', hasResults: true }), trial(B)]),
    ).ledger;
  }

  it('gives a trial its timeline, newest first, and the entries of a period', () => {
    const ledger = ledgerWithChanges();
    expect(trialTimeline(ledger, A).map(describeLedgerEntry)).toEqual([
      'Results posted',
      'Status: Recruiting → Terminated',
    ]);
    expect(trialTimeline(ledger, B)).toEqual([]);
    expect(entriesSince(ledger, '2025-03-01').map((e) => e.kind)).toEqual(['results']);
  });

  it('counts entries per kind in words', () => {
    const ledger = ledgerWithChanges();
    expect(summarizeEntries(ledger.entries)).toBe('1 status change, 1 trial posted results');
    expect(summarizeEntries([])).toBe('');
  });

  it('highlights Completed, Terminated and posted results', () => {
    const ledger = ledgerWithChanges();
    expect(trialTimeline(ledger, A).map(isHighlighted)).toEqual([true, true]);
    expect(
      isHighlighted({ nctId: A, kind: 'status', to: 'SUSPENDED', dataDate: '2025-01-01' }),
    ).toBe(false);
  });

  it('reads back what it writes', () => {
    const ledger = ledgerWithChanges();
    const text = serializeLedger(ledger);
    expect(parseLedger(JSON.parse(text))).toEqual({ ledger, dropped: 0 });
    // One entry per line: a nightly diff shows the new entries as added lines.
    expect(text.split('\n').filter((l) => l.includes('"kind"'))).toHaveLength(2);
  });

  it('drops damaged entries and counts them, and refuses another format', () => {
    const ledger = ledgerWithChanges();
    const raw = JSON.parse(serializeLedger(ledger)) as { entries: unknown[] };
    raw.entries.push({ nctId: A, kind: 'exploded', dataDate: '2025-03-05' }, 'text');
    const { ledger: read, dropped } = parseLedger(raw);
    expect(dropped).toBe(2);
    expect(read.entries).toEqual(ledger.entries);
    expect(() => parseLedger({ ...raw, format: 2 })).toThrow(/format 2/);
    expect(() => parseLedger([])).toThrow(/not a JSON object/);
  });
});
