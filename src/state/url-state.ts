/**
 * URL state: the query string IS the state of the exploration page (filters, view, table sort, selected
 * trial), so any view is a link, back/forward work and a reload restores the view. Built on nuqs parsers;
 * the app wraps everything in `NuqsAdapter` from 'nuqs/adapters/react', tests in `NuqsTestingAdapter`.
 *
 * ## URL parameters (public API — keep names and rules stable)
 *
 * The filter parameters, their values and defaults are defined in src/domain/filter-schema.ts; the
 * README's "URL parameters" table is written from it (`npm run readme:params`). This module adds
 * `view`, `sort` and `trial`.
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
  parseAsArrayOf,
  parseAsString,
  useQueryStates,
  type Options,
  type SingleParserBuilder,
} from 'nuqs';
import { createContext, useCallback, useContext, useMemo } from 'react';
import {
  FILTER_KEYS,
  FILTER_SCHEMA,
  describeIgnored,
  readFilter,
  readFilters,
  type FilterIssue,
  type FilterKey,
  type FilterValues,
  type RawFilterValue,
} from '../domain/filter-schema.ts';
import type { TrialFilters } from '../domain/filters.ts';

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
  'design',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export type TableSort = { column: SortColumn; direction: SortDirection };
export const DEFAULT_SORT: TableSort = Object.freeze({ column: 'start', direction: 'desc' });

/** One ignored piece of the URL (the "quiet notice"). */
export type ParseIssue = FilterIssue;

export type UrlUpdateOptions = { history?: 'push' | 'replace' };

// ---------------------------------------------------------------------------------------------
// Lists in a link

/** nuqs's list parser: items joined with ',', a ',' inside an item written '%2C'. */
const urlList = parseAsArrayOf(parseAsString);

/**
 * The items of a list parameter. For hand-written links a comma followed by a space belongs to the
 * value ("Korea, Republic of"; no id contains ", "), and '%2c' is read as '%2C'.
 */
function splitList(raw: string): string[] {
  return (urlList.parse(raw.replaceAll('%2c', '%2C').replaceAll(', ', '%2C ')) ?? [])
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A filter parameter's value as the schema reads it: lists split into their items. */
function rawFilter(key: FilterKey, raw: string): RawFilterValue {
  return FILTER_SCHEMA[key].kind === 'list' ? splitList(raw) : raw;
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

type Value<K extends FilterKey> = NonNullable<FilterValues[K]>;

/**
 * The parser of one filter parameter, from the schema: what the schema reads (nothing usable = the
 * default). A list whose default is not empty (therapy) writes its `allWord` for "no filter".
 */
function filterParser<K extends FilterKey>(key: K): SingleParserBuilder<Value<K>> {
  const spec = FILTER_SCHEMA[key];
  const parse = (raw: string) => readFilter(key, rawFilter(key, raw)) as Value<K> | null;
  switch (spec.kind) {
    case 'list': {
      const allWord = 'allWord' in spec ? spec.allWord : undefined;
      return createParser<Value<K>>({
        parse,
        serialize: (values) =>
          allWord !== undefined && (values as string[]).length === 0
            ? allWord
            : urlList.serialize(values as string[]),
        eq: (a, b) => urlList.eq(a as string[], b as string[]),
      });
    }
    case 'year':
      return createParser({ parse, serialize: String });
    case 'flag':
      return createParser({ parse, serialize: (v) => (v ? '1' : '0') });
    case 'text':
      return createParser({ parse, serialize: String });
  }
}

type FilterParsers = {
  [K in FilterKey]: null extends FilterValues[K]
    ? SingleParserBuilder<Value<K>>
    : ReturnType<SingleParserBuilder<Value<K>>['withDefault']>;
};

/** The parsers of the filter parameters (keys = URL parameter names = TrialFilters keys). */
export const trialFilterParsers = Object.fromEntries(
  FILTER_KEYS.map((key) => {
    const parser = filterParser(key);
    const fallback = readFilter(key, null);
    return [key, fallback === null ? parser : parser.withDefault(fallback)];
  }),
) as FilterParsers;

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

/**
 * The one serializer of the page's URL state: `serializeUrlState(base, values)` writes the values given
 * (defaults left out, null removes) into `base` and keeps every parameter it does not own.
 */
export const serializeUrlState = createSerializer(allParsers);

/**
 * The query string (with leading '?', or '' when everything is default) for a state — for share links and
 * tests. Parameters left out of `state` are left out of the result.
 */
export function toSearchString(
  state: Partial<TrialFilters> & { view?: View; sort?: TableSort; trial?: string | null },
): string {
  return serializeUrlState(state);
}

// ---------------------------------------------------------------------------------------------
// The quiet notice

/** What a URL asks for that the page ignores (unknown ids, malformed numbers …), in parameter order. */
export function parseIssues(search: string | URLSearchParams): ParseIssue[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw: Partial<Record<FilterKey, RawFilterValue>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null) raw[key] = rawFilter(key, value);
  }
  const issues = readFilters(raw).issues;
  const add = (param: string, value: string, reason: string) =>
    issues.push({ param, value, reason });
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
  return describeIgnored('the link', issues);
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

/** `data=live`: load every trial from the live API instead of the snapshot plus its live changes. */
export const dataParser = createParser<'live'>({
  parse: (raw) => (raw.trim().toLowerCase() === 'live' ? 'live' : null),
  serialize: (v) => v,
});

/** Whether the URL asks for the full live pull (`data=live`), and a setter (pushes a history entry). */
export function useFullLivePull(): [boolean, (on: boolean) => void] {
  const [{ data }, setValues] = useQueryStates({ data: dataParser });
  const nuqsOptions = useNuqsOptions();
  const setOn = useCallback(
    (on: boolean) => void setValues({ data: on ? 'live' : null }, nuqsOptions()),
    [setValues, nuqsOptions],
  );
  return [data === 'live', setOn];
}
