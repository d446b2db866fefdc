/**
 * The precomputed dataset: the trials of one snapshot, already normalized and classified by the snapshot
 * job (scripts/precompute-dataset.ts), so that the browser draws them at once and asks the registry only
 * for the day's changes. Defined once here: its format, what a compact trial keeps, which file holds
 * which field, and how a file read back is validated.
 *
 * Two files, so that the first view waits only for what it shows:
 * - the core (public/data/trials.json, preloaded by index.html) is `{ meta, trials }`: every field the
 *   figures, charts, filters, the table and the change marks read, stored by column (encodeCore): one
 *   list per field with a value for every trial, sorted by NCT id. The design facets are stored by column
 *   too ("design.graft", "design.evidence.graft", ...), and `url` is left out (derived from the NCT id on
 *   reading, trialUrl).
 * - the site lists (public/data/trial-sites.json) hold SITE_FILE_FIELDS: the sites of every trial
 *   (flattened by column), the central contacts, the texts that only the text search, the patient view,
 *   the trial detail and the exports read (official title, conditions, interventions, the transplant
 *   evidence: about 40% of what the core held), and the fields only those views show. Asked at once by
 *   a view that needs them (a text search among them), else shortly after the first draw
 *   (completeTrial). It names the core it belongs to (meta.coreHash) and the NCT id of each of its
 *   trials.
 * Until the site lists are in, a trial read from the core has none of them (`locations`, `conditions`
 * and `interventions` empty, emptySiteLists); the dataset's `sitesFile`
 * (src/queries/trial-queries.ts) says which trials still lack them, every view that shows them says
 * they are loading, and a text search says what it has not searched yet (useFilteredTrials).
 *
 * What only the trial detail shows (DETAIL_ONLY_FIELDS: brief summary, arms, keywords, MeSH terms,
 * officials, date types; and site contacts) stays in the raw records, split into DETAIL_SHARD_COUNT
 * small files (public/data/details/NN.json, detailShardOf) that the trial detail reads when the live API
 * cannot.
 */
import type { StudyQuery } from '../api/ctgov/default-query.ts';
import { matchesShape } from './shape.ts';
import {
  PHASES,
  THERAPIES,
  TRANSPLANT_TYPES,
  TRIAL_SHAPE,
  trialUrl,
  type Trial,
  type TrialLocation,
} from './trial.ts';

export const PRECOMPUTED_FORMAT = 'hsct-trials-precomputed';
export const TRIAL_SITES_FORMAT = 'hsct-trials-sites';
/** Bumped whenever the shape of either file or of a compact trial changes (both files carry it). */
export const PRECOMPUTED_FORMAT_VERSION = 4;
export const DETAILS_FORMAT = 'hsct-trials-details';

/** Paths under the site's base URL. */
export const PRECOMPUTED_DATASET_PATH = 'data/trials.json';
export const TRIAL_SITES_PATH = 'data/trial-sites.json';
/**
 * Name of the <meta> the build writes into index.html with the data date of the dataset it ships
 * (deltaSinceDate), so that the page asks the live changes while the file is still downloading.
 */
export const SNAPSHOT_SINCE_META = 'hsct-snapshot-since';
export const DETAIL_SHARD_DIR = 'data/details';
/** Records per shard at 3,000 studies: about 30 (about 30 kB gzip). */
export const DETAIL_SHARD_COUNT = 100;

/**
 * Trial fields the core leaves to the site lists file: the sites, the central contacts, the texts only
 * the text search reads besides the views below (official title, conditions, interventions) and what
 * only the patient view, the site map, the trial detail and the exports show. Everything the figures,
 * charts, filters, table and change marks read (the change marks: status, enrollment and dates) is in
 * the core.
 */
export const SITE_FILE_FIELDS = [
  'locations',
  'officialTitle',
  'conditions',
  'interventions',
  'transplantEvidence',
  'centralContacts',
  'collaborators',
  'primaryCompletionDate',
  'stdAges',
  'healthyVolunteers',
  'firstPosted',
] as const satisfies readonly (keyof Trial)[];
export type SiteFileField = (typeof SITE_FILE_FIELDS)[number];
/** What the site lists file holds for one trial. */
export type TrialSiteData = Pick<Trial, SiteFileField>;

export type PrecomputedMeta = {
  format: typeof PRECOMPUTED_FORMAT;
  formatVersion: typeof PRECOMPUTED_FORMAT_VERSION;
  /** What the raw snapshot is: a full pull of the default query, or the sample shipped in the repository. */
  kind: 'snapshot' | 'bundled-sample';
  source: string;
  description: string;
  query: StudyQuery;
  /** ISO date-time (or date) of the capture of the raw records. */
  capturedAt: string;
  /** The API's data timestamp and version at capture, when known. */
  dataTimestamp?: string;
  apiVersion?: string;
  /** Fingerprint of the normalizer and classifier that produced the trials. */
  rulesVersion: string;
  /** SHA-256 (hex) of JSON.stringify of the file's `trials` (the columns, as written). */
  contentHash: string;
  /** Fingerprint of the raw snapshot file it was derived from (staleness check of the build). */
  rawHash: string;
  /** Raw records dropped while normalizing (no NCT id, or repeated). */
  skipped: number;
  /** Values of kept records left out as missing because they could not be right (normalizeStudies). */
  skippedValues?: number;
  trialCount: number;
  detailShards: number;
};

/**
 * The dataset as the snapshot job holds it (full compact trials) or as the browser reads the core (the
 * SITE_FILE_FIELDS missing, `locations: []`, until completeTrial adds them).
 */
export type PrecomputedDataset = { meta: PrecomputedMeta; trials: Trial[] };

/**
 * Items stored by column. `fields[name][i]` is field `name` of item i, null when the item has none (no
 * stored field is ever null). The sites of every trial, in order, are flattened: `sites.perTrial[i]` is
 * how many sites trial i has, and `sites.fields[name]` one value per site.
 */
type Columns = Record<string, unknown[]>;

/** The core's trials by column. Nested design facets are columns named by their path ("design.graft"). */
export type CoreColumns = { count: number; fields: Columns };

/** The site lists file's trials: their NCT ids (the core's order), their other fields, their sites. */
export type SiteColumns = {
  nctIds: string[];
  fields: Columns;
  sites: { perTrial: number[]; fields: Columns };
};

/** The core file as written: the meta and the trials by column. */
export type PrecomputedFile = { meta: PrecomputedMeta; trials: CoreColumns };

export type TrialSitesMeta = {
  format: typeof TRIAL_SITES_FORMAT;
  formatVersion: typeof PRECOMPUTED_FORMAT_VERSION;
  /** The contentHash of the core file these site lists belong to. */
  coreHash: string;
  /** SHA-256 (hex) of JSON.stringify of the file's `trials`, as for the core. */
  contentHash: string;
  trialCount: number;
};

/** The site lists file as written. */
export type TrialSitesFile = { meta: TrialSitesMeta; trials: SiteColumns };

/** One detail shard: raw records (pruned to STUDY_FIELDS) by NCT id. */
export type DetailShard = { format: typeof DETAILS_FORMAT; studies: Record<string, unknown> };

/**
 * A trial as the precomputed dataset keeps it: everything the dashboard, filters, table, patient view
 * and exports read, without what only the trial detail shows (brief summary, arms, intervention
 * descriptions, keywords, MeSH terms, officials, site contacts, actual/estimated date types). Still a Trial.
 */
export function compactTrial(trial: Trial): Trial {
  const compact: Trial = {
    ...trial,
    interventions: trial.interventions.map((intervention) => {
      const copy = { ...intervention };
      delete copy.description;
      return copy;
    }),
    locations: trial.locations.map((location) => {
      const copy = { ...location };
      delete copy.contacts;
      return copy;
    }),
  };
  for (const key of DETAIL_ONLY_FIELDS) delete compact[key];
  return compact;
}

/** Trial fields only the trial detail shows: left out of the precomputed dataset. */
const DETAIL_ONLY_FIELDS = [
  'briefSummary',
  'arms',
  'keywords',
  'conditionMeshTerms',
  'overallOfficials',
  'dateTypes',
] as const satisfies readonly (keyof Trial)[];

/** The fields of a site a column may hold (the TrialLocation model). */
const SITE_FIELDS = [
  'facility',
  'city',
  'state',
  'country',
  'lat',
  'lon',
  'status',
  'contacts',
] as const satisfies readonly (keyof TrialLocation)[];

/** The design facets' columns, by path (TrialDesign). */
const DESIGN_COLUMNS = [
  'design.conditioning',
  'design.regimen',
  'design.graft',
  'design.allocation',
  'design.comparator',
  'design.resultPmids',
  'design.evidence.conditioning',
  'design.evidence.graft',
  'design.evidence.allocation',
  'design.evidence.comparator',
] as const;

/**
 * What a trial read from the core holds in place of the site file's list fields until completeTrial
 * adds them (the Trial model has them as lists): new empty lists for each trial.
 */
function emptySiteLists(): Pick<Trial, 'locations' | 'conditions' | 'interventions'> {
  return { locations: [], conditions: [], interventions: [] };
}

/** Not stored in the core: the site file's fields, the derived url, and design (stored by path). */
const NOT_IN_CORE: ReadonlySet<string> = new Set([...SITE_FILE_FIELDS, 'url', 'design']);
const CORE_COLUMNS: readonly string[] = [
  ...(Object.keys(TRIAL_SHAPE) as (keyof Trial)[]).filter((key) => !NOT_IN_CORE.has(key)),
  ...DESIGN_COLUMNS,
];
const SITE_FILE_COLUMNS: readonly string[] = SITE_FILE_FIELDS.filter((f) => f !== 'locations');

/** `items` stored by column: every field any item has, in first-seen order, null where an item has none. */
function toColumns(items: readonly object[], allowed: readonly string[]): Columns {
  const fields: Columns = {};
  items.forEach((item, i) => {
    for (const [key, value] of Object.entries(item)) {
      if (!allowed.includes(key) || value === undefined) continue;
      const column = (fields[key] ??= new Array<unknown>(items.length).fill(null));
      column[i] = value;
    }
  });
  return fields;
}

/** A trial's design facets as flat entries by path ("design.evidence.graft": "…"). */
function designEntries(trial: Trial): Record<string, unknown> {
  const { evidence, ...facets } = trial.design;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facets)) flat[`design.${key}`] = value;
  for (const [key, value] of Object.entries(evidence)) flat[`design.evidence.${key}`] = value;
  return flat;
}

/** Trials (compact, sorted) as the core stores them. */
export function encodeCore(trials: readonly Trial[]): CoreColumns {
  return {
    count: trials.length,
    fields: toColumns(
      trials.map((t) => ({ ...t, ...designEntries(t) })),
      CORE_COLUMNS,
    ),
  };
}

/** The same trials' SITE_FILE_FIELDS as the site lists file stores them. */
export function encodeSites(trials: readonly Trial[]): SiteColumns {
  return {
    nctIds: trials.map((t) => t.nctId),
    fields: toColumns(trials, SITE_FILE_COLUMNS),
    sites: {
      perTrial: trials.map((t) => t.locations.length),
      fields: toColumns(
        trials.flatMap((t) => t.locations),
        SITE_FIELDS,
      ),
    },
  };
}

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Rows back from columns of `length` values each; only the `allowed` field names are read. */
function fromColumns(
  fields: unknown,
  length: number,
  allowed: readonly string[],
  what: string,
): Record<string, unknown>[] | string {
  if (!isRecord(fields)) return `${what} have no "fields" object.`;
  const rows: Record<string, unknown>[] = Array.from({ length }, () => ({}));
  for (const [name, column] of Object.entries(fields)) {
    if (!allowed.includes(name)) return `${what} have an unknown field "${name}".`;
    if (!Array.isArray(column) || column.length !== length) {
      return `the ${what.replace(/s$/, '')} field "${name}" does not hold ${length} values.`;
    }
    column.forEach((value: unknown, i) => {
      if (value !== null) rows[i]![name] = value;
    });
  }
  return rows;
}

/** A core row's "design.…" entries back into its `design` object. */
function nestDesign(row: Record<string, unknown>): void {
  const design: Record<string, unknown> = {};
  const evidence: Record<string, unknown> = {};
  for (const name of DESIGN_COLUMNS) {
    if (!Object.hasOwn(row, name)) continue;
    const path = name.split('.');
    if (path.length === 3) evidence[path[2]!] = row[name];
    else design[path[1]!] = row[name];
    delete row[name];
  }
  row.design = { ...design, evidence };
}

/**
 * Trials back from the core's columns, not yet checked one by one (isTrialShape does that): the url
 * derived from the NCT id, the design nested again, the site file's lists empty (emptySiteLists)
 * until the site lists complete them.
 * A column of the wrong length or an unknown field rejects the whole list.
 */
export function decodeCore(data: unknown): { trials: unknown[] } | { problem: string } {
  if (!isRecord(data) || !isCount(data.count)) {
    return { problem: 'the trials have no "count" of trials.' };
  }
  const rows = fromColumns(data.fields, data.count, CORE_COLUMNS, 'trials');
  if (typeof rows === 'string') return { problem: rows };
  for (const row of rows) {
    nestDesign(row);
    if (isText(row.nctId)) row.url = trialUrl(row.nctId);
    Object.assign(row, emptySiteLists());
  }
  return { trials: rows };
}

/** Whether the design facets of a decoded trial are all there, of their kinds. */
function isDesignShape(design: unknown): boolean {
  if (!isRecord(design) || !isRecord(design.evidence)) return false;
  return (
    ['conditioning', 'graft', 'allocation', 'comparator'].every((key) => isText(design[key])) &&
    optional(design.regimen, isText) &&
    isTextList(design.resultPmids) &&
    Object.values(design.evidence).every(isText)
  );
}

/** The shard (0..DETAIL_SHARD_COUNT-1) holding a trial's raw record: its NCT number modulo the count. */
export function detailShardOf(nctId: string, shards: number = DETAIL_SHARD_COUNT): number {
  const digits = /(\d+)$/.exec(nctId.trim())?.[1] ?? '0';
  return Number(digits.slice(-6)) % Math.max(1, shards);
}

/** File name of a shard: two digits (00..99). */
export function detailShardPath(shard: number): string {
  return `${DETAIL_SHARD_DIR}/${String(shard).padStart(2, '0')}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const optional = (v: unknown, check: (x: unknown) => boolean): boolean =>
  v === undefined || check(v);
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);

const IS_PHASE = oneOf(PHASES);
const IS_THERAPY = oneOf(THERAPIES);
const IS_TRANSPLANT_TYPE = oneOf(TRANSPLANT_TYPES);

/**
 * Whether `value` has the shape of a Trial as the app reads it: every required field with its type, and
 * the optional fields the first view reads. Used for data read back from files and browser storage.
 * Every field of the model's shape (TRIAL_SHAPE, shape.ts) is checked first, then the values the first
 * view depends on.
 */
export function isTrialShape(value: unknown): value is Trial {
  if (!isRecord(value) || !matchesShape(value, TRIAL_SHAPE)) return false;
  const t = value;
  return (
    isText(t.nctId) &&
    /^NCT\d{8}$/.test(t.nctId) &&
    isText(t.url) &&
    isText(t.title) &&
    isText(t.status) &&
    isText(t.studyType) &&
    IS_PHASE(t.phase) &&
    isTextList(t.diseases) &&
    IS_THERAPY(t.therapy) &&
    IS_TRANSPLANT_TYPE(t.transplantType) &&
    isTextList(t.conditions) &&
    Array.isArray(t.interventions) &&
    t.interventions.every((i) => isRecord(i) && isText(i.name) && isText(i.type)) &&
    isTextList(t.countries) &&
    Array.isArray(t.locations) &&
    t.locations.every(isRecord) &&
    typeof t.hasResults === 'boolean' &&
    optional(t.startYear, (y) => typeof y === 'number' && Number.isInteger(y)) &&
    optional(
      t.enrollment,
      (e) => isRecord(e) && typeof e.count === 'number' && Number.isFinite(e.count),
    ) &&
    optional(t.sponsor, (s) => isRecord(s) && isText(s.name) && isText(s.class)) &&
    isDesignShape(t.design)
  );
}

function metaProblem(meta: unknown): string | undefined {
  if (!isRecord(meta)) return 'the file has no "meta" object.';
  if (meta.format !== PRECOMPUTED_FORMAT) return `meta.format must be "${PRECOMPUTED_FORMAT}".`;
  if (meta.formatVersion !== PRECOMPUTED_FORMAT_VERSION) {
    return `meta.formatVersion ${String(meta.formatVersion)} is not ${PRECOMPUTED_FORMAT_VERSION}.`;
  }
  if (meta.kind !== 'snapshot' && meta.kind !== 'bundled-sample') {
    return 'meta.kind must be "snapshot" or "bundled-sample".';
  }
  for (const key of [
    'source',
    'description',
    'capturedAt',
    'rulesVersion',
    'contentHash',
    'rawHash',
  ]) {
    if (!isText(meta[key])) return `meta.${key} must be text.`;
  }
  for (const key of ['dataTimestamp', 'apiVersion']) {
    if (!optional(meta[key], isText)) return `meta.${key} must be text.`;
  }
  if (!isRecord(meta.query) || !Object.values(meta.query).every(isText)) {
    return 'meta.query must be an object of texts.';
  }
  for (const key of ['skipped', 'trialCount', 'detailShards', 'skippedValues']) {
    const n = meta[key];
    if (key === 'skippedValues' && n === undefined) continue;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      return `meta.${key} must be a whole number.`;
    }
  }
  return undefined;
}

export type PrecomputedReadResult =
  { ok: true; dataset: PrecomputedDataset; invalidTrials: number } | { ok: false; problem: string };

/**
 * Reads the core of a precomputed dataset from parsed JSON. A damaged `meta` or a missing trial list
 * rejects the file; a trial that does not have the Trial shape is dropped and counted (`invalidTrials`),
 * and so is a repeated NCT id. The file's own trialCount must match the trials it holds. The trials
 * have no sites yet (completeTrial adds them from the site lists file).
 */
export function readPrecomputedDataset(data: unknown): PrecomputedReadResult {
  if (!isRecord(data)) return { ok: false, problem: 'the file is not a JSON object.' };
  const problem = metaProblem(data.meta);
  if (problem !== undefined) return { ok: false, problem };
  const meta = data.meta as PrecomputedMeta;
  const decoded = decodeCore(data.trials);
  if ('problem' in decoded) return { ok: false, problem: decoded.problem };
  if (decoded.trials.length !== meta.trialCount) {
    return {
      ok: false,
      problem: `it holds ${decoded.trials.length} trials but says ${meta.trialCount}.`,
    };
  }
  const seen = new Set<string>();
  const trials: Trial[] = [];
  for (const trial of decoded.trials) {
    if (!isTrialShape(trial) || seen.has(trial.nctId)) continue;
    seen.add(trial.nctId);
    trials.push(trial);
  }
  return {
    ok: true,
    dataset: { meta, trials },
    invalidTrials: decoded.trials.length - trials.length,
  };
}

/** The site lists of a dataset by NCT id, as read from the site lists file. */
export type TrialSites = ReadonlyMap<string, TrialSiteData>;

/**
 * `otherCore`: the file is sound but belongs to another core (the site has published another snapshot
 * since the trials shown were read): the trials should be read again, not the file called damaged.
 */
export type TrialSitesReadResult =
  { ok: true; sites: TrialSites } | { ok: false; problem: string; otherCore?: true };

const isContact = (v: unknown): boolean => isRecord(v) && Object.values(v).every(isText);
const isCoordinate = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** How each stored value of the site lists file must look (a site's fields: SITE_VALUE_CHECKS). */
const SITE_FILE_CHECKS: Record<string, (v: unknown) => boolean> = {
  officialTitle: isText,
  conditions: isTextList,
  interventions: (v) =>
    Array.isArray(v) &&
    v.every(
      (i) => isRecord(i) && isText(i.name) && isText(i.type) && optional(i.otherNames, isTextList),
    ),
  transplantEvidence: isText,
  centralContacts: (v) => Array.isArray(v) && v.every(isContact),
  collaborators: (v) =>
    Array.isArray(v) && v.every((c) => isRecord(c) && isText(c.name) && isText(c.class)),
  primaryCompletionDate: isText,
  stdAges: isTextList,
  healthyVolunteers: (v) => typeof v === 'boolean',
  firstPosted: isText,
};
const SITE_VALUE_CHECKS: Record<string, (v: unknown) => boolean> = {
  facility: isText,
  city: isText,
  state: isText,
  country: isText,
  lat: isCoordinate,
  lon: isCoordinate,
  status: isText,
  contacts: (v) => Array.isArray(v) && v.every(isContact),
};

/** The first value of `rows` that fails its check, as "field" text, or undefined. */
function badValue(
  rows: readonly Record<string, unknown>[],
  checks: Record<string, (v: unknown) => boolean>,
): string | undefined {
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!checks[name]!(value)) return name;
    }
  }
  return undefined;
}

const OTHER_CORE_PROBLEM =
  'they belong to another version of the trial data (meta.coreHash is not the content hash of the trials shown).';

function sitesMetaProblem(meta: unknown, coreHash: string): string | undefined {
  if (!isRecord(meta)) return 'the file has no "meta" object.';
  if (meta.format !== TRIAL_SITES_FORMAT) return `meta.format must be "${TRIAL_SITES_FORMAT}".`;
  if (meta.formatVersion !== PRECOMPUTED_FORMAT_VERSION) {
    return `meta.formatVersion ${String(meta.formatVersion)} is not ${PRECOMPUTED_FORMAT_VERSION}.`;
  }
  if (!isText(meta.contentHash)) return 'meta.contentHash must be text.';
  if (!isCount(meta.trialCount)) return 'meta.trialCount must be a whole number.';
  if (meta.coreHash !== coreHash) return OTHER_CORE_PROBLEM;
  return undefined;
}

/**
 * Reads the site lists file from parsed JSON, for the core whose content hash is `coreHash`. Anything
 * wrong rejects the whole file with its reason: another format or version, another core, an unknown
 * field (`__proto__` included), a column of the wrong length, site counts that do not add up, a value
 * of the wrong kind, an NCT id that is malformed or repeated.
 */
export function readTrialSites(data: unknown, coreHash: string): TrialSitesReadResult {
  const fail = (problem: string) => ({ ok: false, problem }) as const;
  if (!isRecord(data)) return fail('the file is not a JSON object.');
  const metaIssue = sitesMetaProblem(data.meta, coreHash);
  if (metaIssue === OTHER_CORE_PROBLEM) return { ok: false, problem: metaIssue, otherCore: true };
  if (metaIssue !== undefined) return fail(metaIssue);
  const count = (data.meta as TrialSitesMeta).trialCount;
  const columns = data.trials;
  if (!isRecord(columns) || !Array.isArray(columns.nctIds) || columns.nctIds.length !== count) {
    return fail(`they do not list the NCT ids of ${count} trials.`);
  }
  const nctIds: unknown[] = columns.nctIds;
  const ids = new Set<string>();
  for (const id of nctIds) {
    if (!isText(id) || !/^NCT\d{8}$/.test(id) || ids.has(id)) {
      return fail(`the NCT id ${JSON.stringify(id)} is malformed or repeated.`);
    }
    ids.add(id);
  }
  const rows = fromColumns(columns.fields, count, SITE_FILE_COLUMNS, 'trials');
  if (typeof rows === 'string') return fail(rows);
  const sites = columns.sites;
  if (!isRecord(sites) || !Array.isArray(sites.perTrial) || sites.perTrial.length !== count) {
    return fail(`the sites have no count for each of the ${count} trials.`);
  }
  const perTrial: unknown[] = sites.perTrial;
  if (!perTrial.every(isCount)) return fail('a count of sites is not a whole number.');
  const total = perTrial.reduce((sum, n) => sum + n, 0);
  const siteRows = fromColumns(sites.fields, total, SITE_FIELDS, 'sites');
  if (typeof siteRows === 'string') return fail(siteRows);
  const bad = badValue(rows, SITE_FILE_CHECKS) ?? badValue(siteRows, SITE_VALUE_CHECKS);
  if (bad !== undefined) return fail(`a value of the field "${bad}" is not of its kind.`);
  const byId = new Map<string, TrialSiteData>();
  let next = 0;
  rows.forEach((row, i) => {
    const n = perTrial[i] as number;
    // Every value was checked above (badValue); a list the file does not hold stays empty.
    const data: TrialSiteData = {
      ...emptySiteLists(),
      ...(row as Partial<TrialSiteData>),
      locations: siteRows.slice(next, next + n),
    };
    byId.set(nctIds[i] as string, data);
    next += n;
  });
  return { ok: true, sites: byId };
}

/** A trial read from the core with its site lists (and the other SITE_FILE_FIELDS) added. */
export function completeTrial(trial: Trial, siteData: TrialSiteData): Trial {
  return { ...trial, ...siteData };
}

/**
 * The text of the file's `trials` when they are its last member, as the snapshot job writes them
 * (`…"trials":<the columns>}`), else undefined. Whatever it returns is checked against the content
 * hash: a text that matches is the writer's JSON of the columns, balanced, and closed by the file's
 * last brace, so it is the very `trials` JSON.parse read.
 */
function trialsText(text: string): string | undefined {
  const end = text.trimEnd();
  const key = end.lastIndexOf(TRIALS_KEY);
  if (!end.endsWith('}') || key < 0) return undefined;
  return end.slice(key + TRIALS_KEY.length, -1).trim();
}

const TRIALS_KEY = '"trials":';
const TRIALS_KEY_BYTES = new TextEncoder().encode(TRIALS_KEY);

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Where `key` last starts in `bytes` before `end`, or -1. */
function lastIndexOfBytes(bytes: Uint8Array, key: Uint8Array, end: number): number {
  for (let at = end - key.length; at >= 0; at -= 1) {
    let i = 0;
    while (i < key.length && bytes[at + i] === key[i]) i += 1;
    if (i === key.length) return at;
  }
  return -1;
}

/**
 * trialsText on the file's bytes as they came (UTF-8): the same span, as bytes, without encoding the
 * text again (about 40 ms for the 3,000-trial core on a phone). Undefined where trialsText on the
 * text could still find it (whitespace other than JSON's around the end), which is then checked on it.
 */
function trialsBytes(body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | undefined {
  let end = body.length;
  while (end > 0 && isJsonSpace(body[end - 1])) end -= 1;
  if (end === 0 || body[end - 1] !== 0x7d /* } */) return undefined;
  const key = lastIndexOfBytes(body, TRIALS_KEY_BYTES, end);
  if (key < 0) return undefined;
  let start = key + TRIALS_KEY_BYTES.length;
  let stop = end - 1;
  while (start < stop && isJsonSpace(body[start])) start += 1;
  while (stop > start && isJsonSpace(body[stop - 1])) stop -= 1;
  return body.subarray(start, stop);
}

async function sha256Hex(input: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Why the file's trials do not match its meta.contentHash (SHA-256 of JSON.stringify of the columns),
 * or undefined when they do. A file cut short or edited by hand fails here even when every trial left
 * still has the right shape. Both files (the core and the site lists) carry one. With the file as it
 * came (its `text`, and its bytes `body`), the hash is checked on its trials as written (no
 * JSON.stringify of what was just parsed; on the bytes, no encoding of the text either); a file laid out
 * otherwise (e.g. formatted again by a host) is checked on JSON.stringify.
 */
export async function contentHashProblem(
  data: unknown,
  text?: string,
  body?: Uint8Array<ArrayBuffer>,
): Promise<string | undefined> {
  if (!isRecord(data) || !isRecord(data.meta)) return 'the file is not a JSON object with a meta.';
  const written =
    (body === undefined ? undefined : trialsBytes(body)) ??
    (text === undefined ? undefined : trialsText(text));
  if (written !== undefined && (await sha256Hex(written)) === data.meta.contentHash) {
    return undefined;
  }
  return (await sha256Hex(JSON.stringify(data.trials))) === data.meta.contentHash
    ? undefined
    : 'its trials do not match its content hash (the file is damaged or was changed).';
}

/** The raw record of `nctId` in a parsed detail shard, or undefined. */
export function studyInShard(data: unknown, nctId: string): unknown {
  if (!isRecord(data) || data.format !== DETAILS_FORMAT || !isRecord(data.studies))
    return undefined;
  return Object.hasOwn(data.studies, nctId) ? data.studies[nctId] : undefined;
}

/**
 * Merges live trials into a dataset by NCT id: a trial with the same id is replaced in place, a new one is
 * added; the result stays sorted by NCT id. Returns how many were new and how many replaced. Without
 * updates (the usual answer: nothing changed since the snapshot) the base list itself is returned, so
 * that everything derived from it (filtered lists, chart data, drawn charts) is kept, not recomputed.
 */
export function mergeTrials(
  base: Trial[],
  updates: readonly Trial[],
): { trials: Trial[]; added: number; replaced: number } {
  if (updates.length === 0) return { trials: base, added: 0, replaced: 0 };
  const byId = new Map(base.map((t) => [t.nctId, t]));
  let added = 0;
  let replaced = 0;
  for (const trial of updates) {
    if (byId.has(trial.nctId)) replaced += 1;
    else added += 1;
    byId.set(trial.nctId, trial);
  }
  const trials = [...byId.values()].sort((a, b) =>
    a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : 0,
  );
  return { trials, added, replaced };
}

/** The date (yyyy-MM-dd) from which live changes are asked: the data date of the snapshot. */
export function deltaSinceDate(meta: Pick<PrecomputedMeta, 'dataTimestamp' | 'capturedAt'>) {
  for (const value of [meta.dataTimestamp, meta.capturedAt]) {
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '')?.[1];
    if (date !== undefined && !Number.isNaN(Date.parse(date))) return date;
  }
  return undefined;
}

/** The API's advanced filter for studies whose last update was posted on or after `date`. */
export function updatedSinceFilter(date: string): string {
  return `AREA[LastUpdatePostDate]RANGE[${date},MAX]`;
}

/** The live changes of `query`: its studies updated since `date` (same search, plus updatedSinceFilter). */
export function liveChangesQuery(query: StudyQuery, date: string): StudyQuery {
  return { ...query, 'filter.advanced': updatedSinceFilter(date) };
}
