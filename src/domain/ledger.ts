/**
 * The change ledger: what changed per trial from one snapshot of the classified landscape to the next
 * (new trial, status, enrollment, dates, results, phase, classification, gone from / back in the query).
 * Pure: scripts/snapshot.ts reads the previous ledger, applies a snapshot and writes the ledger back;
 * the app reads it to show timelines and recent changes; src/domain/feeds.ts turns it into Atom feeds.
 *
 * Rules of the ledger:
 * - It remembers every NCT id any snapshot held (`seenIds`): a trial that leaves the query and comes back
 *   is "back in the query", never "new" again.
 * - Applying the same snapshot twice adds nothing (same content hash, and entries are unique by id).
 * - Classification changes carry the rules version; when the rules changed and the record did not, the
 *   entry is a reclassification by the rules, not a change of the registry record.
 * - A snapshot without a previous one (the first run, or a lost baseline) adds no entries, only ids:
 *   without something to compare with, everything would be "new".
 */
import { DISEASE_LABELS, isDiseaseId, type DiseaseId } from './diseases.ts';
import {
  PHASE_LABELS,
  statusLabel,
  THERAPIES,
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  TRANSPLANT_TYPES,
  type Enrollment,
  type Phase,
  type Therapy,
  type TransplantType,
  type Trial,
} from './trial.ts';
import { pluralize } from '../lib/format.ts';

/** Format of the ledger file; a reader refuses other formats. */
export const LEDGER_FORMAT = 1;

export const LEDGER_KINDS = [
  'new',
  'status',
  'enrollment',
  'start-date',
  'completion-date',
  'results',
  'phase',
  'classification',
  'gone',
  'returned',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const CLASSIFICATION_FIELDS = ['diseases', 'therapy', 'transplantType'] as const;
export type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];

/** One change of one trial, seen by one snapshot. */
export type LedgerEntry = {
  nctId: string;
  kind: LedgerKind;
  /** Kind 'classification': which part of the classification changed. */
  field?: ClassificationField;
  /**
   * Values before and after, in the ledger's own compact form: API codes for status and phase, dates as
   * the record gives them, enrollment as "<count> <actual|estimated|unknown>", diseases as ids joined
   * with ",".
   */
  from?: string;
  to?: string;
  /** The record's lastUpdatePostDate in the snapshot that saw the change (absent when gone). */
  updated?: string;
  /** The data date of that snapshot (yyyy-MM-dd). */
  dataDate: string;
  /** Kind 'classification': the rules version that classified the trial this way. */
  rulesVersion?: string;
  /** Kind 'classification': true when the rules changed and the record did not. */
  reclassified?: boolean;
};

/** Title and classification of a trial with entries, as of the latest snapshot that held it. */
export type LedgerTrial = {
  title: string;
  diseases: DiseaseId[];
  therapy: Therapy;
  transplantType: TransplantType;
};

export type Ledger = {
  format: typeof LEDGER_FORMAT;
  /** The last snapshot applied. */
  snapshot?: { dataDate: string; rulesVersion: string; hash: string };
  /** Every NCT id a snapshot has held, sorted. */
  seenIds: string[];
  /** Keyed by NCT id: the trials that have entries. */
  trials: Record<string, LedgerTrial>;
  /** Oldest first. */
  entries: LedgerEntry[];
};

/** What the ledger compares of a trial. */
export type LedgerTrialState = Pick<
  Trial,
  | 'nctId'
  | 'title'
  | 'status'
  | 'phase'
  | 'diseases'
  | 'therapy'
  | 'transplantType'
  | 'hasResults'
  | 'lastUpdated'
  | 'enrollment'
  | 'startDate'
  | 'completionDate'
>;

/** A complete, verified snapshot of the classified landscape. */
export type ClassifiedSnapshot = {
  /** The registry's data date (yyyy-MM-dd or an ISO date-time; the date part is used). */
  dataDate: string;
  rulesVersion: string;
  /** Content hash of the snapshot (the same data gives the same hash). */
  hash: string;
  trials: readonly LedgerTrialState[];
};

export function emptyLedger(): Ledger {
  return { format: LEDGER_FORMAT, seenIds: [], trials: {}, entries: [] };
}

/**
 * Unique per trial, change and snapshot day. A trial appears ('new' or 'returned') once a day, whatever
 * its status: applying a day's snapshot again against an older previous one cannot enter it twice.
 */
export function ledgerEntryId(e: LedgerEntry): string {
  const appeared = e.kind === 'new' || e.kind === 'returned';
  return appeared
    ? [e.dataDate, e.nctId, 'appeared'].join('/')
    : [e.dataDate, e.nctId, e.kind, e.field ?? '', e.to ?? ''].join('/');
}

const dateOf = (value: string): string => value.slice(0, 10);

function enrollmentOf(t: LedgerTrialState): string | undefined {
  return t.enrollment === undefined
    ? undefined
    : `${t.enrollment.count} ${t.enrollment.type.toLowerCase()}`;
}

function classificationValue(t: LedgerTrialState, field: ClassificationField): string {
  if (field === 'diseases') return [...t.diseases].sort().join(',');
  return t[field];
}

/** Changes of one trial from `before` to `after` (both in the query). */
function trialChanges(
  before: LedgerTrialState,
  after: LedgerTrialState,
  rules: { before: string; after: string },
): Omit<LedgerEntry, 'nctId' | 'dataDate' | 'updated'>[] {
  const out: Omit<LedgerEntry, 'nctId' | 'dataDate' | 'updated'>[] = [];
  const pair = (kind: LedgerKind, from: string | undefined, to: string | undefined) => {
    if (from === to) return;
    out.push({
      kind,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
  };
  pair('status', before.status, after.status);
  pair('enrollment', enrollmentOf(before), enrollmentOf(after));
  pair('start-date', before.startDate, after.startDate);
  pair('completion-date', before.completionDate, after.completionDate);
  if (!before.hasResults && after.hasResults) out.push({ kind: 'results' });
  pair('phase', before.phase, after.phase);
  const rulesChanged = rules.before !== rules.after;
  const recordChanged = before.lastUpdated !== after.lastUpdated;
  for (const field of CLASSIFICATION_FIELDS) {
    const from = classificationValue(before, field);
    const to = classificationValue(after, field);
    if (from === to) continue;
    out.push({
      kind: 'classification',
      field,
      from,
      to,
      rulesVersion: rules.after,
      ...(rulesChanged && !recordChanged ? { reclassified: true } : {}),
    });
  }
  return out;
}

const ledgerTrialOf = (t: LedgerTrialState): LedgerTrial => ({
  title: t.title,
  diseases: [...t.diseases],
  therapy: t.therapy,
  transplantType: t.transplantType,
});

export type ApplyResult = { ledger: Ledger; added: LedgerEntry[] };

/**
 * The ledger after `next`, compared with `previous` (the snapshot before it, null when there is none).
 * Throws when `next` holds no trials (a failed pull is never a landscape where every trial is gone).
 * Does not change `ledger`.
 */
export function applySnapshot(
  ledger: Ledger,
  previous: ClassifiedSnapshot | null,
  next: ClassifiedSnapshot,
): ApplyResult {
  if (next.trials.length === 0) {
    throw new Error('The snapshot holds no trials; the ledger is left as it was.');
  }
  if (ledger.snapshot?.hash === next.hash) return { ledger, added: [] };

  const dataDate = dateOf(next.dataDate);
  const seen = new Set(ledger.seenIds);
  // Without a previous snapshot nothing can be compared: the ids are remembered, nothing is "new".
  const firstRun = previous === null;
  const before = new Map((previous?.trials ?? []).map((t) => [t.nctId, t]));
  const nextIds = new Set(next.trials.map((t) => t.nctId));
  const rules = { before: previous?.rulesVersion ?? next.rulesVersion, after: next.rulesVersion };
  const trials: Record<string, LedgerTrial> = { ...ledger.trials };
  const candidates: LedgerEntry[] = [];

  for (const t of next.trials) {
    const base = {
      nctId: t.nctId,
      dataDate,
      ...(t.lastUpdated !== undefined ? { updated: t.lastUpdated } : {}),
    };
    const old = before.get(t.nctId);
    if (old !== undefined) {
      for (const change of trialChanges(old, t, rules)) candidates.push({ ...base, ...change });
    } else if (!firstRun) {
      candidates.push(
        seen.has(t.nctId)
          ? { ...base, kind: 'returned', to: t.status }
          : { ...base, kind: 'new', to: t.status },
      );
    }
    seen.add(t.nctId);
  }
  for (const old of previous?.trials ?? []) {
    if (!nextIds.has(old.nctId)) {
      candidates.push({ nctId: old.nctId, dataDate, kind: 'gone', from: old.status });
    }
  }

  const known = new Set(ledger.entries.map(ledgerEntryId));
  const added = candidates.filter((e) => {
    const id = ledgerEntryId(e);
    if (known.has(id)) return false;
    known.add(id);
    return true;
  });
  const latest = new Map([...(previous?.trials ?? []), ...next.trials].map((t) => [t.nctId, t]));
  for (const e of added) {
    const t = latest.get(e.nctId);
    if (t !== undefined) trials[e.nctId] = ledgerTrialOf(t);
  }
  // Keep the title and classification of trials with entries current.
  for (const t of next.trials)
    if (trials[t.nctId] !== undefined) trials[t.nctId] = ledgerTrialOf(t);

  return {
    ledger: {
      format: LEDGER_FORMAT,
      snapshot: { dataDate, rulesVersion: next.rulesVersion, hash: next.hash },
      seenIds: [...seen].sort(),
      trials,
      entries: [...ledger.entries, ...added],
    },
    added,
  };
}

// ------------------------------------------------------------------------------------------------
// Plain words

const phaseLabel = (p: string): string => PHASE_LABELS[p as Phase] ?? p;

function enrollmentWords(value: string | undefined): string {
  if (value === undefined) return 'not stated';
  const [count = '', type] = value.split(' ');
  const n = Number(count);
  const people = Number.isFinite(n) ? pluralize(n, 'participant') : count;
  if (type === 'actual') return `${people} (actual)`;
  if (type === 'estimated') return `${people} (planned)`;
  return people;
}

function classificationWords(field: ClassificationField, value: string | undefined): string {
  if (value === undefined || value === '') {
    return field === 'diseases' ? 'no autoimmune disease' : 'none';
  }
  if (field === 'diseases') {
    return value
      .split(',')
      .map((d) => (isDiseaseId(d) ? DISEASE_LABELS[d] : d))
      .join(', ');
  }
  if (field === 'therapy') return THERAPY_LABELS[value as Therapy] ?? value;
  return TRANSPLANT_TYPE_LABELS[value as TransplantType] ?? value;
}

const CLASSIFICATION_NAMES: Record<ClassificationField, string> = {
  diseases: 'Disease',
  therapy: 'Therapy',
  transplantType: 'Transplant type',
};

/** What the entry says, in plain words ("Status: Recruiting → Completed"). */
export function describeLedgerEntry(e: LedgerEntry): string {
  const arrow = (from: string, to: string) => `${from} → ${to}`;
  switch (e.kind) {
    case 'new':
      return e.to === undefined
        ? 'New trial in the dashboard'
        : `New trial in the dashboard (${statusLabel(e.to)})`;
    case 'returned':
      return 'Back in the search results';
    case 'gone':
      return 'No longer in the search results (withdrawn from the query or reworded)';
    case 'status':
      return `Status: ${arrow(statusLabel(e.from ?? 'UNKNOWN'), statusLabel(e.to ?? 'UNKNOWN'))}`;
    case 'enrollment':
      return `Enrollment: ${arrow(enrollmentWords(e.from), enrollmentWords(e.to))}`;
    case 'start-date':
      return `Start date moved: ${arrow(e.from ?? 'not stated', e.to ?? 'not stated')}`;
    case 'completion-date':
      return `Completion date moved: ${arrow(e.from ?? 'not stated', e.to ?? 'not stated')}`;
    case 'results':
      return 'Results posted';
    case 'phase':
      return `Phase: ${arrow(phaseLabel(e.from ?? 'UNSPECIFIED'), phaseLabel(e.to ?? 'UNSPECIFIED'))}`;
    case 'classification': {
      const field = e.field ?? 'diseases';
      const change = `${CLASSIFICATION_NAMES[field]}: ${arrow(
        classificationWords(field, e.from),
        classificationWords(field, e.to),
      )}`;
      const rules = e.rulesVersion === undefined ? '' : ` (rules version ${e.rulesVersion})`;
      return e.reclassified
        ? `Reclassified by the dashboard's rules, not a change of the record. ${change}${rules}`
        : `${change}${rules}`;
    }
  }
}

const KIND_NOUNS: Record<LedgerKind, readonly [string, string]> = {
  new: ['new trial', 'new trials'],
  returned: ['trial back in the search results', 'trials back in the search results'],
  gone: ['trial no longer in the search results', 'trials no longer in the search results'],
  status: ['status change', 'status changes'],
  enrollment: ['enrollment change', 'enrollment changes'],
  'start-date': ['start date moved', 'start dates moved'],
  'completion-date': ['completion date moved', 'completion dates moved'],
  results: ['trial posted results', 'trials posted results'],
  phase: ['phase change', 'phase changes'],
  classification: ['change of classification', 'changes of classification'],
};

/** "2 status changes, 1 trial posted results": counts per kind, in the order of LEDGER_KINDS. */
export function summarizeEntries(entries: readonly LedgerEntry[]): string {
  const counts = new Map<LedgerKind, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return LEDGER_KINDS.flatMap((kind) => {
    const n = counts.get(kind) ?? 0;
    const [one, many] = KIND_NOUNS[kind];
    return n === 0 ? [] : [pluralize(n, one, many)];
  }).join(', ');
}

/** Status changes to Completed or Terminated, and posted results: what researchers watch for. */
export function isHighlighted(e: LedgerEntry): boolean {
  return (
    e.kind === 'results' || (e.kind === 'status' && (e.to === 'COMPLETED' || e.to === 'TERMINATED'))
  );
}

/** Newest first: by data date, then by the record's date. */
export function newestFirst(a: LedgerEntry, b: LedgerEntry): number {
  return (
    b.dataDate.localeCompare(a.dataDate) ||
    (b.updated ?? '').localeCompare(a.updated ?? '') ||
    a.nctId.localeCompare(b.nctId)
  );
}

/** The entries of one trial, newest first. */
export function trialTimeline(ledger: Ledger, nctId: string): LedgerEntry[] {
  return ledger.entries.filter((e) => e.nctId === nctId).sort(newestFirst);
}

/** Entries seen on or after `sinceDate` (yyyy-MM-dd), newest first. */
export function entriesSince(ledger: Ledger, sinceDate: string): LedgerEntry[] {
  return ledger.entries.filter((e) => e.dataDate >= sinceDate).sort(newestFirst);
}

/** yyyy-MM-dd `days` before `date` (yyyy-MM-dd or ISO date-time). */
export function daysBefore(date: string, days: number): string {
  const t = Date.parse(`${dateOf(date)}T00:00:00Z`);
  return new Date(t - days * 86_400_000).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------------------------
// Reading and writing

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseEntry(raw: unknown): LedgerEntry | undefined {
  if (!isRecord(raw)) return undefined;
  const { nctId, kind, field, from, to, updated, dataDate, rulesVersion, reclassified } = raw;
  if (!isText(nctId) || !isText(dataDate) || !DATE.test(dataDate)) return undefined;
  if (!(LEDGER_KINDS as readonly unknown[]).includes(kind)) return undefined;
  const entry: LedgerEntry = { nctId, kind: kind as LedgerKind, dataDate };
  if ((CLASSIFICATION_FIELDS as readonly unknown[]).includes(field)) {
    entry.field = field as ClassificationField;
  }
  if (isText(from)) entry.from = from;
  if (isText(to)) entry.to = to;
  if (isText(updated)) entry.updated = updated;
  if (isText(rulesVersion)) entry.rulesVersion = rulesVersion;
  if (reclassified === true) entry.reclassified = true;
  return entry;
}

function parseTrial(raw: unknown): LedgerTrial | undefined {
  if (!isRecord(raw)) return undefined;
  const { title, diseases, therapy, transplantType } = raw;
  if (!isText(title) || !Array.isArray(diseases)) return undefined;
  if (!(THERAPIES as readonly unknown[]).includes(therapy)) return undefined;
  if (!(TRANSPLANT_TYPES as readonly unknown[]).includes(transplantType)) return undefined;
  return {
    title,
    diseases: diseases.filter((d): d is DiseaseId => isText(d) && isDiseaseId(d)),
    therapy: therapy as Therapy,
    transplantType: transplantType as TransplantType,
  };
}

/**
 * A ledger read back from a file. Throws when the value is not a ledger of this format (the snapshot
 * must not build on a ledger it cannot read); entries or trials of the wrong shape are dropped and
 * counted in `dropped`.
 */
export function parseLedger(value: unknown): { ledger: Ledger; dropped: number } {
  if (!isRecord(value)) throw new Error('The ledger is not a JSON object.');
  if (value.format !== LEDGER_FORMAT) {
    throw new Error(
      `The ledger has format ${String(value.format)}; this version reads format ${LEDGER_FORMAT}.`,
    );
  }
  const { snapshot, seenIds, trials, entries } = value;
  if (!Array.isArray(seenIds) || !Array.isArray(entries) || !isRecord(trials)) {
    throw new Error('The ledger lacks "seenIds", "trials" or "entries".');
  }
  let dropped = 0;
  const ledger = emptyLedger();
  if (
    isRecord(snapshot) &&
    isText(snapshot.dataDate) &&
    isText(snapshot.rulesVersion) &&
    isText(snapshot.hash)
  ) {
    ledger.snapshot = {
      dataDate: snapshot.dataDate,
      rulesVersion: snapshot.rulesVersion,
      hash: snapshot.hash,
    };
  }
  ledger.seenIds = seenIds.filter(isText);
  for (const [id, raw] of Object.entries(trials)) {
    const t = parseTrial(raw);
    if (t === undefined) dropped += 1;
    else ledger.trials[id] = t;
  }
  for (const raw of entries) {
    const e = parseEntry(raw);
    if (e === undefined) dropped += 1;
    else ledger.entries.push(e);
  }
  return { ledger, dropped };
}

/** One entry and one trial per line, so that the nightly diffs of the file stay readable. */
export function serializeLedger(ledger: Ledger): string {
  const lines = (items: string[]) => (items.length === 0 ? '' : `\n${items.join(',\n')}\n  `);
  const trials = Object.keys(ledger.trials)
    .sort()
    .map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(ledger.trials[id])}`);
  const entries = ledger.entries.map((e) => `    ${JSON.stringify(e)}`);
  return (
    `{\n  "format": ${LEDGER_FORMAT},\n` +
    (ledger.snapshot ? `  "snapshot": ${JSON.stringify(ledger.snapshot)},\n` : '') +
    `  "seenIds": ${JSON.stringify(ledger.seenIds)},\n` +
    `  "trials": {${lines(trials)}},\n` +
    `  "entries": [${lines(entries)}]\n}\n`
  );
}

// ------------------------------------------------------------------------------------------------
// The baseline: the last snapshot as the ledger compares it, kept between runs of the snapshot job.

const STATE_KEYS = [
  'nctId',
  'title',
  'status',
  'phase',
  'diseases',
  'therapy',
  'transplantType',
  'hasResults',
  'lastUpdated',
  'enrollment',
  'startDate',
  'completionDate',
] as const satisfies readonly (keyof LedgerTrialState)[];

/** Only what the ledger compares, in a fixed key order (so the same data gives the same text). */
export function trialState(t: LedgerTrialState): LedgerTrialState {
  const out: Record<string, unknown> = {};
  for (const key of STATE_KEYS) if (t[key] !== undefined) out[key] = t[key];
  return out as LedgerTrialState;
}

/** One trial per line. */
export function serializeBaseline(snapshot: ClassifiedSnapshot): string {
  const trials = snapshot.trials.map((t) => `    ${JSON.stringify(trialState(t))}`).join(',\n');
  const head = JSON.stringify({
    dataDate: snapshot.dataDate,
    rulesVersion: snapshot.rulesVersion,
    hash: snapshot.hash,
  });
  return `{\n  "snapshot": ${head},\n  "trials": [\n${trials}\n  ]\n}\n`;
}

function parseState(raw: unknown): LedgerTrialState | undefined {
  if (!isRecord(raw)) return undefined;
  const trial = parseTrial(raw);
  const { nctId, status, phase, hasResults, lastUpdated, enrollment, startDate, completionDate } =
    raw;
  if (trial === undefined || !isText(nctId) || !isText(status) || !isText(phase)) return undefined;
  if (typeof hasResults !== 'boolean') return undefined;
  const state: LedgerTrialState = { nctId, status, phase: phase as Phase, hasResults, ...trial };
  if (isText(lastUpdated)) state.lastUpdated = lastUpdated;
  if (isText(startDate)) state.startDate = startDate;
  if (isText(completionDate)) state.completionDate = completionDate;
  if (isRecord(enrollment) && typeof enrollment.count === 'number' && isText(enrollment.type)) {
    state.enrollment = enrollment as Enrollment;
  }
  return state;
}

/** The baseline read back; throws when any part of it is damaged (the job must not diff against it). */
export function parseBaseline(value: unknown): ClassifiedSnapshot {
  if (!isRecord(value) || !isRecord(value.snapshot) || !Array.isArray(value.trials)) {
    throw new Error('The ledger baseline lacks "snapshot" or "trials".');
  }
  const { dataDate, rulesVersion, hash } = value.snapshot;
  if (!isText(dataDate) || !isText(rulesVersion) || !isText(hash)) {
    throw new Error('The ledger baseline has no data date, rules version or hash.');
  }
  const trials = value.trials.map((raw, i) => {
    const state = parseState(raw);
    if (state === undefined) throw new Error(`The ledger baseline's trial ${i + 1} is damaged.`);
    return state;
  });
  return { dataDate, rulesVersion, hash, trials };
}
