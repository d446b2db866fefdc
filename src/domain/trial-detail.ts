/**
 * The extra fields the trial detail shows, read from one full ClinicalTrials.gov v2 study record
 * (GET /studies/{nctId}): arms, interventions with descriptions, eligibility basics, collaborators,
 * sites with their recruiting status, and the key dates with their actual/estimated type.
 * Pure and total: any input gives a value, nothing throws.
 */
import { partialDate } from './normalize-study.ts';
import { arr, assignDefined, get, obj, path, str, strings } from './safe-read.ts';
import { STATUS_LABELS, type SponsorClass, type Trial } from './trial.ts';

export const DETAIL_DATE_KEYS = [
  'start',
  'primaryCompletion',
  'completion',
  'firstPosted',
  'lastUpdate',
] as const;
export type DetailDateKey = (typeof DETAIL_DATE_KEYS)[number];

export const DETAIL_DATE_LABELS: Record<DetailDateKey, string> = {
  start: 'Start',
  primaryCompletion: 'Primary completion',
  completion: 'Completion',
  firstPosted: 'First posted',
  lastUpdate: 'Last update posted',
};

/** A date as the API gives it (yyyy, yyyy-MM or yyyy-MM-dd) and whether it is actual or estimated. */
export type DetailDate = { date: string; type?: 'ACTUAL' | 'ESTIMATED' };

export type DetailArm = {
  label: string;
  /** ArmGroupType of the API (EXPERIMENTAL, ACTIVE_COMPARATOR, ...). */
  type?: string;
  description?: string;
  interventionNames: string[];
};

export type DetailIntervention = {
  /** InterventionType of the API (PROCEDURE, DRUG, BIOLOGICAL, ...); UNKNOWN when absent. */
  type: string;
  name: string;
  description?: string;
  otherNames: string[];
};

export type DetailEligibility = {
  minimumAge?: string;
  maximumAge?: string;
  sex?: 'ALL' | 'FEMALE' | 'MALE';
  healthyVolunteers?: boolean;
  /** CHILD | ADULT | OLDER_ADULT, as the API gives them. */
  stdAges: string[];
};

export type DetailSite = {
  facility?: string;
  city?: string;
  state?: string;
  country?: string;
  /** Site RecruitmentStatus as the API gives it (e.g. RECRUITING). */
  status?: string;
};

export type DetailOrganisation = { name: string; class: SponsorClass | (string & {}) };

export type TrialDetailInfo = {
  arms: DetailArm[];
  interventions: DetailIntervention[];
  eligibility: DetailEligibility;
  collaborators: DetailOrganisation[];
  sites: DetailSite[];
  dates: Partial<Record<DetailDateKey, DetailDate>>;
  detailedDescription?: string;
};

const DATE_STRUCTS: Record<DetailDateKey, string> = {
  start: 'startDateStruct',
  primaryCompletion: 'primaryCompletionDateStruct',
  completion: 'completionDateStruct',
  firstPosted: 'studyFirstPostDateStruct',
  lastUpdate: 'lastUpdatePostDateStruct',
};

export const STD_AGE_LABELS: Record<string, string> = {
  CHILD: 'Child (birth–17)',
  ADULT: 'Adult (18–64)',
  OLDER_ADULT: 'Older adult (65+)',
};

export const SEX_LABELS: Record<'ALL' | 'FEMALE' | 'MALE', string> = {
  ALL: 'All',
  FEMALE: 'Female',
  MALE: 'Male',
};

/** Readable text for an API enum value: a known label, or the value with underscores as spaces. */
function enumText(value: string, labels: Record<string, string>): string {
  const known = Object.hasOwn(labels, value) ? labels[value] : undefined;
  if (known !== undefined) return known;
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "RECRUITING" -> "Recruiting"; unknown values become readable words. */
export function siteStatusLabel(status: string): string {
  return enumText(status, STATUS_LABELS);
}

/** "OLDER_ADULT" -> "Older adult (65+)". */
export function stdAgeLabel(value: string): string {
  return enumText(value, STD_AGE_LABELS);
}

/** "ACTIVE_COMPARATOR" -> "Active comparator", "PROCEDURE" -> "Procedure". */
export function apiEnumLabel(value: string): string {
  return enumText(value, {});
}

export function emptyTrialDetail(): TrialDetailInfo {
  return {
    arms: [],
    interventions: [],
    eligibility: { stdAges: [] },
    collaborators: [],
    sites: [],
    dates: {},
  };
}

function dateOf(statusModule: unknown, struct: string): DetailDate | undefined {
  const value = get(statusModule, struct);
  const date = partialDate(get(value, 'date'));
  if (date === undefined) return undefined;
  const type = get(value, 'type');
  return type === 'ACTUAL' || type === 'ESTIMATED' ? { date, type } : { date };
}

function organisationOf(value: unknown): DetailOrganisation | undefined {
  const name = str(get(value, 'name'));
  if (name === undefined) return undefined;
  return { name, class: str(get(value, 'class')) ?? 'UNKNOWN' };
}

function armsOf(module: unknown): DetailArm[] {
  const out: DetailArm[] = [];
  for (const item of arr(get(module, 'armGroups'))) {
    const label = str(get(item, 'label'));
    const description = str(get(item, 'description'));
    if (label === undefined && description === undefined) continue;
    out.push(
      assignDefined<DetailArm>(
        { label: label ?? '', interventionNames: strings(get(item, 'interventionNames')) },
        { type: str(get(item, 'type')), description },
      ),
    );
  }
  return out;
}

function interventionsOf(module: unknown): DetailIntervention[] {
  const out: DetailIntervention[] = [];
  for (const item of arr(get(module, 'interventions'))) {
    const name = str(get(item, 'name'));
    if (name === undefined) continue;
    out.push(
      assignDefined<DetailIntervention>(
        {
          type: str(get(item, 'type')) ?? 'UNKNOWN',
          name,
          otherNames: strings(get(item, 'otherNames')),
        },
        { description: str(get(item, 'description')) },
      ),
    );
  }
  return out;
}

function eligibilityOf(module: unknown): DetailEligibility {
  const sex = str(get(module, 'sex'));
  const healthy = get(module, 'healthyVolunteers');
  return assignDefined<DetailEligibility>(
    { stdAges: strings(get(module, 'stdAges')) },
    {
      minimumAge: str(get(module, 'minimumAge')),
      maximumAge: str(get(module, 'maximumAge')),
      sex: sex === 'ALL' || sex === 'FEMALE' || sex === 'MALE' ? sex : undefined,
      healthyVolunteers: typeof healthy === 'boolean' ? healthy : undefined,
    },
  );
}

function sitesOf(module: unknown): DetailSite[] {
  const out: DetailSite[] = [];
  for (const item of arr(get(module, 'locations'))) {
    if (obj(item) === undefined) continue;
    const site = assignDefined<DetailSite>(
      {},
      {
        facility: str(get(item, 'facility')),
        city: str(get(item, 'city')),
        state: str(get(item, 'state')),
        country: str(get(item, 'country')),
        status: str(get(item, 'status')),
      },
    );
    if (Object.keys(site).length > 0) out.push(site);
  }
  return out;
}

function build(raw: unknown): TrialDetailInfo {
  const protocol = get(raw, 'protocolSection');
  const status = get(protocol, 'statusModule');
  const armsModule = get(protocol, 'armsInterventionsModule');
  const dates: Partial<Record<DetailDateKey, DetailDate>> = {};
  for (const key of DETAIL_DATE_KEYS) {
    const date = dateOf(status, DATE_STRUCTS[key]);
    if (date !== undefined) dates[key] = date;
  }
  const collaborators = arr(path(protocol, 'sponsorCollaboratorsModule', 'collaborators'))
    .map(organisationOf)
    .filter((o) => o !== undefined);
  return assignDefined<TrialDetailInfo>(
    {
      arms: armsOf(armsModule),
      interventions: interventionsOf(armsModule),
      eligibility: eligibilityOf(get(protocol, 'eligibilityModule')),
      collaborators,
      sites: sitesOf(get(protocol, 'contactsLocationsModule')),
      dates,
    },
    { detailedDescription: str(path(protocol, 'descriptionModule', 'detailedDescription')) },
  );
}

/** The detail fields of one full study record. Never throws: unreadable parts are left empty. */
export function extractTrialDetail(raw: unknown): TrialDetailInfo {
  try {
    return build(raw);
  } catch {
    return emptyTrialDetail();
  }
}

/**
 * The same fields as far as a list record (a `Trial` from the dataset) already knows them, so the
 * detail can show something at once while the full record loads. Dates carry no actual/estimated type.
 */
export function detailFromTrial(trial: Trial): TrialDetailInfo {
  const dates: Partial<Record<DetailDateKey, DetailDate>> = {};
  const known: Record<DetailDateKey, string | undefined> = {
    start: trial.startDate,
    primaryCompletion: trial.primaryCompletionDate,
    completion: trial.completionDate,
    firstPosted: trial.firstPosted,
    lastUpdate: trial.lastUpdated,
  };
  for (const key of DETAIL_DATE_KEYS) {
    const date = known[key];
    if (date !== undefined) dates[key] = { date };
  }
  return {
    arms: (trial.arms ?? []).map((a) => ({ ...a, interventionNames: [...a.interventionNames] })),
    interventions: trial.interventions.map((i) =>
      assignDefined<DetailIntervention>(
        { type: i.type, name: i.name, otherNames: [...(i.otherNames ?? [])] },
        { description: i.description },
      ),
    ),
    eligibility: assignDefined<DetailEligibility>(
      { stdAges: [...(trial.stdAges ?? [])] },
      {
        minimumAge: trial.minimumAge,
        maximumAge: trial.maximumAge,
        sex: trial.sex,
        healthyVolunteers: trial.healthyVolunteers,
      },
    ),
    collaborators: (trial.collaborators ?? []).map((c) => ({ ...c })),
    sites: trial.locations.map((l) =>
      assignDefined<DetailSite>(
        {},
        {
          facility: l.facility,
          city: l.city,
          state: l.state,
          country: l.country,
          status: l.status,
        },
      ),
    ),
    dates,
  };
}
