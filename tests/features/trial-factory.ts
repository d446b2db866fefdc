import type { Trial } from '../../src/domain/trial.ts';

let serial = 0;

/** A synthetic trial for component tests (NCT99… ids, not a real registry record). */
export function syntheticTrial(overrides: Partial<Trial> = {}): Trial {
  serial += 1;
  const nctId = `NCT99${String(serial).padStart(6, '0')}`;
  return {
    nctId,
    url: `https://clinicaltrials.gov/study/${nctId}`,
    title: `Synthetic trial ${serial}`,
    status: 'COMPLETED',
    studyType: 'INTERVENTIONAL',
    phase: 'PHASE2',
    diseases: ['multiple-sclerosis'],
    therapy: 'hsct',
    transplantType: 'autologous',
    conditions: [],
    interventions: [],
    countries: [],
    locations: [],
    hasResults: false,
    ...overrides,
  };
}
