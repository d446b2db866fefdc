/**
 * Which trials the patient view shows and in what order. Pure: everything comes in as arguments.
 */
import type { DiseaseId } from '../../domain/diseases.ts';
import { eligibilityMarks } from '../../domain/eligibility.ts';
import type { EligibilityMark, PersonDetails } from '../../domain/eligibility.ts';
import type { LatLon } from '../../domain/geo.ts';
import { isOpenStatus } from '../../domain/plain-language.ts';
import { nearestSite } from '../../domain/site-places.ts';
import type { NearestSite, PlaceLookup } from '../../domain/site-places.ts';
import type { Trial } from '../../domain/trial.ts';

export type PatientTrialOptions = {
  /** Only trials of this disease; null = any autoimmune disease. */
  disease: DiseaseId | null;
  /** False: stem cell transplant (HSCT) trials only. True: every cell therapy in the data. */
  includeOtherTherapies: boolean;
  origin: LatLon | null;
  /** Keep trials with a site within this distance of `origin`; null = any distance. */
  maxDistanceKm: number | null;
  person: PersonDetails;
  lookup?: PlaceLookup;
};

export type PatientTrialRow = {
  trial: Trial;
  /** Recruiting or not yet recruiting. */
  open: boolean;
  nearest: NearestSite | null;
  marks: EligibilityMark[];
};

export type PatientTrialList = {
  /** Recruiting and not-yet-recruiting trials, nearest first (or recruiting first, then newest). */
  open: PatientTrialRow[];
  /** Every other status, same order. */
  other: PatientTrialRow[];
  /** Trials of the condition left out by the distance filter: no site within the distance. */
  fartherAway: number;
  /**
   * With a distance limit: trials of the condition whose records give no site position, so their distance
   * is unknown. They are listed apart ("site positions not given"), never dropped. Same order as `open`.
   */
  unplaced: PatientTrialRow[];
};

const STATUS_RANK: Record<string, number> = { RECRUITING: 0, NOT_YET_RECRUITING: 1 };

function compareRows(a: PatientTrialRow, b: PatientTrialRow): number {
  const da = a.nearest?.distanceKm ?? Number.POSITIVE_INFINITY;
  const db = b.nearest?.distanceKm ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  const sa = STATUS_RANK[a.trial.status] ?? 2;
  const sb = STATUS_RANK[b.trial.status] ?? 2;
  if (sa !== sb) return sa - sb;
  const ua = a.trial.lastUpdated ?? '';
  const ub = b.trial.lastUpdated ?? '';
  if (ua !== ub) return ua < ub ? 1 : -1;
  return a.trial.nctId.localeCompare(b.trial.nctId);
}

/** True when the trial is about the disease (or any autoimmune disease) and the chosen kind of therapy. */
export function matchesCondition(
  trial: Trial,
  options: Pick<PatientTrialOptions, 'disease' | 'includeOtherTherapies'>,
): boolean {
  if (!options.includeOtherTherapies && trial.therapy !== 'hsct') return false;
  return options.disease === null
    ? trial.diseases.length > 0
    : trial.diseases.includes(options.disease);
}

export function patientTrialList(
  trials: readonly Trial[],
  options: PatientTrialOptions,
): PatientTrialList {
  const open: PatientTrialRow[] = [];
  const other: PatientTrialRow[] = [];
  const unplaced: PatientTrialRow[] = [];
  let fartherAway = 0;
  for (const trial of trials) {
    if (!matchesCondition(trial, options)) continue;
    const nearest = options.origin ? nearestSite(trial, options.origin, options.lookup) : null;
    const limited = options.origin !== null && options.maxDistanceKm !== null;
    if (limited && nearest !== null && nearest.distanceKm > (options.maxDistanceKm ?? Infinity)) {
      fartherAway += 1;
      continue;
    }
    const row: PatientTrialRow = {
      trial,
      open: isOpenStatus(trial.status),
      nearest,
      marks: eligibilityMarks(trial, options.person),
    };
    if (limited && nearest === null) unplaced.push(row);
    else (row.open ? open : other).push(row);
  }
  open.sort(compareRows);
  other.sort(compareRows);
  unplaced.sort(compareRows);
  return { open, other, fartherAway, unplaced };
}

export type SiteContacts = {
  label: string;
  contacts: NonNullable<Trial['locations'][number]['contacts']>;
};

/**
 * Site contacts worth showing for a trial: the nearest site's when it lists any, otherwise those of the
 * first open sites that list contacts (at most `limit` sites).
 */
export function siteContactsFor(
  trial: Trial,
  nearest: NearestSite | null,
  limit = 2,
): SiteContacts[] {
  const label = (l: Trial['locations'][number]) =>
    [l.facility, l.city, l.country].filter(Boolean).join(', ') || 'Trial site';
  if (nearest?.location.contacts?.length)
    return [{ label: label(nearest.location), contacts: nearest.location.contacts }];
  const out: SiteContacts[] = [];
  for (const location of trial.locations) {
    if (out.length >= limit) break;
    const open = location.status ? isOpenStatus(location.status) : isOpenStatus(trial.status);
    if (open && location.contacts?.length)
      out.push({ label: label(location), contacts: location.contacts });
  }
  return out;
}
