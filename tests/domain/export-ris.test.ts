import { describe, expect, it } from 'vitest';
import type { ExportMeta } from '../../src/domain/export/provenance.ts';
import { trialsToRis } from '../../src/domain/export/ris.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { noDesign } from '../../src/domain/design-facets.ts';

/** Synthetic trials (NCT99… ids), not taken from any record. */
function syntheticTrial(overrides: Partial<Trial> = {}): Trial {
  return {
    nctId: 'NCT99000004',
    url: 'https://clinicaltrials.gov/study/NCT99000004',
    title: 'Synthetic HSCT trial\nin systemic sclerosis',
    acronym: 'SYN',
    status: 'RECRUITING',
    studyType: 'INTERVENTIONAL',
    phase: 'PHASE3',
    diseases: ['systemic-sclerosis'],
    therapy: 'hsct',
    transplantType: 'autologous',
    design: noDesign(),
    conditions: ['Systemic Sclerosis', 'Scleroderma'],
    interventions: [],
    firstPosted: '2019-03-07',
    startYear: 2018,
    sponsor: { name: 'Synthetic University Hospital', class: 'OTHER' },
    countries: [],
    locations: [],
    hasResults: false,
    ...overrides,
  };
}

const meta: ExportMeta = {
  source: 'ClinicalTrials.gov API v2 (live)',
  query: 'query.cond=scleroderma',
  filters: { disease: ['systemic-sclerosis'] },
  dataAsOf: '2025-09-25',
  appVersion: '0.1.0',
  generatedAt: '2025-10-01T12:00:00.000Z',
  permalink: 'https://dash.example/?disease=systemic-sclerosis',
};

describe('trialsToRis', () => {
  it('writes a database entry per trial with title, sponsor, year, link and database', () => {
    const ris = trialsToRis([syntheticTrial()], meta);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - DBASE');
    expect(lines).toContain('ID  - NCT99000004');
    expect(lines).toContain('TI  - Synthetic HSCT trial in systemic sclerosis');
    expect(lines).toContain('AU  - Synthetic University Hospital');
    expect(lines).toContain('PY  - 2019');
    expect(lines).toContain('DA  - 2019/03/07');
    expect(lines).toContain('UR  - https://clinicaltrials.gov/study/NCT99000004');
    expect(lines).toContain('DB  - ClinicalTrials.gov');
    expect(lines).toContain('KW  - Scleroderma');
    expect(lines).toContain('Y2  - 2025/10/01');
    expect(lines.at(-2)).toBe('ER  - ');
  });

  it('notes where the entry came from', () => {
    const note = trialsToRis([syntheticTrial()], meta)
      .split('\r\n')
      .find((l) => l.startsWith('N1  - '));
    expect(note).toContain('HSCT Trials Dashboard');
    expect(note).toContain('as of 25 September 2025');
    expect(note).toContain('Query: query.cond=scleroderma');
    expect(note).toContain('https://dash.example/?disease=systemic-sclerosis');
  });

  it('uses the start year when the first-posted date is missing and leaves out empty tags', () => {
    const ris = trialsToRis(
      [syntheticTrial({ firstPosted: undefined, sponsor: undefined, acronym: undefined })],
      meta,
    );
    expect(ris).toContain('PY  - 2018\r\n');
    expect(ris).not.toMatch(/^AU {2}- /m);
    expect(ris).not.toMatch(/^DA {2}- /m);
    expect(ris).not.toMatch(/^ST {2}- /m);
  });

  it('writes one entry per trial', () => {
    const ris = trialsToRis(
      [syntheticTrial(), syntheticTrial({ nctId: 'NCT99000005', title: 'Zürich, 北京, Åland' })],
      meta,
    );
    expect(ris.match(/^TY {2}- DBASE$/gm)).toHaveLength(2);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(2);
    expect(ris).toContain('TI  - Zürich, 北京, Åland\r\n');
  });
});
