// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../mocks/emulator/fixture-studies.ts';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import {
  detailFromTrial,
  emptyTrialDetail,
  extractTrialDetail,
  siteStatusLabel,
  stdAgeLabel,
} from '../../src/domain/trial-detail.ts';

const DIR = 'tests/data/records';

function readRecord(file: string): unknown {
  return JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as unknown;
}

function fixture(nctId: string): unknown {
  const entry = fixtureEntries().find(
    (e) => e.study.protocolSection?.identificationModule?.nctId === nctId,
  );
  if (!entry) throw new Error(`no fixture ${nctId}`);
  return entry.study;
}

describe('extractTrialDetail', () => {
  it('reads arms, interventions, eligibility, collaborators and dates of a real full record', () => {
    // NCT00000410: a real v2 record (SPORT trial, lumbar disc herniation) from tests/data/records
    const detail = extractTrialDetail(readRecord('NCT00000410.json'));

    expect(detail.arms.map((a) => a.label)).toEqual(['Surgery', 'Non-surgical intervention']);
    expect(detail.arms[0]).toMatchObject({
      type: 'ACTIVE_COMPARATOR',
      description: 'Diskectomy',
      interventionNames: ['Procedure: Diskectomy', 'Procedure: Non-surgical treatments'],
    });
    expect(detail.interventions.map((i) => [i.type, i.name])).toEqual([
      ['PROCEDURE', 'Diskectomy'],
      ['PROCEDURE', 'Non-surgical treatments'],
    ]);
    expect(detail.interventions[0]?.description).toMatch(/^The surgeon will leave the nerve root/);
    expect(detail.eligibility).toEqual({
      minimumAge: '18 Years',
      sex: 'ALL',
      healthyVolunteers: false,
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(detail.collaborators.map((c) => c.class)).toEqual(['NIH', 'FED', 'NIH']);
    expect(detail.dates).toEqual({
      start: { date: '2000-03' },
      primaryCompletion: { date: '2015-04', type: 'ACTUAL' },
      completion: { date: '2015-04', type: 'ACTUAL' },
      firstPosted: { date: '1999-11-04', type: 'ESTIMATED' },
      lastUpdate: { date: '2015-08-04', type: 'ESTIMATED' },
    });
    expect(detail.sites).toHaveLength(13);
    expect(detail.sites[0]).toEqual({
      facility: 'Kaiser Permanente Spine Care Program',
      city: 'Oakland',
      state: 'California',
      country: 'United States',
    });
  });

  it('keeps each site recruiting status and country', () => {
    // NCT99000001 is a synthetic fixture record (mocks/fixtures), made up for tests
    const detail = extractTrialDetail(fixture('NCT99000001'));
    expect(detail.sites.map((s) => [s.country, s.status])).toEqual([
      ['Sweden', 'RECRUITING'],
      ['United Kingdom', 'RECRUITING'],
      ['Norway', 'NOT_YET_RECRUITING'],
    ]);
    expect(detail.interventions[0]?.otherNames).toEqual(['aHSCT']);
  });

  it('reads every real record of any shape without throwing, sites matching the record', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const raw = readRecord(file) as {
        protocolSection?: { contactsLocationsModule?: { locations?: unknown[] } };
      };
      const detail = extractTrialDetail(raw);
      const locations = raw.protocolSection?.contactsLocationsModule?.locations ?? [];
      expect(detail.sites.length, file).toBe(locations.length);
      for (const date of Object.values(detail.dates)) {
        expect(date.date, file).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
    [
      'modules of the wrong type',
      { protocolSection: { armsInterventionsModule: 'x', statusModule: [] } },
    ],
    [
      'items of the wrong type',
      {
        protocolSection: {
          armsInterventionsModule: {
            armGroups: [null, 3, { label: 7 }],
            interventions: [{ type: 'DRUG' }],
          },
          contactsLocationsModule: { locations: ['x', {}] },
          eligibilityModule: { sex: 'OTHER', healthyVolunteers: 'yes', stdAges: [1, 'ADULT'] },
          statusModule: { startDateStruct: { date: '2020-13-01', type: 'ACTUAL' } },
        },
      },
    ],
  ])('returns an empty or partial detail for %s', (_name, raw) => {
    const detail = extractTrialDetail(raw);
    expect(detail.arms).toEqual([]);
    expect(detail.interventions).toEqual([]);
    expect(detail.sites).toEqual([]);
    expect(detail.dates).toEqual({});
    expect(detail.eligibility.sex).toBeUndefined();
    expect(detail.eligibility.healthyVolunteers).toBeUndefined();
  });

  it('survives a record whose getters throw', () => {
    const raw = {
      protocolSection: {
        get statusModule(): unknown {
          throw new Error('boom');
        },
      },
    };
    expect(extractTrialDetail(raw)).toEqual(emptyTrialDetail());
  });
});

describe('detailFromTrial', () => {
  it('shows what a list record already knows, without date types', () => {
    const trial = normalizeStudy(fixture('NCT99000001'));
    expect(trial).not.toBeNull();
    const fromList = detailFromTrial(trial!);
    const full = extractTrialDetail(fixture('NCT99000001'));
    expect(fromList.arms).toEqual(full.arms);
    expect(fromList.interventions).toEqual(full.interventions);
    expect(fromList.sites).toEqual(full.sites);
    expect(fromList.collaborators).toEqual(full.collaborators);
    expect(fromList.dates.start).toEqual({ date: '2023-02-01' });
    expect(full.dates.start).toEqual({ date: '2023-02-01', type: 'ACTUAL' });
  });
});

describe('labels', () => {
  it('names site statuses and age groups in words, also unknown ones', () => {
    expect(siteStatusLabel('NOT_YET_RECRUITING')).toBe('Not yet recruiting');
    expect(siteStatusLabel('PAUSED_FOR_REVIEW')).toBe('Paused for review');
    expect(stdAgeLabel('OLDER_ADULT')).toBe('Older adult (65+)');
    expect(stdAgeLabel('toString')).toBe('Tostring');
  });
});
