import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/domain/export/citation.ts';

describe('formatCitation', () => {
  it('cites the view with its trial count, data date, permalink and access date', () => {
    expect(
      formatCitation({
        count: 12,
        dataDate: '2025-09-25T08:00:00',
        permalink: 'https://dash.example/?disease=lupus',
        accessed: '2025-10-01',
      }),
    ).toBe(
      'HSCT Trials Dashboard. Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (12 trials). ' +
        'Data: ClinicalTrials.gov, as of 25 September 2025. https://dash.example/?disease=lupus (accessed 1 October 2025).',
    );
  });

  it('says "1 trial" and leaves the date out when it is unknown', () => {
    const text = formatCitation({
      count: 1,
      permalink: 'https://dash.example/',
      accessed: new Date('2025-10-01T10:00:00Z'),
    });
    expect(text).toContain('filtered view (1 trial).');
    expect(text).toContain(
      'Data: ClinicalTrials.gov. https://dash.example/ (accessed 1 October 2025).',
    );
  });
});
