/**
 * The trial model: one clean shape for every ClinicalTrials.gov study, whatever the record looked like.
 * This module is a public contract (see README, "Trial model"). Keep names and unions stable.
 */
import type { TrialDesign } from './design-facets.ts';
import type { DiseaseId } from './diseases.ts';
import type { ShapeOf } from './shape.ts';

export const PHASES = [
  'EARLY_PHASE1',
  'PHASE1',
  'PHASE1_PHASE2',
  'PHASE2',
  'PHASE2_PHASE3',
  'PHASE3',
  'PHASE4',
  'NA',
  'UNSPECIFIED',
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  EARLY_PHASE1: 'Early Phase 1',
  PHASE1: 'Phase 1',
  PHASE1_PHASE2: 'Phase 1/2',
  PHASE2: 'Phase 2',
  PHASE2_PHASE3: 'Phase 2/3',
  PHASE3: 'Phase 3',
  PHASE4: 'Phase 4',
  NA: 'Not applicable',
  UNSPECIFIED: 'No phase',
};

export const THERAPIES = ['hsct', 'car-t', 'msc', 'treg', 'other'] as const;
export type Therapy = (typeof THERAPIES)[number];

export const THERAPY_LABELS: Record<Therapy, string> = {
  hsct: 'HSCT',
  'car-t': 'CAR-T',
  msc: 'MSC',
  treg: 'Treg',
  other: 'Other cell therapy',
};

export const TRANSPLANT_TYPES = ['autologous', 'allogeneic', 'both', 'unspecified'] as const;
export type TransplantType = (typeof TRANSPLANT_TYPES)[number];

export const TRANSPLANT_TYPE_LABELS: Record<TransplantType, string> = {
  autologous: 'Autologous',
  allogeneic: 'Allogeneic',
  both: 'Both',
  unspecified: 'Unspecified',
};

/** OverallStatus values of the API (enum Status). Unknown values from the API are kept as-is. */
export const STATUSES = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'COMPLETED',
  'UNKNOWN',
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
  'WITHHELD',
] as const;
export type KnownStatus = (typeof STATUSES)[number];
/** The API's OverallStatus; `UNKNOWN` when the record has none. */
export type Status = KnownStatus | (string & {});

export const STATUS_LABELS: Record<KnownStatus, string> = {
  RECRUITING: 'Recruiting',
  NOT_YET_RECRUITING: 'Not yet recruiting',
  ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting',
  SUSPENDED: 'Suspended',
  TERMINATED: 'Terminated',
  WITHDRAWN: 'Withdrawn',
  COMPLETED: 'Completed',
  UNKNOWN: 'Unknown status',
  AVAILABLE: 'Available',
  NO_LONGER_AVAILABLE: 'No longer available',
  TEMPORARILY_NOT_AVAILABLE: 'Temporarily not available',
  APPROVED_FOR_MARKETING: 'Approved for marketing',
  WITHHELD: 'Withheld',
};

/** The label of a status; an unknown API value as it is. */
export function statusLabel(status: Status): string {
  return (STATUSES as readonly string[]).includes(status)
    ? STATUS_LABELS[status as KnownStatus]
    : status;
}

/** Readable text for an API enum value: a known label, or the value with underscores as spaces. */
function enumText(value: string, labels: Readonly<Record<string, string>>): string {
  const known = Object.hasOwn(labels, value) ? labels[value] : undefined;
  if (known !== undefined) return known;
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A trial's or a site's status in words: "RECRUITING" -> "Recruiting"; unknown values become words. */
export function siteStatusLabel(status: string): string {
  return enumText(status, STATUS_LABELS);
}

/** "ACTIVE_COMPARATOR" -> "Active comparator", "PROCEDURE" -> "Procedure". */
export function apiEnumLabel(value: string): string {
  return enumText(value, {});
}

export const SPONSOR_CLASSES = [
  'NIH',
  'FED',
  'OTHER_GOV',
  'INDIV',
  'INDUSTRY',
  'NETWORK',
  'AMBIG',
  'OTHER',
  'UNKNOWN',
] as const;
export type SponsorClass = (typeof SPONSOR_CLASSES)[number];

export const SPONSOR_CLASS_LABELS: Record<SponsorClass, string> = {
  NIH: 'NIH',
  FED: 'U.S. federal (non-NIH)',
  OTHER_GOV: 'Other government',
  INDIV: 'Individual',
  INDUSTRY: 'Industry',
  NETWORK: 'Network',
  AMBIG: 'Ambiguous',
  OTHER: 'Other (academic, hospital)',
  UNKNOWN: 'Unknown',
};

export function sponsorClassLabel(value: string): string {
  return SPONSOR_CLASS_LABELS[value as SponsorClass] ?? value;
}

export type StudyType = 'INTERVENTIONAL' | 'OBSERVATIONAL' | 'EXPANDED_ACCESS' | 'UNKNOWN';

export type Intervention = {
  type: string;
  name: string;
  description?: string;
  otherNames?: string[];
};

/** Whether a date of the record is the actual one or an estimate (the API's DateType). */
export type DateType = 'ACTUAL' | 'ESTIMATED';

/** The Trial's dates, in the order the trial detail lists them. */
export const TRIAL_DATE_FIELDS = [
  'startDate',
  'primaryCompletionDate',
  'completionDate',
  'firstPosted',
  'lastUpdated',
] as const;
export type TrialDateField = (typeof TRIAL_DATE_FIELDS)[number];

export type Enrollment = { count: number; type: 'ACTUAL' | 'ESTIMATED' | 'UNKNOWN' };

/**
 * The largest enrollment taken as real (ten million people). Larger counts (1e308, 2^53) are data entry
 * or transfer errors that would overflow every sum; they are treated as missing and counted.
 */
export const MAX_PLAUSIBLE_ENROLLMENT = 10_000_000;

export type TrialLocation = {
  facility?: string;
  city?: string;
  state?: string;
  country?: string;
  lat?: number;
  lon?: number;
  /** Site RecruitmentStatus as the API gives it (e.g. RECRUITING). */
  status?: string;
  /** Site contacts, when the record lists them. */
  contacts?: TrialContact[];
};

/** A contact person of the trial or of a site, as the record gives it. */
export type TrialContact = {
  name?: string;
  role?: string;
  phone?: string;
  phoneExt?: string;
  email?: string;
};

/** A trial's study page on ClinicalTrials.gov (Trial.url), from its NCT id. */
export function trialUrl(nctId: string): string {
  return `https://clinicaltrials.gov/study/${nctId}`;
}

export type Trial = {
  nctId: string;
  /** The study page on ClinicalTrials.gov. */
  url: string;
  title: string;
  officialTitle?: string;
  acronym?: string;
  status: Status;
  whyStopped?: string;
  studyType: StudyType;
  phase: Phase;
  /** Disease ids (see diseases.ts); empty when the trial has no autoimmune disease. */
  diseases: DiseaseId[];
  therapy: Therapy;
  transplantType: TransplantType;
  /** The phrase that decided the transplant type (or therapy when no type cue). */
  transplantEvidence?: string;
  /**
   * Design facets (docs/domain.md §2 "Design facets"): conditioning intensity and regimen, graft
   * manipulation, allocation, comparator, result publications, each with its evidence phrase.
   */
  design: TrialDesign;
  conditions: string[];
  interventions: Intervention[];
  /** As the API gives it: yyyy, yyyy-MM or yyyy-MM-dd. */
  startDate?: string;
  startYear?: number;
  completionDate?: string;
  firstPosted?: string;
  lastUpdated?: string;
  /** Whether each date is actual or estimated, for the dates whose record says so. */
  dateTypes?: Partial<Record<TrialDateField, DateType>>;
  enrollment?: Enrollment;
  sponsor?: { name: string; class: SponsorClass | (string & {}) };
  /** Distinct location countries, in first-seen order. */
  countries: string[];
  locations: TrialLocation[];
  hasResults: boolean;
  /** Eligibility as the API gives it, e.g. "18 Years"; absent when the record states none. */
  minimumAge?: string;
  maximumAge?: string;
  sex?: 'ALL' | 'FEMALE' | 'MALE';
  /** Central contacts of the trial, when the record lists them. */
  centralContacts?: TrialContact[];
  // Appended by the domain normalizer (optional; absent when the record has none).
  briefSummary?: string;
  keywords?: string[];
  arms?: TrialArm[];
  collaborators?: { name: string; class: SponsorClass | (string & {}) }[];
  primaryCompletionDate?: string;
  /** CHILD | ADULT | OLDER_ADULT, as the API gives them. */
  stdAges?: string[];
  healthyVolunteers?: boolean;
  overallOfficials?: TrialOfficial[];
  /** Condition MeSH terms (derivedSection.conditionBrowseModule.meshes[].term). */
  conditionMeshTerms?: string[];
};

export const SEX_LABELS: Record<NonNullable<Trial['sex']>, string> = {
  ALL: 'All',
  FEMALE: 'Female',
  MALE: 'Male',
};

/** The API's StdAge values (Trial.stdAges). */
const STD_AGE_LABELS: Record<string, string> = {
  CHILD: 'Child (birth–17)',
  ADULT: 'Adult (18–64)',
  OLDER_ADULT: 'Older adult (65+)',
};

/** "OLDER_ADULT" -> "Older adult (65+)". */
export function stdAgeLabel(value: string): string {
  return enumText(value, STD_AGE_LABELS);
}

/** An arm group of the protocol. */
export type TrialArm = {
  label: string;
  /** ArmGroupType of the API (EXPERIMENTAL, ACTIVE_COMPARATOR, ...). */
  type?: string;
  description?: string;
  interventionNames: string[];
};

/** An overall official (study chair, director, principal investigator). */
export type TrialOfficial = { name?: string; affiliation?: string; role?: string };

/**
 * The Trial's fields and their JSON kinds (see shape.ts): what a trial read back from storage must look
 * like, and part of the cache version. The compiler keeps it in step with the Trial type.
 */
export const TRIAL_SHAPE = {
  nctId: 'string',
  url: 'string',
  title: 'string',
  officialTitle: 'string?',
  acronym: 'string?',
  status: 'string',
  whyStopped: 'string?',
  studyType: 'string',
  phase: 'string',
  diseases: 'strings',
  therapy: 'string',
  transplantType: 'string',
  transplantEvidence: 'string?',
  conditions: 'strings',
  interventions: 'array',
  startDate: 'string?',
  startYear: 'number?',
  completionDate: 'string?',
  firstPosted: 'string?',
  lastUpdated: 'string?',
  dateTypes: 'object?',
  enrollment: 'object?',
  sponsor: 'object?',
  countries: 'strings',
  locations: 'array',
  hasResults: 'boolean',
  minimumAge: 'string?',
  maximumAge: 'string?',
  sex: 'string?',
  centralContacts: 'array?',
  briefSummary: 'string?',
  keywords: 'strings?',
  arms: 'array?',
  collaborators: 'array?',
  primaryCompletionDate: 'string?',
  stdAges: 'strings?',
  healthyVolunteers: 'boolean?',
  overallOfficials: 'array?',
  conditionMeshTerms: 'strings?',
  design: 'object',
} as const satisfies ShapeOf<Trial>;
