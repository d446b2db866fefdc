// @vitest-environment node
/**
 * Rule class 5. Always look for the cell source (issue 16, docs/domain.md). The records are SYNTHETIC (synthetic-record.ts).
 */
import { describe, expect, it } from 'vitest';
import { synthetic } from './synthetic-record.ts';

describe('5. the cell source is read on every therapy path', () => {
  it('"autologous bone marrow" with no therapy cue is other, autologous', () => {
    const trial = synthetic({
      conditions: ['Lupus'],
      briefTitle: 'Autologous Bone Marrow in Lupus',
      interventions: [{ type: 'BIOLOGICAL', name: 'Autologous bone marrow' }],
    });
    expect(trial.therapy).toBe('other');
    expect(trial.transplantType).toBe('autologous');
    expect(trial.transplantEvidence).toBe('Autologous bone marrow');
  });

  it.each([
    ['Intravenous infusion of self bone marrow'],
    ['Infusion of own bone marrow cells'],
    ["Patient's own stem cells"],
  ])('%j is autologous', (name) => {
    expect(synthetic({ conditions: ['Lupus'], interventions: [{ name }] }).transplantType).toBe(
      'autologous',
    );
  });
});
