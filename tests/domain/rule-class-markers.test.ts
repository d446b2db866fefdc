// @vitest-environment node
/**
 * Rule class 2. Markers and mechanisms are not cues (issue 16, docs/domain.md). The records are SYNTHETIC (synthetic-record.ts).
 */
import { describe, expect, it } from 'vitest';
import { synthetic } from './synthetic-record.ts';

describe('2. markers and mechanisms are not cues', () => {
  it('a bare FOXP3 (a Treg marker) is not immune dysregulation', () => {
    const trial = synthetic({
      conditions: ['Type 1 Diabetes'],
      keywords: ['FOXP3', 'regulatory T cells'],
      briefTitle: 'Expanded CD4+CD25+FOXP3+ Tregs in Type 1 Diabetes',
    });
    expect(trial.diseases).toEqual(['type-1-diabetes']);
    expect(synthetic({ keywords: ['FOXP3', 'Type 1 Diabetes'] }).diseases).toEqual([
      'type-1-diabetes',
    ]);
  });

  it.each([['FOXP3 mutation'], ['FOXP3 deficiency'], ['Mutations in FOXP3'], ['IPEX syndrome']])(
    'FOXP3 with mutation, deficiency or IPEX is: %j',
    (condition) => {
      expect(synthetic({ conditions: [condition] }).diseases).toEqual(['immune-dysregulation']);
    },
  );

  it('a cell type named in how a drug works is not that cell therapy', () => {
    const trial = synthetic({
      conditions: ['Systemic Lupus Erythematosus'],
      briefTitle: 'Low-dose Interleukin-2 in Systemic Lupus Erythematosus',
      interventions: [
        {
          type: 'DRUG',
          name: 'Aldesleukin',
          description: 'Low-dose IL-2 selectively expands regulatory T cells (Tregs).',
        },
      ],
    });
    expect(trial.therapy).toBe('other');
  });

  it('Treg, MSC or CAR-T named only in the summary or description does not win against the title and interventions', () => {
    const trial = synthetic({
      conditions: ['Lupus Nephritis'],
      briefTitle: 'Obinutuzumab in Refractory Lupus Nephritis',
      interventions: [{ type: 'DRUG', name: 'Obinutuzumab' }],
      summary:
        'CAR-T cells have shown deep B-cell depletion in lupus; this trial tests an antibody.',
      detailed: 'Mesenchymal stromal cells and Tregs are other approaches under study.',
    });
    expect(trial.therapy).toBe('other');
  });

  it('the cell therapy still counts when the interventions name it', () => {
    expect(
      synthetic({
        briefTitle: 'Tregs in Type 1 Diabetes',
        interventions: [{ type: 'BIOLOGICAL', name: 'Autologous polyclonal regulatory T cells' }],
      }).therapy,
    ).toBe('treg');
  });
});
