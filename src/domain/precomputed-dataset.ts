/**
 * The precomputed dataset: the trials of one snapshot, already normalized and classified by the snapshot
 * job (scripts/precompute-dataset.ts), so that the browser draws them at once and asks the registry only
 * for the day's changes. Defined once here: its format, what a compact trial keeps, and how a file read
 * back is validated.
 *
 * The file (public/data/trials.json) is `{ meta, trials }`: `trials` is a plain array of the app's Trial
 * model (compactTrial: long texts removed), sorted by NCT id, so two datasets diff trial by trial. Long
 * texts the first view does not need (detailed description, brief summary, arms, eligibility basics,
 * site contacts) stay in the raw records, split into DETAIL_SHARD_COUNT small files
 * (public/data/details/NN.json, detailShardOf) that the trial detail reads when the live API cannot.
 */
import type { StudyQuery } from '../api/ctgov/default-query.ts';
import { matchesShape } from './shape.ts';
import { PHASES, THERAPIES, TRANSPLANT_TYPES, TRIAL_SHAPE, type Trial } from './trial.ts';

export const PRECOMPUTED_FORMAT = 'hsct-trials-precomputed';
/** Bumped whenever the shape of the file or of a compact trial changes. */
export const PRECOMPUTED_FORMAT_VERSION = 1;
export const DETAILS_FORMAT = 'hsct-trials-details';

/** Paths under the site's base URL. */
export const PRECOMPUTED_DATASET_PATH = 'data/trials.json';
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
  /** SHA-256 (hex) of JSON.stringify(trials). */
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
  if (!Array.isArray(data.trials)) return { ok: false, problem: 'the file has no "trials" list.' };
  const meta = data.meta as PrecomputedMeta;
  if (data.trials.length !== meta.trialCount) {
    return {
      ok: false,
      problem: `it holds ${data.trials.length} trials but says ${meta.trialCount}.`,
    };
  }
  const seen = new Set<string>();
  const trials: Trial[] = [];
  for (const trial of data.trials) {
    if (!isTrialShape(trial) || seen.has(trial.nctId)) continue;
    seen.add(trial.nctId);
    trials.push(trial);
  }
  return { ok: true, dataset: { meta, trials }, invalidTrials: data.trials.length - trials.length };
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
