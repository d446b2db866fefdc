/**
 * Hand-made, synthetic Trial objects for the patient view tests (NCT99… ids: not real trials). Site
 * coordinates are those of the real cities named.
 */
import type { Trial } from '../../../src/domain/trial.ts';
import { noDesign } from '../../../src/domain/design-facets.ts';

export function makeTrial(overrides: Partial<Trial> & Pick<Trial, 'nctId' | 'title'>): Trial {
  return {
    url: `https://clinicaltrials.gov/study/${overrides.nctId}`,
    status: 'RECRUITING',
    studyType: 'INTERVENTIONAL',
    phase: 'PHASE2',
    diseases: ['multiple-sclerosis'],
    therapy: 'hsct',
    transplantType: 'autologous',
    design: noDesign(),
    conditions: ['Multiple Sclerosis'],
    interventions: [],
    countries: [],
    locations: [],
    hasResults: false,
    ...overrides,
  };
}

export const CHICAGO = { lat: 41.8781, lon: -87.6298 };

/** Recruiting MS transplant in Chicago with central and site contacts. */
export const MS_CHICAGO = makeTrial({
  nctId: 'NCT99000101',
  title: 'Synthetic: autologous HSCT for relapsing MS (Chicago)',
  phase: 'PHASE3',
  minimumAge: '18 Years',
  maximumAge: '55 Years',
  sex: 'ALL',
  interventions: [
    { type: 'PROCEDURE', name: 'Autologous hematopoietic stem cell transplantation' },
  ],
  countries: ['United States'],
  lastUpdated: '2025-05-01',
  centralContacts: [
    {
      name: 'Study Coordinator',
      phone: '+1 (312) 555-0100',
      phoneExt: '12',
      email: 'ms-hsct@example.org',
    },
  ],
  locations: [
    {
      facility: 'Lakeside Hospital',
      city: 'Chicago',
      state: 'Illinois',
      country: 'United States',
      lat: 41.8957,
      lon: -87.6212,
      status: 'RECRUITING',
      contacts: [{ name: 'Site Nurse', phone: '312-555-0199', email: 'site-nurse@example.org' }],
    },
  ],
});

/** Not yet recruiting MS transplant in London. */
export const MS_LONDON = makeTrial({
  nctId: 'NCT99000102',
  title: 'Synthetic: HSCT versus best available therapy in MS (London)',
  status: 'NOT_YET_RECRUITING',
  phase: 'NA',
  minimumAge: '18 Years',
  maximumAge: '65 Years',
  countries: ['United Kingdom'],
  locations: [
    {
      facility: 'River Hospital',
      city: 'London',
      country: 'United Kingdom',
      lat: 51.468,
      lon: -0.0938,
    },
  ],
});

/** Completed MS transplant trial, closest of all to Chicago. */
export const MS_COMPLETED = makeTrial({
  nctId: 'NCT99000103',
  title: 'Synthetic: completed HSCT study in MS (Evanston)',
  status: 'COMPLETED',
  phase: 'PHASE1',
  countries: ['United States'],
  locations: [
    {
      facility: 'North Shore Centre',
      city: 'Evanston',
      state: 'Illinois',
      country: 'United States',
      lat: 42.0451,
      lon: -87.6877,
    },
  ],
});

/** Recruiting MS transplant for young adults only (18 to 30), in Milwaukee. */
export const MS_YOUNG = makeTrial({
  nctId: 'NCT99000104',
  title: 'Synthetic: HSCT in young adults with aggressive MS (Milwaukee)',
  minimumAge: '18 Years',
  maximumAge: '30 Years',
  transplantType: 'allogeneic',
  countries: ['United States'],
  locations: [
    {
      facility: 'Lake Clinic',
      city: 'Milwaukee',
      state: 'Wisconsin',
      country: 'United States',
      lat: 43.0389,
      lon: -87.9065,
      status: 'RECRUITING',
    },
  ],
});

/** Recruiting lupus CAR-T trial in Berlin (not a transplant). */
export const LUPUS_CART = makeTrial({
  nctId: 'NCT99000105',
  title: 'Synthetic: CD19 CAR-T cells for lupus (Berlin)',
  diseases: ['lupus'],
  conditions: ['Systemic Lupus Erythematosus'],
  therapy: 'car-t',
  phase: 'PHASE1',
  countries: ['Germany'],
  locations: [
    {
      facility: 'Spree Clinic',
      city: 'Berlin',
      country: 'Germany',
      lat: 52.52,
      lon: 13.405,
      status: 'RECRUITING',
    },
  ],
});

/** Recruiting systemic sclerosis transplant for women only, in Stockholm. */
export const SSC_WOMEN = makeTrial({
  nctId: 'NCT99000106',
  title: 'Synthetic: HSCT for systemic sclerosis in women (Stockholm)',
  diseases: ['systemic-sclerosis'],
  conditions: ['Systemic Sclerosis'],
  sex: 'FEMALE',
  countries: ['Sweden'],
  locations: [
    {
      facility: 'Nordic Hospital',
      city: 'Stockholm',
      country: 'Sweden',
      lat: 59.3293,
      lon: 18.0686,
      status: 'RECRUITING',
    },
  ],
});

export const PATIENT_TRIALS: Trial[] = [
  MS_COMPLETED,
  MS_LONDON,
  LUPUS_CART,
  MS_YOUNG,
  SSC_WOMEN,
  MS_CHICAGO,
];
