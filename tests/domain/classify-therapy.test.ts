// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyTherapy, type TherapyEvidence } from '../../src/domain/classify-therapy.ts';
import type { Therapy, TransplantType } from '../../src/domain/trial.ts';

function evidence(partial: Partial<TherapyEvidence>): TherapyEvidence {
  return { interventions: [], armGroups: [], keywords: [], ...partial };
}
const withIntervention = (...interventions: string[]) =>
  classifyTherapy(evidence({ interventions }));
const withTitle = (briefTitle: string) => classifyTherapy(evidence({ briefTitle }));

describe('classifyTherapy, step A: transplant cues make a trial HSCT', () => {
  const cues = [
    'Autologous Hematopoietic Stem Cell Transplantation',
    'Haematopoietic stem cell transplantation',
    'hematopoetic stem cell infusion',
    'Autologous heMatopoietic Stem Cell Transplantation',
    'Hemopoietic progenitor cell support',
    'Hematopoietic Cell Transplantation',
    'Stem Cell Transplant',
    'Bone marrow transplantation',
    'aHSCT',
    'AHSCT',
    'auto-HSCT',
    'allo-HSCT',
    'HCT',
    'ASCT',
    'BMT',
    'HDIT and rescue',
    'Peripheral Blood Stem Cell Transplantation',
    'PBSCT',
    'Autologous stem cells',
    'CD34-selected graft',
    'Cord blood transplantation',
    'Haploidentical transplantation',
    'Immunoablation',
    'Stem cell mobilization and collection, then transplantation',
  ];
  it.each(cues)('%j', (cue) => {
    expect(withIntervention(cue).therapy).toBe('hsct');
  });

  it('reads the title when no intervention names the transplant', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['Cyclophosphamide', 'ATG'],
        officialTitle: 'Intensive immunosuppression and HSCT in MS',
      }),
    );
    expect(result.therapy).toBe('hsct');
  });
});

describe('classifyTherapy: stem cells of another kind are not HSCT', () => {
  const cases: [string, Therapy][] = [
    ['Mesenchymal Stem Cell Transplantation', 'msc'],
    ['Autologous Mesenchymal Stem Cell (MSC) Transplantation', 'msc'],
    ['Umbilical cord blood mesenchymal stem cells', 'msc'],
    ['Adipose-derived stem cells', 'msc'],
    ['Neural Stem Cell Transplantation', 'other'],
    ['Limbal stem cell transplantation', 'other'],
    ['Fecal microbiota transplantation', 'other'],
    ['Autologous bone marrow-derived stem cell transplantation', 'other'],
  ];
  it.each(cases)('%j gives %j', (title, therapy) => {
    expect(withTitle(title).therapy).toBe(therapy);
  });
});

describe('classifyTherapy, step B: other cell therapies', () => {
  const cases: [string, Therapy][] = [
    ['CD19 CAR-T cells', 'car-t'],
    ['CAR T-cell therapy', 'car-t'],
    ['Allogeneic CD19-CAR-NK cells', 'car-t'],
    ['Chimeric antigen receptor T cells', 'car-t'],
    ['KYV-101', 'car-t'],
    ['CABA-201', 'car-t'],
    ['Descartes-08', 'car-t'],
    ['Mesenchymal stromal cells', 'msc'],
    ['UC-MSCs', 'msc'],
    ["Wharton's jelly cells", 'msc'],
    ['Darvadstrocel', 'msc'],
    ['Regulatory T cells', 'treg'],
    ['Polyclonal Tregs', 'treg'],
    ['CD4+CD25+CD127lo cells', 'treg'],
    ['Tolerogenic dendritic cells', 'other'],
    ['Stem Cell Educator therapy', 'other'],
    ['Autologous umbilical cord blood infusion', 'other'],
  ];
  it.each(cases)('intervention %j gives %j', (intervention, therapy) => {
    expect(withIntervention(intervention).therapy).toBe(therapy);
  });

  it('a cell therapy in the interventions wins over HSCT background in the summary', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['CD19 CAR-T cells'],
        briefSummary:
          'Unlike autologous hematopoietic stem cell transplantation, CAR-T needs no conditioning.',
      }),
    );
    expect(result).toMatchObject({ therapy: 'car-t', transplantType: 'unspecified' });
  });

  it('a transplant named only in keywords of a transfusion study is not HSCT', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['Platelet transfusion'],
        briefTitle: 'Post-transfusion Platelet Count',
        keywords: ['platelet count', 'stem cell transplantation'],
      }),
    );
    expect(result).toEqual({ therapy: 'other', transplantType: 'unspecified' });
  });

  it('a record with only a summary is classified from it', () => {
    expect(
      classifyTherapy(evidence({ briefSummary: 'CABA-201, a CD19-CAR T cell therapy' })).therapy,
    ).toBe('car-t');
  });

  it('a record without any cue is "other" with no evidence', () => {
    expect(
      classifyTherapy(
        evidence({ interventions: ['Ocrelizumab'], briefTitle: 'Ocrelizumab in MS' }),
      ),
    ).toEqual({
      therapy: 'other',
      transplantType: 'unspecified',
    });
  });

  it('orthopaedic allografts and HCT/P tissue products are not transplants', () => {
    expect(withIntervention('Cervical allograft spacers').therapy).toBe('other');
    expect(withIntervention('Amniotic membrane, regulated as an HCT/P').therapy).toBe('other');
  });
});

describe('classifyTherapy, step C: cell source', () => {
  const cases: [string, TransplantType][] = [
    ['Autologous HSCT', 'autologous'],
    ['Auto-HSCT', 'autologous'],
    ['ASCT', 'autologous'],
    ["HSCT with the patient's own stem cells", 'autologous'],
    ['Stem cell mobilization with cyclophosphamide, then HSCT', 'autologous'],
    ['Allogeneic HSCT', 'allogeneic'],
    ['Allogenic stem cell transplantation', 'allogeneic'],
    ['Allo-HCT', 'allogeneic'],
    ['HSCT from a matched sibling donor', 'allogeneic'],
    ['Haploidentical transplantation', 'allogeneic'],
    ['Syngeneic bone marrow transplantation', 'allogeneic'],
    ['BMT with post-transplant cyclophosphamide', 'allogeneic'],
    ['HSCT', 'unspecified'],
    ['Non-myeloablative HSCT with cyclophosphamide and ATG', 'unspecified'],
  ];
  it.each(cases)('%j gives %j', (intervention, type) => {
    expect(withIntervention(intervention).transplantType).toBe(type);
  });

  it('aHSCT means autologous when no allogeneic cue exists', () => {
    expect(withIntervention('aHSCT').transplantType).toBe('autologous');
  });

  it('aHSCT does not count as autologous next to an allogeneic cue', () => {
    expect(withIntervention('aHSCT from an unrelated donor').transplantType).toBe('allogeneic');
  });

  it('both sources in the interventions give "both"', () => {
    expect(
      withIntervention('Autologous HSCT', 'Syngeneic bone marrow transplantation').transplantType,
    ).toBe('both');
  });

  it('the higher-weight field wins over background in the summary', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['Autologous hematopoietic stem cell transplantation'],
        briefSummary: 'Unlike allogeneic transplantation, autologous HSCT has no GVHD.',
      }),
    );
    expect(result.transplantType).toBe('autologous');
  });

  it('a tie between fields of equal weight gives "both"', () => {
    expect(
      withTitle('Syngeneic or Autologous Peripheral Blood Stem Cell Transplantation')
        .transplantType,
    ).toBe('both');
  });

  it('an allogeneic product that is not the graft does not make the HSCT allogeneic', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['Allogeneic fecal microbiota; all patients receive autoHSCT'],
        officialTitle: 'Allogeneic Fecal Microbiota Transplantation After Autologous HSCT',
      }),
    );
    expect(result).toMatchObject({ therapy: 'hsct', transplantType: 'autologous' });
  });

  it('describes the source of non-HSCT therapies too', () => {
    expect(withIntervention('Allogeneic umbilical cord MSC').transplantType).toBe('allogeneic');
    expect(withIntervention('Autologous polyclonal Tregs').transplantType).toBe('autologous');
    expect(withIntervention('Universal CAR-T cells').transplantType).toBe('allogeneic');
  });

  it('cyclophosphamide, ATG, alemtuzumab and "bone marrow" alone are no source cues', () => {
    expect(
      withIntervention('HSCT after cyclophosphamide, ATG, alemtuzumab; bone marrow harvest')
        .transplantType,
    ).toBe('unspecified');
  });
});

describe('classifyTherapy: transplantEvidence', () => {
  it('quotes the deciding phrase in its original case', () => {
    expect(
      withIntervention('PROCEDURE: Autologous Haematopoietic Stem Cell Transplantation')
        .transplantEvidence,
    ).toBe('Autologous Haematopoietic Stem Cell Transplantation');
  });

  it('quotes the therapy phrase when no source is named', () => {
    expect(withTitle('Hematopoietic Stem Cell Therapy for MS').transplantEvidence).toBe(
      'Hematopoietic Stem Cell Therapy for MS',
    );
  });

  it('quotes the phrase from the highest-weight field', () => {
    const result = classifyTherapy(
      evidence({
        interventions: ['Allogeneic HCT'],
        briefSummary: 'An autologous comparison is discussed.',
      }),
    );
    expect(result.transplantEvidence).toBe('Allogeneic HCT');
  });
});
