// @vitest-environment node
/**
 * The 114 real full v2 records of any disease (tests/data/records): odd shapes, missing modules,
 * partial dates, locations without geoPoint, one 1.5 MB record with results. Expected values are read
 * directly from the raw JSON here, independently of the normalizer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';

type Raw = {
  protocolSection: {
    identificationModule: { nctId: string; briefTitle?: string; officialTitle?: string };
    statusModule?: { overallStatus?: string; startDateStruct?: { date?: string } };
    designModule?: { phases?: string[]; enrollmentInfo?: { count?: number; type?: string } };
    contactsLocationsModule?: { locations?: { country?: string }[] };
  };
  hasResults?: boolean;
};

const DIR = 'tests/data/records';
const records = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Raw);

function expectedPhase(phases: string[] | undefined): string {
  if (!phases || phases.length === 0) return 'UNSPECIFIED';
  return phases.length === 2 ? [...phases].sort().join('_') : phases[0]!;
}

describe('the 114 real records of any disease', () => {
  it('are all present', () => {
    expect(records).toHaveLength(114);
  });

  it.each(records.map((r) => [r.protocolSection.identificationModule.nctId, r]))(
    '%s keeps what the raw JSON says',
    (nctId, raw) => {
      const p = raw.protocolSection;
      const info = p.designModule?.enrollmentInfo;
      const countries = [
        ...new Set(
          (p.contactsLocationsModule?.locations ?? [])
            .map((l) => l.country)
            .filter((c) => c !== undefined),
        ),
      ];
      const trial = normalizeStudy(raw);
      expect(trial).not.toBeNull();
      expect(trial).toMatchObject({
        nctId,
        title: p.identificationModule.briefTitle ?? p.identificationModule.officialTitle ?? nctId,
        phase: expectedPhase(p.designModule?.phases),
        status: p.statusModule?.overallStatus ?? 'UNKNOWN',
        hasResults: raw.hasResults === true,
        countries,
      });
      expect(trial?.startDate).toBe(p.statusModule?.startDateStruct?.date);
      // every site of the record, as the trial detail lists them
      expect(trial?.locations).toHaveLength(p.contactsLocationsModule?.locations?.length ?? 0);
      expect(trial?.enrollment).toEqual(
        info?.count === undefined ? undefined : { count: info.count, type: info.type ?? 'UNKNOWN' },
      );
    },
  );

  it('none gets an autoimmune disease id (none of them is an autoimmune trial)', () => {
    const classified = records
      .map((r) => normalizeStudy(r))
      .filter((t) => t !== null && t.diseases.length > 0)
      .map((t) => `${t!.nctId}: ${t!.diseases.join(',')}`);
    expect(classified).toEqual([]);
  });

  it('none is taken for HSCT, CAR-T, MSC or Treg therapy (the only cell therapies among them, TCR-T and disc chondrocytes, are "other")', () => {
    const cellTherapies = records
      .map((r) => normalizeStudy(r))
      .filter((t) => t !== null && t.therapy !== 'other')
      .map((t) => `${t!.nctId}: ${t!.therapy} (${t!.transplantEvidence ?? ''})`);
    expect(cellTherapies).toEqual([]);
  });

  it('the cell source is read for them too: the two cell therapies are autologous, every other record unspecified', () => {
    const sources = records
      .map((r) => normalizeStudy(r))
      .filter((t) => t !== null && t.transplantType !== 'unspecified')
      .map((t) => `${t!.nctId}: ${t!.transplantType} (${t!.transplantEvidence ?? ''})`);
    expect(sources).toEqual([
      'NCT01640457: autologous (Autologous Disc Chondrocyte Transplantation System)',
      'NCT05438667: autologous (autologous Tumor-T Cell Receptor)',
    ]);
  });

  it('NCT00000410 (SPORT trial, lumbar disc herniation) keeps everything the trial detail shows', () => {
    const trial = normalizeStudy(
      JSON.parse(readFileSync(`${DIR}/NCT00000410.json`, 'utf8')) as unknown,
    );
    expect(trial?.arms?.map((a) => a.label)).toEqual(['Surgery', 'Non-surgical intervention']);
    expect(trial?.arms?.[0]).toMatchObject({
      type: 'ACTIVE_COMPARATOR',
      description: 'Diskectomy',
      interventionNames: ['Procedure: Diskectomy', 'Procedure: Non-surgical treatments'],
    });
    expect(trial?.interventions.map((i) => [i.type, i.name])).toEqual([
      ['PROCEDURE', 'Diskectomy'],
      ['PROCEDURE', 'Non-surgical treatments'],
    ]);
    expect(trial?.interventions[0]?.description).toMatch(/^The surgeon will leave the nerve root/);
    expect(trial).toMatchObject({
      minimumAge: '18 Years',
      sex: 'ALL',
      healthyVolunteers: false,
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(trial?.maximumAge).toBeUndefined();
    expect(trial?.collaborators?.map((c) => c.class)).toEqual(['NIH', 'FED', 'NIH']);
    expect(trial).toMatchObject({
      startDate: '2000-03',
      primaryCompletionDate: '2015-04',
      completionDate: '2015-04',
      firstPosted: '1999-11-04',
      lastUpdated: '2015-08-04',
    });
    expect(trial?.dateTypes).toEqual({
      primaryCompletionDate: 'ACTUAL',
      completionDate: 'ACTUAL',
      firstPosted: 'ESTIMATED',
      lastUpdated: 'ESTIMATED',
    });
    expect(trial?.locations).toHaveLength(13);
    expect(trial?.locations[0]).toEqual({
      facility: 'Kaiser Permanente Spine Care Program',
      city: 'Oakland',
      state: 'California',
      country: 'United States',
      lat: 37.80437,
      lon: -122.2708,
    });
  });
});
