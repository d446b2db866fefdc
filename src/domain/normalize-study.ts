/**
 * One ClinicalTrials.gov v2 study (any shape: full, `fields=`-pruned, sparse, or garbage) -> Trial.
 * Total: never throws; `null` only when there is no valid NCT id. Classification (diseases, therapy,
 * transplant type, phase) follows docs/domain.md; see classify-*.ts.
 */
import { classifyDiseases } from './classify-disease.ts';
import { classifyPhase } from './classify-phase.ts';
import { classifyTherapy } from './classify-therapy.ts';
import { arr, assignDefined, finiteNumber, get, obj, path, str, strings } from './safe-read.ts';
import type {
  Enrollment,
  Intervention,
  StudyType,
  Trial,
  TrialArm,
  TrialContact,
  TrialLocation,
  TrialOfficial,
} from './trial.ts';

const NCT_ID = /^NCT\d{8}$/i;
const PARTIAL_DATE = /^(\d{4})(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const STUDY_TYPES: readonly StudyType[] = ['INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS'];

/** yyyy, yyyy-MM or yyyy-MM-dd naming a real month/day, as given; anything else -> undefined. */
export function partialDate(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined || !PARTIAL_DATE.test(s)) return undefined;
  if (s.length === 10 && Number(s.slice(8)) > 28) {
    // the 29th to 31st: check that day exists in that month
    const [year, month, day] = s.split('-').map(Number) as [number, number, number];
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  }
  return s;
}

function dateOf(statusModule: unknown, struct: string): string | undefined {
  return partialDate(path(statusModule, struct, 'date'));
}

function enrollmentOf(design: unknown): Enrollment | undefined {
  const info = get(design, 'enrollmentInfo');
  const count = get(info, 'count');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
  const type = get(info, 'type');
  return { count, type: type === 'ACTUAL' || type === 'ESTIMATED' ? type : 'UNKNOWN' };
}

function sponsorOf(value: unknown): { name: string; class: string } | undefined {
  const name = str(get(value, 'name'));
  if (name === undefined) return undefined;
  return { name, class: str(get(value, 'class')) ?? 'UNKNOWN' };
}

function contactOf(value: unknown): TrialContact | undefined {
  if (obj(value) === undefined) return undefined;
  const contact = assignDefined<TrialContact>(
    {},
    {
      name: str(get(value, 'name')),
      role: str(get(value, 'role')),
      phone: str(get(value, 'phone')),
      phoneExt: str(get(value, 'phoneExt')),
      email: str(get(value, 'email')),
    },
  );
  return Object.keys(contact).length > 0 ? contact : undefined;
}

function contactsOf(value: unknown): TrialContact[] {
  const out: TrialContact[] = [];
  for (const item of arr(value)) {
    const c = contactOf(item);
    if (c) out.push(c);
  }
  return out;
}

function officialsOf(value: unknown): TrialOfficial[] {
  const out: TrialOfficial[] = [];
  for (const item of arr(value)) {
    const o = assignDefined<TrialOfficial>(
      {},
      {
        name: str(get(item, 'name')),
        affiliation: str(get(item, 'affiliation')),
        role: str(get(item, 'role')),
      },
    );
    if (Object.keys(o).length > 0) out.push(o);
  }
  return out;
}

function interventionsOf(module: unknown): Intervention[] {
  const out: Intervention[] = [];
  for (const item of arr(get(module, 'interventions'))) {
    const name = str(get(item, 'name'));
    if (name === undefined) continue;
    const otherNames = strings(get(item, 'otherNames'));
    out.push(
      assignDefined<Intervention>(
        { type: str(get(item, 'type')) ?? 'UNKNOWN', name },
        {
          description: str(get(item, 'description')),
          otherNames: otherNames.length > 0 ? otherNames : undefined,
        },
      ),
    );
  }
  return out;
}

function armsOf(module: unknown): TrialArm[] {
  const out: TrialArm[] = [];
  for (const item of arr(get(module, 'armGroups'))) {
    const label = str(get(item, 'label'));
    const description = str(get(item, 'description'));
    if (label === undefined && description === undefined) continue;
    out.push(
      assignDefined<TrialArm>(
        { label: label ?? '', interventionNames: strings(get(item, 'interventionNames')) },
        { type: str(get(item, 'type')), description },
      ),
    );
  }
  return out;
}

function locationsOf(module: unknown): TrialLocation[] {
  const out: TrialLocation[] = [];
  for (const item of arr(get(module, 'locations'))) {
    if (obj(item) === undefined) continue;
    const geo = get(item, 'geoPoint');
    const lat = finiteNumber(get(geo, 'lat'));
    const lon = finiteNumber(get(geo, 'lon'));
    const hasPoint = lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    const contacts = contactsOf(get(item, 'contacts'));
    out.push(
      assignDefined<TrialLocation>(
        {},
        {
          facility: str(get(item, 'facility')),
          city: str(get(item, 'city')),
          state: str(get(item, 'state')),
          country: str(get(item, 'country')),
          lat: hasPoint ? lat : undefined,
          lon: hasPoint ? lon : undefined,
          status: str(get(item, 'status')),
          contacts: contacts.length > 0 ? contacts : undefined,
        },
      ),
    );
  }
  return out;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== undefined) seen.add(v);
  return [...seen];
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function build(raw: unknown): Trial | null {
  const protocol = get(raw, 'protocolSection');
  const identification = get(protocol, 'identificationModule');
  const rawId = str(get(identification, 'nctId'));
  if (rawId === undefined || !NCT_ID.test(rawId)) return null;
  const nctId = rawId.toUpperCase();

  const status = get(protocol, 'statusModule');
  const design = get(protocol, 'designModule');
  const sponsors = get(protocol, 'sponsorCollaboratorsModule');
  const conditionsModule = get(protocol, 'conditionsModule');
  const armsModule = get(protocol, 'armsInterventionsModule');
  const description = get(protocol, 'descriptionModule');
  const eligibility = get(protocol, 'eligibilityModule');
  const contactsModule = get(protocol, 'contactsLocationsModule');

  const briefTitle = str(get(identification, 'briefTitle'));
  const officialTitle = str(get(identification, 'officialTitle'));
  const conditions = strings(get(conditionsModule, 'conditions'));
  const keywords = strings(get(conditionsModule, 'keywords'));
  const meshTerms = strings(
    arr(path(raw, 'derivedSection', 'conditionBrowseModule', 'meshes')).map((m) => get(m, 'term')),
  );
  const interventions = interventionsOf(armsModule);
  const arms = armsOf(armsModule);
  const briefSummary = str(get(description, 'briefSummary'));
  const detailedDescription = str(get(description, 'detailedDescription'));
  const locations = locationsOf(contactsModule);
  const startDate = dateOf(status, 'startDateStruct');
  const studyTypeRaw = str(get(design, 'studyType'));
  const sex = str(get(eligibility, 'sex'));
  const healthyVolunteers = get(eligibility, 'healthyVolunteers');
  const collaborators = arr(get(sponsors, 'collaborators'))
    .map(sponsorOf)
    .filter((s) => s !== undefined);

  const titles = [officialTitle, briefTitle].filter((t) => t !== undefined);
  const diseases = classifyDiseases({ conditions, meshTerms, keywords, titles, briefSummary });
  const therapy = classifyTherapy({
    interventions: interventions.map((i) =>
      [i.name, ...(i.otherNames ?? []), i.description ?? ''].filter((s) => s !== '').join(' ; '),
    ),
    armGroups: arms.map((a) => [a.label, a.description ?? ''].filter((s) => s !== '').join(' ; ')),
    officialTitle,
    briefTitle,
    keywords,
    briefSummary,
    detailedDescription,
  });

  const trial: Trial = {
    nctId,
    url: `https://clinicaltrials.gov/study/${nctId}`,
    title: briefTitle ?? officialTitle ?? nctId,
    status: str(get(status, 'overallStatus')) ?? 'UNKNOWN',
    studyType: STUDY_TYPES.find((t) => t === studyTypeRaw) ?? 'UNKNOWN',
    phase: classifyPhase(get(design, 'phases')),
    diseases,
    therapy: therapy.therapy,
    transplantType: therapy.transplantType,
    conditions,
    interventions,
    countries: distinct(locations.map((l) => l.country)),
    locations,
    hasResults: get(raw, 'hasResults') === true,
  };
  return assignDefined(trial, {
    officialTitle,
    acronym: str(get(identification, 'acronym')),
    whyStopped: str(get(status, 'whyStopped')),
    transplantEvidence: therapy.transplantEvidence,
    startDate,
    startYear: startDate !== undefined ? Number(startDate.slice(0, 4)) : undefined,
    completionDate: dateOf(status, 'completionDateStruct'),
    primaryCompletionDate: dateOf(status, 'primaryCompletionDateStruct'),
    firstPosted: dateOf(status, 'studyFirstPostDateStruct'),
    lastUpdated: dateOf(status, 'lastUpdatePostDateStruct'),
    enrollment: enrollmentOf(design),
    sponsor: sponsorOf(get(sponsors, 'leadSponsor')),
    collaborators: nonEmpty(collaborators),
    briefSummary,
    keywords: nonEmpty(keywords),
    arms: nonEmpty(arms),
    sex: sex === 'ALL' || sex === 'FEMALE' || sex === 'MALE' ? sex : undefined,
    minimumAge: str(get(eligibility, 'minimumAge')),
    maximumAge: str(get(eligibility, 'maximumAge')),
    stdAges: nonEmpty(strings(get(eligibility, 'stdAges'))),
    healthyVolunteers: typeof healthyVolunteers === 'boolean' ? healthyVolunteers : undefined,
    centralContacts: nonEmpty(contactsOf(get(contactsModule, 'centralContacts'))),
    overallOfficials: nonEmpty(officialsOf(get(contactsModule, 'overallOfficials'))),
    conditionMeshTerms: nonEmpty(meshTerms),
  });
}

/** A record that only yields its id (used if building the full trial ever failed unexpectedly). */
function minimal(raw: unknown): Trial | null {
  const rawId = str(path(raw, 'protocolSection', 'identificationModule', 'nctId'));
  if (rawId === undefined || !NCT_ID.test(rawId)) return null;
  const nctId = rawId.toUpperCase();
  return {
    nctId,
    url: `https://clinicaltrials.gov/study/${nctId}`,
    title: nctId,
    status: 'UNKNOWN',
    studyType: 'UNKNOWN',
    phase: 'UNSPECIFIED',
    diseases: [],
    therapy: 'other',
    transplantType: 'unspecified',
    conditions: [],
    interventions: [],
    countries: [],
    locations: [],
    hasResults: false,
  };
}

export function normalizeStudy(raw: unknown): Trial | null {
  try {
    return build(raw);
  } catch {
    try {
      return minimal(raw);
    } catch {
      return null;
    }
  }
}

/** Normalises a list, keeping the first record of each NCT id. `skipped` = records without id + duplicates. */
export function normalizeStudies(raws: readonly unknown[]): { trials: Trial[]; skipped: number } {
  const trials: Trial[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const raw of Array.isArray(raws) ? raws : []) {
    const trial = normalizeStudy(raw);
    if (trial === null || seen.has(trial.nctId)) {
      skipped++;
      continue;
    }
    seen.add(trial.nctId);
    trials.push(trial);
  }
  return { trials, skipped };
}
