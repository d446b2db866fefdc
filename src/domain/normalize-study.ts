/**
 * One ClinicalTrials.gov v2 study (any shape: full, `fields=`-pruned, sparse, or garbage) -> Trial.
 * Total: never throws; `null` only when there is no valid NCT id. Classification (diseases, therapy,
 * transplant type, phase) follows docs/domain.md; see classify-*.ts.
 */
import { classifyDiseaseTexts } from './classify-disease.ts';
import { classifyPhase } from './classify-phase.ts';
import { classifyTherapyTexts } from './classify-therapy.ts';
import { classifyDesign, noDesign } from './design-facets.ts';
import { finiteNumber, obj, path, str, strings, type JsonObject } from './safe-read.ts';
import {
  joinNormalized,
  LIST_SEPARATOR,
  normalized,
  type NormalizedText,
} from './text-normalize.ts';
import {
  MAX_PLAUSIBLE_ENROLLMENT,
  TRIAL_DATE_FIELDS,
  trialUrl,
  type DateType,
  type Enrollment,
  type Intervention,
  type StudyType,
  type Trial,
  type TrialArm,
  type TrialContact,
  type TrialDateField,
  type TrialLocation,
  type TrialOfficial,
} from './trial.ts';

const NCT_ID = /^NCT\d{8}$/i;
const PARTIAL_DATE = /^(\d{4})(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const STUDY_TYPES: readonly StudyType[] = ['INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS'];

/** Years outside this range are data-entry errors ("0000", "9999"), not dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * yyyy, yyyy-MM or yyyy-MM-dd naming a real month/day in a plausible year (1900-2100), as given;
 * anything else -> undefined.
 */
export function partialDate(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined || !PARTIAL_DATE.test(s)) return undefined;
  const year = Number(s.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (s.length === 10 && Number(s.slice(8)) > 28) {
    // the 29th to 31st: check that day exists in that month
    const [year, month, day] = s.split('-').map(Number) as [number, number, number];
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  }
  return s;
}

// Readers below use direct property reads on objects checked with `obj` (one property-load site per
// field, which the engine keeps fast) instead of the generic `get(value, key)`, and set optional keys
// only when defined (instead of building a temporary object for assignDefined). Key order of the
// output objects is the documented one.

/** The API's date struct of each Trial date. */
const DATE_STRUCTS: Record<TrialDateField, string> = {
  startDate: 'startDateStruct',
  primaryCompletionDate: 'primaryCompletionDateStruct',
  completionDate: 'completionDateStruct',
  firstPosted: 'studyFirstPostDateStruct',
  lastUpdated: 'lastUpdatePostDateStruct',
};

/** The Trial's dates of a status module, and whether each is actual or estimated (when it says). */
function datesOf(statusModule: JsonObject | undefined): {
  dates: Partial<Record<TrialDateField, string>>;
  types: Partial<Record<TrialDateField, DateType>>;
} {
  const dates: Partial<Record<TrialDateField, string>> = {};
  const types: Partial<Record<TrialDateField, DateType>> = {};
  for (const field of TRIAL_DATE_FIELDS) {
    const struct = obj(statusModule?.[DATE_STRUCTS[field]]);
    const date = partialDate(struct?.date);
    if (date === undefined) continue;
    dates[field] = date;
    const type = struct?.type;
    if (type === 'ACTUAL' || type === 'ESTIMATED') types[field] = type;
  }
  return { dates, types };
}

export { MAX_PLAUSIBLE_ENROLLMENT };

/** Receives the name of each value a record gave that could not be right and was left out. */
type DroppedValue = (field: string) => void;

function enrollmentOf(
  design: JsonObject | undefined,
  dropped: DroppedValue,
): Enrollment | undefined {
  const info = obj(design?.enrollmentInfo);
  const count = info?.count;
  if (count === undefined || count === null) return undefined;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    count > MAX_PLAUSIBLE_ENROLLMENT
  ) {
    dropped('enrollment');
    return undefined;
  }
  const type = info?.type;
  return { count, type: type === 'ACTUAL' || type === 'ESTIMATED' ? type : 'UNKNOWN' };
}

function sponsorOf(value: unknown): { name: string; class: string } | undefined {
  const o = obj(value);
  const name = str(o?.name);
  if (name === undefined) return undefined;
  return { name, class: str(o?.class) ?? 'UNKNOWN' };
}

function contactOf(value: unknown): TrialContact | undefined {
  const o = obj(value);
  if (o === undefined) return undefined;
  const name = str(o.name);
  const role = str(o.role);
  const phone = str(o.phone);
  const phoneExt = str(o.phoneExt);
  const email = str(o.email);
  if (
    name === undefined &&
    role === undefined &&
    phone === undefined &&
    phoneExt === undefined &&
    email === undefined
  ) {
    return undefined;
  }
  const contact: TrialContact = {};
  if (name !== undefined) contact.name = name;
  if (role !== undefined) contact.role = role;
  if (phone !== undefined) contact.phone = phone;
  if (phoneExt !== undefined) contact.phoneExt = phoneExt;
  if (email !== undefined) contact.email = email;
  return contact;
}

function contactsOf(value: unknown): TrialContact[] {
  const out: TrialContact[] = [];
  if (!Array.isArray(value)) return out;
  for (const item of value as unknown[]) {
    const c = contactOf(item);
    if (c) out.push(c);
  }
  return out;
}

function officialsOf(value: unknown): TrialOfficial[] {
  const out: TrialOfficial[] = [];
  if (!Array.isArray(value)) return out;
  for (const item of value as unknown[]) {
    const o = obj(item);
    const name = str(o?.name);
    const affiliation = str(o?.affiliation);
    const role = str(o?.role);
    if (name === undefined && affiliation === undefined && role === undefined) continue;
    const official: TrialOfficial = {};
    if (name !== undefined) official.name = name;
    if (affiliation !== undefined) official.affiliation = affiliation;
    if (role !== undefined) official.role = role;
    out.push(official);
  }
  return out;
}

function interventionsOf(module: JsonObject | undefined): Intervention[] {
  const out: Intervention[] = [];
  const list = module?.interventions;
  if (!Array.isArray(list)) return out;
  for (const item of list as unknown[]) {
    const o = obj(item);
    const name = str(o?.name);
    if (name === undefined) continue;
    const otherNames = strings(o?.otherNames);
    const intervention: Intervention = { type: str(o?.type) ?? 'UNKNOWN', name };
    const description = str(o?.description);
    if (description !== undefined) intervention.description = description;
    if (otherNames.length > 0) intervention.otherNames = otherNames;
    out.push(intervention);
  }
  return out;
}

function armsOf(module: JsonObject | undefined): TrialArm[] {
  const out: TrialArm[] = [];
  const list = module?.armGroups;
  if (!Array.isArray(list)) return out;
  for (const item of list as unknown[]) {
    const o = obj(item);
    const label = str(o?.label);
    const description = str(o?.description);
    if (label === undefined && description === undefined) continue;
    const arm: TrialArm = { label: label ?? '', interventionNames: strings(o?.interventionNames) };
    const type = str(o?.type);
    if (type !== undefined) arm.type = type;
    if (description !== undefined) arm.description = description;
    out.push(arm);
  }
  return out;
}

function locationsOf(module: JsonObject | undefined): TrialLocation[] {
  const out: TrialLocation[] = [];
  const list = module?.locations;
  if (!Array.isArray(list)) return out;
  for (const item of list as unknown[]) {
    const o = obj(item);
    if (o === undefined) continue;
    const geo = obj(o.geoPoint);
    const lat = finiteNumber(geo?.lat);
    const lon = finiteNumber(geo?.lon);
    const hasPoint =
      lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    const contacts = contactsOf(o.contacts);
    const facility = str(o.facility);
    const city = str(o.city);
    const state = str(o.state);
    const country = str(o.country);
    const status = str(o.status);
    const location: TrialLocation = {};
    if (facility !== undefined) location.facility = facility;
    if (city !== undefined) location.city = city;
    if (state !== undefined) location.state = state;
    if (country !== undefined) location.country = country;
    if (hasPoint) {
      location.lat = lat;
      location.lon = lon;
    }
    if (status !== undefined) location.status = status;
    if (contacts.length > 0) location.contacts = contacts;
    out.push(location);
  }
  return out;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== undefined) seen.add(v);
  return [...seen];
}

/** Text of one intervention for the therapy classifier: name, other names and description. */
function interventionText(i: Intervention): string {
  let text = i.name;
  if (i.otherNames !== undefined) for (const n of i.otherNames) text += ` ; ${n}`;
  return i.description !== undefined ? `${text} ; ${i.description}` : text;
}

/** Text of one arm group for the therapy classifier: label and description. */
function armText(a: TrialArm): string {
  if (a.label === '') return a.description ?? '';
  return a.description !== undefined ? `${a.label} ; ${a.description}` : a.label;
}

function listText(items: readonly string[]): NormalizedText | undefined {
  return items.length > 0 ? normalized(items.join(LIST_SEPARATOR)) : undefined;
}

function build(raw: unknown, dropped: DroppedValue): Trial | null {
  const root = obj(raw);
  const protocol = obj(root?.protocolSection);
  const identification = obj(protocol?.identificationModule);
  const rawId = str(identification?.nctId);
  if (rawId === undefined || !NCT_ID.test(rawId)) return null;
  const nctId = rawId.toUpperCase();

  const status = obj(protocol?.statusModule);
  const design = obj(protocol?.designModule);
  const sponsors = obj(protocol?.sponsorCollaboratorsModule);
  const conditionsModule = obj(protocol?.conditionsModule);
  const armsModule = obj(protocol?.armsInterventionsModule);
  const description = obj(protocol?.descriptionModule);
  const eligibility = obj(protocol?.eligibilityModule);
  const contactsModule = obj(protocol?.contactsLocationsModule);

  const briefTitle = str(identification?.briefTitle);
  const officialTitle = str(identification?.officialTitle);
  const conditions = strings(conditionsModule?.conditions);
  const keywords = strings(conditionsModule?.keywords);
  const meshes = obj(obj(root?.derivedSection)?.conditionBrowseModule)?.meshes;
  const meshTerms: string[] = [];
  if (Array.isArray(meshes)) {
    for (const m of meshes as unknown[]) {
      const term = str(obj(m)?.term);
      if (term !== undefined) meshTerms.push(term);
    }
  }
  const interventions = interventionsOf(armsModule);
  const arms = armsOf(armsModule);
  const briefSummary = str(description?.briefSummary);
  const detailedDescription = str(description?.detailedDescription);
  const locations = locationsOf(contactsModule);
  const { dates, types: dateTypes } = datesOf(status);
  const startDate = dates.startDate;
  const studyTypeRaw = str(design?.studyType);
  const sex = str(eligibility?.sex);
  const healthyVolunteers = eligibility?.healthyVolunteers;
  const collaborators: { name: string; class: string }[] = [];
  const collaboratorList = sponsors?.collaborators;
  if (Array.isArray(collaboratorList)) {
    for (const c of collaboratorList as unknown[]) {
      const sponsor = sponsorOf(c);
      if (sponsor !== undefined) collaborators.push(sponsor);
    }
  }

  // Each text is normalised once and shared by the disease and therapy classifiers.
  const officialTitleText = officialTitle !== undefined ? normalized(officialTitle) : undefined;
  const briefTitleText = briefTitle !== undefined ? normalized(briefTitle) : undefined;
  const keywordsText = keywords.length > 0 ? normalized(keywords.join(LIST_SEPARATOR)) : undefined;
  const briefSummaryText = briefSummary !== undefined ? normalized(briefSummary) : undefined;
  const titles: NormalizedText[] = [];
  if (officialTitleText !== undefined) titles.push(officialTitleText);
  if (briefTitleText !== undefined) titles.push(briefTitleText);
  const diseases = classifyDiseaseTexts({
    conditions: conditions.length > 0 ? joinNormalized(conditions.map(normalized)) : undefined,
    meshTerms: meshTerms.length > 0 ? joinNormalized(meshTerms.map(normalized)) : undefined,
    keywords: keywordsText,
    titles,
    briefSummary: briefSummaryText,
  });
  const therapyTexts = {
    interventions: listText(interventions.map(interventionText)),
    armGroups: listText(arms.map(armText)),
    officialTitle: officialTitleText,
    briefTitle: briefTitleText,
    keywords: keywordsText,
    briefSummary: briefSummaryText,
    detailedDescription:
      detailedDescription !== undefined ? normalized(detailedDescription) : undefined,
  };
  const therapy = classifyTherapyTexts(therapyTexts);
  const designInfo = obj(design?.designInfo);
  const references = obj(protocol?.referencesModule)?.references;
  const trialDesign = classifyDesign({
    therapy: therapy.therapy,
    transplantType: therapy.transplantType,
    texts: Object.values(therapyTexts).filter((t) => t !== undefined),
    titles,
    briefSummary: briefSummaryText,
    arms,
    allocation: str(designInfo?.allocation),
    interventionModel: str(designInfo?.interventionModel),
    references: Array.isArray(references)
      ? (references as unknown[]).map((r) => ({
          pmid: str(obj(r)?.pmid),
          type: str(obj(r)?.type),
        }))
      : [],
  });

  const trial: Trial = {
    nctId,
    url: trialUrl(nctId),
    title: briefTitle ?? officialTitle ?? nctId,
    status: str(status?.overallStatus) ?? 'UNKNOWN',
    studyType: STUDY_TYPES.find((t) => t === studyTypeRaw) ?? 'UNKNOWN',
    phase: classifyPhase(design?.phases),
    diseases,
    therapy: therapy.therapy,
    transplantType: therapy.transplantType,
    design: trialDesign,
    conditions,
    interventions,
    countries: distinct(locations.map((l) => l.country)),
    locations,
    hasResults: root?.hasResults === true,
  };
  // optional keys, in this order, only when defined
  const acronym = str(identification?.acronym);
  const whyStopped = str(status?.whyStopped);
  const { completionDate, primaryCompletionDate, firstPosted, lastUpdated } = dates;
  const enrollment = enrollmentOf(design, dropped);
  const sponsor = sponsorOf(sponsors?.leadSponsor);
  const minimumAge = str(eligibility?.minimumAge);
  const maximumAge = str(eligibility?.maximumAge);
  const stdAges = strings(eligibility?.stdAges);
  const centralContacts = contactsOf(contactsModule?.centralContacts);
  const overallOfficials = officialsOf(contactsModule?.overallOfficials);
  if (officialTitle !== undefined) trial.officialTitle = officialTitle;
  if (acronym !== undefined) trial.acronym = acronym;
  if (whyStopped !== undefined) trial.whyStopped = whyStopped;
  if (therapy.transplantEvidence !== undefined)
    trial.transplantEvidence = therapy.transplantEvidence;
  if (startDate !== undefined) {
    trial.startDate = startDate;
    trial.startYear = Number(startDate.slice(0, 4));
  }
  if (completionDate !== undefined) trial.completionDate = completionDate;
  if (primaryCompletionDate !== undefined) trial.primaryCompletionDate = primaryCompletionDate;
  if (firstPosted !== undefined) trial.firstPosted = firstPosted;
  if (lastUpdated !== undefined) trial.lastUpdated = lastUpdated;
  if (Object.keys(dateTypes).length > 0) trial.dateTypes = dateTypes;
  if (enrollment !== undefined) trial.enrollment = enrollment;
  if (sponsor !== undefined) trial.sponsor = sponsor;
  if (collaborators.length > 0) trial.collaborators = collaborators;
  if (briefSummary !== undefined) trial.briefSummary = briefSummary;
  if (keywords.length > 0) trial.keywords = keywords;
  if (arms.length > 0) trial.arms = arms;
  if (sex === 'ALL' || sex === 'FEMALE' || sex === 'MALE') trial.sex = sex;
  if (minimumAge !== undefined) trial.minimumAge = minimumAge;
  if (maximumAge !== undefined) trial.maximumAge = maximumAge;
  if (stdAges.length > 0) trial.stdAges = stdAges;
  if (typeof healthyVolunteers === 'boolean') trial.healthyVolunteers = healthyVolunteers;
  if (centralContacts.length > 0) trial.centralContacts = centralContacts;
  if (overallOfficials.length > 0) trial.overallOfficials = overallOfficials;
  if (meshTerms.length > 0) trial.conditionMeshTerms = meshTerms;
  return trial;
}

/** A record that only yields its id (used if building the full trial ever failed unexpectedly). */
function minimal(raw: unknown): Trial | null {
  const rawId = str(path(raw, 'protocolSection', 'identificationModule', 'nctId'));
  if (rawId === undefined || !NCT_ID.test(rawId)) return null;
  const nctId = rawId.toUpperCase();
  return {
    nctId,
    url: trialUrl(nctId),
    title: nctId,
    status: 'UNKNOWN',
    studyType: 'UNKNOWN',
    phase: 'UNSPECIFIED',
    diseases: [],
    therapy: 'other',
    transplantType: 'unspecified',
    design: noDesign(),
    conditions: [],
    interventions: [],
    countries: [],
    locations: [],
    hasResults: false,
  };
}

const IGNORE_DROPPED: DroppedValue = () => undefined;

/**
 * One API record as a Trial, or null when it has no valid NCT id. Never throws. `dropped` hears of each
 * value left out because it could not be right (see MAX_PLAUSIBLE_ENROLLMENT).
 */
export function normalizeStudy(raw: unknown, dropped: DroppedValue = IGNORE_DROPPED): Trial | null {
  try {
    return build(raw, dropped);
  } catch {
    try {
      return minimal(raw);
    } catch {
      return null;
    }
  }
}

export type NormalizedStudies = {
  trials: Trial[];
  skipped: number;
  /** Values of kept records left out as missing because they could not be right (e.g. enrollment 1e308). */
  skippedValues: number;
};

/**
 * Normalises records one at a time into one list, keeping the first record of each NCT id (so a long
 * list can be normalised in slices, yielding to the page between them). `skipped` counts records
 * without a valid id and duplicates.
 */
export function createStudyCollector(): {
  add(raw: unknown): void;
  result(): NormalizedStudies;
} {
  const trials: Trial[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let skippedValues = 0;
  return {
    add(raw) {
      let dropped = 0;
      const trial = normalizeStudy(raw, () => {
        dropped += 1;
      });
      if (trial === null || seen.has(trial.nctId)) {
        skipped++;
        return;
      }
      seen.add(trial.nctId);
      trials.push(trial);
      skippedValues += dropped;
    },
    result: () => ({ trials, skipped, skippedValues }),
  };
}

/** Normalises a list, keeping the first record of each NCT id. `skipped` = records without id + duplicates. */
export function normalizeStudies(raws: readonly unknown[]): NormalizedStudies {
  const collector = createStudyCollector();
  for (const raw of Array.isArray(raws) ? raws : []) collector.add(raw);
  return collector.result();
}
