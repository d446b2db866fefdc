import { describe, expect, it } from 'vitest';
import { milesToKm } from '../../../src/domain/geo.ts';
import { patientTrialList, siteContactsFor } from '../../../src/features/patient/patient-trials.ts';
import {
  CHICAGO,
  LUPUS_CART,
  MS_CHICAGO,
  MS_COMPLETED,
  MS_LONDON,
  MS_YOUNG,
  PATIENT_TRIALS,
  makeTrial,
} from './patient-fixtures.ts';

const ids = (rows: { trial: { nctId: string } }[]) => rows.map((r) => r.trial.nctId);
const base = {
  disease: null,
  includeOtherTherapies: false,
  origin: null,
  maxDistanceKm: null,
  person: {},
} as const;

describe('patientTrialList', () => {
  it('keeps the chosen condition and transplants only, recruiting before not yet recruiting, closed trials apart', () => {
    const list = patientTrialList(PATIENT_TRIALS, { ...base, disease: 'multiple-sclerosis' });
    expect(ids(list.open)).toEqual([MS_CHICAGO.nctId, MS_YOUNG.nctId, MS_LONDON.nctId]);
    expect(ids(list.other)).toEqual([MS_COMPLETED.nctId]);
  });

  it('adds other cell therapies only on request', () => {
    expect(ids(patientTrialList(PATIENT_TRIALS, { ...base, disease: 'lupus' }).open)).toEqual([]);
    expect(
      ids(
        patientTrialList(PATIENT_TRIALS, { ...base, disease: 'lupus', includeOtherTherapies: true })
          .open,
      ),
    ).toEqual([LUPUS_CART.nctId]);
  });

  it('sorts by distance from a place and filters by distance, counting what it leaves out', () => {
    const sorted = patientTrialList(PATIENT_TRIALS, {
      ...base,
      disease: 'multiple-sclerosis',
      origin: CHICAGO,
    });
    expect(ids(sorted.open)).toEqual([MS_CHICAGO.nctId, MS_YOUNG.nctId, MS_LONDON.nctId]);
    expect(sorted.open[1]?.nearest?.distanceKm).toBeCloseTo(132, -1);

    const unplaced = makeTrial({
      nctId: 'NCT99000199',
      title: 'No positions',
      locations: [{ country: 'France' }],
    });
    const near = patientTrialList([...PATIENT_TRIALS, unplaced], {
      ...base,
      disease: 'multiple-sclerosis',
      origin: CHICAGO,
      maxDistanceKm: milesToKm(100),
    });
    expect(ids(near.open)).toEqual([MS_CHICAGO.nctId, MS_YOUNG.nctId]);
    expect(ids(near.other)).toEqual([MS_COMPLETED.nctId]);
    expect(near.fartherAway).toBe(1);
    expect(ids(near.unplaced)).toEqual([unplaced.nctId]);
  });

  it('marks trials outside the person’s stated age without removing them', () => {
    const list = patientTrialList(PATIENT_TRIALS, {
      ...base,
      disease: 'multiple-sclerosis',
      person: { ageYears: 35 },
    });
    expect(list.open.find((r) => r.trial.nctId === MS_YOUNG.nctId)?.marks).toEqual(['outside-age']);
    expect(list.open.find((r) => r.trial.nctId === MS_CHICAGO.nctId)?.marks).toEqual([]);
  });
});

describe('siteContactsFor', () => {
  it('gives the contacts of the nearest site, or of the first open sites that list contacts', () => {
    const nearest = { location: MS_CHICAGO.locations[0]!, distanceKm: 2, open: true };
    expect(siteContactsFor(MS_CHICAGO, nearest)[0]?.label).toBe(
      'Lakeside Hospital, Chicago, United States',
    );
    expect(siteContactsFor(MS_CHICAGO, null)).toHaveLength(1);
    expect(siteContactsFor(MS_LONDON, null)).toEqual([]);
  });
});
