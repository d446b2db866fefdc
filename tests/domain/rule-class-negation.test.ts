// @vitest-environment node
/**
 * Rule class 1. Negation and contradicting MeSH (issue 16, docs/domain.md). The records are SYNTHETIC (synthetic-record.ts).
 */
import { describe, expect, it } from 'vitest';
import { synthetic } from './synthetic-record.ts';

describe('1. a disease that is negated or excluded is not the trial’s disease', () => {
  it.each([
    ['Interstitial Lung Disease Not Associated With Systemic Sclerosis'],
    ["Uveitis not associated with Behçet's disease"],
    ['Nephrotic syndrome (non-lupus)'],
    ['Diabetes mellitus without autoimmune markers'],
    ['Cytopenia, excluding immune thrombocytopenia'],
  ])('condition %j gets no disease', (condition) => {
    expect(synthetic({ conditions: [condition] }).diseases).toEqual([]);
  });

  it('a title that says the trial is not about a disease outranks the MeSH umbrella naming it', () => {
    const trial = synthetic({
      conditions: ['Interstitial Lung Disease'],
      mesh: ['Lung Diseases, Interstitial', 'Scleroderma, Systemic'],
      briefTitle: 'Autologous HSCT for Progressive ILD Not Associated With Scleroderma',
    });
    expect(trial.diseases).toEqual([]);
  });

  it('a disease named only as excluded does not count, the others still do', () => {
    expect(
      synthetic({
        conditions: ['Autoimmune Diseases'],
        briefTitle:
          'Stem Cell Transplantation in Severe Autoimmune Disease Excluding Multiple Sclerosis',
      }).diseases,
    ).toEqual(['autoimmune-unspecified']);
    expect(
      synthetic({
        briefTitle: 'HSCT in refractory immune thrombocytopenia; patients with lupus are excluded',
      }).diseases,
    ).toEqual(['autoimmune-cytopenia']);
  });

  it('negation reaches only the words it governs', () => {
    expect(
      synthetic({ conditions: ['Non-relapsing Secondary Progressive Multiple Sclerosis'] })
        .diseases,
    ).toEqual(['multiple-sclerosis']);
    expect(
      synthetic({ conditions: ['Multiple Sclerosis'], briefTitle: 'HSCT without ATG in MS' })
        .diseases,
    ).toEqual(['multiple-sclerosis']);
    expect(synthetic({ conditions: ['Crohn Disease without perianal fistula'] }).diseases).toEqual([
      'crohns-disease',
    ]);
    expect(synthetic({ conditions: ['Non-Hodgkin Lymphoma'] }).diseases).toEqual([]);
  });
});
