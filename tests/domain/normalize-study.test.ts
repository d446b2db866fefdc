// @vitest-environment node
/** Field mapping of normalizeStudy on tiny synthetic records (NCT99… ids are synthetic). */
import { describe, expect, it } from 'vitest';
import {
  MAX_PLAUSIBLE_ENROLLMENT,
  normalizeStudies,
  normalizeStudy,
} from '../../src/domain/normalize-study.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { isShownByDefault } from '../../src/domain/visibility.ts';

/** Synthetic record: a full-ish v2 study for an autologous HSCT trial in MS. */
const FULL = {
  protocolSection: {
    identificationModule: {
      nctId: 'nct99000001',
      briefTitle: 'aHSCT in Aggressive MS',
      officialTitle:
        'Autologous Hematopoietic Stem Cell Transplantation in Aggressive Multiple Sclerosis',
      acronym: 'SYN-MS',
    },
    statusModule: {
      overallStatus: 'TERMINATED',
      whyStopped: 'Funding ended',
      startDateStruct: { date: '2019-05' },
      primaryCompletionDateStruct: { date: '2022-01-31' },
      completionDateStruct: { date: '2023', type: 'ESTIMATED' },
      studyFirstPostDateStruct: { date: '2018-12-01' },
      lastUpdatePostDateStruct: { date: '2024-02-29' },
    },
    sponsorCollaboratorsModule: {
      leadSponsor: { name: 'Synthetic University', class: 'OTHER' },
      collaborators: [{ name: 'Synthetic Foundation', class: 'INDUSTRY' }, { class: 'NIH' }],
    },
    descriptionModule: {
      briefSummary: 'Synthetic summary.',
      detailedDescription: 'Synthetic details.',
    },
    conditionsModule: { conditions: ['Multiple Sclerosis', '  '], keywords: ['HSCT'] },
    designModule: {
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE2', 'PHASE3'],
      enrollmentInfo: { count: 40, type: 'ESTIMATED' },
    },
    armsInterventionsModule: {
      armGroups: [
        {
          label: 'aHSCT',
          type: 'EXPERIMENTAL',
          description: 'BEAM-ATG then stem cells',
          interventionNames: ['Procedure: aHSCT'],
        },
      ],
      interventions: [
        { type: 'PROCEDURE', name: 'aHSCT', description: 'Autologous HSCT', otherNames: ['AHSCT'] },
        { type: 'DRUG' },
      ],
    },
    eligibilityModule: {
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: '55 Years',
      stdAges: ['ADULT'],
      healthyVolunteers: false,
      eligibilityCriteria: 'Exclusion: prior allogeneic transplant; lupus; rheumatoid arthritis',
    },
    contactsLocationsModule: {
      centralContacts: [{ name: 'Study Nurse', role: 'CONTACT', email: 'nurse@example.org' }],
      overallOfficials: [
        {
          name: 'Dr Synthetic',
          affiliation: 'Synthetic University',
          role: 'PRINCIPAL_INVESTIGATOR',
        },
      ],
      locations: [
        {
          facility: 'Site A',
          city: 'Oslo',
          country: 'Norway',
          status: 'RECRUITING',
          geoPoint: { lat: 59.9, lon: 10.7 },
        },
        { facility: 'Site B', city: 'Bergen', country: 'Norway', geoPoint: { lat: 'x', lon: 5.3 } },
        { city: 'Uppsala', country: 'Sweden', contacts: [{ name: 'Site PI', phone: '+46 0' }] },
      ],
    },
    outcomesModule: { primaryOutcomes: [{ measure: 'Allogeneic lupus CAR-T outcome' }] },
  },
  derivedSection: {
    conditionBrowseModule: { meshes: [{ id: 'D009103', term: 'Multiple Sclerosis' }] },
  },
  hasResults: true,
};

describe('normalizeStudy maps a full record', () => {
  const trial = normalizeStudy(FULL) as Trial;

  it('upper-cases the NCT id and builds the study URL', () => {
    expect(trial.nctId).toBe('NCT99000001');
    expect(trial.url).toBe('https://clinicaltrials.gov/study/NCT99000001');
  });

  it('keeps titles, status, dates and study design as given', () => {
    expect(trial).toMatchObject({
      title: 'aHSCT in Aggressive MS',
      officialTitle:
        'Autologous Hematopoietic Stem Cell Transplantation in Aggressive Multiple Sclerosis',
      acronym: 'SYN-MS',
      status: 'TERMINATED',
      whyStopped: 'Funding ended',
      studyType: 'INTERVENTIONAL',
      phase: 'PHASE2_PHASE3',
      startDate: '2019-05',
      startYear: 2019,
      primaryCompletionDate: '2022-01-31',
      completionDate: '2023',
      firstPosted: '2018-12-01',
      lastUpdated: '2024-02-29',
      enrollment: { count: 40, type: 'ESTIMATED' },
      sponsor: { name: 'Synthetic University', class: 'OTHER' },
      collaborators: [{ name: 'Synthetic Foundation', class: 'INDUSTRY' }],
      hasResults: true,
    });
  });

  it('says which dates are actual or estimated, where the record says so', () => {
    expect(trial.dateTypes).toEqual({ completionDate: 'ESTIMATED' });
    const typed = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000012' },
        statusModule: {
          startDateStruct: { date: '2020-01-15', type: 'ACTUAL' },
          primaryCompletionDateStruct: { date: '2026-06', type: 'ANTICIPATED' },
          completionDateStruct: { date: '2020-13', type: 'ESTIMATED' },
          studyFirstPostDateStruct: { type: 'ACTUAL' },
          lastUpdatePostDateStruct: { date: '2024-03-01', type: 'ESTIMATED' },
        },
      },
    });
    // a type the API does not define is left out; so is the type of a date that is not kept
    expect(typed?.dateTypes).toEqual({ startDate: 'ACTUAL', lastUpdated: 'ESTIMATED' });
    expect(typed?.primaryCompletionDate).toBe('2026-06');
    expect(typed?.completionDate).toBeUndefined();
  });

  it('classifies disease, therapy and source', () => {
    expect(trial).toMatchObject({
      diseases: ['multiple-sclerosis'],
      therapy: 'hsct',
      transplantType: 'autologous',
      transplantEvidence: 'Autologous HSCT',
    });
    expect(isShownByDefault(trial)).toBe(true);
  });

  it('keeps conditions, interventions and arms, dropping empty items', () => {
    expect(trial.conditions).toEqual(['Multiple Sclerosis']);
    expect(trial.keywords).toEqual(['HSCT']);
    expect(trial.conditionMeshTerms).toEqual(['Multiple Sclerosis']);
    expect(trial.interventions).toEqual([
      { type: 'PROCEDURE', name: 'aHSCT', description: 'Autologous HSCT', otherNames: ['AHSCT'] },
    ]);
    expect(trial.arms).toEqual([
      {
        label: 'aHSCT',
        type: 'EXPERIMENTAL',
        description: 'BEAM-ATG then stem cells',
        interventionNames: ['Procedure: aHSCT'],
      },
    ]);
  });

  it('keeps locations with coordinates only when both are finite, and distinct countries in order', () => {
    expect(trial.countries).toEqual(['Norway', 'Sweden']);
    expect(trial.locations).toEqual([
      {
        facility: 'Site A',
        city: 'Oslo',
        country: 'Norway',
        status: 'RECRUITING',
        lat: 59.9,
        lon: 10.7,
      },
      { facility: 'Site B', city: 'Bergen', country: 'Norway' },
      { city: 'Uppsala', country: 'Sweden', contacts: [{ name: 'Site PI', phone: '+46 0' }] },
    ]);
  });

  it('keeps eligibility basics and contacts but not the criteria text', () => {
    expect(trial).toMatchObject({
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: '55 Years',
      stdAges: ['ADULT'],
      healthyVolunteers: false,
      briefSummary: 'Synthetic summary.',
      centralContacts: [{ name: 'Study Nurse', role: 'CONTACT', email: 'nurse@example.org' }],
      overallOfficials: [
        {
          name: 'Dr Synthetic',
          affiliation: 'Synthetic University',
          role: 'PRINCIPAL_INVESTIGATOR',
        },
      ],
    });
    expect(JSON.stringify(trial)).not.toContain('Exclusion');
  });

  it('never reads eligibility criteria or outcomes for classification', () => {
    expect(trial.diseases).not.toContain('lupus');
    expect(trial.therapy).not.toBe('car-t');
  });
});

describe('normalizeStudy on sparse and odd records', () => {
  it('a record with only an id gets defaults', () => {
    expect(
      normalizeStudy({ protocolSection: { identificationModule: { nctId: 'NCT99000002' } } }),
    ).toEqual({
      nctId: 'NCT99000002',
      url: 'https://clinicaltrials.gov/study/NCT99000002',
      title: 'NCT99000002',
      status: 'UNKNOWN',
      studyType: 'UNKNOWN',
      phase: 'UNSPECIFIED',
      diseases: [],
      therapy: 'other',
      transplantType: 'unspecified',
      design: {
        conditioning: 'not-stated',
        graft: 'not-stated',
        allocation: 'not-stated',
        comparator: 'not-stated',
        resultPmids: [],
        evidence: {},
      },
      conditions: [],
      interventions: [],
      countries: [],
      locations: [],
      hasResults: false,
    });
  });

  it('falls back to the official title, then the id', () => {
    const only = (identificationModule: object) =>
      normalizeStudy({ protocolSection: { identificationModule } })?.title;
    expect(only({ nctId: 'NCT99000003', officialTitle: 'Official' })).toBe('Official');
    expect(only({ nctId: 'NCT99000003', briefTitle: '  ', officialTitle: 'Official' })).toBe(
      'Official',
    );
  });

  it('keeps an unknown overall status string as given', () => {
    const t = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000004' },
        statusModule: { overallStatus: 'SOMETHING_NEW' },
      },
    });
    expect(t?.status).toBe('SOMETHING_NEW');
  });

  it.each([
    ['2019-02-30', undefined],
    ['2019-13', undefined],
    ['20190101', undefined],
    [' 2019-05 ', '2019-05'],
    [2019, undefined],
    ['2020-02-29', '2020-02-29'],
    ['0000', undefined],
    ['0000-01-01', undefined],
    ['1899-12', undefined],
    ['1900', '1900'],
    ['2100-12-31', '2100-12-31'],
    ['2101', undefined],
  ])('start date %j becomes %j', (date, expected) => {
    const t = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000005' },
        statusModule: { startDateStruct: { date } },
      },
    });
    expect(t?.startDate).toBe(expected);
    expect(t?.startYear).toBe(expected === undefined ? undefined : Number(expected.slice(0, 4)));
  });

  it.each([[-1], [1.5], ['40'], [Number.NaN], [null]])(
    'enrollment count %j is dropped',
    (count) => {
      const t = normalizeStudy({
        protocolSection: {
          identificationModule: { nctId: 'NCT99000006' },
          designModule: { enrollmentInfo: { count } },
        },
      });
      expect(t?.enrollment).toBeUndefined();
    },
  );

  it('treats an absurd enrollment (1e308, 2^53) as missing and counts it as a skipped value', () => {
    const study = (id: string, count: unknown) => ({
      protocolSection: {
        identificationModule: { nctId: id },
        designModule: { enrollmentInfo: { count, type: 'ACTUAL' } },
      },
    });
    const { trials, skipped, skippedValues } = normalizeStudies([
      study('NCT99000011', 1e308),
      study('NCT99000012', 2 ** 53),
      study('NCT99000013', MAX_PLAUSIBLE_ENROLLMENT + 1),
      study('NCT99000014', '40'),
      study('NCT99000015', MAX_PLAUSIBLE_ENROLLMENT),
      study('NCT99000016', undefined),
    ]);
    expect(trials.map((t) => t.enrollment?.count)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      MAX_PLAUSIBLE_ENROLLMENT,
      undefined,
    ]);
    expect(skipped).toBe(0);
    expect(skippedValues).toBe(4);
  });

  it('an enrollment without a known type is UNKNOWN', () => {
    const t = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000007' },
        designModule: { enrollmentInfo: { count: 0 } },
      },
    });
    expect(t?.enrollment).toEqual({ count: 0, type: 'UNKNOWN' });
  });

  it('a sponsor without a class gets UNKNOWN', () => {
    const t = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000008' },
        sponsorCollaboratorsModule: { leadSponsor: { name: 'Someone' } },
      },
    });
    expect(t?.sponsor).toEqual({ name: 'Someone', class: 'UNKNOWN' });
  });
});

describe('normalizeStudy is total', () => {
  const garbage: unknown[] = [
    null,
    undefined,
    42,
    'x',
    [],
    {},
    { protocolSection: 5 },
    { protocolSection: { identificationModule: 'NCT99000009' } },
    { protocolSection: { identificationModule: { nctId: 99000009 } } },
    { protocolSection: { identificationModule: { nctId: 'NCT123' } } },
    { protocolSection: { identificationModule: { nctId: 'XNCT99000009' } } },
  ];
  it.each(garbage.map((g) => [JSON.stringify(g) ?? String(g), g]))(
    '%s gives null',
    (_label, input) => {
      expect(normalizeStudy(input)).toBeNull();
    },
  );

  it('a record with an id and wrong types everywhere still gives a trial', () => {
    const weird = {
      protocolSection: {
        identificationModule: { nctId: 'NCT99000010', briefTitle: 7, officialTitle: ['x'] },
        statusModule: {
          overallStatus: {},
          startDateStruct: 'today',
          completionDateStruct: { date: null },
        },
        designModule: { phases: 'PHASE2', enrollmentInfo: [], studyType: 3 },
        conditionsModule: { conditions: 'Lupus', keywords: [1, null, 'Lupus'] },
        armsInterventionsModule: {
          interventions: [null, 5, { name: { x: 1 } }],
          armGroups: 'none',
        },
        contactsLocationsModule: {
          locations: [null, 'Oslo', { geoPoint: { lat: Infinity, lon: 1 } }],
        },
        sponsorCollaboratorsModule: { leadSponsor: 'Acme', collaborators: {} },
        eligibilityModule: { sex: 'BOTH', healthyVolunteers: 'No' },
      },
      derivedSection: { conditionBrowseModule: { meshes: [{ term: 3 }, 'Lupus'] } },
      hasResults: 'true',
    };
    const t = normalizeStudy(weird);
    expect(t).toMatchObject({
      nctId: 'NCT99000010',
      title: 'NCT99000010',
      status: 'UNKNOWN',
      studyType: 'UNKNOWN',
      phase: 'UNSPECIFIED',
      diseases: ['lupus'],
      conditions: [],
      interventions: [],
      locations: [{}],
      hasResults: false,
    });
    expect(t?.sex).toBeUndefined();
    expect(t?.healthyVolunteers).toBeUndefined();
    expect(t?.sponsor).toBeUndefined();
  });

  it('survives a getter that throws', () => {
    const hostile = {
      protocolSection: {
        identificationModule: { nctId: 'NCT99000011' },
        get statusModule(): never {
          throw new Error('boom');
        },
      },
    };
    expect(normalizeStudy(hostile)?.nctId).toBe('NCT99000011');
  });
});

describe('normalizeStudies', () => {
  const study = (nctId: string, briefTitle: string) => ({
    protocolSection: { identificationModule: { nctId, briefTitle } },
  });

  it('keeps the first record of each NCT id and counts records without id and duplicates as skipped', () => {
    const { trials, skipped } = normalizeStudies([
      study('NCT99000020', 'first'),
      study('nct99000020', 'duplicate in lower case'),
      null,
      { protocolSection: {} },
      study('NCT99000021', 'second'),
    ]);
    expect(trials.map((t) => [t.nctId, t.title])).toEqual([
      ['NCT99000020', 'first'],
      ['NCT99000021', 'second'],
    ]);
    expect(skipped).toBe(3);
  });

  it('an empty list gives nothing', () => {
    expect(normalizeStudies([])).toEqual({ trials: [], skipped: 0, skippedValues: 0 });
  });
});

describe('isShownByDefault', () => {
  it('hides a trial without an autoimmune disease', () => {
    const t = normalizeStudy({
      protocolSection: {
        identificationModule: { nctId: 'NCT99000030' },
        conditionsModule: { conditions: ['Leukemia'] },
      },
    }) as Trial;
    expect(isShownByDefault(t)).toBe(false);
  });
});
