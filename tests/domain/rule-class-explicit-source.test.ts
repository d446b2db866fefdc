// @vitest-environment node
/**
 * Rule class 4. Explicit cell-source words win (issue 16, docs/domain.md). The records are SYNTHETIC (synthetic-record.ts).
 */
import { describe, expect, it } from 'vitest';
import { synthetic } from './synthetic-record.ts';

describe('4. explicit cell-source words beat implied cues in the same field', () => {
  it('"autologous" beats post-transplant cyclophosphamide in the interventions', () => {
    const trial = synthetic({
      conditions: ['Systemic Sclerosis'],
      interventions: [
        { type: 'PROCEDURE', name: 'Autologous hematopoietic stem cell transplantation' },
        { type: 'DRUG', name: 'Post-transplant cyclophosphamide' },
      ],
    });
    expect(trial.transplantType).toBe('autologous');
    expect(trial.transplantEvidence).toMatch(/^Autologous/);
  });

  it('"allogeneic" beats a reinfusion of stem cells in the same arm', () => {
    const trial = synthetic({
      conditions: ['Lupus'],
      arms: [
        {
          label: 'Allogeneic HSCT',
          description: 'Myeloablative conditioning and reinfusion of cryopreserved stem cells.',
        },
      ],
    });
    expect(trial.transplantType).toBe('allogeneic');
  });

  it('"autologous" beats the implied cue "cord blood transplant"', () => {
    expect(
      synthetic({
        conditions: ['Type 1 Diabetes'],
        interventions: [{ name: 'Autologous cord blood transplant, infused into the pancreas' }],
      }).transplantType,
    ).toBe('autologous');
  });

  it('two explicit words in one field are still both', () => {
    expect(
      synthetic({
        conditions: ['Multiple Sclerosis'],
        interventions: [{ name: 'Autologous or allogeneic HSCT' }],
      }).transplantType,
    ).toBe('both');
  });

  it.each([
    ['Donor-derived CD34-selected graft'],
    ['Hematopoietic stem cell transplantation ; tacrolimus for GVHD prevention'],
    ['HSCT ; prevention of graft-versus-host disease with abatacept'],
  ])('donor-derived grafts and GVHD prevention are allogeneic: %j', (name) => {
    expect(
      synthetic({ conditions: ['Crohn Disease'], interventions: [{ name }] }).transplantType,
    ).toBe('allogeneic');
  });
});
