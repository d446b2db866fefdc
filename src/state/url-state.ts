/**
 * URL state: the query string IS the state of the exploration page (filters, view, table sort, selected
 * trial), so any view is a link, back/forward work and a reload restores the view. Built on nuqs parsers;
 * the app wraps everything in `NuqsAdapter` from 'nuqs/adapters/react', tests in `NuqsTestingAdapter`.
 *
 * ## URL parameters (public API — keep names and rules stable)
 *
 * | Parameter | Value | Example |
 * |-----------|-------|---------|
 * | `disease` | comma-separated disease ids (src/domain/diseases.ts) | `disease=systemic-sclerosis,lupus` |
 * | `therapy` | comma-separated therapies `hsct`, `car-t`, `msc`, `treg`, `other`; **absent = `hsct` (the default)**; `therapy=all` = no therapy filter | `therapy=hsct,car-t` |
 * | `type` | transplant types `autologous`, `allogeneic`, `both`, `unspecified` | `type=autologous` |
 * | `phase` | phases as the model ids: `EARLY_PHASE1`, `PHASE1`, `PHASE1_PHASE2`, `PHASE2`, `PHASE2_PHASE3`, `PHASE3`, `PHASE4`, `NA`, `UNSPECIFIED` | `phase=PHASE2,PHASE3` |
 * | `status` | API overall status values (`RECRUITING`, `COMPLETED`, …) | `status=RECRUITING` |
 * | `country` | location country names as the API writes them | `country=France,Korea%252C+Republic+of` |
 * | `from`, `to` | start year range, inclusive (4-digit years 1900–2100) | `from=2015&to=2024` |
 * | `sponsor` | API sponsor classes `NIH`, `FED`, `OTHER_GOV`, `INDIV`, `INDUSTRY`, `NETWORK`, `AMBIG`, `OTHER`, `UNKNOWN` | `sponsor=INDUSTRY` |
 * | `results` | `1` = only trials with posted results | `results=1` |
 * | `q` | free text (title, acronym, NCT id, sponsor, interventions; every word must match) | `q=cyclophosphamide` |
 * | `hidden` | `1` = also show records the classifier excluded (no autoimmune disease) | `hidden=1` |
 * | `view` | `dashboard` (default), `table`, `patient` | `view=table` |
 * | `sort` | table sort `column:direction`, column one of `nctId`, `title`, `diseases`, `therapy`, `phase`, `status`, `start`, `enrollment`, `sponsor`, `countries`; direction `asc`/`desc` (default `asc` when omitted); default `start:desc` | `sort=enrollment:desc` |
 * | `trial` | an NCT id: opens the trial detail | `trial=NCT01234567` |
 *
 * Rules:
 * - Lists are comma-separated. A comma that belongs to a value is written `%2C` inside that value (so the
 *   value `Korea, Republic of` is stored as `Korea%2C Republic of`; in the address bar, where `%` itself is
 *   escaped, it reads `Korea%252C+Republic+of`). For hand-written links, a comma followed by a space is
 *   also read as part of the value (`country=Korea, Republic of,France` works): no id uses ", ".
 * - Values are matched case-insensitively for ids (`disease=LUPUS` works) and de-duplicated; a trailing
 *   comma or empty item is ignored.
 * - Defaults are omitted from the URL: no `therapy` means HSCT only, no `view` means the dashboard, no
 *   `sort` means newest start first. Clearing all filters removes every filter parameter.
 * - Unknown or malformed values (an unknown disease id, `from=abc`, `trial=12`) are ignored, and the page
 *   shows a quiet notice listing what was ignored; the rest of the link still applies. Unknown parameter
 *   names are left alone (other features own `embed`, `panels`, `lock`, `theme`, `accent`, `origins`,
 *   `changed`).
 * - Changing filters, view, sort or the selected trial pushes a history entry (back/forward step through
 *   them); typing in the search box replaces the current entry.
 */
import {
  createParser,
  createSerializer,
  parseAsString,
  useQueryStates,
  type Options,
  type SingleParserBuilder,
} from 'nuqs';
import { createContext, useCallback, useContext, useMemo } from 'react';
import { DISEASE_IDS, type DiseaseId } from '../domain/diseases.ts';
import { DEFAULT_FILTERS, type TrialFilters } from '../domain/filters.ts';
import {
  PHASES,
  SPONSOR_CLASSES,
  STATUSES,
  THERAPIES,
  TRANSPLANT_TYPES,
  type Phase,
  type Therapy,
  type TransplantType,
} from '../domain/trial.ts';

// ---------------------------------------------------------------------------------------------
// Public types

export const VIEWS = ['dashboard', 'table', 'patient'] as const;
export type View = (typeof VIEWS)[number];

export const SORT_COLUMNS = [
  'nctId',
  'title',
  'diseases',
  'therapy',
  'phase',
  'status',
  'start',
  'enrollment',
  'sponsor',
  'countries',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export type TableSort = { column: SortColumn; direction: SortDirection };
export const DEFAULT_SORT: TableSort = Object.freeze({ column: 'start', direction: 'desc' });

/** One ignored piece of the URL (the "quiet notice"). */
export type ParseIssue = { param: string; value: string; reason: string };

export type UrlUpdateOptions = { history?: 'push' | 'replace' };

// ---------------------------------------------------------------------------------------------
// Value rules (shared by the parsers and parseIssues)

const MAX_TEXT = 200;
const ENCODED_COMMA = '%2C';
/** Item separator: a comma not followed by a space (", " belongs to values such as "Korea, Republic of"). */
const SEPARATOR = /,(?! )/;

function splitList(raw: string): string[] {
  return raw
    .split(SEPARATOR)
    .map((item) => item.replaceAll(ENCODED_COMMA, ',').replaceAll('%2c', ',').trim())
    .filter((item) => item.length > 0);
}

function joinList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(',', ENCODED_COMMA)).join(',');
}

function lookup<T extends string>(
  values: readonly T[],
  fold: 'lower' | 'upper',
): (item: string) => T | null {
  const index = new Map<string, T>(
    values.map((v) => [fold === 'lower' ? v.toLowerCase() : v.toUpperCase(), v]),
  );
  return (item) => index.get(fold === 'lower' ? item.toLowerCase() : item.toUpperCase()) ?? null;
}

const COUNTRY_RE = /^[\p{L}\p{M}0-9 .,'’()&-]{2,80}$/u;

const itemRules = {
  disease: lookup<DiseaseId>(DISEASE_IDS, 'lower'),
  therapy: lookup<Therapy>(THERAPIES, 'lower'),
  type: lookup<TransplantType>(TRANSPLANT_TYPES, 'lower'),
  phase: lookup<Phase>(PHASES, 'upper'),
  status: lookup<string>(STATUSES, 'upper'),
  country: (item: string): string | null => (COUNTRY_RE.test(item) ? item : null),
  sponsor: lookup<string>(SPONSOR_CLASSES, 'upper'),
};
type ListKey = keyof typeof itemRules;
const LIST_KEYS = Object.keys(itemRules) as ListKey[];

function parseListItems<T>(
  raw: string,
  rule: (item: string) => T | null,
): { values: T[]; rejected: string[] } {
  const values: T[] = [];
  const rejected: string[] = [];
  for (const item of splitList(raw)) {
    const v = rule(item);
    if (v === null) rejected.push(item);
    else if (!values.includes(v)) values.push(v);
  }
  return { values, rejected };
}

function parseYear(raw: string): number | null {
  if (!/^\d{4}$/.test(raw.trim())) return null;
  const y = Number(raw.trim());
  return y >= 1900 && y <= 2100 ? y : null;
}

function parseFlag(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === '') return false;
  return null;
}

function parseNctId(raw: string): string | null {
  const v = raw.trim().toUpperCase();
  return /^NCT\d{8}$/.test(v) ? v : null;
}

function parseSort(raw: string): TableSort | null {
  const [col = '', dir = 'asc', ...rest] = raw.trim().split(':');
  if (rest.length > 0) return null;
  const column = SORT_COLUMNS.find((c) => c.toLowerCase() === col.toLowerCase());
  const direction = dir.toLowerCase();
  if (!column || (direction !== 'asc' && direction !== 'desc')) return null;
  return { column, direction };
}

// ---------------------------------------------------------------------------------------------
// nuqs parsers

function sameOrderedList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function listParser<T extends string>(rule: (item: string) => T | null): SingleParserBuilder<T[]> {
  return createParser<T[]>({
    parse: (raw) => {
      if (raw.trim() === '') return [];
      const { values } = parseListItems(raw, rule);
      return values.length > 0 ? values : null;
    },
    serialize: joinList,
    eq: sameOrderedList,
  });
}

/** `therapy`: absent (or empty) = default ['hsct']; `all` = no therapy filter ([]). */
const therapyParser = createParser<Therapy[]>({
  parse: (raw) => {
    const v = raw.trim();
    if (v === '') return null;
    if (v.toLowerCase() === 'all') return [];
    const { values } = parseListItems(v, itemRules.therapy);
    return values.length > 0 ? values : null;
  },
  serialize: (values) => (values.length === 0 ? 'all' : joinList(values)),
  eq: sameOrderedList,
});

const yearParser = createParser<number>({ parse: parseYear, serialize: String });
const flagParser = createParser<boolean>({ parse: parseFlag, serialize: (v) => (v ? '1' : '0') });
const textParser = createParser<string>({
  parse: (raw) => raw.slice(0, MAX_TEXT),
  serialize: (v) => v,
});

/** The parsers of the filter parameters (keys = URL parameter names = TrialFilters keys). */
export const trialFilterParsers = {
  disease: listParser(itemRules.disease).withDefault([]),
  therapy: therapyParser.withDefault([...DEFAULT_FILTERS.therapy]),
  type: listParser(itemRules.type).withDefault([]),
  phase: listParser(itemRules.phase).withDefault([]),
  status: listParser(itemRules.status).withDefault([]),
  country: listParser(itemRules.country).withDefault([]),
  from: yearParser,
  to: yearParser,
  sponsor: listParser(itemRules.sponsor).withDefault([]),
  results: flagParser.withDefault(false),
  q: textParser.withDefault(''),
  hidden: flagParser.withDefault(false),
};

export const viewParser = createParser<View>({
  parse: (raw) => VIEWS.find((v) => v === raw.trim().toLowerCase()) ?? null,
  serialize: (v) => v,
}).withDefault('dashboard');

export const sortParser = createParser<TableSort>({
  parse: parseSort,
  serialize: (s) => `${s.column}:${s.direction}`,
  eq: (a, b) => a.column === b.column && a.direction === b.direction,
}).withDefault(DEFAULT_SORT);

export const trialParser = createParser<string>({ parse: parseNctId, serialize: (v) => v });

const allParsers = {
  ...trialFilterParsers,
  view: viewParser,
  sort: sortParser,
  trial: trialParser,
};

const serializeAll = createSerializer(allParsers);

/**
 * The query string (with leading '?', or '' when everything is default) for a state — for share links and
 * tests. Parameters left out of `state` are left out of the result.
 */
export function toSearchString(
  state: Partial<TrialFilters> & { view?: View; sort?: TableSort; trial?: string | null },
): string {
  return serializeAll(state);
}

// ---------------------------------------------------------------------------------------------
// The quiet notice

/** What a URL asks for that the page ignores (unknown ids, malformed numbers …), in parameter order. */
export function parseIssues(search: string | URLSearchParams): ParseIssue[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const issues: ParseIssue[] = [];
  const add = (param: string, value: string, reason: string) =>
    issues.push({ param, value, reason });
  for (const key of LIST_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    if (key === 'therapy' && raw.trim().toLowerCase() === 'all') continue;
    for (const item of parseListItems(raw, itemRules[key]).rejected) {
      add(key, item, key === 'country' ? 'not a country name' : `unknown ${key} value`);
    }
  }
  for (const key of ['from', 'to'] as const) {
    const raw = params.get(key);
    if (raw !== null && raw.trim() !== '' && parseYear(raw) === null)
      add(key, raw, 'not a year (1900–2100)');
  }
  const from = parseYear(params.get('from') ?? '');
  const to = parseYear(params.get('to') ?? '');
  if (from !== null && to !== null && from > to)
    add('from', `${from}–${to}`, 'start year range is empty');
  for (const key of ['results', 'hidden'] as const) {
    const raw = params.get(key);
    if (raw !== null && parseFlag(raw) === null) add(key, raw, 'expected 1');
  }
  const q = params.get('q');
  if (q !== null && q.length > MAX_TEXT)
    add('q', `${q.slice(0, 20)}…`, `search text cut to ${MAX_TEXT} characters`);
  const view = params.get('view');
  if (view !== null && viewParser.parse(view) === null) add('view', view, 'unknown view');
  const sort = params.get('sort');
  if (sort !== null && sort.trim() !== '' && parseSort(sort) === null)
    add('sort', sort, 'unknown sort');
  const trial = params.get('trial');
  if (trial !== null && trial.trim() !== '' && parseNctId(trial) === null)
    add('trial', trial, 'not an NCT id');
  return issues;
}

/** One sentence for the notice, e.g. 'Ignored in the link: disease "foo" (unknown disease value).' */
export function describeParseIssues(issues: readonly ParseIssue[]): string {
  if (issues.length === 0) return '';
  return `Ignored in the link: ${issues.map((i) => `${i.param} "${i.value}" (${i.reason})`).join('; ')}.`;
}

const rawParsers = Object.fromEntries(
  Object.keys(allParsers).map((k) => [k, parseAsString]),
) as Record<keyof typeof allParsers, typeof parseAsString>;

/** The issues of the current URL (re-evaluated when the URL changes). */
export function useParseIssues(): ParseIssue[] {
  const [raw] = useQueryStates(rawParsers);
  const key = JSON.stringify(raw);
  return useMemo(() => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(JSON.parse(key) as Record<string, string | null>)) {
      if (v !== null) params.set(k, v);
    }
    return parseIssues(params);
  }, [key]);
}

// ---------------------------------------------------------------------------------------------
// Hooks

/**
 * How URL changes enter the browser history below this provider: 'push' (the default: back/forward step
 * through views) or 'replace'. Embed mode provides 'replace': a frame never adds entries to the host
 * page's history, whatever a component asks for.
 */
export const UrlHistoryContext = createContext<'push' | 'replace'>('push');

function useNuqsOptions(): (options?: UrlUpdateOptions) => Options {
  const mode = useContext(UrlHistoryContext);
  return useCallback(
    (options?: UrlUpdateOptions) => ({
      history: mode === 'replace' ? 'replace' : (options?.history ?? 'push'),
      scroll: false,
    }),
    [mode],
  );
}

/**
 * The filters in the URL. The setter merges a partial update (`{ disease: ['lupus'] }`); `null` clears every
 * filter back to DEFAULT_FILTERS. Pushes a history entry unless `{ history: 'replace' }` is passed.
 */
export function useTrialFilters(): [
  TrialFilters,
  (next: Partial<TrialFilters> | null, options?: UrlUpdateOptions) => void,
] {
  const [values, setValues] = useQueryStates(trialFilterParsers);
  const nuqsOptions = useNuqsOptions();
  const setFilters = useCallback(
    (next: Partial<TrialFilters> | null, options?: UrlUpdateOptions) => {
      void setValues(next, nuqsOptions(options));
    },
    [setValues, nuqsOptions],
  );
  return [values, setFilters];
}

export function useView(): [View, (view: View, options?: UrlUpdateOptions) => void] {
  const [{ view }, setValues] = useQueryStates({ view: viewParser });
  const nuqsOptions = useNuqsOptions();
  const setView = useCallback(
    (next: View, options?: UrlUpdateOptions) =>
      void setValues({ view: next }, nuqsOptions(options)),
    [setValues, nuqsOptions],
  );
  return [view, setView];
}

export function useSelectedTrial(): [
  string | null,
  (nctId: string | null, options?: UrlUpdateOptions) => void,
] {
  const [{ trial }, setValues] = useQueryStates({ trial: trialParser });
  const nuqsOptions = useNuqsOptions();
  const setTrial = useCallback(
    (next: string | null, options?: UrlUpdateOptions) =>
      void setValues({ trial: next === null ? null : parseNctId(next) }, nuqsOptions(options)),
    [setValues, nuqsOptions],
  );
  return [trial, setTrial];
}

export function useTableSort(): [
  TableSort,
  (sort: TableSort | null, options?: UrlUpdateOptions) => void,
] {
  const [{ sort }, setValues] = useQueryStates({ sort: sortParser });
  const nuqsOptions = useNuqsOptions();
  const setSort = useCallback(
    (next: TableSort | null, options?: UrlUpdateOptions) =>
      void setValues({ sort: next }, nuqsOptions(options)),
    [setValues, nuqsOptions],
  );
  return [sort, setSort];
}
