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
});
