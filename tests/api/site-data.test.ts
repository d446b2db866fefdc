/**
 * The site's own data files (src/api/site-data.ts): when one cannot be read, the message names that file,
 * not the registry (the registry's messages stay as they are).
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node.ts';
import { getJson } from '../../src/api/http.ts';
import { fetchSiteJson } from '../../src/api/site-data.ts';

const FILE = 'https://site.example/hsct/data/trial-sites.json';

describe('fetchSiteJson', () => {
  it('names the file when it is missing', async () => {
    server.use(http.get(FILE, () => new HttpResponse('Not found', { status: 404 })));
    await expect(fetchSiteJson(FILE)).rejects.toThrow(
      "This site's file /hsct/data/trial-sites.json found nothing at this address (HTTP 404): Not found",
    );
  });

  it('names the file when it cannot be reached', async () => {
    server.use(http.get(FILE, () => HttpResponse.error()));
    const error = await fetchSiteJson(FILE).catch((e: unknown) => e);
    expect(String(error)).toContain(
      "Could not reach this site's file /hsct/data/trial-sites.json (network error).",
    );
    expect(String(error)).not.toContain('ClinicalTrials.gov');
  });

  it('names the file when it is not JSON', async () => {
    server.use(http.get(FILE, () => HttpResponse.text('{"trials": [', { status: 200 })));
    await expect(fetchSiteJson(FILE)).rejects.toThrow(
      "This site's file /hsct/data/trial-sites.json sent a response that is not valid JSON.",
    );
  });

  it('leaves the registry named in the API client’s messages', async () => {
    const api = 'https://api.example/v2/version';
    server.use(http.get(api, () => new HttpResponse('', { status: 404 })));
    await expect(getJson(api, { retry: { retries: 0 } })).rejects.toThrow(
      'ClinicalTrials.gov found nothing at this address (HTTP 404).',
    );
  });
});
