/**
 * Embed mode parameters (`?embed=1&panels=…&lock=1&theme=…&accent=…&origins=…`, on top of the filter
 * parameters): parsing with a specific, readable problem for every bad value, and the URLs the share
 * dialog offers. Pure functions.
 */
import {
  FILTER_KEYS,
  readFilters,
  type FilterIssue,
  type FilterKey,
  type FilterSchema,
  type FilterValues,
  type RawFilterValue,
} from './filter-schema.ts';
import { embedFrameSearch } from '../lib/embed-protocol.ts';

export const EMBED_PANELS = [
  'summary',
  'disease',
  'type',
  'phase',
  'timeline',
  'status',
  'countries',
  'table',
] as const;
export type Panel = (typeof EMBED_PANELS)[number];

export const EMBED_PANEL_LABELS: Record<Panel, string> = {
  summary: 'Summary figures',
  disease: 'Trials by disease',
  type: 'Transplant type',
  phase: 'Trials by phase',
  timeline: 'Trials started per year',
  status: 'Recruitment status',
  countries: 'Countries',
  table: 'Trial table',
};

export const DEFAULT_EMBED_PANELS: readonly Panel[] = ['summary', 'disease', 'type', 'phase'];

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** The URL parameters that belong to embed mode (not to the view's filters). */
export const EMBED_PARAM_NAMES = ['embed', 'panels', 'lock', 'theme', 'accent', 'origins'] as const;

export type EmbedParams = {
  embed: boolean;
  panels: Panel[];
  lock: boolean;
  theme: EmbedTheme;
  /** A validated colour, "#rgb" or "#rrggbb" in lower case, safe to use as a CSS value; null when not set. */
  accent: string | null;
  /** Origins allowed to send setFilters messages (exact "https://host[:port]" form). */
  origins: string[];
  /** One sentence per bad value, naming the parameter and the value (shown as text, truncated). */
  problems: string[];
};

const MAX_SHOWN = 40;

/** A value quoted for a problem sentence: control characters removed, cut to 40 characters. */
export function quoteValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const chars = Array.from(clean);
  const cut = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : clean;
  return `“${cut}”`;
}

export const ACCENT_PATTERN = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/;

/** "#3A6" / "3a6" / "#33aa66" -> "#3a6" / "#33aa66"; anything else -> null. */
export function parseAccent(value: string): string | null {
  const text = value.trim().toLowerCase();
  const withHash = text.startsWith('#') ? text : `#${text}`;
  return ACCENT_PATTERN.test(withHash) ? withHash : null;
}

/**
 * Why a text is not an origin in exact form, or null when it is one ("https://example.org",
 * "http://localhost:5173"). Only http and https, no path, query, fragment, user name or trailing slash.
 */
export function originProblem(value: string): string | null {
  const shown = quoteValue(value);
  if (value === '*')
    return 'origins: “*” is not allowed; list each site that may control the view, e.g. https://example.org.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `origins: ${shown} is not an origin; write it as https://host or https://host:port.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `origins: ${shown} is not an http or https origin.`;
  }
  if (url.origin !== value) {
    return `origins: ${shown} is not an origin in exact form; write it as ${quoteValue(url.origin)} (scheme and host only, no path or trailing slash).`;
  }
  return null;
}

function parseSwitch(name: string, value: string | null, problems: string[]): boolean {
  if (value === null) return false;
  const text = value.trim().toLowerCase();
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false' || text === '') return false;
  problems.push(`${name}: ${quoteValue(value)} is not understood; use ${name}=1 to turn it on.`);
  return false;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isPanel(value: string): value is Panel {
  return (EMBED_PANELS as readonly string[]).includes(value);
}

/** Reads the embed parameters from a query string ("?embed=1&…" or URLSearchParams). Never throws. */
export function parseEmbedParams(search: string | URLSearchParams): EmbedParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];

  const embedValue = params.get('embed');
  let embed = false;
  if (embedValue !== null) {
    const text = embedValue.trim().toLowerCase();
    if (text === '1' || text === 'true' || text === '') embed = true;
    else if (text === '0' || text === 'false') embed = false;
    else {
      embed = true;
      problems.push(`embed: ${quoteValue(embedValue)} is not understood; use embed=1.`);
    }
  }

  let panels: Panel[] = [...DEFAULT_EMBED_PANELS];
  const panelsValue = params.get('panels');
  if (panelsValue !== null) {
    const names = splitList(panelsValue.toLowerCase());
    const known = names.filter(isPanel);
    const unknown = splitList(panelsValue).filter((name) => !isPanel(name.toLowerCase()));
    for (const name of unknown) {
      problems.push(
        `panels: ${quoteValue(name)} is not a panel; use any of ${EMBED_PANELS.join(', ')}.`,
      );
    }
    if (known.length > 0) panels = EMBED_PANELS.filter((p) => known.includes(p));
    else if (names.length === 0) {
      problems.push(
        `panels: the list is empty; showing the default panels (${DEFAULT_EMBED_PANELS.join(', ')}).`,
      );
    } else {
      problems.push(
        `panels: no known panel given; showing the default panels (${DEFAULT_EMBED_PANELS.join(', ')}).`,
      );
    }
  }

  const lock = parseSwitch('lock', params.get('lock'), problems);

  let theme: EmbedTheme = 'auto';
  const themeValue = params.get('theme');
  if (themeValue !== null) {
    const text = themeValue.trim().toLowerCase();
    if ((EMBED_THEMES as readonly string[]).includes(text)) theme = text as EmbedTheme;
    else problems.push(`theme: ${quoteValue(themeValue)} is not a theme; use light, dark or auto.`);
  }

  let accent: string | null = null;
  const accentValue = params.get('accent');
  if (accentValue !== null) {
    accent = parseAccent(accentValue);
    if (accent === null) {
      problems.push(
        accentValue.trim() === ''
          ? 'accent: the value is empty; give a hex colour such as %23336699 (write # as %23 in a URL).'
          : `accent: ${quoteValue(accentValue)} is not a hex colour; use #rgb or #rrggbb, e.g. %23336699.`,
      );
    }
  }

  const origins: string[] = [];
  const originsValue = params.get('origins');
  if (originsValue !== null) {
    for (const origin of splitList(originsValue)) {
      const problem = originProblem(origin);
      if (problem) problems.push(problem);
      else if (!origins.includes(origin)) origins.push(origin);
    }
  }

  return { embed, panels, lock, theme, accent, origins, problems };
}

export type EmbedOptions = {
  panels?: readonly Panel[];
  lock?: boolean;
  theme?: EmbedTheme;
  /** Ignored unless it is a valid hex colour. */
  accent?: string | null;
  /** Ignored when not in exact origin form. */
  origins?: readonly string[];
};

function withoutEmbedParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const name of EMBED_PARAM_NAMES) out.delete(name);
  return out;
}

/** The view's parameters with the embed options of `options` instead of its own (origins left out). */
function embedOptionParams(view: URLSearchParams, options: EmbedOptions): URLSearchParams {
  const params = withoutEmbedParams(view);
  const panels = EMBED_PANELS.filter((p) => (options.panels ?? DEFAULT_EMBED_PANELS).includes(p));
  params.set('panels', (panels.length > 0 ? panels : DEFAULT_EMBED_PANELS).join(','));
  if (options.lock) params.set('lock', '1');
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  const accent = options.accent ? parseAccent(options.accent) : null;
  if (accent) params.set('accent', accent);
  return params;
}

/**
 * The embed URL of a view: the view URL (absolute, of the full app) with embed=1 and the options.
 * Parameters that only matter in the full app (`view`) are kept; a previous embed setup is replaced.
 */
export function buildEmbedUrl(viewUrl: string, options: EmbedOptions = {}): string {
  const url = new URL(viewUrl);
  const origins = (options.origins ?? []).filter((o) => originProblem(o) === null);
  url.search = embedFrameSearch(embedOptionParams(url.searchParams, options), origins);
  url.hash = '';
  return url.toString();
}

/**
 * The value of a `data-hsct-trials` attribute for embed.js: the view's query string with the embed
 * options, without embed and origins (embed.js adds them).
 */
export function buildEmbedScriptValue(viewUrl: string, options: EmbedOptions = {}): string {
  return embedOptionParams(new URL(viewUrl).searchParams, options).toString();
}

/** Where embed.js lives: next to the app's index page ("https://host/base/embed.js"). */
export function embedScriptUrl(viewUrl: string): string {
  return new URL('embed.js', new URL(viewUrl)).toString();
}

/** The same view in the full app (for the "open full dashboard" credit link): the URL without embed parameters. */
export function fullViewUrl(embedUrl: string): string {
  const url = new URL(embedUrl);
  url.search = withoutEmbedParams(url.searchParams).toString();
  return url.toString();
}

/** Filters as they may arrive in a setFilters message (shape-checked, values not yet checked). */
export type LooseFilters = Partial<{
  [K in FilterKey]: FilterSchema[K]['kind'] extends 'list'
    ? readonly string[]
    : FilterSchema[K]['kind'] extends 'text'
      ? string
      : number | string | boolean | null;
}>;

/** The same keys with the dashboard's vocabularies (assignable to Partial<TrialFilters>). */
export type FilterPatch = Partial<FilterValues>;

/**
 * Checks filters from a setFilters message against the filter schema, with exactly the rules of the
 * URL (src/state/url-state.ts): the same values are accepted (in any letter case for ids) and the same
 * are ignored, for the same notice (`describeIgnored('the message', issues)`).
 */
export function checkMessageFilters(filters: LooseFilters): {
  filters: FilterPatch;
  issues: FilterIssue[];
} {
  const raw: Partial<Record<FilterKey, RawFilterValue>> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined) continue;
    raw[key] = value === null || Array.isArray(value) ? value : String(value);
  }
  return readFilters(raw);
}
