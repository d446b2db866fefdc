// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import {
  compactTrial,
  contentHashProblem,
  deltaSinceDate,
  detailShardOf,
  mergeTrials,
  readPrecomputedDataset,
  updatedSinceFilter,
} from '../../src/domain/precomputed-dataset.ts';
import { precompute, serializePrecomputed } from '../../scripts/precompute-dataset.ts';
import { syntheticTrial } from '../trial-factory.ts';

const RAW = JSON.parse(
  readFileSync(new URL('../../public/data/snapshot.json', import.meta.url), 'utf8'),
) as BundledDataset;

type Columns = {
  count: number;
  fields: Record<string, unknown[]>;
  sites: { perTrial: number[]; fields: Record<string, unknown[]> };
};

function derived() {
  return JSON.parse(serializePrecomputed(precompute(RAW, 'raw', 'rules-x').dataset)) as {
    meta: Record<string, unknown>;
    trials: Columns;
  };
}

describe('precomputed dataset', () => {
  it('holds every record of the raw snapshot as a compact trial, sorted by NCT id, with its provenance', () => {
    const { dataset, shards } = precompute(RAW, 'raw', 'rules-x');
    expect(dataset.trials).toHaveLength(RAW.studies.length);
    const ids = dataset.trials.map((t) => t.nctId);
    expect(ids).toEqual([...ids].sort());
    expect(dataset.meta).toMatchObject({
      format: 'hsct-trials-precomputed',
      formatVersion: 2,
      query: RAW.meta.query,
      capturedAt: RAW.meta.capturedAt,
      rulesVersion: 'rules-x',
      trialCount: RAW.studies.length,
    });
    expect(dataset.meta.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const sharded = [...shards.values()].flatMap((s) => Object.keys(s.studies));
    expect(sharded.sort()).toEqual(ids);
    for (const [shard, content] of shards) {
      for (const id of Object.keys(content.studies)) expect(detailShardOf(id)).toBe(shard);
    }
  });

  it('reads back what it writes: the same trials, sites and all', async () => {
    const { dataset } = precompute(RAW, 'raw', 'rules-x');
    const file = derived();
    expect(await contentHashProblem(file)).toBeUndefined();
    const read = readPrecomputedDataset(file);
    expect(read).toMatchObject({ ok: true, invalidTrials: 0 });
    expect(read.ok && read.dataset.trials).toEqual(dataset.trials);
    expect(dataset.trials.some((t) => t.locations.some((l) => l.lat !== undefined))).toBe(true);
  });

  it('stores the trials by column, each field once, with the sites flattened', () => {
    const { trials } = derived();
    expect(trials.count).toBe(RAW.studies.length);
    expect(trials.fields.nctId).toHaveLength(trials.count);
    expect(trials.fields.locations).toBeUndefined();
    const sites = trials.sites.perTrial.reduce((a, b) => a + b, 0);
    expect(trials.sites.fields.city).toHaveLength(sites);
  });

  it('rejects a damaged meta or damaged columns with a clear reason', () => {
    const wrongVersion = derived();
    wrongVersion.meta.formatVersion = 1;
    expect(readPrecomputedDataset(wrongVersion)).toEqual({
      ok: false,
      problem: 'meta.formatVersion 1 is not 2.',
    });
    const wrongCount = derived();
    wrongCount.meta.trialCount = 3;
    expect(readPrecomputedDataset(wrongCount)).toEqual({
      ok: false,
      problem: `it holds ${RAW.studies.length} trials but says 3.`,
    });
    const shortColumn = derived();
    shortColumn.trials.fields.title!.pop();
    expect(readPrecomputedDataset(shortColumn)).toEqual({
      ok: false,
      problem: `the trial field "title" does not hold ${RAW.studies.length} values.`,
    });
    const siteCounts = derived();
    siteCounts.trials.sites.perTrial[0]! += 1;
    expect(readPrecomputedDataset(siteCounts)).toMatchObject({ ok: false });
    // A field name the model does not have (here one that would reach the prototype) is refused.
    const unknown: unknown = JSON.parse(
      JSON.stringify(derived()).replace('"fields":{', '"fields":{"__proto__":[],'),
    );
    expect(readPrecomputedDataset(unknown)).toEqual({
      ok: false,
      problem: 'trials have an unknown field "__proto__".',
    });
  });

  it('finds trials changed after the file was written by their content hash', async () => {
    const edited = derived();
    edited.trials.fields.phase![0] = 'PHASE3';
    expect(await contentHashProblem(edited)).toBe(
      'its trials do not match its content hash (the file is damaged or was changed).',
    );
  });

  it('drops and counts trials that lost a field the app reads', () => {
    const data = derived();
    data.trials.fields.title![0] = null;
    data.trials.fields.phase![1] = 'PHASE9';
    const read = readPrecomputedDataset(data);
    expect(read.ok && read.invalidTrials).toBe(2);
    expect(read.ok && read.dataset.trials).toHaveLength(data.trials.count - 2);
  });

  it('keeps what the first view reads and leaves long texts and date types to the detail', () => {
    const trial = syntheticTrial({
      briefSummary: 'A long summary',
      startDate: '2020-01',
      dateTypes: { startDate: 'ACTUAL' },
      interventions: [{ type: 'PROCEDURE', name: 'HSCT', description: 'Long text' }],
      locations: [{ city: 'Paris', country: 'France', contacts: [{ name: 'Dr A' }] }],
      centralContacts: [{ name: 'Study desk', phone: '123' }],
    });
    const compact = compactTrial(trial);
    expect(compact.briefSummary).toBeUndefined();
    expect(compact.dateTypes).toBeUndefined();
    expect(compact.startDate).toBe('2020-01');
    expect(compact.interventions).toEqual([{ type: 'PROCEDURE', name: 'HSCT' }]);
    expect(compact.locations).toEqual([{ city: 'Paris', country: 'France' }]);
    expect(compact.centralContacts).toEqual(trial.centralContacts);
    expect(compact.diseases).toEqual(trial.diseases);
  });

  it('merges live trials by NCT id: replaced in place, new ones added', () => {
    const a = syntheticTrial({ nctId: 'NCT00000001', title: 'old' });
    const b = syntheticTrial({ nctId: 'NCT00000002' });
    const merged = mergeTrials(
      [a, b],
      [
        syntheticTrial({ nctId: 'NCT00000001', title: 'new' }),
        syntheticTrial({ nctId: 'NCT00000003' }),
      ],
    );
    expect(merged.trials.map((t) => [t.nctId, t.title === 'new'])).toEqual([
      ['NCT00000001', true],
      ['NCT00000002', false],
      ['NCT00000003', false],
    ]);
    expect(merged).toMatchObject({ added: 1, replaced: 1 });
  });

  it('keeps the same trial list when the live changes are empty (nothing derived from it is redrawn)', () => {
    const base = [syntheticTrial({ nctId: 'NCT00000001' })];
    expect(mergeTrials(base, [])).toEqual({ trials: base, added: 0, replaced: 0 });
    expect(mergeTrials(base, []).trials).toBe(base);
  });

  it('asks changes from the data date of the snapshot', () => {
    expect(deltaSinceDate({ dataTimestamp: '2026-12-02T09:00:00', capturedAt: '2026-12-03' })).toBe(
      '2026-12-02',
    );
    expect(deltaSinceDate({ capturedAt: '2026-01-14' })).toBe('2026-01-14');
    expect(deltaSinceDate({ capturedAt: 'garbage' })).toBeUndefined();
    expect(updatedSinceFilter('2026-12-02')).toBe('AREA[LastUpdatePostDate]RANGE[2026-12-02,MAX]');
  });
});
