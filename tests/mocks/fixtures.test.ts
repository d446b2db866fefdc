// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Study } from '../../src/api/ctgov/wire-types.ts';
import { DISEASE_IDS } from '../../src/domain/diseases.ts';

type Entry = { source: string; study: Study };
const entries = JSON.parse(
  readFileSync(new URL('../../mocks/fixtures/studies.json', import.meta.url), 'utf8'),
) as Entry[];
const id = (e: Entry) => e.study.protocolSection?.identificationModule?.nctId ?? '';
const synthetic = entries.filter((e) => id(e).startsWith('NCT99'));

describe('mocks/fixtures/studies.json', () => {
  it('holds at least 60 records with distinct NCT ids', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map(id)).size).toBe(entries.length);
  });

  it('says where every record came from; synthetic records (and only they) use NCT99 ids', () => {
    for (const e of entries) {
      expect(e.source.length, id(e)).toBeGreaterThan(20);
      expect(e.source.startsWith('synthetic:'), id(e)).toBe(id(e).startsWith('NCT99'));
    }
  });

  it('includes all 88 records of mocks/source/hsct unchanged', () => {
    const dir = new URL('../../mocks/source/hsct/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(88);
    for (const file of files) {
      const source = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Study;
      const entry = entries.find((e) => id(e) === file.replace('.json', ''));
      expect(entry?.study, file).toEqual(source);
      expect(entry?.source).toMatch(/^real \(sparse\): mocks\/source\/hsct/);
    }
  });

  it('includes real odd shapes: the very large record, missing modules, undated types, sites without geoPoint', () => {
    const real = entries.filter((e) => e.source.startsWith('real (full'));
    expect(real.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...real.map((e) => JSON.stringify(e.study).length))).toBeGreaterThan(700_000);
    expect(real.some((e) => !e.study.protocolSection?.contactsLocationsModule)).toBe(true);
    expect(real.some((e) => !e.study.protocolSection?.armsInterventionsModule)).toBe(true);
    expect(
      real.some((e) => e.study.protocolSection?.statusModule?.startDateStruct?.type === undefined),
    ).toBe(true);
    expect(
      real.some((e) =>
        e.study.protocolSection?.contactsLocationsModule?.locations?.some((l) => !l.geoPoint),
      ),
    ).toBe(true);
  });

  it('has synthetic records naming every disease category, therapy, transplant type and phase form', () => {
    const covers = synthetic.map((e) => e.source).join('\n');
    for (const disease of DISEASE_IDS) expect(covers, disease).toContain(disease);
    for (const word of [
      'hsct',
      'car-t',
      'msc',
      'treg',
      'other therapy',
      'autologous',
      'allogeneic',
      'both',
      'unspecified',
      'GVHD',
      'aplastic',
      'malignancy',
      'unknown to OAS',
    ]) {
      expect(covers, word).toContain(word);
    }
    const phaseForms = new Set(
      synthetic.map((e) => {
        const phases = e.study.protocolSection?.designModule?.phases;
        return phases ? [...phases].sort().join('+') : 'missing';
      }),
    );
    for (const form of [
      'EARLY_PHASE1',
      'PHASE1',
      'PHASE1+PHASE2',
      'PHASE2',
      'PHASE2+PHASE3',
      'PHASE3',
      'PHASE4',
      'NA',
      'missing',
    ]) {
      expect(phaseForms, form).toContain(form);
    }
  });
});
