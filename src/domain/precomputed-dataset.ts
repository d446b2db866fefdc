/**
 * The precomputed dataset: the trials of one snapshot, already normalized and classified by the snapshot
 * job (scripts/precompute-dataset.ts), so that the browser draws them at once and asks the registry only
 * for the day's changes. Defined once here: its format, what a compact trial keeps, and how a file read
 * back is validated.
 *
 * The file (public/data/trials.json) is `{ meta, trials }`: `trials` holds the app's Trial model
 * (compactTrial: long texts removed), sorted by NCT id, stored by column (TrialColumns, encodeTrials): one
 * list per field with a value for every trial, and the sites flattened the same way. Repeated keys go, and
 * like values (statuses, phases, cities, dates) sit next to each other, which compresses better than one
 * object per trial (gzip: about 10 % smaller on the real records of the bundled sample, about two thirds
 * smaller on the benchmark's generated studies, which repeat their source records). What only the
 * trial detail shows (DETAIL_ONLY_FIELDS: brief summary, arms, keywords, MeSH terms, officials, date
 * types; and site contacts) stays in the raw records, split into DETAIL_SHARD_COUNT small files
 * (public/data/details/NN.json, detailShardOf) that the trial detail reads when the live API cannot.
 */
import type { StudyQuery } from '../api/ctgov/default-query.ts';
import { matchesShape } from './shape.ts';
import {
  PHASES,
  THERAPIES,
  TRANSPLANT_TYPES,
  TRIAL_SHAPE,
  type Trial,
  type TrialLocation,
} from './trial.ts';

export const PRECOMPUTED_FORMAT = 'hsct-trials-precomputed';
/** Bumped whenever the shape of the file or of a compact trial changes. */
export const PRECOMPUTED_FORMAT_VERSION = 2;
export const DETAILS_FORMAT = 'hsct-trials-details';

/** Paths under the site's base URL. */
export const PRECOMPUTED_DATASET_PATH = 'data/trials.json';
/**
 * Name of the <meta> the build writes into index.html with the data date of the dataset it ships
 * (deltaSinceDate), so that the page asks the live changes while the file is still downloading.
 */
export const SNAPSHOT_SINCE_META = 'hsct-snapshot-since';
export const DETAIL_SHARD_DIR = 'data/details';
/** Records per shard at 3,000 studies: about 30 (about 30 kB gzip). */
export const DETAIL_SHARD_COUNT = 100;

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

export type PrecomputedDataset = { meta: PrecomputedMeta; trials: Trial[] };

/**
 * The trials as the file stores them, by column. `fields[name][i]` is field `name` of trial i, null when
 * the trial has none (no Trial field is ever null). The sites of every trial, in order, are flattened:
 * `sites.perTrial[i]` is how many sites trial i has, and `sites.fields[name]` one value per site.
 */
export type TrialColumns = {
  count: number;
  fields: Record<string, unknown[]>;
  sites: { perTrial: number[]; fields: Record<string, unknown[]> };
};

/** The file as written: the meta and the trials by column. */
export type PrecomputedFile = { meta: PrecomputedMeta; trials: TrialColumns };

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

const TRIAL_FIELDS = Object.keys(TRIAL_SHAPE) as (keyof Trial)[];

/** `items` stored by column: every field any item has, in first-seen order, null where an item has none. */
function toColumns<T extends object>(items: readonly T[], skip: ReadonlySet<string>) {
  const fields: Record<string, unknown[]> = {};
  items.forEach((item, i) => {
    for (const [key, value] of Object.entries(item)) {
      if (skip.has(key) || value === undefined) continue;
      const column = (fields[key] ??= new Array<unknown>(items.length).fill(null));
      column[i] = value;
    }
  });
  return fields;
}

/** Trials (compact, sorted) stored by column, as the file holds them. */
export function encodeTrials(trials: readonly Trial[]): TrialColumns {
  const sites = trials.flatMap((t) => t.locations);
  return {
    count: trials.length,
    fields: toColumns(trials, new Set(['locations'])),
    sites: {
      perTrial: trials.map((t) => t.locations.length),
      fields: toColumns(sites, new Set()),
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

/**
 * Trials back from the file's columns, not yet checked one by one (isTrialShape does that). A column of
 * the wrong length, an unknown field or site counts that do not add up reject the whole list.
 */
export function decodeTrials(data: unknown): { trials: unknown[] } | { problem: string } {
  if (!isRecord(data) || !isCount(data.count)) {
    return { problem: 'the trials have no "count" of trials.' };
  }
  const { count } = data;
  const rows = fromColumns(data.fields, count, TRIAL_FIELDS, 'trials');
  if (typeof rows === 'string') return { problem: rows };
  const sites = data.sites;
  if (!isRecord(sites) || !Array.isArray(sites.perTrial) || sites.perTrial.length !== count) {
    return { problem: `the sites have no count for each of the ${count} trials.` };
  }
  const perTrial: unknown[] = sites.perTrial;
  if (!perTrial.every(isCount)) return { problem: 'a count of sites is not a whole number.' };
  const total = perTrial.reduce((sum, n) => sum + n, 0);
  const siteRows = fromColumns(sites.fields, total, SITE_FIELDS, 'sites');
  if (typeof siteRows === 'string') return { problem: siteRows };
  let next = 0;
  rows.forEach((row, i) => {
    const n = perTrial[i] as number;
    row.locations = siteRows.slice(next, next + n);
    next += n;
  });
  return { trials: rows };
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
    oneOf(PHASES)(t.phase) &&
    isTextList(t.diseases) &&
    oneOf(THERAPIES)(t.therapy) &&
    oneOf(TRANSPLANT_TYPES)(t.transplantType) &&
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
    optional(t.sponsor, (s) => isRecord(s) && isText(s.name) && isText(s.class))
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
 * Reads a precomputed dataset from parsed JSON. A damaged `meta` or a missing trial list rejects the
 * file; a trial that does not have the Trial shape is dropped and counted (`invalidTrials`), and so is
 * a repeated NCT id. The file's own trialCount must match the trials it holds.
 */
export function readPrecomputedDataset(data: unknown): PrecomputedReadResult {
  if (!isRecord(data)) return { ok: false, problem: 'the file is not a JSON object.' };
  const problem = metaProblem(data.meta);
  if (problem !== undefined) return { ok: false, problem };
  const meta = data.meta as PrecomputedMeta;
  const decoded = decodeTrials(data.trials);
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

/**
 * Why the file's trials do not match its meta.contentHash (SHA-256 of JSON.stringify of the columns as
 * parsed), or undefined when they do. A file cut short or edited by hand fails here even when every
 * trial left still has the right shape.
 */
export async function contentHashProblem(data: unknown): Promise<string | undefined> {
  if (!isRecord(data) || !isRecord(data.meta)) return 'the file is not a JSON object with a meta.';
  const bytes = new TextEncoder().encode(JSON.stringify(data.trials));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  const hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hash === data.meta.contentHash
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
