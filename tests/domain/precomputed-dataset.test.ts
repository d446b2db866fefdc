// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import {
  compactTrial,
  completeTrial,
  contentHashProblem,
  deltaSinceDate,
  detailShardOf,
  mergeTrials,
  readPrecomputedDataset,
  readTrialSites,
  SITE_FILE_FIELDS,
  updatedSinceFilter,
} from '../../src/domain/precomputed-dataset.ts';
import {
  precompute,
  serializePrecomputed,
  serializeTrialSites,
} from '../../scripts/precompute-dataset.ts';
import { syntheticTrial } from '../trial-factory.ts';

const RAW = JSON.parse(
  readFileSync(new URL('../../public/data/snapshot.json', import.meta.url), 'utf8'),
) as BundledDataset;

type Columns = Record<string, unknown[]>;
type CoreFile = { meta: Record<string, unknown>; trials: { count: number; fields: Columns } };
type SitesFile = {
  meta: Record<string, unknown>;
  trials: {
    nctIds: string[];
    fields: Columns;
    sites: { perTrial: number[]; fields: Columns };
  };
};

const DERIVED = precompute(RAW, 'raw', 'rules-x');
const CORE_TEXT = serializePrecomputed(DERIVED.dataset);
const SITES_TEXT = serializeTrialSites(DERIVED.dataset);
const CORE_HASH = DERIVED.dataset.meta.contentHash;

const derived = () => JSON.parse(CORE_TEXT) as CoreFile;
const derivedSites = () => JSON.parse(SITES_TEXT) as SitesFile;

describe('precomputed dataset', () => {
  it('holds every record of the raw snapshot as a compact trial, sorted by NCT id, with its provenance', () => {
    const { dataset, shards } = DERIVED;
    expect(dataset.trials).toHaveLength(RAW.studies.length);
    const ids = dataset.trials.map((t) => t.nctId);
    expect(ids).toEqual([...ids].sort());
    expect(dataset.meta).toMatchObject({
      format: 'hsct-trials-precomputed',
      formatVersion: 4,
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

  it('reads back what it writes: the core without sites, completed by the site lists into the same trials', async () => {
    const { dataset } = DERIVED;
    const file = derived();
    expect(await contentHashProblem(file)).toBeUndefined();
    const read = readPrecomputedDataset(file);
    expect(read).toMatchObject({ ok: true, invalidTrials: 0 });
    if (!read.ok) return;
    // The core alone: no sites yet, everything else the first view reads (url derived from the id).
    expect(read.dataset.trials.every((t) => t.locations.length === 0)).toBe(true);
    expect(read.dataset.trials.map((t) => t.url)).toEqual(dataset.trials.map((t) => t.url));
    expect(read.dataset.trials.map((t) => t.design)).toEqual(dataset.trials.map((t) => t.design));
    const sitesFile = derivedSites();
    expect(await contentHashProblem(sitesFile)).toBeUndefined();
    const sites = readTrialSites(sitesFile, CORE_HASH);
    expect(sites.ok).toBe(true);
    if (!sites.ok) return;
    const whole = read.dataset.trials.map((t) => completeTrial(t, sites.sites.get(t.nctId)!));
    expect(whole).toEqual(dataset.trials);
    expect(dataset.trials.some((t) => t.locations.some((l) => l.lat !== undefined))).toBe(true);
  });

  it('keeps the site lists, contacts and detail-only fields out of the core, and the url and design objects too', () => {
    const { trials } = derived();
    expect(trials.count).toBe(RAW.studies.length);
    expect(trials.fields.nctId).toHaveLength(trials.count);
    for (const field of [...SITE_FILE_FIELDS, 'url', 'design']) {
      expect(trials.fields[field]).toBeUndefined();
    }
    // The design facets by column: one short value per trial instead of an object each.
    expect(trials.fields['design.conditioning']).toHaveLength(trials.count);
    expect(trials.fields['design.evidence.graft']).toHaveLength(trials.count);
    // What the table and charts show of a trial stays in the core; the texts only the search and
    // the detail views read are in the site lists file, one value per trial.
    expect(trials.fields.title).toHaveLength(trials.count);
    expect(trials.fields.acronym).toBeDefined();
    const site = derivedSites().trials;
    for (const field of ['officialTitle', 'conditions', 'interventions']) {
      expect(site.fields[field]).toHaveLength(trials.count);
    }
    expect(site.nctIds).toEqual(DERIVED.dataset.trials.map((t) => t.nctId));
    const total = site.sites.perTrial.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(site.sites.fields.city).toHaveLength(total);
    expect(site.fields.centralContacts).toHaveLength(trials.count);
  });

  it('rejects a damaged meta or damaged columns with a clear reason', () => {
    const wrongVersion = derived();
    wrongVersion.meta.formatVersion = 2;
    expect(readPrecomputedDataset(wrongVersion)).toEqual({
      ok: false,
      problem: 'meta.formatVersion 2 is not 4.',
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
    // The sites belong to the other file: a core that carries them is refused.
    const withSites = derived();
    withSites.trials.fields.locations = new Array<unknown>(withSites.trials.count).fill([]);
    expect(readPrecomputedDataset(withSites)).toEqual({
      ok: false,
      problem: 'trials have an unknown field "locations".',
    });
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
    const editedSites = derivedSites();
    editedSites.trials.sites.fields.city![0] = 'Elsewhere';
    expect(await contentHashProblem(editedSites)).toBe(
      'its trials do not match its content hash (the file is damaged or was changed).',
    );
  });

  it('checks the content hash on the text as written, and on any other layout of the same trials', async () => {
    expect(await contentHashProblem(derived(), CORE_TEXT)).toBeUndefined();
    expect(await contentHashProblem(derivedSites(), SITES_TEXT)).toBeUndefined();
    // The same file formatted again (e.g. by a host): still the same trials.
    const relaid = JSON.stringify(derived(), null, 2);
    expect(await contentHashProblem(JSON.parse(relaid), relaid)).toBeUndefined();
    const damaged =
      'its trials do not match its content hash (the file is damaged or was changed).';
    // A value changed in the text.
    const edited = CORE_TEXT.replace('"PHASE2"', '"PHASE3"');
    expect(edited).not.toBe(CORE_TEXT);
    expect(await contentHashProblem(JSON.parse(edited), edited)).toBe(damaged);
    // Other trials after the genuine ones: JSON.parse keeps the last, which the hash does not cover.
    const forged = derived();
    forged.trials.fields.phase![0] = 'PHASE4';
    const appended = `${CORE_TEXT.trimEnd().slice(0, -1)},"trials":${JSON.stringify(forged.trials)}}`;
    expect(await contentHashProblem(JSON.parse(appended), appended)).toBe(damaged);
  });

  it('checks the content hash on the bytes as they came too, with the same result as on the text', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const damaged =
      'its trials do not match its content hash (the file is damaged or was changed).';
    // Trials with text beyond ASCII, so that a span counted in characters would miss bytes.
    expect([...CORE_TEXT].some((c) => c.charCodeAt(0) > 0x7f)).toBe(true);
    expect(await contentHashProblem(derived(), CORE_TEXT, bytes(CORE_TEXT))).toBeUndefined();
    expect(await contentHashProblem(derivedSites(), SITES_TEXT, bytes(SITES_TEXT))).toBeUndefined();
    // The span of the bytes is what is checked: it matches where the parsed trials (here changed in
    // memory, so that checking them would fail) are not looked at. With JSON whitespace at the end too.
    const meta = { meta: derived().meta, trials: 'not looked at' };
    for (const text of [CORE_TEXT, `${CORE_TEXT}\n \r\n\t`]) {
      expect(await contentHashProblem(meta, undefined, bytes(text))).toBeUndefined();
    }
    // Laid out again: the bytes' span does not match, and the parsed trials are checked.
    const relaid = JSON.stringify(derived(), null, 2);
    expect(await contentHashProblem(JSON.parse(relaid), relaid, bytes(relaid))).toBeUndefined();
    // Changed, and forged by appending other trials: refused as on the text.
    const edited = CORE_TEXT.replace('"PHASE2"', '"PHASE3"');
    expect(await contentHashProblem(JSON.parse(edited), edited, bytes(edited))).toBe(damaged);
    const forged = derived();
    forged.trials.fields.phase![0] = 'PHASE4';
    const appended = `${CORE_TEXT.trimEnd().slice(0, -1)},"trials":${JSON.stringify(forged.trials)}}`;
    expect(await contentHashProblem(JSON.parse(appended), appended, bytes(appended))).toBe(damaged);
  });

  it('drops and counts trials that lost a field the app reads', () => {
    const data = derived();
    data.trials.fields.title![0] = null;
    data.trials.fields.phase![1] = 'PHASE9';
    data.trials.fields['design.graft']![2] = null;
    const read = readPrecomputedDataset(data);
    expect(read.ok && read.invalidTrials).toBe(3);
    expect(read.ok && read.dataset.trials).toHaveLength(data.trials.count - 3);
  });

  it('refuses site lists that are damaged, of another core, or whose trials are not the core’s', () => {
    const count = RAW.studies.length;
    const problem = (data: unknown, coreHash = CORE_HASH) => {
      const read = readTrialSites(data, coreHash);
      return read.ok ? undefined : read.problem;
    };
    expect(problem(derivedSites())).toBeUndefined();
    expect(problem(null)).toBe('the file is not a JSON object.');
    expect(problem(derivedSites(), 'another-core')).toBe(
      'they belong to another version of the trial data (meta.coreHash is not the content hash of the trials shown).',
    );
    const wrongFormat = derivedSites();
    wrongFormat.meta.format = 'hsct-trials-precomputed';
    expect(problem(wrongFormat)).toBe('meta.format must be "hsct-trials-sites".');
    const oldVersion = derivedSites();
    oldVersion.meta.formatVersion = 2;
    expect(problem(oldVersion)).toBe('meta.formatVersion 2 is not 4.');
    const fewerIds = derivedSites();
    fewerIds.trials.nctIds.pop();
    expect(problem(fewerIds)).toBe(`they do not list the NCT ids of ${count} trials.`);
    const repeated = derivedSites();
    repeated.trials.nctIds[1] = repeated.trials.nctIds[0]!;
    expect(problem(repeated)).toBe(
      `the NCT id "${repeated.trials.nctIds[0]}" is malformed or repeated.`,
    );
    const siteCounts = derivedSites();
    siteCounts.trials.sites.perTrial[0]! += 1;
    expect(problem(siteCounts)).toMatch(/^the site field "\w+" does not hold \d+ values\.$/);
    const shortColumn = derivedSites();
    shortColumn.trials.fields.centralContacts!.pop();
    expect(problem(shortColumn)).toBe(
      `the trial field "centralContacts" does not hold ${count} values.`,
    );
    const badKind = derivedSites();
    badKind.trials.sites.fields.lat![0] = 'north';
    expect(problem(badKind)).toBe('a value of the field "lat" is not of its kind.');
    const coreField = derivedSites();
    coreField.trials.fields.title = new Array<unknown>(count).fill('x');
    expect(problem(coreField)).toBe('trials have an unknown field "title".');
    // A site field that would reach the prototype, written into the sites' own "fields".
    const text = JSON.stringify(derivedSites());
    const at = text.indexOf('"fields":{', text.indexOf('"sites":')) + '"fields":{'.length;
    const proto: unknown = JSON.parse(`${text.slice(0, at)}"__proto__":[],${text.slice(at)}`);
    expect(problem(proto)).toBe('sites have an unknown field "__proto__".');
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
