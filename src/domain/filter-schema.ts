/**
 * The filter vocabulary, defined once: every filter's id (= URL parameter = TrialFilters key =
 * setFilters key), label, allowed values and their labels, case rule, default, range, what it reads of
 * a trial and its line in the README's URL-parameter table. Everything else derives from FILTER_SCHEMA:
 * the TrialFilters type and DEFAULT_FILTERS (filters.ts), the filtering and facet counts (filters.ts),
 * the URL parsers and the link notice (src/state/url-state.ts), the setFilters check of embed mode
 * (embed-params.ts), the message types of the embed protocol (src/lib/embed-protocol.ts) and the README
 * table (`npm run readme:params`).
 *
 * Adding a list facet = one `listFilter({...})` entry here (plus its tests); the README table is
 * rewritten by the script and a test fails while it is stale.
 *
 * Pure domain code: no React, no URL.
 */
import { DISEASE_IDS, DISEASE_LABELS } from './diseases.ts';
import {
  ALLOCATION_LABELS,
  ALLOCATIONS,
  COMPARATOR_LABELS,
  COMPARATORS,
  CONDITIONING_INTENSITIES,
  CONDITIONING_LABELS,
  GRAFT_LABELS,
  GRAFT_MANIPULATIONS,
  PUBLICATION_LABELS,
  PUBLICATIONS,
  REGIMEN_FAMILIES,
  REGIMEN_LABELS,
} from './rules/design-rules.ts';
import {
  PHASES,
  PHASE_LABELS,
  SPONSOR_CLASSES,
  STATUSES,
  STATUS_LABELS,
  THERAPIES,
  THERAPY_LABELS,
  TRANSPLANT_TYPES,
  TRANSPLANT_TYPE_LABELS,
  sponsorClassLabel,
  type Trial,
} from './trial.ts';

/** The filter's line in the README's URL-parameter table (Markdown). */
export type FilterDoc = { value: string; example: string };

/** A filter whose value is a list of ids or names (a facet with checkboxes). */
export type ListFilter<T extends string = string> = {
  readonly kind: 'list';
  /** Name shown on the facet and on its active-filter chips. */
  readonly label: string;
  /** The allowed values in display order. */
  readonly values: readonly T[];
  /**
   * How a value from a link or a message is matched: 'lower' / 'upper' = one of `values`, in any letter
   * case; a pattern = any text it matches (for open vocabularies such as country names).
   */
  readonly match: 'lower' | 'upper' | RegExp;
  /** Label of a value (unknown values are shown as written). */
  readonly valueLabel: (value: string) => string;
  readonly default: readonly T[];
  /** A word meaning "no filter" (the empty list) for a filter whose default is not empty. */
  readonly allWord?: string;
  /** Reason in the notice when a value is refused. */
  readonly refused: string;
  /** The trial's value(s) for this facet: a trial matches when one of them is selected. */
  readonly of: (t: Trial) => string | readonly string[];
  /** How the filter panel shows the facet. */
  readonly panel: {
    /** Leave out options no trial has (unless selected). */
    readonly hideEmpty?: boolean;
    /** A scrolling list (long vocabularies). */
    readonly scroll?: boolean;
    /**
     * Also offer values found in the trials that are not in `values`, most trials first (open
     * vocabularies, and API values the app does not know yet).
     */
    readonly dataValues?: boolean;
  };
  readonly doc: FilterDoc;
};

/** One end of the start-year range (inclusive). */
export type YearFilter = {
  readonly kind: 'year';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** null: documented on the line of the filter before it. */
  readonly doc: FilterDoc | null;
};

/** An on/off switch (off = no filter). */
export type FlagFilter = {
  readonly kind: 'flag';
  readonly label: string;
  /** Shown as a checkbox in the filter panel (false: the app offers it elsewhere). */
  readonly inPanel: boolean;
  readonly doc: FilterDoc;
};

/** Free text. */
export type TextFilter = {
  readonly kind: 'text';
  readonly label: string;
  readonly maxLength: number;
  readonly doc: FilterDoc;
};

export type FilterSpec = ListFilter | YearFilter | FlagFilter | TextFilter;

function listFilter<const T extends string>(spec: Omit<ListFilter<T>, 'kind'>): ListFilter<T> {
  return { kind: 'list', ...spec };
}

function labelOf<T extends string>(labels: Record<T, string>): (value: string) => string {
  return (value) => labels[value as T] ?? value;
}

const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** A trial without a sponsor counts as UNKNOWN. */
export function sponsorClassOf(t: Trial): string {
  return t.sponsor?.class ?? 'UNKNOWN';
}

/** A trial with no value for a facet (one shared empty list: `of` runs for every trial on every count). */
const NO_VALUES: readonly string[] = Object.freeze([]);

const code = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

/** Every filter, in URL order. The keys are public names (URL parameters, setFilters keys). */
export const FILTER_SCHEMA = {
  disease: listFilter({
    label: 'Disease',
    values: DISEASE_IDS,
    match: 'lower',
    valueLabel: labelOf(DISEASE_LABELS),
    default: [],
    refused: 'unknown disease value',
    of: (t) => t.diseases,
    panel: { hideEmpty: true, scroll: true },
    doc: {
      value: 'comma-separated disease ids (src/domain/diseases.ts)',
      example: '`disease=systemic-sclerosis,lupus`',
    },
  }),
  therapy: listFilter({
    label: 'Therapy',
    values: THERAPIES,
    match: 'lower',
    valueLabel: labelOf(THERAPY_LABELS),
    default: ['hsct'],
    allWord: 'all',
    refused: 'unknown therapy value',
    of: (t) => t.therapy,
    panel: {},
    doc: {
      value: `comma-separated therapies ${code(THERAPIES)}; **absent = \`hsct\` (the default)**; \`therapy=all\` = no therapy filter`,
      example: '`therapy=hsct,car-t`',
    },
  }),
  type: listFilter({
    label: 'Transplant type',
    values: TRANSPLANT_TYPES,
    match: 'lower',
    valueLabel: labelOf(TRANSPLANT_TYPE_LABELS),
    default: [],
    refused: 'unknown type value',
    of: (t) => t.transplantType,
    panel: {},
    doc: { value: `transplant types ${code(TRANSPLANT_TYPES)}`, example: '`type=autologous`' },
  }),
  phase: listFilter({
    label: 'Phase',
    values: PHASES,
    match: 'upper',
    valueLabel: labelOf(PHASE_LABELS),
    default: [],
    refused: 'unknown phase value',
    of: (t) => t.phase,
    panel: { hideEmpty: true },
    doc: { value: `phases as the model ids: ${code(PHASES)}`, example: '`phase=PHASE2,PHASE3`' },
  }),
  status: listFilter<string>({
    label: 'Status',
    values: STATUSES,
    match: 'upper',
    valueLabel: labelOf(STATUS_LABELS),
    default: [],
    refused: 'unknown status value',
    of: (t) => t.status,
    panel: { hideEmpty: true, dataValues: true },
    doc: {
      value: 'API overall status values (`RECRUITING`, `COMPLETED`, …)',
      example: '`status=RECRUITING`',
    },
  }),
  country: listFilter<string>({
    label: 'Country',
    values: [],
    match: /^[\p{L}\p{M}0-9 .,'’()&-]{2,80}$/u,
    valueLabel: (value) => value,
    default: [],
    refused: 'not a country name',
    of: (t) => t.countries,
    panel: { scroll: true, dataValues: true },
    doc: {
      value: 'location country names as the API writes them',
      example: '`country=France,Korea%252C+Republic+of`',
    },
  }),
  from: {
    kind: 'year',
    label: 'Start year from',
    ...YEAR_RANGE,
    doc: {
      value: `start year range, inclusive (4-digit years ${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
      example: '`from=2015&to=2024`',
    },
  },
  // Documented on the line of `from`.
  to: { kind: 'year', label: 'Start year to', ...YEAR_RANGE, doc: null },
  sponsor: listFilter<string>({
    label: 'Sponsor class',
    values: SPONSOR_CLASSES,
    match: 'upper',
    valueLabel: sponsorClassLabel,
    default: [],
    refused: 'unknown sponsor value',
    of: sponsorClassOf,
    panel: { hideEmpty: true },
    doc: { value: `API sponsor classes ${code(SPONSOR_CLASSES)}`, example: '`sponsor=INDUSTRY`' },
  }),
  results: {
    kind: 'flag',
    label: 'Has results',
    inPanel: true,
    doc: { value: '`1` = only trials with posted results', example: '`results=1`' },
  },
  q: {
    kind: 'text',
    label: 'Search',
    maxLength: 200,
    doc: {
      value: 'free text (title, acronym, NCT id, sponsor, interventions; every word must match)',
      example: '`q=cyclophosphamide`',
    },
  },
  hidden: {
    kind: 'flag',
    label: 'Including records not classified as autoimmune',
    inPanel: false,
    doc: {
      value: '`1` = also show records the classifier excluded (no autoimmune disease)',
      example: '`hidden=1`',
    },
  },
  // Design facets (docs/domain.md §2 "Design facets"; Trial.design, design-facets.ts).
  conditioning: listFilter({
    label: 'Conditioning intensity',
    values: CONDITIONING_INTENSITIES,
    match: 'lower',
    valueLabel: labelOf(CONDITIONING_LABELS),
    default: [],
    refused: 'unknown conditioning value',
    of: (t) => t.design.conditioning,
    panel: { hideEmpty: true },
    doc: {
      value: `conditioning intensity as the record states it (HSCT trials): ${code(CONDITIONING_INTENSITIES)} (high = TBI or busulfan, intermediate = BEAM, lymphoablative = Cy + ATG, reduced intensity = allogeneic RIC/NMA)`,
      example: '`conditioning=lymphoablative`',
    },
  }),
  regimen: listFilter({
    label: 'Conditioning regimen',
    values: REGIMEN_FAMILIES,
    match: 'lower',
    valueLabel: labelOf(REGIMEN_LABELS),
    default: [],
    refused: 'unknown regimen value',
    of: (t) => t.design.regimen ?? NO_VALUES,
    panel: { hideEmpty: true },
    doc: {
      value: `conditioning regimen family when the record names one: ${code(REGIMEN_FAMILIES)}`,
      example: '`regimen=cy-atg,beam-atg`',
    },
  }),
  graft: listFilter({
    label: 'Graft manipulation',
    values: GRAFT_MANIPULATIONS,
    match: 'lower',
    valueLabel: labelOf(GRAFT_LABELS),
    default: [],
    refused: 'unknown graft value',
    of: (t) => t.design.graft,
    panel: { hideEmpty: true },
    doc: {
      value: `graft manipulation: ${code(GRAFT_MANIPULATIONS)} (\`cd34-selected\` includes T-cell depleted grafts)`,
      example: '`graft=cd34-selected`',
    },
  }),
  allocation: listFilter({
    label: 'Allocation',
    values: ALLOCATIONS,
    match: 'lower',
    valueLabel: labelOf(ALLOCATION_LABELS),
    default: [],
    refused: 'unknown allocation value',
    of: (t) => t.design.allocation,
    panel: { hideEmpty: true },
    doc: {
      value: `the record's allocation: ${code(ALLOCATIONS)}`,
      example: '`allocation=randomised`',
    },
  }),
  comparator: listFilter({
    label: 'Comparator',
    values: COMPARATORS,
    match: 'lower',
    valueLabel: labelOf(COMPARATOR_LABELS),
    default: [],
    refused: 'unknown comparator value',
    of: (t) => t.design.comparator,
    panel: { hideEmpty: true },
    doc: {
      value: `${code(COMPARATORS)}: HSCT vs a drug or best available therapy, HSCT vs HSCT (two regimens), single arm, another comparison, not stated`,
      example: '`comparator=drug-therapy`',
    },
  }),
  publications: listFilter({
    label: 'Result publications',
    values: PUBLICATIONS,
    match: 'lower',
    valueLabel: labelOf(PUBLICATION_LABELS),
    default: [],
    refused: 'unknown publications value',
    of: (t) => (t.design.resultPmids.length > 0 ? 'pmid' : 'none'),
    panel: {},
    doc: {
      value: `${code(PUBLICATIONS)}: the record lists result publications (PMIDs) or none`,
      example: '`publications=pmid`',
    },
  }),
} as const satisfies Record<string, FilterSpec>;

export type FilterSchema = typeof FILTER_SCHEMA;
export type FilterKey = keyof FilterSchema;
export const FILTER_KEYS = Object.keys(FILTER_SCHEMA) as FilterKey[];

type KeysOfKind<K extends FilterSpec['kind']> = {
  [P in FilterKey]: FilterSchema[P]['kind'] extends K ? P : never;
}[FilterKey];

/** The list-valued filter keys (the facets a chart click toggles). */
export type ListFilterKey = KeysOfKind<'list'>;
export type YearFilterKey = KeysOfKind<'year'>;
export type FlagFilterKey = KeysOfKind<'flag'>;
export type TextFilterKey = KeysOfKind<'text'>;

function keysOfKind<K extends FilterSpec['kind']>(kind: K): KeysOfKind<K>[] {
  return FILTER_KEYS.filter((key) => FILTER_SCHEMA[key].kind === kind) as KeysOfKind<K>[];
}

export const LIST_FILTER_KEYS = keysOfKind('list');
export const YEAR_FILTER_KEYS = keysOfKind('year');
export const FLAG_FILTER_KEYS = keysOfKind('flag');
export const TEXT_FILTER_KEYS = keysOfKind('text');

type ValueOf<S> =
  S extends ListFilter<infer T>
    ? T[]
    : S extends YearFilter
      ? number | null
      : S extends FlagFilter
        ? boolean
        : S extends TextFilter
          ? string
          : never;

/** The value of every filter: "what the researcher is looking at". */
export type FilterValues = { -readonly [K in FilterKey]: ValueOf<FilterSchema[K]> };

function defaultOf(spec: FilterSpec): unknown {
  switch (spec.kind) {
    case 'list':
      return [...spec.default];
    case 'year':
      return null;
    case 'flag':
      return false;
    case 'text':
      return '';
  }
}

/** Every filter at its default (no filter except the default therapy). */
export function defaultFilterValues(): FilterValues {
  return Object.fromEntries(
    FILTER_KEYS.map((key) => [key, defaultOf(FILTER_SCHEMA[key])]),
  ) as FilterValues;
}

// ---------------------------------------------------------------------------------------------
// Reading values from a link or a message (one rule for both)

/** One ignored value (shown in the quiet notice). */
export type FilterIssue = { param: string; value: string; reason: string };

/**
 * A filter as it arrives, before its values are checked: a list as its items (a link's list already
 * split), a year or switch as text (numbers and booleans written as text), null for "no value".
 */
export type RawFilterValue = string | readonly string[] | null;

const matchers = new Map<ListFilter, (item: string) => string | null>();

function matcherOf(spec: ListFilter): (item: string) => string | null {
  let matcher = matchers.get(spec);
  if (!matcher) {
    const { match } = spec;
    if (match instanceof RegExp) {
      matcher = (item) => (match.test(item) ? item : null);
    } else {
      const fold = (v: string) => (match === 'lower' ? v.toLowerCase() : v.toUpperCase());
      const index = new Map(spec.values.map((v) => [fold(v), v]));
      matcher = (item) => index.get(fold(item)) ?? null;
    }
    matchers.set(spec, matcher);
  }
  return matcher;
}

/** The allowed value an item stands for (letter case folded), or null. */
export function readListItem(key: ListFilterKey, item: string): string | null {
  return matcherOf(FILTER_SCHEMA[key]).call(null, item.trim());
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

function readYear(spec: YearFilter, raw: string): number | null {
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= spec.min && year <= spec.max ? year : null;
}

function readFlag(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === '') return false;
  return null;
}

type Read = { value: unknown; issues: FilterIssue[] };

function readOne(key: FilterKey, raw: RawFilterValue): Read {
  const spec: FilterSpec = FILTER_SCHEMA[key];
  const issues: FilterIssue[] = [];
  const issue = (value: string, reason: string) => issues.push({ param: key, value, reason });
  switch (spec.kind) {
    case 'list': {
      if (raw === null) return { value: [...spec.default], issues };
      const items = (typeof raw === 'string' ? [raw] : raw)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (items.length === 1 && spec.allWord && items[0]?.toLowerCase() === spec.allWord) {
        return { value: [], issues };
      }
      const values: string[] = [];
      for (const item of items) {
        const value = matcherOf(spec)(item);
        if (value === null) issue(item, spec.refused);
        else if (!values.includes(value)) values.push(value);
      }
      // Nothing usable given: the default (an empty list where the default is empty).
      return { value: values.length > 0 ? values : [...spec.default], issues };
    }
    case 'year': {
      if (raw === null || typeof raw !== 'string' || raw.trim() === '')
        return { value: null, issues };
      const year = readYear(spec, raw);
      if (year === null) issue(raw, `not a year (${spec.min}–${spec.max})`);
      return { value: year, issues };
    }
    case 'flag': {
      if (raw === null || typeof raw !== 'string') return { value: false, issues };
      const on = readFlag(raw);
      if (on === null) issue(raw, 'expected 1');
      return { value: on ?? false, issues };
    }
    case 'text': {
      if (raw === null || typeof raw !== 'string') return { value: '', issues };
      const text = raw.replace(CONTROL_CHARACTERS, ' ');
      if (text.length > spec.maxLength) {
        issue(`${text.slice(0, 20)}…`, `search text cut to ${spec.maxLength} characters`);
      }
      return { value: text.slice(0, spec.maxLength), issues };
    }
  }
}

/** The value of one filter given as `raw` (ignored parts dropped; nothing usable = the default). */
export function readFilter<K extends FilterKey>(key: K, raw: RawFilterValue): FilterValues[K] {
  return readOne(key, raw).value as FilterValues[K];
}

/**
 * Checks the filters given (a link's parameters or a setFilters message) against the vocabulary: the
 * values of the keys given, and what was ignored, in filter order. A year range that is empty (from >
 * to) is applied as given and named in the issues.
 */
export function readFilters(raw: Partial<Record<FilterKey, RawFilterValue>>): {
  filters: Partial<FilterValues>;
  issues: FilterIssue[];
} {
  const filters: Record<string, unknown> = {};
  const issues: FilterIssue[] = [];
  for (const key of FILTER_KEYS) {
    if (!Object.hasOwn(raw, key) || raw[key] === undefined) continue;
    const read = readOne(key, raw[key]);
    filters[key] = read.value;
    issues.push(...read.issues);
  }
  const { from, to } = filters;
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    issues.push({ param: 'from', value: `${from}–${to}`, reason: 'start year range is empty' });
  }
  return { filters: filters, issues };
}

/** At most this many ignored values are named; the rest are counted. */
export const MAX_NAMED_ISSUES = 10;

/**
 * One sentence for the notice, e.g. 'Ignored in the link: disease "foo" (unknown disease value).' `where`
 * is "the link" or "the message". Long lists name the first MAX_NAMED_ISSUES and count the rest.
 */
export function describeIgnored(where: string, issues: readonly FilterIssue[]): string {
  if (issues.length === 0) return '';
  const named = issues
    .slice(0, MAX_NAMED_ISSUES)
    .map((i) => `${i.param} "${i.value}" (${i.reason})`);
  const rest = issues.length - named.length;
  return `Ignored in ${where}: ${named.join('; ')}${rest > 0 ? ` and ${rest} more` : ''}.`;
}
