// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyDiseases, type DiseaseEvidence } from '../../src/domain/classify-disease.ts';
import type { DiseaseId } from '../../src/domain/diseases.ts';

function evidence(partial: Partial<DiseaseEvidence>): DiseaseEvidence {
  return { conditions: [], meshTerms: [], keywords: [], titles: [], ...partial };
}
const fromConditions = (...conditions: string[]) => classifyDiseases(evidence({ conditions }));

describe('classifyDiseases: each cue family maps a condition to its category', () => {
  const cases: [string, DiseaseId[]][] = [
    ['Multiple Sclerosis', ['multiple-sclerosis']],
    ['Relapsing-Remitting Multiple Sclerosis', ['multiple-sclerosis']],
    ['RRMS', ['multiple-sclerosis']],
    ['Secondary progressive', ['multiple-sclerosis']],
    ['Highly active MS', ['multiple-sclerosis']],
    ['Disseminated sclerosis', ['multiple-sclerosis']],
    ['Systemic Sclerosis', ['systemic-sclerosis']],
    ['Diffuse cutaneous SSc', ['systemic-sclerosis']],
    ['SSc-ILD', ['systemic-sclerosis']],
    ['Scleroderma', ['systemic-sclerosis']],
    ['Systemic Scleroderma', ['systemic-sclerosis']],
    ['CREST syndrome', ['systemic-sclerosis']],
    ['Lupus Erythematosus, Systemic', ['lupus']],
    ['Lupus Nephritis', ['lupus']],
    ['SLE', ['lupus']],
    ['Childhood-onset SLE (cSLE)', ['lupus']],
    ['NPSLE', ['lupus']],
    ['Rheumatoid Arthritis', ['rheumatoid-arthritis']],
    ['Juvenile Idiopathic Arthritis (JIA)', ['juvenile-idiopathic-arthritis']],
    ['Systemic JIA', ['juvenile-idiopathic-arthritis']],
    ["Still's disease", ['juvenile-idiopathic-arthritis']],
    ["Crohn's Disease", ['crohns-disease']],
    ['Crohn Disease', ['crohns-disease']],
    ['Ulcerative Colitis', ['ulcerative-colitis']],
    ['Inflammatory Bowel Diseases', ['ulcerative-colitis']],
    ['Type 1 Diabetes Mellitus', ['type-1-diabetes']],
    ['Type1 Diabetes Mellitus', ['type-1-diabetes']],
    ['Diabetes Mellitus, Type 1', ['type-1-diabetes']],
    ['Type I diabetes', ['type-1-diabetes']],
    ['T1DM', ['type-1-diabetes']],
    ['Insulin-Dependent Diabetes Mellitus', ['type-1-diabetes']],
    ['LADA', ['type-1-diabetes']],
    ['Autoimmune Diabetes', ['type-1-diabetes']],
    ['CIDP', ['cidp']],
    ['CIPD', ['cidp']],
    ['Chronic Inflammatory Demyelinating Polyradiculoneuropathy', ['cidp']],
    ['Multifocal motor neuropathy', ['cidp']],
    ['Neuromyelitis Optica', ['nmosd']],
    ["Devic's Syndrome", ['nmosd']],
    ['AQP4-IgG positive NMOSD', ['nmosd']],
    ['MOGAD', ['nmosd']],
    ['Myasthenia Gravis', ['myasthenia-gravis']],
    ['Generalized MG (gMG)', ['myasthenia-gravis']],
    // The spelling of NCT07403188's conditions list (mocks/source/ctgov-2026).
    ['Myasthaenia Gravis', ['myasthenia-gravis']],
    ['Stiff-Person Syndrome', ['stiff-person-syndrome']],
    ['Stiff man syndrome', ['stiff-person-syndrome']],
    ['Autoimmune Encephalitis', ['autoimmune-encephalitis']],
    ['Anti-NMDA receptor encephalitis', ['autoimmune-encephalitis']],
    ['LGI1 antibody encephalitis', ['autoimmune-encephalitis']],
    ['Juvenile Dermatomyositis', ['inflammatory-myopathy']],
    ['Polymyositis', ['inflammatory-myopathy']],
    ['Idiopathic inflammatory myopathies', ['inflammatory-myopathy']],
    ['Antisynthetase syndrome', ['inflammatory-myopathy']],
    ['ANCA Associated Vasculitis', ['vasculitis']],
    ['Granulomatosis with Polyangiitis', ['vasculitis']],
    ["Behçet's disease", ['vasculitis']],
    ['Behcet Syndrome', ['vasculitis']],
    ['Takayasu arteritis', ['vasculitis']],
    ['Churg-Strauss syndrome', ['vasculitis']],
    ['ITP - Immune Thrombocytopenia', ['autoimmune-cytopenia']],
    ['Refractory Chronic Autoimmune Thrombocytopenia', ['autoimmune-cytopenia']],
    ['Idiopathic thrombocytopenic purpura', ['autoimmune-cytopenia']],
    ['Warm Antibody Autoimmune Haemolytic Anaemia', ['autoimmune-cytopenia']],
    ['Evans syndrome', ['autoimmune-cytopenia']],
    ['Pure red cell aplasia', ['autoimmune-cytopenia']],
    ['Refractory coeliac disease type II', ['celiac-disease']],
    ['RCD II', ['celiac-disease']],
    ['IPEX', ['immune-dysregulation']],
    ['CTLA4 haploinsufficiency', ['immune-dysregulation']],
    ['LRBA deficiency', ['immune-dysregulation']],
    ['STAT3 gain-of-function', ['immune-dysregulation']],
    ['Very early onset inflammatory bowel disease', ['immune-dysregulation']],
    ['Inborn errors of immunity', ['immune-dysregulation']],
    ["Sjögren's syndrome", ['other-autoimmune']],
    ['Antiphospholipid Syndrome', ['other-autoimmune']],
    ['Autoimmune hepatitis', ['other-autoimmune']],
    ['Pemphigus vulgaris', ['other-autoimmune']],
    ['IgG4-related disease', ['other-autoimmune']],
    ['Psoriasis', ['other-autoimmune']],
    ['Autoimmune Diseases', ['autoimmune-unspecified']],
    ['Severe autoimmunity', ['autoimmune-unspecified']],
  ];
  it.each(cases)('condition %j gives %j', (condition, expected) => {
    expect(fromConditions(condition)).toEqual(expected);
  });
});

describe('classifyDiseases: traps from the domain guide give no category', () => {
  const cases: [string, string][] = [
    ['bare "Sclerosis"', 'Sclerosis'],
    ['amyotrophic lateral sclerosis', 'Amyotrophic Lateral Sclerosis'],
    ['ALS', 'ALS'],
    ['tuberous sclerosis', 'Tuberous Sclerosis'],
    ['localized scleroderma', 'Localized scleroderma'],
    ['morphea', 'Morphea'],
    ['type 2 diabetes', 'Diabetes Mellitus, Type 2'],
    ['non-insulin-dependent diabetes', 'Non-insulin-dependent diabetes mellitus'],
    ['bare diabetes', 'Diabetes Mellitus'],
    ['thrombotic thrombocytopenic purpura', 'Thrombotic Thrombocytopenic Purpura'],
    ['bare RA (refractory anaemia)', 'RA'],
    ['bare LN (lymph node)', 'LN metastasis'],
    ['bare CD', 'CD19 positive'],
    ['"immune-mediated" alone', 'Immune-mediated inflammatory disease'],
    ['aplastic anaemia', 'Severe Aplastic Anaemia'],
    ['GVHD', 'Chronic Graft Versus Host Disease'],
    ['malignancy', 'Acute Myeloid Leukemia'],
    ['lupus anticoagulant', 'Lupus anticoagulant positive'],
    ['rhabdomyosarcoma abbreviation', 'RMS'],
    ['primary progressive aphasia', 'Primary progressive aphasia'],
    ['bare MG (milligram)', '10 mg'],
    ['inclusion body myositis', 'Inclusion body myositis'],
  ];
  it.each(cases)('%s', (_label, condition) => {
    expect(fromConditions(condition)).toEqual([]);
  });

  it('a juvenile rheumatoid arthritis is JIA, not RA', () => {
    expect(fromConditions('Juvenile Rheumatoid Arthritis')).toEqual([
      'juvenile-idiopathic-arthritis',
    ]);
  });

  it('"Crohn\'s colitis" is Crohn\'s disease, not ulcerative colitis', () => {
    expect(fromConditions("Crohn's colitis")).toEqual(['crohns-disease']);
  });

  it("IBD as an umbrella term adds nothing when Crohn's disease is named", () => {
    expect(fromConditions("Crohn's Disease", 'Inflammatory Bowel Disease')).toEqual([
      'crohns-disease',
    ]);
  });

  it("IBD and ulcerative colitis named together with Crohn's keep both", () => {
    expect(fromConditions("Crohn's Disease", 'Ulcerative Colitis')).toEqual([
      'crohns-disease',
      'ulcerative-colitis',
    ]);
  });
});

describe('classifyDiseases: bare "MS" is read only in conditions and titles', () => {
  it('accepts upper-case MS in a condition', () => {
    expect(fromConditions('MS')).toEqual(['multiple-sclerosis']);
  });

  it('accepts MS in a title', () => {
    expect(classifyDiseases(evidence({ titles: ['aHSCT in Aggressive MS'] }))).toEqual([
      'multiple-sclerosis',
    ]);
  });

  it('ignores MS in keywords', () => {
    expect(classifyDiseases(evidence({ keywords: ['MS'] }))).toEqual([]);
  });

  it('ignores mass spectrometry (LC-MS/MS) in a title', () => {
    expect(
      classifyDiseases(evidence({ titles: ['Drug levels by LC-MS/MS in healthy volunteers'] })),
    ).toEqual([]);
  });

  it('ignores lower-case "ms" (milliseconds)', () => {
    expect(classifyDiseases(evidence({ titles: ['QT interval above 450 ms'] }))).toEqual([]);
  });
});

describe('classifyDiseases: evidence priority', () => {
  it('a basket trial gets every category its conditions name', () => {
    expect(
      fromConditions('Systemic Lupus Erythematosus', 'Systemic Sclerosis', 'Dermatomyositis'),
    ).toEqual(['systemic-sclerosis', 'lupus', 'inflammatory-myopathy']);
  });

  it('drops the generic category when a specific one matched', () => {
    expect(fromConditions('Autoimmune Diseases', 'Scleroderma')).toEqual(['systemic-sclerosis']);
  });

  it('conditions decide before keywords and titles', () => {
    const result = classifyDiseases(
      evidence({
        conditions: ['Multiple Sclerosis'],
        keywords: ['lupus'],
        titles: ['HSCT in Crohn disease'],
      }),
    );
    expect(result).toEqual(['multiple-sclerosis']);
  });

  it('MeSH terms count like conditions', () => {
    expect(
      classifyDiseases(
        evidence({ conditions: ['Refractory disease'], meshTerms: ['Myasthenia Gravis'] }),
      ),
    ).toEqual(['myasthenia-gravis']);
  });

  it('keywords decide when the conditions name nothing', () => {
    expect(
      classifyDiseases(evidence({ conditions: ['Diabetes Mellitus'], keywords: ['T1DM'] })),
    ).toEqual(['type-1-diabetes']);
  });

  it('titles decide when conditions and keywords name nothing', () => {
    expect(
      classifyDiseases(
        evidence({ titles: ['Stem Cell Transplant to Treat Patients With Systemic Sclerosis'] }),
      ),
    ).toEqual(['systemic-sclerosis']);
  });

  it('a generic "autoimmune" condition is refined by a specific title', () => {
    expect(
      classifyDiseases(
        evidence({ conditions: ['Autoimmune Diseases'], titles: ['CAR-T for refractory lupus'] }),
      ),
    ).toEqual(['lupus']);
  });

  it('a malignant condition with no autoimmune condition stops reading (no id from the title)', () => {
    expect(
      classifyDiseases(
        evidence({
          conditions: ['Leukemia'],
          titles: ['Allogeneic HSCT in leukemia patients with lupus'],
        }),
      ),
    ).toEqual([]);
  });

  it('an autoimmune condition next to a malignant one still counts', () => {
    expect(fromConditions('Leukemia', 'Multiple Sclerosis')).toEqual(['multiple-sclerosis']);
  });

  it('reads the summary only when the record has no conditions at all', () => {
    const summary = 'A study of CABA-201 in subjects with systemic sclerosis.';
    expect(classifyDiseases(evidence({ briefSummary: summary }))).toEqual(['systemic-sclerosis']);
    expect(classifyDiseases(evidence({ conditions: ['Healthy'], briefSummary: summary }))).toEqual(
      [],
    );
  });

  it('the summary never gives the generic category', () => {
    expect(
      classifyDiseases(evidence({ briefSummary: 'Multiple sclerosis is an autoimmune disease.' })),
    ).toEqual(['multiple-sclerosis']);
    expect(classifyDiseases(evidence({ briefSummary: 'Autoimmune disease is common.' }))).toEqual(
      [],
    );
  });

  it('never matches across two separate conditions', () => {
    expect(fromConditions('Type 1', 'Diabetes Mellitus, Type 2')).toEqual([]);
  });
});
