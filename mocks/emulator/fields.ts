/**
 * Piece names (the `fields=` vocabulary of the API) and where they live in a study, for the API
 * emulator (which answers `fields=` as the API does) and the scripts that prune records to
 * STUDY_FIELDS; the app itself never needs them. Paths are dotted; arrays on the way are walked
 * element by element, so `...locations.geoPoint` reaches every location.
 * Sources: docs/api-notes.md §7, spec/search-areas.json and spec/metadata.json (the real
 * `/studies/metadata` field tree; a test checks every path here against it).
 */
import type { Study } from '../../src/api/ctgov/wire-types.ts';

export const PIECE_PATHS: Readonly<Record<string, string>> = {
  NCTId: 'protocolSection.identificationModule.nctId',
  NCTIdAlias: 'protocolSection.identificationModule.nctIdAliases',
  BriefTitle: 'protocolSection.identificationModule.briefTitle',
  OfficialTitle: 'protocolSection.identificationModule.officialTitle',
  Acronym: 'protocolSection.identificationModule.acronym',
  OrgStudyId: 'protocolSection.identificationModule.orgStudyIdInfo.id',
  SecondaryId: 'protocolSection.identificationModule.secondaryIdInfos.id',
  OrgFullName: 'protocolSection.identificationModule.organization.fullName',
  OverallStatus: 'protocolSection.statusModule.overallStatus',
  LastKnownStatus: 'protocolSection.statusModule.lastKnownStatus',
  WhyStopped: 'protocolSection.statusModule.whyStopped',
  StatusVerifiedDate: 'protocolSection.statusModule.statusVerifiedDate',
  StartDate: 'protocolSection.statusModule.startDateStruct.date',
  StartDateType: 'protocolSection.statusModule.startDateStruct.type',
  PrimaryCompletionDate: 'protocolSection.statusModule.primaryCompletionDateStruct.date',
  CompletionDate: 'protocolSection.statusModule.completionDateStruct.date',
  StudyFirstPostDate: 'protocolSection.statusModule.studyFirstPostDateStruct.date',
  LastUpdatePostDate: 'protocolSection.statusModule.lastUpdatePostDateStruct.date',
  LeadSponsorName: 'protocolSection.sponsorCollaboratorsModule.leadSponsor.name',
  LeadSponsorClass: 'protocolSection.sponsorCollaboratorsModule.leadSponsor.class',
  CollaboratorName: 'protocolSection.sponsorCollaboratorsModule.collaborators.name',
  CollaboratorClass: 'protocolSection.sponsorCollaboratorsModule.collaborators.class',
  BriefSummary: 'protocolSection.descriptionModule.briefSummary',
  Condition: 'protocolSection.conditionsModule.conditions',
  Keyword: 'protocolSection.conditionsModule.keywords',
  StudyType: 'protocolSection.designModule.studyType',
  Phase: 'protocolSection.designModule.phases',
  EnrollmentCount: 'protocolSection.designModule.enrollmentInfo.count',
  EnrollmentType: 'protocolSection.designModule.enrollmentInfo.type',
  DesignPrimaryPurpose: 'protocolSection.designModule.designInfo.primaryPurpose',
  DesignAllocation: 'protocolSection.designModule.designInfo.allocation',
  DesignInterventionModel: 'protocolSection.designModule.designInfo.interventionModel',
  ReferencePMID: 'protocolSection.referencesModule.references.pmid',
  ReferenceType: 'protocolSection.referencesModule.references.type',
  ArmGroupLabel: 'protocolSection.armsInterventionsModule.armGroups.label',
  ArmGroupType: 'protocolSection.armsInterventionsModule.armGroups.type',
  ArmGroupDescription: 'protocolSection.armsInterventionsModule.armGroups.description',
  ArmGroupInterventionName: 'protocolSection.armsInterventionsModule.armGroups.interventionNames',
  InterventionType: 'protocolSection.armsInterventionsModule.interventions.type',
  InterventionName: 'protocolSection.armsInterventionsModule.interventions.name',
  InterventionOtherName: 'protocolSection.armsInterventionsModule.interventions.otherNames',
  InterventionDescription: 'protocolSection.armsInterventionsModule.interventions.description',
  PrimaryOutcomeMeasure: 'protocolSection.outcomesModule.primaryOutcomes.measure',
  SecondaryOutcomeMeasure: 'protocolSection.outcomesModule.secondaryOutcomes.measure',
  MinimumAge: 'protocolSection.eligibilityModule.minimumAge',
  MaximumAge: 'protocolSection.eligibilityModule.maximumAge',
  Sex: 'protocolSection.eligibilityModule.sex',
  HealthyVolunteers: 'protocolSection.eligibilityModule.healthyVolunteers',
  StdAge: 'protocolSection.eligibilityModule.stdAges',
  DetailedDescription: 'protocolSection.descriptionModule.detailedDescription',
  CentralContactName: 'protocolSection.contactsLocationsModule.centralContacts.name',
  CentralContactRole: 'protocolSection.contactsLocationsModule.centralContacts.role',
  CentralContactPhone: 'protocolSection.contactsLocationsModule.centralContacts.phone',
  CentralContactPhoneExt: 'protocolSection.contactsLocationsModule.centralContacts.phoneExt',
  CentralContactEMail: 'protocolSection.contactsLocationsModule.centralContacts.email',
  OverallOfficialName: 'protocolSection.contactsLocationsModule.overallOfficials.name',
  OverallOfficialAffiliation:
    'protocolSection.contactsLocationsModule.overallOfficials.affiliation',
  LocationFacility: 'protocolSection.contactsLocationsModule.locations.facility',
  LocationCity: 'protocolSection.contactsLocationsModule.locations.city',
  LocationState: 'protocolSection.contactsLocationsModule.locations.state',
  LocationZip: 'protocolSection.contactsLocationsModule.locations.zip',
  LocationCountry: 'protocolSection.contactsLocationsModule.locations.country',
  LocationStatus: 'protocolSection.contactsLocationsModule.locations.status',
  LocationGeoPoint: 'protocolSection.contactsLocationsModule.locations.geoPoint',
  LocationContactName: 'protocolSection.contactsLocationsModule.locations.contacts.name',
  LocationContactRole: 'protocolSection.contactsLocationsModule.locations.contacts.role',
  LocationContactPhone: 'protocolSection.contactsLocationsModule.locations.contacts.phone',
  LocationContactPhoneExt: 'protocolSection.contactsLocationsModule.locations.contacts.phoneExt',
  LocationContactEMail: 'protocolSection.contactsLocationsModule.locations.contacts.email',
  ConditionMeshTerm: 'derivedSection.conditionBrowseModule.meshes.term',
  ConditionAncestorTerm: 'derivedSection.conditionBrowseModule.ancestors.term',
  InterventionMeshTerm: 'derivedSection.interventionBrowseModule.meshes.term',
  InterventionAncestorTerm: 'derivedSection.interventionBrowseModule.ancestors.term',
  HasResults: 'hasResults',
};

const SECTIONS = [
  'protocolSection',
  'resultsSection',
  'annotationSection',
  'documentSection',
  'derivedSection',
] as const;

const MODULES: Readonly<Record<string, string>> = {
  protocolSection:
    'identificationModule statusModule sponsorCollaboratorsModule oversightModule descriptionModule conditionsModule designModule armsInterventionsModule outcomesModule eligibilityModule contactsLocationsModule referencesModule ipdSharingStatementModule',
  resultsSection:
    'participantFlowModule baselineCharacteristicsModule outcomeMeasuresModule adverseEventsModule moreInfoModule',
  annotationSection: 'annotationModule',
  documentSection: 'largeDocumentModule',
  derivedSection: 'miscInfoModule conditionBrowseModule interventionBrowseModule',
};

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Branch names accepted by `fields=`: sections and modules by their PascalCase names (e.g. ConditionsModule). */
const BRANCH_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  SECTIONS.flatMap((section): [string, string][] => [
    [upperFirst(section), section],
    ...(MODULES[section] ?? '')
      .split(' ')
      .map((module): [string, string] => [upperFirst(module), `${section}.${module}`]),
  ]),
);

const PIECES_BY_LOWER = new Map(
  [...Object.entries(PIECE_PATHS), ...Object.entries(BRANCH_PATHS)].map(([name, path]) => [
    name.toLowerCase(),
    path,
  ]),
);

/**
 * The JSON path of one `fields=` item: a piece name (NCTId), a section/module name (ConditionsModule) or
 * a dotted field path (protocolSection.conditionsModule.conditions). Undefined when unknown.
 */
export function fieldPath(field: string): string | undefined {
  const name = field.trim();
  if (name === '') return undefined;
  if (name.includes('.')) {
    const head = name.split('.')[0] ?? '';
    return (SECTIONS as readonly string[]).includes(head) ? name : undefined;
  }
  if (name === 'hasResults') return 'hasResults';
  return PIECES_BY_LOWER.get(name.toLowerCase());
}

/** The items of a `fields=` list that this table does not know. */
export function unknownFields(fields: readonly string[]): string[] {
  return fields.filter((f) => fieldPath(f) === undefined);
}

type PathTree = Map<string, PathTree | true>;

function buildTree(fields: readonly string[]): PathTree {
  const root: PathTree = new Map();
  for (const field of fields) {
    const path = fieldPath(field);
    if (path === undefined) continue;
    const parts = path.split('.');
    let node: PathTree = root;
    parts.forEach((part, i) => {
      const existing = node.get(part);
      if (existing === true) return;
      if (i === parts.length - 1) {
        node.set(part, true);
        return;
      }
      if (existing === undefined) {
        const child: PathTree = new Map();
        node.set(part, child);
        node = child;
      } else {
        node = existing;
      }
    });
  }
  return root;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prune(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => prune(item, tree)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of tree) {
    if (!(key in value)) continue;
    const kept = child === true ? value[key] : prune(value[key], child);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The study cut down to the requested fields, keeping the nested shape, as the API does with `fields=`.
 * Unknown field names are ignored (see unknownFields); array elements left empty are dropped.
 */
export function pruneStudyToFields(study: Study, fields: readonly string[]): Study {
  const pruned = prune(study, buildTree(fields)) as Study | undefined;
  return pruned ?? {};
}
