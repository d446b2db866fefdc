// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STUDY_FIELDS } from '../../src/api/ctgov/default-query.ts';
import { fieldPath, pruneStudyToFields, unknownFields } from '../../mocks/emulator/fields.ts';
import type { Study } from '../../src/api/ctgov/wire-types.ts';

const RECORDS_DIR = new URL('../data/records/', import.meta.url);
const records: Study[] = readdirSync(RECORDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, RECORDS_DIR), 'utf8')) as Study);

describe('pruneStudyToFields', () => {
  const study: Study = {
    protocolSection: {
      identificationModule: { nctId: 'NCT01234567', briefTitle: 'A title', acronym: 'ACR' },
      statusModule: {
        overallStatus: 'RECRUITING',
        startDateStruct: { date: '2020-01', type: 'ACTUAL' },
      },
      contactsLocationsModule: {
        locations: [
          { city: 'Oslo', country: 'Norway', geoPoint: { lat: 59.9, lon: 10.7 } },
          { city: 'Lund', country: 'Sweden' },
        ],
      },
    },
    hasResults: false,
  };

  it('keeps only the requested leaves with the same nested shape, through arrays', () => {
    expect(
      pruneStudyToFields(study, ['NCTId', 'StartDate', 'LocationGeoPoint', 'HasResults']),
    ).toEqual({
      protocolSection: {
        identificationModule: { nctId: 'NCT01234567' },
        statusModule: { startDateStruct: { date: '2020-01' } },
        contactsLocationsModule: { locations: [{ geoPoint: { lat: 59.9, lon: 10.7 } }] },
      },
      hasResults: false,
    });
  });

  it('accepts module names and dotted field paths as branches', () => {
    expect(pruneStudyToFields(study, ['StatusModule'])).toEqual({
      protocolSection: { statusModule: study.protocolSection!.statusModule },
    });
    expect(pruneStudyToFields(study, ['protocolSection.identificationModule.acronym'])).toEqual({
      protocolSection: { identificationModule: { acronym: 'ACR' } },
    });
  });

  it('knows every piece of STUDY_FIELDS and flags names that are not pieces', () => {
    expect(unknownFields(STUDY_FIELDS)).toEqual([]);
    expect(unknownFields(['NCTId', 'Sexx', 'protocolSection.x', 'foo.bar'])).toEqual([
      'Sexx',
      'foo.bar',
    ]);
    expect(fieldPath('locationgeopoint')).toBe(
      'protocolSection.contactsLocationsModule.locations.geoPoint',
    );
  });

  it('uses only piece names and paths that exist in the real /studies/metadata field tree', () => {
    type Node = { name: string; piece?: string; children?: Node[] };
    const tree = JSON.parse(
      readFileSync(new URL('../../spec/metadata.json', import.meta.url), 'utf8'),
    ) as Node[];
    const pieces = new Map<string, string>();
    const walk = (nodes: Node[], prefix: string) => {
      for (const node of nodes) {
        const path = prefix ? `${prefix}.${node.name}` : node.name;
        if (node.piece) pieces.set(node.piece, path);
        if (node.children) walk(node.children, path);
      }
    };
    walk(tree, '');
    for (const field of STUDY_FIELDS) {
      expect(pieces.has(field), `${field} is a real piece`).toBe(true);
      expect(fieldPath(field), field).toBe(pieces.get(field));
    }
  });

  it('keeps every NCT id and shrinks the 114 real records; reports bytes per study with and without fields=', () => {
    const full = records.map((r) => JSON.stringify(r).length);
    const pruned = records.map((r) => pruneStudyToFields(r, STUDY_FIELDS));
    const prunedBytes = pruned.map((r) => JSON.stringify(r).length);
    pruned.forEach((p, i) => {
      expect(p.protocolSection?.identificationModule?.nctId).toBe(
        records[i]!.protocolSection?.identificationModule?.nctId,
      );
      expect(p.hasResults).toBe(records[i]!.hasResults);
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const report = {
      records: records.length,
      totalBytesFull: sum(full),
      totalBytesWithFields: sum(prunedBytes),
      meanBytesPerStudyFull: Math.round(sum(full) / full.length),
      meanBytesPerStudyWithFields: Math.round(sum(prunedBytes) / prunedBytes.length),
      medianBytesPerStudyFull: median(full),
      medianBytesPerStudyWithFields: median(prunedBytes),
      largestFull: Math.max(...full),
      largestWithFields: Math.max(...prunedBytes),
    };
    console.log('bytes per study, 114 real records, without vs with fields=STUDY_FIELDS:', report);
    expect(records).toHaveLength(114);
    expect(report.totalBytesWithFields).toBeLessThan(report.totalBytesFull / 2);
  });
});
