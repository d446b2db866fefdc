import { noDesign } from '../src/domain/design-facets.ts';
import type { Trial } from '../src/domain/trial.ts';

let serial = 0;

/**
 * A synthetic trial for tests (NCT99… ids, not a real registry record): an autologous HSCT phase 2
 * trial in multiple sclerosis unless `overrides` say otherwise. The URL follows the (given) NCT id.
 */
export function syntheticTrial(overrides: Partial<Trial> = {}): Trial {
  serial += 1;
  const nctId = overrides.nctId ?? `NCT99${String(serial).padStart(6, '0')}`;
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
    design: noDesign(),
    conditions: [],
    interventions: [],
    countries: [],
    locations: [],
    hasResults: false,
    ...overrides,
  };
}
