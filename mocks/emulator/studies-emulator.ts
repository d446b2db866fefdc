/**
 * An in-memory emulation of the ClinicalTrials.gov API v2 over fixture studies, independent of MSW:
 * each function takes the request URL and returns status, content type and body text. mocks/handlers.ts
 * wraps it in MSW handlers. What it does and does not emulate is listed in mocks/fixtures/README.md.
 */
import searchAreas from '../../spec/search-areas.json';
import { fieldPath, pruneStudyToFields, unknownFields } from './fields.ts';
import type { Study } from '../../src/api/ctgov/wire-types.ts';
import { fnv1a } from '../../src/lib/hash.ts';
import {
  EssieSyntaxError,
  matchesEssie,
  normalizeText,
  parseEssie,
  type EssieNode,
} from './essie.ts';

export type EmulatorResponse = { status: number; contentType: string; body: string };

export type EmulatorOptions = { apiVersion?: string; dataTimestamp?: string };

export const EMULATED_API_VERSION = '2.0.5';
/** Fixed data date of the emulated API (the day of the real pull the MS fixtures come from). */
export const EMULATED_DATA_TIMESTAMP = '2025-09-25T09:00:00';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

/** OverallStatus values (OAS enum Status). */
const STATUS_VALUES = new Set([
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'ENROLLING_BY_INVITATION',
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
  'WITHHELD',
  'UNKNOWN',
]);

const NCT_PATTERN = /^[Nn][Cc][Tt]0*([1-9]\d{0,7})$/;

/** Parameters the real /studies accepts (OAS 2.0.5). */
const SUPPORTED = new Set([
  'format',
  'markupFormat',
  'query.cond',
  'query.term',
  'query.locn',
  'query.titles',
  'query.intr',
  'query.outc',
  'query.spons',
  'query.lead',
  'query.id',
  'query.patient',
  'filter.overallStatus',
  'filter.ids',
  'filter.advanced',
  'postFilter.overallStatus',
  'postFilter.ids',
  'fields',
  'countTotal',
  'pageSize',
  'pageToken',
  'sort',
]);
/** Real parameters this emulator does not implement: answered with a 400 that says so. */
const NOT_EMULATED = new Set([
  'filter.geo',
  'filter.synonyms',
  'postFilter.geo',
  'postFilter.advanced',
  'postFilter.synonyms',
  'aggFilters',
  'geoDecay',
]);
/** Parameters that may change between pages (everything else is part of the token's identity). */
const PAGING_PARAMS = new Set(['countTotal', 'pageSize', 'pageToken']);

type Area = { param?: string | null; parts: { pieces: string[] }[] };
const AREA_PIECES = new Map<string, string[]>(
  (searchAreas as { areas: Area[] }[])[0]!.areas
    .filter((a): a is Area & { param: string } => typeof a.param === 'string')
    .map((a) => [`query.${a.param}`, a.parts.flatMap((p) => p.pieces)]),
);
AREA_PIECES.set('query.lead', ['LeadSponsorName']);

/**
 * The one form of `filter.advanced` emulated: a date range over LastUpdatePostDate
 * (`AREA[LastUpdatePostDate]RANGE[2026-12-01,MAX]`, bounds inclusive, MIN/MAX open), which the live delta
 * uses. Any other expression is answered with a 400 that says it is not emulated.
 */
const UPDATED_RANGE =
  /^\s*AREA\[LastUpdatePostDate\]RANGE\[\s*(MIN|\d{4}-\d{2}-\d{2})\s*,\s*(MAX|\d{4}-\d{2}-\d{2})\s*\]\s*$/;

function parseUpdatedRange(value: string): { from?: string; to?: string } | undefined {
  const m = UPDATED_RANGE.exec(value);
  if (!m) return undefined;
  return { ...(m[1] === 'MIN' ? {} : { from: m[1] }), ...(m[2] === 'MAX' ? {} : { to: m[2] }) };
}

const text = (status: number, body: string): EmulatorResponse => ({
  status,
  contentType: 'text/plain',
  body,
});
const json = (body: unknown): EmulatorResponse => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

/** All leaf values at a dotted path, walking arrays. */
function valuesAt(value: unknown, parts: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, parts));
  if (parts.length === 0) return value === undefined || value === null ? [] : [value];
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = parts;
  return valuesAt((value as Record<string, unknown>)[head!], rest);
}

function pieceTexts(study: Study, piece: string): string[] {
  const path = fieldPath(piece);
  if (path === undefined) return [];
  return valuesAt(study, path.split('.'))
    .filter((v): v is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof v),
    )
    .map((v) => normalizeText(String(v)));
}

function lastUpdateOf(study: Study): string | undefined {
  return study.protocolSection?.statusModule?.lastUpdatePostDateStruct?.date;
}

/** Whether a yyyy-MM-dd date lies in the range (ISO dates compare as text). No date: not in any range. */
function inRange(date: string | undefined, range: { from?: string; to?: string }): boolean {
  if (date === undefined) return false;
  return (
    (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to)
  );
}

function nctIdOf(study: Study): string | undefined {
  return study.protocolSection?.identificationModule?.nctId;
}

/** NCT00000123 from nct123; undefined when not an NCT number. */
export function normalizeNctId(raw: string): string | undefined {
  const m = NCT_PATTERN.exec(raw.trim());
  return m ? `NCT${m[1]!.padStart(8, '0')}` : undefined;
}

/** The page token's check of the search it belongs to (FNV-1a, base 36). */
function searchToken(params: URLSearchParams): string {
  return fnv1a(searchIdentity(params)).toString(36);
}

function base64UrlEncode(s: string): string {
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function base64UrlDecode(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return undefined;
  try {
    return atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/** The identity of a search: every parameter except the paging ones, in a canonical order. */
function searchIdentity(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => !PAGING_PARAMS.has(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function encodePageToken(offset: number, params: URLSearchParams): string {
  return base64UrlEncode(`${offset.toString(36)}.${searchToken(params)}`);
}

function decodePageToken(token: string, params: URLSearchParams): number | undefined {
  const decoded = base64UrlDecode(token);
  const m = decoded === undefined ? null : /^([0-9a-z]+)\.([0-9a-z]+)$/.exec(decoded);
  if (!m || m[2] !== searchToken(params)) return undefined;
  const offset = parseInt(m[1]!, 36);
  return Number.isSafeInteger(offset) ? offset : undefined;
}

function splitList(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseFields(value: string | null): { fields?: string[]; error?: string } {
  if (value === null) return {};
  const fields = splitList(value);
  if (fields.length === 0) return { error: 'fields must be a non-empty list' };
  const bad = fields.find((f) => !/^[a-zA-Z][a-zA-Z0-9\-. ]*$/.test(f));
  if (bad !== undefined) return { error: `fields contains an invalid name: ${bad}` };
  const unknown = unknownFields(fields);
  if (unknown.length > 0) return { error: `Unknown field(s) in fields: ${unknown.join(', ')}` };
  return { fields };
}

type Indexed = { study: Study; nctId?: string; status?: string; areas: Map<string, string[]> };

export type StudiesEmulator = {
  listStudies: (url: URL) => EmulatorResponse;
  getStudy: (rawId: string, url: URL) => EmulatorResponse;
  version: () => EmulatorResponse;
};

export function createStudiesEmulator(
  loadStudies: () => readonly Study[],
  options: EmulatorOptions = {},
): StudiesEmulator {
  let index: Indexed[] | undefined;
  const getIndex = (): Indexed[] => {
    index ??= loadStudies().map((study) => {
      const entry: Indexed = { study, areas: new Map() };
      const id = nctIdOf(study);
      const status = study.protocolSection?.statusModule?.overallStatus;
      if (id !== undefined) entry.nctId = id;
      if (status !== undefined) entry.status = status;
      return entry;
    });
    return index;
  };
  const areaTexts = (entry: Indexed, param: string): string[] => {
    let texts = entry.areas.get(param);
    if (texts === undefined) {
      texts = (AREA_PIECES.get(param) ?? []).flatMap((piece) => pieceTexts(entry.study, piece));
      entry.areas.set(param, texts);
    }
    return texts;
  };

  const listStudies = (url: URL): EmulatorResponse => {
    const params = url.searchParams;
    for (const key of new Set(params.keys())) {
      if (NOT_EMULATED.has(key)) {
        return text(
          400,
          `The emulator does not implement the parameter ${key} (the real API accepts it).`,
        );
      }
      if (!SUPPORTED.has(key)) return text(400, `Unknown parameter: ${key}`);
    }
    const format = params.get('format');
    if (format !== null && format !== 'json') {
      return text(
        400,
        format === 'csv' ? 'The emulator only returns format=json.' : `Invalid format: ${format}`,
      );
    }
    const markup = params.get('markupFormat');
    if (markup !== null && markup !== 'markdown' && markup !== 'legacy') {
      return text(400, `Invalid markupFormat: ${markup}`);
    }
    const sort = params.get('sort');
    if (sort !== null && sort !== '@relevance') {
      return text(
        400,
        `The emulator does not implement sort=${sort} (results are in fixture order).`,
      );
    }

    const countTotalRaw = params.get('countTotal');
    if (countTotalRaw !== null && !/^(true|false)$/i.test(countTotalRaw)) {
      return text(400, `countTotal must be true or false, not "${countTotalRaw}"`);
    }
    const countTotal = countTotalRaw?.toLowerCase() === 'true';

    const pageSizeRaw = params.get('pageSize');
    let pageSize = DEFAULT_PAGE_SIZE;
    if (pageSizeRaw !== null) {
      if (!/^\d+$/.test(pageSizeRaw.trim())) {
        return text(400, `pageSize must be a non-negative integer, not "${pageSizeRaw}"`);
      }
      const n = Number(pageSizeRaw);
      pageSize = n === 0 ? DEFAULT_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
    }

    const { fields, error: fieldsError } = parseFields(params.get('fields'));
    if (fieldsError !== undefined) return text(400, fieldsError);

    const queries: [string, EssieNode | undefined][] = [];
    let onlyIds = false;
    for (const key of AREA_PIECES.keys()) {
      const value = params.get(key);
      if (value === null) continue;
      if (/^\s*(NCT\d+[\s,]*)+$/i.test(value)) onlyIds = true;
      try {
        queries.push([key, parseEssie(value)]);
      } catch (error) {
        if (error instanceof EssieSyntaxError) return text(400, `Invalid ${key}: ${error.message}`);
        throw error;
      }
    }

    let updated: { from?: string; to?: string } | undefined;
    const advanced = params.get('filter.advanced');
    if (advanced !== null) {
      updated = parseUpdatedRange(advanced);
      if (updated === undefined) {
        return text(
          400,
          `The emulator implements filter.advanced only as AREA[LastUpdatePostDate]RANGE[from,to] (the real API accepts more).`,
        );
      }
    }

    let statuses: Set<string> | undefined;
    let ids: Set<string> | undefined;
    if (!onlyIds) {
      const statusRaw =
        params.get('filter.overallStatus') ?? params.get('postFilter.overallStatus');
      if (statusRaw !== null) {
        const list = splitList(statusRaw);
        const bad = list.find((s) => !STATUS_VALUES.has(s));
        if (list.length === 0 || bad !== undefined) {
          return text(400, `Invalid value of filter.overallStatus: ${bad ?? '(empty)'}`);
        }
        statuses = new Set(list);
      }
      const idsRaw = params.get('filter.ids') ?? params.get('postFilter.ids');
      if (idsRaw !== null) {
        const list = idsRaw.split(/[\s,|]+/).filter(Boolean);
        const normalized = list.map(normalizeNctId);
        const badIndex = normalized.findIndex((id) => id === undefined);
        if (list.length === 0 || badIndex !== -1) {
          return text(400, `Invalid NCT number in filter.ids: ${list[badIndex] ?? '(empty)'}`);
        }
        ids = new Set(normalized as string[]);
      }
    }

    let offset = 0;
    const token = params.get('pageToken');
    if (token !== null) {
      const decoded = decodePageToken(token, params);
      if (decoded === undefined) {
        return text(
          400,
          'Invalid pageToken: it does not belong to this query. Repeat every parameter of the first request except countTotal, pageSize and pageToken.',
        );
      }
      offset = decoded;
    }

    const matches = getIndex().filter(
      (entry) =>
        (statuses === undefined || (entry.status !== undefined && statuses.has(entry.status))) &&
        (ids === undefined || (entry.nctId !== undefined && ids.has(entry.nctId))) &&
        (updated === undefined || inRange(lastUpdateOf(entry.study), updated)) &&
        queries.every(([key, node]) => matchesEssie(node, areaTexts(entry, key))),
    );

    const slice = matches.slice(offset, offset + pageSize);
    const body: { totalCount?: number; studies: Study[]; nextPageToken?: string } = {
      studies: slice.map((e) => (fields ? pruneStudyToFields(e.study, fields) : e.study)),
    };
    if (countTotal && token === null) body.totalCount = matches.length;
    if (offset + pageSize < matches.length)
      body.nextPageToken = encodePageToken(offset + pageSize, params);
    return json(body.totalCount === undefined ? body : { totalCount: body.totalCount, ...body });
  };

  const getStudy = (rawId: string, url: URL): EmulatorResponse => {
    const params = url.searchParams;
    for (const key of new Set(params.keys())) {
      if (!['format', 'markupFormat', 'fields'].includes(key))
        return text(400, `Unknown parameter: ${key}`);
    }
    const format = params.get('format');
    if (format !== null && format !== 'json')
      return text(400, 'The emulator only returns format=json.');
    const id = normalizeNctId(decodeURIComponent(rawId));
    if (id === undefined) return text(400, `Invalid NCT number: ${decodeURIComponent(rawId)}`);
    const { fields, error } = parseFields(params.get('fields'));
    if (error !== undefined) return text(400, error);
    const entry = getIndex().find((e) => e.nctId === id);
    if (!entry) return text(404, `Study ${id} not found`);
    return json(fields ? pruneStudyToFields(entry.study, fields) : entry.study);
  };

  const version = (): EmulatorResponse =>
    json({
      apiVersion: options.apiVersion ?? EMULATED_API_VERSION,
      dataTimestamp: options.dataTimestamp ?? EMULATED_DATA_TIMESTAMP,
    });

  return { listStudies, getStudy, version };
}
