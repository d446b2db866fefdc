// @vitest-environment node
/**
 * Rule class 3. Cord blood and mobilisation (issue 16, docs/domain.md). The records are SYNTHETIC (synthetic-record.ts).
 */
import { describe, expect, it } from 'vitest';
import { synthetic } from './synthetic-record.ts';

describe('3. cord blood and mobilisation', () => {
  it('cord blood infused locally into an organ is other, not HSCT', () => {
    const trial = synthetic({
      conditions: ['Type 1 Diabetes'],
      briefTitle:
        'Autologous Umbilical Cord Blood Transplantation Into the Pancreas in Type 1 Diabetes',
      interventions: [
        {
          type: 'BIOLOGICAL',
          name: 'Autologous cord blood transplant',
          description: 'Cord blood cells are infused into the pancreatic artery.',
        },
      ],
    });
    expect(trial.therapy).toBe('other');
  });

  it('cord blood given without conditioning is other', () => {
    const trial = synthetic({
      conditions: ['Type 1 Diabetes'],
      briefTitle: 'Cord Blood Transplant in Children With New-onset Type 1 Diabetes',
      interventions: [
        {
          type: 'BIOLOGICAL',
          name: 'Umbilical cord blood units',
          description: 'Given intravenously without any conditioning.',
        },
      ],
    });
    expect(trial.therapy).toBe('other');
  });

  it('a cord blood transplant after conditioning is still HSCT', () => {
    const trial = synthetic({
      conditions: ['IPEX syndrome'],
      briefTitle: 'Cord Blood Transplantation After Reduced-intensity Conditioning for IPEX',
    });
    expect(trial.therapy).toBe('hsct');
    expect(trial.transplantType).toBe('allogeneic');
  });

  it('a stem-cell mobilisation study with no transplant is other', () => {
    const trial = synthetic({
      conditions: ['Multiple Sclerosis'],
      briefTitle: 'Safety of G-CSF Hematopoietic Stem Cell Mobilization in Multiple Sclerosis',
      interventions: [
        {
          type: 'DRUG',
          name: 'Filgrastim',
          description: 'G-CSF to mobilise stem cells, collected by apheresis for laboratory study.',
        },
      ],
    });
    expect(trial.therapy).toBe('other');
  });

  it.each([
    ['Stem cell mobilization and collection for autologous transplantation'],
    ['Autologous transplantation of peripheral blood stem cells mobilized with cyclophosphamide'],
    ['Transplant of CD34+ cells after mobilisation'],
  ])('mobilisation for a transplant is HSCT, whatever the word order: %j', (name) => {
    expect(
      synthetic({ conditions: ['Multiple Sclerosis'], interventions: [{ name }] }).therapy,
    ).toBe('hsct');
  });
});
