/**
 * MSW handlers emulating the ClinicalTrials.gov API v2 over the fixture records, for any base URL that
 * ends in /api/v2. Used by the tests (mocks/node.ts) and the browser mock mode (mocks/browser.ts).
 */
import { http, HttpResponse } from 'msw';
import { fixtureStudies } from './emulator/fixture-studies.ts';
import { createStudiesEmulator, type EmulatorResponse } from './emulator/studies-emulator.ts';

const emulator = createStudiesEmulator(fixtureStudies);

function toResponse(result: EmulatorResponse): HttpResponse<string> {
  return new HttpResponse(result.body, {
    status: result.status,
    headers: { 'Content-Type': result.contentType },
  });
}

export const handlers = [
  http.get('*/api/v2/version', () => toResponse(emulator.version())),
  http.get('*/api/v2/studies', ({ request }) =>
    toResponse(emulator.listStudies(new URL(request.url))),
  ),
  http.get('*/api/v2/studies/:nctId', ({ request, params }) =>
    toResponse(emulator.getStudy(String(params.nctId), new URL(request.url))),
  ),
];
