// @vitest-environment node
/**
 * Design facets (docs/domain.md §2 "Design facets") on the repo's real records and on SYNTHETIC records
 * (synthetic-record.ts, NCT9916xxxx) for the cases the real ones lack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pubmedUrl } from '../../src/domain/design-facets.ts';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import type { TrialDesign } from '../../src/domain/design-facets.ts';
import { synthetic } from './synthetic-record.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const designOf = (raw: unknown): TrialDesign => normalizeStudy(raw)!.design;
const facets = ({ evidence: _evidence, resultPmids: _pmids, ...rest }: TrialDesign) => rest;

describe('design facets of real HSCT records (read from each record)', () => {
  const cases: [string, Omit<TrialDesign, 'evidence' | 'resultPmids'>][] = [
    [
      'NCT00288626', // HALT-MS: BEAM + rabbit ATG, one arm
      {
        conditioning: 'myeloablative-intermediate',
        regimen: 'beam-atg',
        graft: 'not-stated',
        allocation: 'not-stated',
        comparator: 'single-arm',
      },
    ],
    [
      'NCT03477500', // RAM-MS: Cy/ATG vs alemtuzumab, cladribine or ocrelizumab
      {
        conditioning: 'lymphoablative',
        regimen: 'cy-atg',
        graft: 'not-stated',
        allocation: 'randomised',
        comparator: 'drug-therapy',
      },
    ],
    [
      'NCT00273364', // MIST: HSCT vs "standard treatment with a conventional drug"
      {
        conditioning: 'not-stated',
        graft: 'not-stated',
        allocation: 'randomised',
        comparator: 'drug-therapy',
      },
    ],
    [
      'NCT01099930', // busulphan + Cy + ATG, CliniMACS CD34-selected graft vs standard therapy
      {
        conditioning: 'myeloablative-high',
        graft: 'cd34-selected',
        allocation: 'not-stated',
        comparator: 'drug-therapy',
      },
    ],
    [
      'NCT00014755', // Cy + TBI + ATG
      {
        conditioning: 'myeloablative-high',
        regimen: 'cy-tbi-atg',
        graft: 'not-stated',
        allocation: 'not-stated',
        comparator: 'not-stated',
      },
    ],
    [
      'NCT00040482', // Cy/ATG, CD34-selected T-cell depleted rescue
      {
        conditioning: 'lymphoablative',
        regimen: 'cy-atg',
        graft: 'cd34-selected',
        allocation: 'not-stated',
        comparator: 'not-stated',
      },
    ],
    [
      'NCT00325741', // allogeneic, "non-myeloablative regimen" of TLI + Cy + ATG
      {
        conditioning: 'reduced-intensity',
        regimen: 'cy-atg',
        graft: 'not-stated',
        allocation: 'not-stated',
        comparator: 'not-stated',
      },
    ],
    [
      'NCT02529839', // autologous, "nonmyeloablative" Flu/Cy
      {
        conditioning: 'lymphoablative',
        regimen: 'flu-cy',
        graft: 'not-stated',
        allocation: 'not-stated',
        comparator: 'not-stated',
      },
    ],
  ];
  it.each(cases)('%s', (nctId, expected) => {
    expect(facets(designOf(read(`mocks/source/hsct/${nctId}.json`)))).toEqual(expected);
  });

  it('BEAT-MS (full capture) is randomised against best available therapy, as its allocation field says', () => {
    const design = designOf(read('tests/data/landmarks/NCT04047628.json'));
    expect(design.allocation).toBe('randomised');
    expect(design.evidence.allocation).toBe('Allocation: Randomized');
    expect(design.comparator).toBe('drug-therapy');
    expect(design.evidence.comparator).toMatch(/^Best Available Therapy Versus Autologous/);
  });

  it('every decided facet quotes its evidence', () => {
    for (const file of readdirSync('mocks/source/hsct')) {
      const d = designOf(read(`mocks/source/hsct/${file}`));
      if (d.conditioning !== 'not-stated') expect(d.evidence.conditioning, file).toBeTruthy();
      if (d.graft !== 'not-stated') expect(d.evidence.graft, file).toBeTruthy();
      if (d.allocation !== 'not-stated') expect(d.evidence.allocation, file).toBeTruthy();
      if (d.comparator !== 'not-stated') expect(d.evidence.comparator, file).toBeTruthy();
    }
  });
});

type Raw = {
  protocolSection: {
    designModule?: { designInfo?: { allocation?: string } };
    referencesModule?: { references?: { pmid?: string; type?: string }[] };
  };
};

describe('design facets of the 114 unrelated real records (expected values read from the raw JSON)', () => {
  const records = readdirSync('tests/data/records').map(
    (f) => read(`tests/data/records/${f}`) as Raw,
  );
  const ALLOCATION: Record<string, string> = {
    RANDOMIZED: 'randomised',
    NON_RANDOMIZED: 'non-randomised',
    NA: 'non-randomised',
  };

  it('allocation follows designInfo.allocation', () => {
    for (const raw of records) {
      const field = raw.protocolSection.designModule?.designInfo?.allocation;
      if (field === undefined) continue;
      expect(designOf(raw).allocation).toBe(ALLOCATION[field]);
    }
  });

  it('result PMIDs are the RESULT and DERIVED references, never BACKGROUND', () => {
    let withPmids = 0;
    for (const raw of records) {
      const expected = [
        ...new Set(
          (raw.protocolSection.referencesModule?.references ?? [])
            .filter((r) => (r.type === 'RESULT' || r.type === 'DERIVED') && r.pmid)
            .map((r) => r.pmid),
        ),
      ];
      expect(designOf(raw).resultPmids).toEqual(expected);
      if (expected.length > 0) withPmids++;
    }
    expect(withPmids).toBeGreaterThan(20);
  });

  it('none has transplant conditioning or graft manipulation (none is a transplant trial)', () => {
    for (const raw of records) {
      expect(designOf(raw).conditioning).toBe('not-stated');
      expect(designOf(raw).graft).toBe('not-stated');
    }
  });
});

describe('design facets: synthetic cases', () => {
  const hsct = (name: string, extra: Parameters<typeof synthetic>[0] = {}) =>
    synthetic({ conditions: ['Multiple Sclerosis'], interventions: [{ name }], ...extra }).design;

  it.each([
    ['Allogeneic HSCT after fludarabine and melphalan', 'reduced-intensity', 'flu-mel'],
    ['Allogeneic HSCT after Flu/Bu conditioning', 'myeloablative-high', 'flu-bu'],
    ['Allogeneic HSCT after fludarabine and cyclophosphamide', 'reduced-intensity', 'flu-cy'],
    ['Autologous HSCT after BEAM', 'myeloablative-intermediate', 'beam-atg'],
    ['Autologous HSCT after Cy/ATG', 'lymphoablative', 'cy-atg'],
  ])('%j: %s, %s', (name, conditioning, regimen) => {
    expect(hsct(name)).toMatchObject({ conditioning, regimen });
  });

  it('a CAR-T trial’s Flu/Cy lymphodepletion is not transplant conditioning', () => {
    const design = synthetic({
      conditions: ['Lupus'],
      interventions: [{ name: 'CD19 CAR-T cells after fludarabine and cyclophosphamide' }],
    }).design;
    expect(design.conditioning).toBe('not-stated');
    expect(design.regimen).toBeUndefined();
  });

  it('graft manipulation: selection, its negation, and in vivo T-cell depletion', () => {
    expect(hsct('Autologous HSCT with a CD34-selected graft').graft).toBe('cd34-selected');
    expect(hsct('Autologous HSCT without CD34 selection').graft).toBe('unmanipulated');
    expect(hsct('Unmanipulated autologous peripheral blood stem cells').graft).toBe(
      'unmanipulated',
    );
    expect(hsct('Autologous HSCT with in vivo T-cell depletion of the graft by ATG').graft).toBe(
      'not-stated',
    );
  });

  it('comparator from the arms: HSCT vs HSCT, HSCT vs drug, HSCT vs placebo', () => {
    const arms = (...labels: [string, string][]) =>
      synthetic({
        conditions: ['Systemic Sclerosis'],
        arms: labels.map(([label, type]) => ({ label, type })),
      }).design.comparator;
    expect(
      arms(['aHSCT after Cy/ATG', 'EXPERIMENTAL'], ['aHSCT after BEAM/ATG', 'EXPERIMENTAL']),
    ).toBe('hsct-regimens');
    expect(arms(['aHSCT', 'EXPERIMENTAL'], ['Monthly cyclophosphamide', 'ACTIVE_COMPARATOR'])).toBe(
      'drug-therapy',
    );
    expect(arms(['aHSCT', 'EXPERIMENTAL'], ['Placebo', 'PLACEBO_COMPARATOR'])).toBe('other');
  });

  it('a title about graft-versus-host disease is no comparison', () => {
    expect(
      synthetic({ briefTitle: 'Graft-versus-Host Disease Prophylaxis After Allogeneic HSCT' })
        .design.comparator,
    ).toBe('not-stated');
  });

  it('allocation from the text when the record has no allocation field: negated forms first', () => {
    expect(synthetic({ briefTitle: 'A Non-randomized Study of aHSCT' }).design.allocation).toBe(
      'non-randomised',
    );
    expect(synthetic({ briefTitle: 'A Randomised Trial of aHSCT' }).design.allocation).toBe(
      'randomised',
    );
  });

  it('result PMIDs come from RESULT/DERIVED references and link to PubMed', () => {
    const design = synthetic({
      references: [
        { pmid: '111', type: 'RESULT' },
        { pmid: '222', type: 'BACKGROUND' },
        { pmid: '333', type: 'DERIVED' },
        { pmid: 'x1', type: 'RESULT' },
      ],
    }).design;
    expect(design.resultPmids).toEqual(['111', '333']);
    expect(pubmedUrl('111')).toBe('https://pubmed.ncbi.nlm.nih.gov/111/');
  });
});
