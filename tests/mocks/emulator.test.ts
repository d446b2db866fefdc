// @vitest-environment node
import { describe, expect, it } from 'vitest';

const API = 'https://clinicaltrials.gov/api/v2';
// Any base URL ending in /api/v2 is emulated.
const OTHER_BASE = 'http://localhost:5173/proxy/api/v2';

type Page = {
  totalCount?: number;
  studies: { protocolSection?: Record<string, Record<string, unknown>>; hasResults?: boolean }[];
  nextPageToken?: string;
};

async function get(path: string, params: Record<string, string> = {}, base = API) {
  const url = `${base}${path}?${new URLSearchParams(params).toString()}`;
  const response = await fetch(url);
  return { response, text: await response.text() };
}

async function page(params: Record<string, string>): Promise<Page> {
  const { response, text } = await get('/studies', params);
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as Page;
}

const ids = (p: Page) => p.studies.map((s) => s.protocolSection?.identificationModule?.nctId);

async function allIds(params: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const p = await page({ ...params, pageSize: '1000', ...(token ? { pageToken: token } : {}) });
    out.push(...(ids(p) as string[]));
    token = p.nextPageToken;
  } while (token);
  return out;
}

describe('GET /studies search', () => {
  it('matches query.cond against conditions and titles, case-insensitively', async () => {
    const found = await allIds({ 'query.cond': 'STIFF-PERSON syndrome' });
    expect(found).toContain('NCT99000012');
    expect(found).not.toContain('NCT99000001');
  });

  it('does not match query.cond against intervention text', async () => {
    // "SYN-CAR19" appears only in an intervention name of NCT99000003.
    expect(await allIds({ 'query.cond': '"SYN-CAR19"' })).toEqual([]);
    expect(await allIds({ 'query.intr': '"SYN-CAR19"' })).toEqual(['NCT99000003']);
  });

  it('matches query.intr against intervention names, descriptions and arm labels', async () => {
    expect(await allIds({ 'query.intr': '"Best available therapy"' })).toContain('NCT99000001');
    expect(await allIds({ 'query.intr': 'Wharton' })).toContain('NCT99000004');
  });

  it('combines OR, AND, NOT, quoted phrases and parentheses', async () => {
    const either = await allIds({ 'query.cond': '"Evans syndrome" OR "IPEX syndrome"' });
    expect(either.sort()).toEqual(['NCT99000016', 'NCT99000018']);
    const both = await allIds({ 'query.cond': '(lupus OR myositis) AND nephritis' });
    expect(both).toContain('NCT99000003');
    expect(both).not.toContain('NCT99000014');
    const not = await allIds({ 'query.cond': 'leukemia NOT "graft versus host"' });
    expect(not).toContain('NCT99000024');
    expect(not).not.toContain('NCT99000022');
  });

  it('applies query.cond and query.intr together', async () => {
    const found = await allIds({ 'query.cond': 'multiple sclerosis', 'query.intr': 'mesenchymal' });
    const car = await allIds({
      'query.cond': 'multiple sclerosis',
      'query.intr': '"chimeric antigen receptor"',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toEqual(car);
    expect(found).not.toContain('NCT99000001');
  });

  it('filters on overallStatus given as a comma or pipe list', async () => {
    const recruiting = await page({ 'filter.overallStatus': 'RECRUITING', pageSize: '1000' });
    expect(recruiting.studies.length).toBeGreaterThan(0);
    for (const s of recruiting.studies)
      expect(s.protocolSection?.statusModule?.overallStatus).toBe('RECRUITING');
    const two = await allIds({ 'filter.overallStatus': 'WITHDRAWN|SUSPENDED' });
    expect(two).toEqual(expect.arrayContaining(['NCT99000013', 'NCT99000019']));
    expect(await allIds({ 'filter.overallStatus': 'WITHDRAWN,SUSPENDED' })).toEqual(two);
  });
});

describe('GET /studies paging', () => {
  it('pages with opaque tokens, gives totalCount on the first page only and ends without a token', async () => {
    const params = { 'query.intr': 'transplantation', countTotal: 'true', pageSize: '3' };
    const first = await page(params);
    expect(first.studies).toHaveLength(3);
    expect(first.totalCount).toBeGreaterThan(6);
    expect(first.nextPageToken).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await page({ ...params, pageToken: first.nextPageToken! });
    expect(second.totalCount).toBeUndefined();
    expect(ids(second)).not.toEqual(ids(first));
    const all = await allIds({ 'query.intr': 'transplantation' });
    expect(all).toHaveLength(first.totalCount!);
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses 10 studies per page by default and for pageSize=0, and at most 1000', async () => {
    expect((await page({})).studies).toHaveLength(10);
    expect((await page({ pageSize: '0' })).studies).toHaveLength(10);
    const big = await page({ pageSize: '5000', countTotal: 'true' });
    expect(big.studies).toHaveLength(big.totalCount!);
    expect(big.nextPageToken).toBeUndefined();
  });

  it('rejects a page token used with other query parameters', async () => {
    const first = await page({ 'query.cond': 'lupus', pageSize: '1' });
    const { response, text } = await get('/studies', {
      'query.cond': 'sclerosis',
      pageSize: '1',
      pageToken: first.nextPageToken!,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(/pageToken/);
  });

  it('rejects a made-up page token', async () => {
    const { response } = await get('/studies', { pageToken: 'abracadabra' });
    expect(response.status).toBe(400);
  });

  it('serves any base URL that ends in /api/v2', async () => {
    const { response } = await get('/studies', { pageSize: '1' }, OTHER_BASE);
    expect(response.status).toBe(200);
  });
});

describe('GET /studies fields', () => {
  it('prunes studies to the requested pieces keeping the nested shape', async () => {
    const p = await page({
      'filter.ids': 'NCT99000001',
      fields: 'NCTId|BriefTitle|OverallStatus|HasResults|LocationCountry',
    });
    expect(p.studies[0]).toEqual({
      protocolSection: {
        identificationModule: {
          nctId: 'NCT99000001',
          briefTitle:
            'Autologous HSCT Versus Best Available Therapy in Highly Active Relapsing-Remitting MS',
        },
        statusModule: { overallStatus: 'RECRUITING' },
        contactsLocationsModule: {
          locations: [{ country: 'Sweden' }, { country: 'United Kingdom' }, { country: 'Norway' }],
        },
      },
      hasResults: false,
    });
  });

  it('rejects unknown field names', async () => {
    const { response, text } = await get('/studies', { fields: 'NCTId,NotAPiece' });
    expect(response.status).toBe(400);
    expect(text).toMatch(/NotAPiece/);
  });
});

describe('GET /studies rejected parameters', () => {
  it.each([
    [{ 'filter.phase': 'PHASE2' }, /filter\.phase/],
    [{ pageSize: '-1' }, /pageSize/],
    [{ pageSize: 'ten' }, /pageSize/],
    [{ countTotal: 'yes' }, /countTotal/],
    [{ 'filter.overallStatus': 'RECRUITNG' }, /RECRUITNG/],
    [{ 'query.cond': '(lupus OR' }, /query\.cond/],
    [{ 'query.cond': '"lupus' }, /quoted/],
  ])('answers 400 text/plain for %o', async (params, message) => {
    const { response, text } = await get('/studies', params);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(message);
  });
});

describe('GET /studies/{nctId} and /version', () => {
  it('returns one study, also for a lower-case id without zero padding', async () => {
    const { response, text } = await get('/studies/nct99000003');
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      protocolSection: { identificationModule: { nctId: 'NCT99000003' } },
    });
  });

  it('answers 404 text/plain for an unknown id and 400 for a malformed one', async () => {
    const missing = await get('/studies/NCT00000000'.replace('00000000', '09999999'));
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(/text\/plain/);
    const malformed = await get('/studies/ABC123');
    expect(malformed.response.status).toBe(400);
  });

  it('reports the API version and a fixed data timestamp', async () => {
    const { text } = await get('/version');
    expect(JSON.parse(text)).toEqual({ apiVersion: '2.0.5', dataTimestamp: '2025-09-25T09:00:00' });
  });
});

describe('filter.advanced: the live delta', () => {
  const lastUpdate = (p: Page) =>
    p.studies.map(
      (s) =>
        (s.protocolSection?.statusModule?.lastUpdatePostDateStruct as { date?: string } | undefined)
          ?.date,
    );

  it('keeps only studies whose last update was posted on or after the date', async () => {
    const all = await page({ pageSize: '1000', fields: 'NCTId,LastUpdatePostDate' });
    const dates = lastUpdate(all)
      .filter((d): d is string => d !== undefined)
      .sort();
    const since = dates[Math.floor(dates.length / 2)]!;
    const recent = await page({
      pageSize: '1000',
      countTotal: 'true',
      fields: 'NCTId,LastUpdatePostDate',
      'filter.advanced': `AREA[LastUpdatePostDate]RANGE[${since},MAX]`,
    });
    expect(recent.totalCount).toBe(dates.filter((d) => d >= since).length);
    expect(lastUpdate(recent).every((d) => d !== undefined && d >= since)).toBe(true);
  });

  it('answers 400 for any other advanced expression', async () => {
    const { response, text } = await get('/studies', { 'filter.advanced': 'AREA[Phase]PHASE2' });
    expect(response.status).toBe(400);
    expect(text).toMatch(/only as AREA\[LastUpdatePostDate\]RANGE/);
  });
});
