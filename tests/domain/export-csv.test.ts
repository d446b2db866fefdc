import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, trialsToCsv } from '../../src/domain/export/csv.ts';
import type { ExportMeta } from '../../src/domain/export/provenance.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { noDesign } from '../../src/domain/design-facets.ts';

/** Synthetic trials (NCT99… ids): made up to exercise escaping, not taken from any record. */
function syntheticTrial(overrides: Partial<Trial> = {}): Trial {
  return {
    nctId: 'NCT99000001',
    url: 'https://clinicaltrials.gov/study/NCT99000001',
    title: 'Synthetic autologous HSCT trial',
    status: 'RECRUITING',
    studyType: 'INTERVENTIONAL',
    phase: 'PHASE2',
    diseases: ['multiple-sclerosis'],
    therapy: 'hsct',
    transplantType: 'autologous',
    design: noDesign(),
    conditions: ['Multiple Sclerosis'],
    interventions: [{ type: 'PROCEDURE', name: 'aHSCT' }],
    countries: ['Sweden'],
    locations: [{ city: 'Uppsala', country: 'Sweden' }],
    hasResults: false,
    ...overrides,
  };
}

const meta: ExportMeta = {
  source: 'ClinicalTrials.gov API v2 (live)',
  query: 'query.cond=lupus · query.intr=stem cell transplantation',
  filters: {
    disease: ['lupus'],
    therapy: ['hsct'],
    phase: [],
    from: 2010,
    to: null,
    results: false,
    q: '',
  },
  dataAsOf: '2025-09-25',
  appVersion: '0.1.0',
  generatedAt: '2025-10-01T12:00:00.000Z',
  permalink: 'https://dash.example/?disease=lupus',
};

/** The table part of the CSV (after the BOM and the "#" provenance lines), parsed as CSV. */
function parseTable(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.slice(CSV_BOM.length), {
    comments: '#',
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('trialsToCsv', () => {
  it('starts with a UTF-8 byte-order mark', () => {
    const csv = trialsToCsv([syntheticTrial()], meta);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('says what it holds in "#" lines before the header row', () => {
    const csv = trialsToCsv([syntheticTrial(), syntheticTrial({ nctId: 'NCT99000002' })], meta);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 9)).toEqual([
      '# Title: HSCT Trials Dashboard: trials of haematopoietic stem cell transplantation in autoimmune disease',
      '# Source: ClinicalTrials.gov API v2 (live)',
      '# Data as of: 2025-09-25',
      '# Query: query.cond=lupus · query.intr=stem cell transplantation',
      '# Filters: disease=lupus; therapy=hsct; from=2010',
      '# Rows: 2',
      '# Permalink: https://dash.example/?disease=lupus',
      '# Generated: 2025-10-01T12:00:00.000Z',
      '# App version: 0.1.0',
    ]);
    expect(lines[9]?.startsWith('nct_id,title,official_title,acronym,status,')).toBe(true);
  });

  it('writes one row per trial, lists joined with "; "', () => {
    const trial = syntheticTrial({
      diseases: ['lupus', 'systemic-sclerosis'],
      conditions: ['Lupus', 'Scleroderma'],
      countries: ['France', 'Germany'],
      enrollment: { count: 40, type: 'ESTIMATED' },
      sponsor: { name: 'Synthetic Sponsor', class: 'OTHER' },
    });
    const [header, row] = parseTable(trialsToCsv([trial], meta));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      nct_id: 'NCT99000001',
      diseases: 'lupus; systemic-sclerosis',
      conditions: 'Lupus; Scleroderma',
      countries: 'France; Germany',
      interventions: 'aHSCT',
      enrollment: '40',
      enrollment_type: 'ESTIMATED',
      sponsor: 'Synthetic Sponsor',
      has_results: 'no',
      url: 'https://clinicaltrials.gov/study/NCT99000001',
    });
  });

  it('has the design facets, their evidence and the result PMIDs as columns', () => {
    const trial = syntheticTrial({
      design: {
        conditioning: 'lymphoablative',
        regimen: 'cy-atg',
        graft: 'cd34-selected',
        allocation: 'randomised',
        comparator: 'drug-therapy',
        resultPmids: ['111', '222'],
        evidence: {
          conditioning: 'Cy/ATG: Cyclophosphamide + ATG',
          allocation: 'Allocation: Randomized',
        },
      },
    });
    const [header, row] = parseTable(trialsToCsv([trial], meta));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      conditioning: 'lymphoablative',
      conditioning_regimen: 'cy-atg',
      conditioning_evidence: 'Cy/ATG: Cyclophosphamide + ATG',
      graft_manipulation: 'cd34-selected',
      graft_evidence: '',
      allocation: 'randomised',
      allocation_evidence: 'Allocation: Randomized',
      comparator: 'drug-therapy',
      result_pmids: '111; 222',
    });
  });

  it('quotes commas, quotes and line breaks so the text survives a round trip', () => {
    const title = 'Transplant, "high-dose" conditioning\nand follow-up';
    const csv = trialsToCsv([syntheticTrial({ title })], meta, { provenance: false });
    expect(csv).toContain('"Transplant, ""high-dose"" conditioning\nand follow-up"');
    const [, row] = parseTable(csv);
    expect(row?.[1]).toBe(title);
  });

  it('keeps non-Latin text intact', () => {
    const trial = syntheticTrial({
      countries: ['Switzerland', 'China', 'Åland Islands'],
      locations: [{ city: 'Zürich' }, { city: '北京' }, { city: 'Åland' }],
      conditions: ['Sclérodermie', '系统性硬化症'],
    });
    const [header, row] = parseTable(trialsToCsv([trial], meta));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record.conditions).toBe('Sclérodermie; 系统性硬化症');
    expect(record.countries).toBe('Switzerland; China; Åland Islands');
    expect(
      new TextDecoder().decode(new TextEncoder().encode(trialsToCsv([trial], meta))),
    ).toContain('系统性硬化症');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const [, row] = parseTable(
      trialsToCsv([syntheticTrial({ title: '=HYPERLINK("http://x")' })], meta),
    );
    expect(row?.[1]).toBe('\'=HYPERLINK("http://x")');
  });

  it('writes only the header row when the view is empty, and the row count says 0', () => {
    const csv = trialsToCsv([], meta);
    expect(csv).toContain('# Rows: 0\r\n');
    expect(parseTable(csv)).toHaveLength(1);
  });

  it('puts provenance values on one line even when they contain line breaks', () => {
    const csv = trialsToCsv([], { ...meta, query: 'query.cond=lupus\r\nquery.term=x' });
    expect(csv).toContain('# Query: query.cond=lupus query.term=x\r\n');
  });
});
