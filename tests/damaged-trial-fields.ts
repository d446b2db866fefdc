/**
 * The array fields of a saved trial that the damaged-cache tests delete: a saved copy whose trials lost
 * them must be dropped and loaded again (tests/app/query-persistence.test.tsx in jsdom,
 * tests/e2e/integrity.spec.ts in Chromium).
 */
export const DAMAGED_TRIAL_FIELDS = [
  'diseases',
  'conditions',
  'interventions',
  'countries',
  'locations',
] as const;
