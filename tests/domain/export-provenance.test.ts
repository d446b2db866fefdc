import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  exportFilename,
  type ExportMeta,
} from '../../src/domain/export/provenance.ts';

const meta: ExportMeta = {
  source: 'ClinicalTrials.gov API v2 (live)',
  query: 'query.cond=lupus',
  filters: {},
  appVersion: '0.1.0',
  generatedAt: '2025-10-01T12:00:00.000Z',
  permalink: 'https://dash.example/',
};

describe('describeFilters', () => {
  it('lists only the filters that restrict the view', () => {
    expect(
      describeFilters({
        disease: ['lupus', 'cidp'],
        therapy: ['hsct'],
        phase: [],
        from: 2005,
        to: null,
        results: true,
        hidden: false,
        q: 'cyclophosphamide',
      }),
    ).toBe('disease=lupus,cidp; therapy=hsct; from=2005; results=1; q=cyclophosphamide');
  });

  it('says "none" when nothing is filtered', () => {
    expect(describeFilters({ disease: [], q: '', from: null })).toBe('none');
  });
});

describe('exportFilename', () => {
  it('names the file after the data date', () => {
    expect(exportFilename({ ...meta, dataAsOf: '2025-09-25T08:00:00' }, 'csv')).toBe(
      'hsct-trials-2025-09-25.csv',
    );
  });

  it('falls back to the generation date and cleans the base name', () => {
    expect(exportFilename(meta, 'ris', 'lupus trials/../x')).toBe('lupus-trials-x-2025-10-01.ris');
  });
});
