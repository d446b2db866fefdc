// @vitest-environment node
/**
 * Landmark trials (issue 16 §3) must be classified right wherever they appear in the project's data:
 * the real HSCT records (mocks/source/hsct), the landmark captures (tests/data/landmarks), the fixtures
 * served by the emulator and the bundled dataset. Expectations were written by reading each record.
 * SCOT, ASTIC, UPSIDE and KYSA-1 are in no source available offline (tests/data/landmarks/README.md);
 * if one is added to the data, this test fails until it has an expectation here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiseaseId } from '../../src/domain/diseases.ts';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import type { Phase, Therapy, TransplantType } from '../../src/domain/trial.ts';

type Expected = {
  diseases: DiseaseId[];
  therapy: Therapy;
  transplantType: TransplantType;
  phase: Phase;
};

const LANDMARKS: Record<string, { name: string; expected?: Expected; note?: string }> = {
  NCT00273364: {
    name: 'MIST',
    expected: {
      diseases: ['multiple-sclerosis'],
      therapy: 'hsct',
      transplantType: 'unspecified',
      phase: 'PHASE2',
    },
    note: 'The stored record says "hematopoietic stem cell transplantation" and never names the cell source.',
  },
  NCT00288626: {
    name: 'HALT-MS',
    expected: {
      diseases: ['multiple-sclerosis'],
      therapy: 'hsct',
      transplantType: 'autologous',
      phase: 'PHASE2',
    },
  },
  NCT04047628: {
    name: 'BEAT-MS',
    expected: {
      diseases: ['multiple-sclerosis'],
      therapy: 'hsct',
      transplantType: 'autologous',
      phase: 'PHASE3',
    },
  },
  NCT03477500: {
    name: 'RAM-MS',
    expected: {
      diseases: ['multiple-sclerosis'],
      therapy: 'hsct',
      transplantType: 'autologous',
      phase: 'PHASE3',
    },
  },
  NCT00114530: { name: 'SCOT' },
  NCT00297193: { name: 'ASTIC' },
  NCT04464434: { name: 'UPSIDE' },
  NCT05938725: { name: 'KYSA-1' },
};

type Appearance = { where: string; raw: unknown };

function fromDir(dir: string): Appearance[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.slice(0, -5) in LANDMARKS && f.endsWith('.json'))
    .map((f) => ({
      where: `${dir}/${f}`,
      raw: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as unknown,
    }));
}

function idOf(study: unknown): string {
  return (
    (study as { protocolSection?: { identificationModule?: { nctId?: string } } }).protocolSection
      ?.identificationModule?.nctId ?? ''
  );
}

const fixtures = (
  JSON.parse(readFileSync('mocks/fixtures/studies.json', 'utf8')) as { study: unknown }[]
).map((e) => e.study);
const bundled = (
  JSON.parse(readFileSync('public/data/snapshot.json', 'utf8')) as { studies: unknown[] }
).studies;

const appearances: Appearance[] = [
  ...fromDir('mocks/source/hsct'),
  ...fromDir('tests/data/landmarks'),
  ...fixtures
    .filter((s) => idOf(s) in LANDMARKS)
    .map((raw) => ({ where: 'mocks/fixtures/studies.json', raw })),
  ...bundled
    .filter((s) => idOf(s) in LANDMARKS)
    .map((raw) => ({ where: 'public/data/snapshot.json', raw })),
];

describe('landmark trials', () => {
  it('MIST, HALT-MS, BEAT-MS and RAM-MS are in the bundled data', () => {
    const bundledIds = new Set(bundled.map(idOf));
    expect(
      ['NCT00273364', 'NCT00288626', 'NCT04047628', 'NCT03477500'].filter(
        (id) => !bundledIds.has(id),
      ),
    ).toEqual([]);
  });

  it.each(appearances.map((a) => [`${LANDMARKS[idOf(a.raw)]!.name} in ${a.where}`, a]))(
    '%s is classified right',
    (_label, appearance) => {
      const landmark = LANDMARKS[idOf(appearance.raw)]!;
      expect(landmark.expected, `${landmark.name} needs an expectation`).toBeDefined();
      const trial = normalizeStudy(appearance.raw);
      expect({
        diseases: trial?.diseases,
        therapy: trial?.therapy,
        transplantType: trial?.transplantType,
        phase: trial?.phase,
      }).toEqual(landmark.expected);
    },
  );
});
