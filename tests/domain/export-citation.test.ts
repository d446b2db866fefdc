import { describe, expect, it } from 'vitest';
import {
  describeDataset,
  formatBibtex,
  formatCitation,
  formatRisCitation,
  type CitationInput,
} from '../../src/domain/export/citation.ts';

const SAMPLE: CitationInput = {
  count: 12,
  dataset: { kind: 'bundled-sample', date: '2026-04-22', studyCount: 88 },
  permalink: 'https://dash.example/?disease=systemic-sclerosis&type=autologous',
  accessed: '2026-05-01',
};

describe('describeDataset', () => {
  it('says which data: live, a snapshot of a date with N studies, or the bundled sample', () => {
    expect(
      describeDataset({
        kind: 'live',
        date: '2025-09-25T08:00:00',
        studyCount: 1204,
        apiVersion: '2.0.5',
      }),
    ).toBe(
      'ClinicalTrials.gov API v2 (version 2.0.5), live data of 25 September 2025, 1,204 studies',
    );
    expect(describeDataset({ kind: 'snapshot', date: '2025-09-25', studyCount: 1 })).toBe(
      'Snapshot of ClinicalTrials.gov taken 25 September 2025, 1 study',
    );
    expect(describeDataset(SAMPLE.dataset)).toBe(
      'Bundled sample of 88 ClinicalTrials.gov records (not a complete search; latest record update 22 April 2026)',
    );
  });
});

describe('citations', () => {
  it('cites the view in plain text with its count, dataset, permalink and access date', () => {
    expect(formatCitation(SAMPLE)).toBe(
      'HSCT Trials Dashboard. Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (12 trials). ' +
        'Data: Bundled sample of 88 ClinicalTrials.gov records (not a complete search; latest record update 22 April 2026). ' +
        'https://dash.example/?disease=systemic-sclerosis&type=autologous (accessed 1 May 2026).',
    );
    expect(formatCitation({ ...SAMPLE, count: 1 })).toContain('filtered view (1 trial).');
  });

  it('gives a BibTeX @misc entry with the URL in \\url and LaTeX characters escaped', () => {
    const bib = formatBibtex({ ...SAMPLE, permalink: 'https://dash.example/?q=50%25' });
    expect(bib).toMatch(/^@misc\{hsct_trials_dashboard_20260501,\n/);
    expect(bib).toContain('  author = {{HSCT Trials Dashboard}},');
    expect(bib).toContain('  year = {2026},');
    expect(bib).toContain('  howpublished = {\\url{https://dash.example/?q=50\\%25}},');
    expect(bib).toContain('  note = {Data: Bundled sample of 88 ClinicalTrials.gov records');
    expect(bib.endsWith('\n}')).toBe(true);
  });

  it('gives a RIS dataset record', () => {
    expect(formatRisCitation(SAMPLE).split('\n')).toEqual([
      'TY  - DATA',
      'AU  - HSCT Trials Dashboard',
      'TI  - Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (12 trials)',
      'PY  - 2026',
      'DA  - 2026/04/22',
      'UR  - https://dash.example/?disease=systemic-sclerosis&type=autologous',
      'Y2  - 2026/05/01',
      'N1  - Data: Bundled sample of 88 ClinicalTrials.gov records (not a complete search; latest record update 22 April 2026).',
      'ER  -',
    ]);
  });
});
