/**
 * Fault scenarios and data scales for the API emulator, used by the browser tests through the mock build
 * (`?mock-scenario=<name>`, `?mock-scale=<n>`, read in mocks/browser.ts) and by unit tests with msw/node.
 *
 * Every scenario is a list of MSW handlers to put in front of the healthy emulator (`worker.use(...)` /
 * `server.use(...)`). Counting scenarios ("… once") fail the first request of the kind and then let the
 * healthy emulator answer; a fresh set of handlers (a new call of `scenarioHandlers`) starts counting again.
 * Data scenarios alter copies of the fixture records; nothing here changes the fixtures themselves.
 */
import { delay, http, HttpResponse, passthrough, type HttpHandler } from 'msw';
import { fixtureStudies } from './emulator/fixture-studies.ts';
import { createStudiesEmulator, type EmulatorResponse } from './emulator/studies-emulator.ts';
import type { Study } from '../src/api/ctgov/wire-types.ts';
import { makeXssStudy, XSS_PAYLOADS } from '../tests/e2e/fixtures/xss-corpus.ts';
import { generateSyntheticStudies } from './synthetic-scale.ts';

export const MOCK_SCENARIOS = [
  'healthy',
  'rate-limited-retry-after',
  'rate-limited-once',
  'rate-limited-always',
  'server-error-once',
  'bad-gateway-once',
  'unavailable-once',
  'unavailable-always',
  'network-error',
  'timeout',
  'malformed-json',
  'html-error-page',
  'rejected-400',
  'paged',
  'empty-page-with-token',
  'empty-pages-forever',
  'repeated-token',
  'duplicate-across-pages',
  'huge-record',
  'unknown-enums',
  'missing-modules',
  'version-down',
  'refresh-fails',
  'xss',
] as const;

export type MockScenario = (typeof MOCK_SCENARIOS)[number];

export function isMockScenario(value: string): value is MockScenario {
  return (MOCK_SCENARIOS as readonly string[]).includes(value);
}

const STUDIES = '*/api/v2/studies';
const STUDY = '*/api/v2/studies/:nctId';
const VERSION = '*/api/v2/version';

/** Page size the paging scenarios force, so the fixture set spans several pages. */
export const SMALL_PAGE_SIZE = 25;

type Json = Record<string, unknown>;

function toResponse(result: EmulatorResponse): HttpResponse<string> {
  return new HttpResponse(result.body, {
    status: result.status,
    headers: { 'Content-Type': result.contentType },
  });
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

/** Handlers answering /studies, /studies/{id} and /version from `studies` (the healthy emulator's logic). */
export function emulatorHandlers(studies: () => readonly Study[]): HttpHandler[] {
  const emulator = createStudiesEmulator(studies);
  return [
    http.get(VERSION, () => toResponse(emulator.version())),
    http.get(STUDIES, ({ request }) => toResponse(emulator.listStudies(new URL(request.url)))),
    http.get(STUDY, ({ request, params }) =>
      toResponse(emulator.getStudy(String(params.nctId), new URL(request.url))),
    ),
  ];
}

/** Fails the first `times` /studies requests with `fail()`, then lets the next handler answer. */
function failStudies(times: number, fail: () => HttpResponse<string> | Response): HttpHandler {
  let count = 0;
  return http.get(STUDIES, () => {
    count += 1;
    if (count <= times) return fail();
    return undefined;
  });
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain', ...headers } });

/** A list of studies answered by the fixture emulator with a forced small page size. */
function pagedStudies(
  transform: (page: Json, requestUrl: URL, pageIndex: number) => Json,
): HttpHandler {
  const emulator = createStudiesEmulator(fixtureStudies);
  return http.get(STUDIES, ({ request }) => {
    const url = new URL(request.url);
    url.searchParams.set('pageSize', String(SMALL_PAGE_SIZE));
    const result = emulator.listStudies(url);
    if (result.status !== 200) return toResponse(result);
    const pageIndex = url.searchParams.has('pageToken') ? 1 : 0;
    const page = transform(obj(JSON.parse(result.body)), url, pageIndex);
    return HttpResponse.json(page);
  });
}

function withStudies(transform: (study: Study, index: number) => Study): HttpHandler[] {
  let cache: Study[] | undefined;
  return emulatorHandlers(() => (cache ??= fixtureStudies().map(transform)));
}

const UNKNOWN_ENUMS = (study: Study, index: number): Study => {
  if (index % 3 !== 0) return study;
  const p = obj(study.protocolSection);
  const status = obj(p.statusModule);
  const design = obj(p.designModule);
  const sponsors = obj(p.sponsorCollaboratorsModule);
  return {
    ...study,
    protocolSection: {
      ...p,
      statusModule: { ...status, overallStatus: 'PAUSED_FOR_REVIEW' },
      designModule: { ...design, studyType: 'HYBRID', phases: ['PHASE5', ...arr(design.phases)] },
      sponsorCollaboratorsModule: {
        ...sponsors,
        leadSponsor: { ...obj(sponsors.leadSponsor), class: 'SPACE_AGENCY' },
      },
    },
  } as unknown as Study;
};

const MISSING_MODULES = (study: Study, index: number): Study => {
  if (index % 2 !== 0) return study;
  const p = { ...obj(study.protocolSection) };
  // Modules that drive no classification: without them the trial must still be listed.
  delete p.statusModule;
  delete p.designModule;
  delete p.contactsLocationsModule;
  delete p.sponsorCollaboratorsModule;
  delete p.eligibilityModule;
  const rest: Json = { ...study };
  delete rest.derivedSection;
  delete rest.resultsSection;
  return { ...rest, protocolSection: p };
};

/** The handlers of `scenario`, to put in front of the healthy ones. */
export function scenarioHandlers(scenario: MockScenario): HttpHandler[] {
  switch (scenario) {
    case 'healthy':
      return [];
    case 'rate-limited-retry-after':
      return [failStudies(1, () => text(429, 'Too Many Requests', { 'Retry-After': '1' }))];
    case 'rate-limited-once':
      return [failStudies(1, () => text(429, 'Too Many Requests'))];
    case 'rate-limited-always':
      return [failStudies(Infinity, () => text(429, 'Too Many Requests', { 'Retry-After': '1' }))];
    case 'server-error-once':
      return [failStudies(1, () => text(500, 'Internal Server Error'))];
    case 'bad-gateway-once':
      return [failStudies(1, () => text(502, 'Bad Gateway'))];
    case 'unavailable-once':
      return [failStudies(1, () => text(503, 'Service Unavailable'))];
    case 'unavailable-always':
      return [failStudies(Infinity, () => text(503, 'Service Unavailable'))];
    case 'network-error':
      return [failStudies(Infinity, () => HttpResponse.error())];
    case 'timeout':
      return [
        http.get(STUDIES, async () => {
          await delay('infinite');
          return text(500, 'unreachable');
        }),
      ];
    case 'malformed-json':
      return [
        failStudies(
          Infinity,
          () =>
            new HttpResponse(
              '{"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT0',
              {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
              },
            ),
        ),
      ];
    case 'html-error-page':
      return [
        failStudies(
          Infinity,
          () =>
            new HttpResponse(
              '<!DOCTYPE html><html><head><title>Service maintenance</title></head><body><h1>We are down for maintenance</h1></body></html>',
              { status: 200, headers: { 'Content-Type': 'text/html' } },
            ),
        ),
      ];
    case 'rejected-400':
      return [
        failStudies(Infinity, () =>
          text(400, "Invalid value 'bogus' for parameter filter.overallStatus"),
        ),
      ];
    case 'paged':
      return [pagedStudies((page) => page)];
    case 'empty-page-with-token': {
      // Before every later page comes an empty page that still points further (to that page): the client
      // must follow it and read every study.
      const emulator = createStudiesEmulator(fixtureStudies);
      const AFTER_EMPTY = 'after-empty:';
      return [
        http.get(STUDIES, ({ request }) => {
          const url = new URL(request.url);
          url.searchParams.set('pageSize', String(SMALL_PAGE_SIZE));
          const token = url.searchParams.get('pageToken');
          if (token !== null && !token.startsWith(AFTER_EMPTY)) {
            return HttpResponse.json({ studies: [], nextPageToken: `${AFTER_EMPTY}${token}` });
          }
          if (token !== null) url.searchParams.set('pageToken', token.slice(AFTER_EMPTY.length));
          return toResponse(emulator.listStudies(url));
        }),
      ];
    }
    case 'empty-pages-forever': {
      // Every later page is empty yet carries a new token: the client must give up (bounded), not loop,
      // and must not present the first page as the whole result.
      const emulator = createStudiesEmulator(fixtureStudies);
      let n = 0;
      return [
        http.get(STUDIES, ({ request }) => {
          const url = new URL(request.url);
          if (url.searchParams.has('pageToken')) {
            return HttpResponse.json({ studies: [], nextPageToken: `empty-${(n += 1)}` });
          }
          url.searchParams.set('pageSize', String(SMALL_PAGE_SIZE));
          return toResponse(emulator.listStudies(url));
        }),
      ];
    }
    case 'repeated-token':
      // Every later page hands back the token it was asked with: a loop the client must break.
      return [
        pagedStudies((page, url, pageIndex) =>
          pageIndex === 0 ? page : { ...page, nextPageToken: url.searchParams.get('pageToken') },
        ),
      ];
    case 'duplicate-across-pages': {
      // Each later page repeats the first study of the first page (records move while paging).
      let first: unknown;
      return [
        pagedStudies((page, _url, pageIndex) => {
          const studies = arr(page.studies);
          if (pageIndex === 0) {
            first = studies[0];
            return page;
          }
          return { ...page, studies: first === undefined ? studies : [first, ...studies] };
        }),
      ];
    }
    case 'huge-record': {
      // The 1.5 MB record with results comes first, in full (every field), on top of the normal list.
      const emulator = createStudiesEmulator(fixtureStudies);
      return [
        http.get(STUDIES, ({ request }) => {
          const result = emulator.listStudies(new URL(request.url));
          if (result.status !== 200) return toResponse(result);
          const page = obj(JSON.parse(result.body));
          const biggest = fixtureStudies().reduce<Study | undefined>(
            (best, s) =>
              best === undefined || JSON.stringify(s).length > JSON.stringify(best).length
                ? s
                : best,
            undefined,
          );
          const studies = arr(page.studies);
          return HttpResponse.json({ ...page, studies: biggest ? [biggest, ...studies] : studies });
        }),
      ];
    }
    case 'unknown-enums':
      return withStudies(UNKNOWN_ENUMS);
    case 'missing-modules':
      return withStudies(MISSING_MODULES);
    case 'version-down':
      return [http.get(VERSION, () => text(503, 'Service Unavailable'))];
    case 'refresh-fails': {
      // The live API is never reachable; the bundled snapshot loads once, then fails too: a Retry (a
      // refresh) fails as a whole, and the data already on screen must stay.
      let snapshots = 0;
      return [
        failStudies(Infinity, () => HttpResponse.error()),
        http.get('*/data/snapshot.json', () => {
          snapshots += 1;
          return snapshots === 1 ? passthrough() : text(500, 'Internal Server Error');
        }),
      ];
    }
    case 'xss':
      return emulatorHandlers(() => xssStudies());
  }
}

let xssCache: Study[] | undefined;

/**
 * The fixture records plus one synthetic XSS record per payload (NCT99 9xxxxx ids, built by makeXssStudy on
 * a real fixture record so it is classified, charted and listed like any HSCT trial).
 */
export function xssStudies(): Study[] {
  if (xssCache) return xssCache;
  const real = fixtureStudies().filter(
    (s) => !String(s.protocolSection?.identificationModule?.nctId).startsWith('NCT99'),
  );
  const bases = real.filter(
    (s) => (s.protocolSection?.contactsLocationsModule?.locations?.length ?? 0) > 0,
  );
  xssCache = [
    ...fixtureStudies(),
    ...XSS_PAYLOADS.map(
      (payload, i) => makeXssStudy(bases[i % Math.max(1, bases.length)], payload, i) as Study,
    ),
  ];
  return xssCache;
}

/** Handlers serving `n` generated synthetic studies (NCT99… ids) instead of the fixtures. */
export function scaleHandlers(n: number): HttpHandler[] {
  let cache: Study[] | undefined;
  return emulatorHandlers(
    () => (cache ??= generateSyntheticStudies(n, fixtureStudies()) as Study[]),
  );
}
