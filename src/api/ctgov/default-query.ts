/**
 * The dashboard's default search (docs/domain.md §1-2, docs/api-notes.md §6): transplant and cell-therapy
 * terms in `query.intr`, autoimmune disease terms in `query.cond`. Both areas search titles too, and the
 * API adds synonyms, so the pull over-includes on purpose: the local classifier decides what is shown.
 */

export type StudyQuery = {
  'query.cond'?: string;
  'query.intr'?: string;
  'query.term'?: string;
  'filter.overallStatus'?: string;
  /** An Essie expression, e.g. AREA[LastUpdatePostDate]RANGE[2026-12-01,MAX] (the live delta). */
  'filter.advanced'?: string;
};

/** The keys of StudyQuery in the order they are sent and described. */
export const STUDY_QUERY_KEYS = [
  'query.cond',
  'query.intr',
  'query.term',
  'filter.overallStatus',
  'filter.advanced',
] as const satisfies readonly (keyof StudyQuery)[];

const orList = (terms: readonly string[]): string =>
  terms.map((t) => (/[\s'-]/.test(t) ? `"${t}"` : t)).join(' OR ');

/** Transplant (HSCT) terms plus the adjacent cell therapies the dashboard tracks (CAR-T, MSC, Treg). */
const INTERVENTION_TERMS = [
  'hematopoietic stem cell',
  'haematopoietic stem cell',
  'hematopoietic cell transplantation',
  'hematopoietic progenitor cell',
  'stem cell transplantation',
  'stem cell transplant',
  'bone marrow transplantation',
  'bone marrow transplant',
  'peripheral blood stem cell',
  'autologous stem cell',
  'allogeneic stem cell',
  'HSCT',
  'AHSCT',
  'aHSCT',
  'HCT',
  'BMT',
  'immunoablation',
  'immunoablative',
  'CD34 selected',
  'cord blood',
  'chimeric antigen receptor',
  'CAR-T',
  'CAR T',
  'CAR-NK',
  'mesenchymal stem cell',
  'mesenchymal stromal cell',
  'regulatory T cell',
  'Treg',
];

/** One or more terms for every disease category of docs/domain.md §1. */
const CONDITION_TERMS = [
  'autoimmune disease',
  'autoimmune',
  'multiple sclerosis',
  'systemic sclerosis',
  'scleroderma',
  'lupus',
  'rheumatoid arthritis',
  'juvenile idiopathic arthritis',
  'juvenile arthritis',
  'Still disease',
  'Crohn disease',
  'ulcerative colitis',
  'inflammatory bowel disease',
  'type 1 diabetes',
  'chronic inflammatory demyelinating polyneuropathy',
  'CIDP',
  'neuromyelitis optica',
  'NMOSD',
  'MOG antibody',
  'myasthenia gravis',
  'stiff person syndrome',
  'autoimmune encephalitis',
  'dermatomyositis',
  'polymyositis',
  'myositis',
  'vasculitis',
  'Behcet',
  'immune thrombocytopenia',
  'autoimmune hemolytic anemia',
  'Evans syndrome',
  'pure red cell aplasia',
  'celiac disease',
  'IPEX',
  'immune dysregulation',
  'Sjogren',
  'antiphospholipid syndrome',
  'autoimmune hepatitis',
  'pemphigus',
  'IgG4-related disease',
];

export const DEFAULT_QUERY: StudyQuery = {
  'query.cond': orList(CONDITION_TERMS),
  'query.intr': orList(INTERVENTION_TERMS),
};

/**
 * Pieces requested with `fields=`: only what the Trial model (src/domain/trial.ts) and the classifier
 * read. Every name is a piece of the real field tree in spec/metadata.json (a test checks it: an unknown
 * name makes the API answer 400). DetailedDescription is requested because the classifier weighs it (0.5).
 */
export const STUDY_FIELDS: readonly string[] = [
  'NCTId',
  'BriefTitle',
  'OfficialTitle',
  'Acronym',
  'OverallStatus',
  'WhyStopped',
  'StudyType',
  'Phase',
  'Condition',
  'Keyword',
  'ConditionMeshTerm',
  'InterventionType',
  'InterventionName',
  'InterventionOtherName',
  'InterventionDescription',
  'ArmGroupLabel',
  'ArmGroupType',
  'ArmGroupDescription',
  'ArmGroupInterventionName',
  'BriefSummary',
  'DetailedDescription',
  'StartDate',
  'StartDateType',
  'CompletionDate',
  'StudyFirstPostDate',
  'LastUpdatePostDate',
  'EnrollmentCount',
  'EnrollmentType',
  'DesignAllocation',
  'DesignInterventionModel',
  'ReferencePMID',
  'ReferenceType',
  'LeadSponsorName',
  'LeadSponsorClass',
  'CollaboratorName',
  'LocationFacility',
  'LocationCity',
  'LocationState',
  'LocationCountry',
  'LocationStatus',
  'LocationGeoPoint',
  'MinimumAge',
  'MaximumAge',
  'Sex',
  'HealthyVolunteers',
  'StdAge',
  'CentralContactName',
  'CentralContactRole',
  'CentralContactPhone',
  'CentralContactPhoneExt',
  'CentralContactEMail',
  'LocationContactName',
  'LocationContactRole',
  'LocationContactPhone',
  'LocationContactPhoneExt',
  'LocationContactEMail',
  'HasResults',
];

function entries(q: StudyQuery): [keyof StudyQuery, string][] {
  const out: [keyof StudyQuery, string][] = [];
  for (const key of STUDY_QUERY_KEYS) {
    const value = q[key]?.trim();
    if (value) out.push([key, value]);
  }
  return out;
}

/** The API parameters of a query (no paging, no fields): only non-empty values, in a fixed order. */
export function queryToSearchParams(q: StudyQuery): URLSearchParams {
  return new URLSearchParams(entries(q));
}

/** The query exactly as shown on the page, e.g. `query.cond=lupus · query.intr=HSCT`. */
export function describeQuery(q: StudyQuery): string {
  const parts = entries(q).map(([key, value]) => `${key}=${value}`);
  return parts.length > 0 ? parts.join(' · ') : 'all studies (no query)';
}

/** ClinicalTrials.gov website status filter codes (`aggFilters=status:…`). */
const WEBSITE_STATUS_CODES: Readonly<Record<string, string>> = {
  RECRUITING: 'rec',
  NOT_YET_RECRUITING: 'not',
  ACTIVE_NOT_RECRUITING: 'act',
  ENROLLING_BY_INVITATION: 'enr',
  COMPLETED: 'com',
  SUSPENDED: 'sus',
  TERMINATED: 'ter',
  WITHDRAWN: 'wit',
  UNKNOWN: 'unk',
};

/** The same search on the ClinicalTrials.gov website (https://clinicaltrials.gov/search?cond=…&intr=…). */
export function ctgovWebSearchUrl(q: StudyQuery): string {
  const params = new URLSearchParams();
  const cond = q['query.cond']?.trim();
  const intr = q['query.intr']?.trim();
  const term = q['query.term']?.trim();
  if (cond) params.set('cond', cond);
  if (intr) params.set('intr', intr);
  if (term) params.set('term', term);
  const codes = (q['filter.overallStatus'] ?? '')
    .split(/[,|]/)
    .map((s) => WEBSITE_STATUS_CODES[s.trim().toUpperCase()])
    .filter((c): c is string => c !== undefined);
  if (codes.length > 0) params.set('aggFilters', `status:${codes.join(' ')}`);
  const search = params.toString();
  return `https://clinicaltrials.gov/search${search ? `?${search}` : ''}`;
}
