/**
 * The postMessage protocol between an embedded dashboard (the frame) and the page that embeds it (the
 * host). No React. The filter keys and their value types come from the filter schema
 * (src/domain/filter-schema.ts); values are checked here for shape only (lists of strings, years, switches,
 * text): the app checks them against the schema's vocabularies, with the same rules as the URL.
 *
 * Frame -> host: { source: 'hsct-trials', version: 1, type: 'ready' | 'resize' | 'filters' | 'select', … }
 * Host -> frame: { source: 'hsct-trials', type: 'setFilters', filters } (version 1 optional), accepted
 * only from origins listed in the embed's `origins` parameter.
 */

import {
  FLAG_FILTER_KEYS,
  LIST_FILTER_KEYS as SCHEMA_LIST_KEYS,
  TEXT_FILTER_KEYS as SCHEMA_TEXT_KEYS,
  YEAR_FILTER_KEYS as SCHEMA_YEAR_KEYS,
  type FlagFilterKey,
  type ListFilterKey,
  type TextFilterKey,
  type YearFilterKey,
} from '../domain/filter-schema.ts';

export const PROTOCOL_SOURCE = 'hsct-trials';
export const PROTOCOL_VERSION = 1;

/** Filter keys that take a list of strings. */
export const LIST_FILTER_KEYS = SCHEMA_LIST_KEYS;
/** Filter keys that take a start year or null. */
export const YEAR_FILTER_KEYS = SCHEMA_YEAR_KEYS;
/** Filter keys that take a true/false switch. */
export const SWITCH_FILTER_KEYS = FLAG_FILTER_KEYS;
/** Filter keys that take free text. */
export const TEXT_FILTER_KEYS = SCHEMA_TEXT_KEYS;

export type { ListFilterKey, YearFilterKey };
export type SwitchFilterKey = FlagFilterKey;

/** Filters as they travel in messages: any subset of the dashboard filters (TrialFilters). */
export type MessageFilters = Partial<
  Record<ListFilterKey, string[]> &
    Record<YearFilterKey, number | null> &
    Record<SwitchFilterKey, boolean> &
    Record<TextFilterKey, string>
>;

/**
 * Filters as a host page may send them: values of the right type, not yet checked against the
 * vocabularies (a year may come as text, a switch as 1 / 0 or text).
 */
export type IncomingFilters = Partial<
  Record<ListFilterKey, string[]> &
    Record<YearFilterKey, number | string | null> &
    Record<SwitchFilterKey, boolean | number | string> &
    Record<TextFilterKey, string>
>;

type Envelope = { source: typeof PROTOCOL_SOURCE; version: typeof PROTOCOL_VERSION };
export type ReadyMessage = Envelope & { type: 'ready' };
/** height: the height of the embedded view's content in CSS pixels. */
export type ResizeMessage = Envelope & { type: 'resize'; height: number };
export type FiltersMessage = Envelope & { type: 'filters'; filters: MessageFilters };
/** nctId: the trial the reader opened, or null when the detail closed. */
export type SelectMessage = Envelope & { type: 'select'; nctId: string | null };
export type FrameMessage = ReadyMessage | ResizeMessage | FiltersMessage | SelectMessage;
export type FrameMessageType = FrameMessage['type'];
/** Every type of message the frame sends. */
export const FRAME_MESSAGE_TYPES: readonly FrameMessageType[] = [
  'ready',
  'resize',
  'filters',
  'select',
];

/** filters: the filters to change (keys left out stay as they are), or null to clear every filter. */
export type SetFiltersMessage = {
  source: typeof PROTOCOL_SOURCE;
  version?: typeof PROTOCOL_VERSION;
  type: 'setFilters';
  filters: MessageFilters | null;
};

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
const MAX_LIST_ITEMS = 50;
const MAX_TEXT_LENGTH = 200;
/** The largest height (CSS pixels) a resize message may carry. */
export const MAX_HEIGHT = 100_000;
const NCT_ID = /^NCT\d{8}$/;

/**
 * The query string of an embedded frame, the one form shared by embed.js and the share dialog's iframe
 * snippet: `embed=1` first, then the view's parameters (filters and embed options) as given, then the
 * host origins allowed to send `setFilters` (`origins=a,b`). An `embed` or `origins` among the given
 * parameters is dropped: only the caller decides those.
 */
export function embedFrameSearch(view: URLSearchParams, origins: readonly string[]): string {
  const params = new URLSearchParams();
  params.set('embed', '1');
  view.forEach((value, key) => {
    if (key !== 'embed' && key !== 'origins') params.append(key, value);
  });
  if (origins.length > 0) params.set('origins', origins.join(','));
  return params.toString();
}

function envelope(): Envelope {
  return { source: PROTOCOL_SOURCE, version: PROTOCOL_VERSION };
}

export function readyMessage(): ReadyMessage {
  return { ...envelope(), type: 'ready' };
}

/** Heights are whole CSS pixels, rounded up. */
export function resizeMessage(height: number): ResizeMessage {
  return { ...envelope(), type: 'resize', height: Math.max(0, Math.ceil(height)) };
}

export function filtersMessage(filters: MessageFilters): FiltersMessage {
  // The dashboard's own filters: sanitizing keeps their types (it only drops other keys).
  return { ...envelope(), type: 'filters', filters: sanitizeFilters(filters) as MessageFilters };
}

export function selectMessage(nctId: string | null): SelectMessage {
  return { ...envelope(), type: 'select', nctId };
}

export function setFiltersMessage(filters: MessageFilters | null): SetFiltersMessage {
  return { source: PROTOCOL_SOURCE, version: PROTOCOL_VERSION, type: 'setFilters', filters };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, MAX_TEXT_LENGTH);
}

function readList(value: unknown): string[] | undefined {
  const items =
    typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (!items) return undefined;
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const text = cleanText(item);
    if (text !== '' && !out.includes(text)) out.push(text);
    if (out.length >= MAX_LIST_ITEMS) break;
  }
  return out;
}

/** A year: a number or text (checked by the app), or null = no year. */
function readYear(value: unknown): number | string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? cleanText(value) : undefined;
}

/** A switch: true / false, a number or text (checked by the app). */
function readSwitch(value: unknown): boolean | number | string | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? cleanText(value) : undefined;
}

/**
 * Keeps the known filter keys whose values have the right type and drops everything else (unknown
 * keys, wrong types). Lists accept a single string too; text is stripped of control characters and
 * trimmed, lists keep at most 50 distinct entries, and text at most 200 characters. Whether the values
 * are known ids and years in range is the app's check (the same as for the URL).
 */
export function sanitizeFilters(value: unknown): IncomingFilters {
  if (!isPlainObject(value)) return {};
  const out: IncomingFilters = {};
  for (const key of LIST_FILTER_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    const list = readList(value[key]);
    if (list) out[key] = list;
  }
  for (const key of YEAR_FILTER_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    const year = readYear(value[key]);
    if (year !== undefined) out[key] = year;
  }
  for (const key of SWITCH_FILTER_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    const on = readSwitch(value[key]);
    if (on !== undefined) out[key] = on;
  }
  for (const key of TEXT_FILTER_KEYS) {
    if (Object.hasOwn(value, key) && typeof value[key] === 'string')
      out[key] = cleanText(value[key]);
  }
  return out;
}

const HOST_MESSAGE_KEYS = new Set(['source', 'version', 'type', 'filters']);

/**
 * A strict shape check of a message from the host page: a plain object with exactly source
 * 'hsct-trials', type 'setFilters', an optional version 1 and filters that are a plain object or null.
 * The filter values themselves are checked loosely: pass them through sanitizeFilters.
 */
export function isHostMessage(data: unknown): data is SetFiltersMessage {
  if (!isPlainObject(data)) return false;
  if (Object.keys(data).some((key) => !HOST_MESSAGE_KEYS.has(key))) return false;
  if (data.source !== PROTOCOL_SOURCE || data.type !== 'setFilters') return false;
  if (Object.hasOwn(data, 'version') && data.version !== PROTOCOL_VERSION) return false;
  return data.filters === null || isPlainObject(data.filters);
}

/** A shape check of a message from an embedded frame (for host pages written in TypeScript, and tests). */
export function isFrameMessage(data: unknown): data is FrameMessage {
  if (!isPlainObject(data)) return false;
  if (data.source !== PROTOCOL_SOURCE || data.version !== PROTOCOL_VERSION) return false;
  switch (data.type) {
    case 'ready':
      return true;
    case 'resize':
      return (
        typeof data.height === 'number' &&
        Number.isFinite(data.height) &&
        data.height >= 0 &&
        data.height <= MAX_HEIGHT
      );
    case 'filters':
      return isPlainObject(data.filters);
    case 'select':
      return data.nctId === null || (typeof data.nctId === 'string' && NCT_ID.test(data.nctId));
    default:
      return false;
  }
}

/** True when `origin` is exactly one of the allowed origins ("null" and "*" are never allowed). */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (origin === '' || origin === 'null' || origin === '*') return false;
  return allowed.includes(origin);
}

/**
 * Reads a message event from the host: the sanitized filters (or null = clear all) when the event comes
 * from the parent window of `win`, from an allowed origin, and has the setFilters shape; otherwise
 * undefined (ignore the event).
 */
export function readHostMessage(
  event: MessageEvent,
  allowedOrigins: readonly string[],
  win?: Window,
): { filters: IncomingFilters | null } | undefined {
  if (win && event.source !== win.parent) return undefined;
  if (!isAllowedOrigin(event.origin, allowedOrigins)) return undefined;
  if (!isHostMessage(event.data)) return undefined;
  return { filters: event.data.filters === null ? null : sanitizeFilters(event.data.filters) };
}

export type FrameMessenger = {
  /** True when the window is inside a frame (messages have somewhere to go). */
  readonly framed: boolean;
  post(message: FrameMessage): void;
  ready(): void;
  /** Posts a resize message when the height (rounded up) differs from the last one posted. */
  resize(height: number): void;
  filters(filters: MessageFilters): void;
  select(nctId: string | null): void;
  /**
   * Calls `handler` with the sanitized filters of every valid setFilters message from the parent window
   * sent from one of `allowedOrigins`. Returns a function that stops listening.
   */
  onSetFilters(
    allowedOrigins: readonly string[],
    handler: (filters: IncomingFilters | null) => void,
  ): () => void;
};

/**
 * Messages from the embedded dashboard to its parent page. `parentOrigin` is the postMessage target
 * origin; without it messages go to any parent ('*'), which is acceptable because they only carry
 * public view state (filters, a trial id, a height). Outside a frame every call is a no-op.
 */
export function createFrameMessenger(win: Window, parentOrigin = '*'): FrameMessenger {
  const framed = win.parent !== win;
  let lastHeight: number | undefined;
  const post = (message: FrameMessage) => {
    if (framed) win.parent.postMessage(message, parentOrigin);
  };
  return {
    framed,
    post,
    ready: () => post(readyMessage()),
    resize: (height) => {
      const message = resizeMessage(height);
      if (message.height === lastHeight) return;
      lastHeight = message.height;
      post(message);
    },
    filters: (filters) => post(filtersMessage(filters)),
    select: (nctId) => post(selectMessage(nctId)),
    onSetFilters: (allowedOrigins, handler) => {
      const listener = (event: MessageEvent) => {
        const read = readHostMessage(event, allowedOrigins, win);
        if (read) handler(read.filters);
      };
      win.addEventListener('message', listener);
      return () => win.removeEventListener('message', listener);
    },
  };
}

/**
 * Calls `callback` with the element's height in CSS pixels (rounded up) now and whenever it changes,
 * using ResizeObserver (where there is none, only the first call happens). Returns a function that
 * stops observing. Observe an element whose height follows its content (not one sized to the viewport,
 * which would grow with the frame forever).
 */
export function observeHeight(el: Element, callback: (height: number) => void): () => void {
  let last: number | undefined;
  const report = () => {
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    callback(height);
  };
  report();
  const Observer = (el.ownerDocument.defaultView ?? globalThis).ResizeObserver as
    typeof ResizeObserver | undefined;
  if (typeof Observer !== 'function') return () => {};
  const observer = new Observer(report);
  observer.observe(el);
  return () => observer.disconnect();
}
