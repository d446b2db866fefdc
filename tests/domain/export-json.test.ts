import { describe, expect, it } from 'vitest';
import { trialsToJson } from '../../src/domain/export/json.ts';
import type { ExportMeta } from '../../src/domain/export/provenance.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { noDesign } from '../../src/domain/design-facets.ts';

/** A synthetic trial (NCT99… id), not taken from any record. */
const trial: Trial = {
  nctId: 'NCT99000003',
  url: 'https://clinicaltrials.gov/study/NCT99000003',
  title: 'Synthetic allogeneic HSCT trial in Zürich',
  status: 'COMPLETED',
  studyType: 'INTERVENTIONAL',
  phase: 'PHASE1',
  diseases: ['immune-dysregulation'],
  therapy: 'hsct',
  transplantType: 'allogeneic',
  design: noDesign(),
  conditions: ['IPEX'],
  interventions: [],
  startYear: 2015,
  countries: ['Switzerland'],
  locations: [],
  hasResults: true,
};

const meta: ExportMeta = {
  source: 'Bundled snapshot of ClinicalTrials.gov',
  query: 'query.cond=autoimmune',
  filters: { disease: ['immune-dysregulation'], therapy: ['hsct'], results: true },
  appVersion: '0.1.0',
  generatedAt: '2025-10-01T12:00:00.000Z',
  permalink: 'https://dash.example/?disease=immune-dysregulation&results=1',
};

describe('trialsToJson', () => {
  it('writes meta saying what the file holds, then the trials', () => {
    const parsed = JSON.parse(trialsToJson([trial], meta)) as {
      meta: Record<string, unknown>;
      trials: Trial[];
    };
    expect(parsed.meta).toMatchObject({
      source: 'Bundled snapshot of ClinicalTrials.gov',
      query: 'query.cond=autoimmune',
      filters: { disease: ['immune-dysregulation'], therapy: ['hsct'], results: true },
      rowCount: 1,
      dataAsOf: null,
      appVersion: '0.1.0',
      generatedAt: '2025-10-01T12:00:00.000Z',
      permalink: 'https://dash.example/?disease=immune-dysregulation&results=1',
    });
    expect(parsed.trials).toEqual([trial]);
  });

  it('gives the data date when it is known', () => {
    const parsed = JSON.parse(trialsToJson([], { ...meta, dataAsOf: '2025-09-25' })) as {
      meta: { dataAsOf: string; rowCount: number };
    };
    expect(parsed.meta.dataAsOf).toBe('2025-09-25');
    expect(parsed.meta.rowCount).toBe(0);
  });
});
