/**
 * The MSW server for tests: the API emulator plus the bundled dataset file (public/data/snapshot.json)
 * and the change ledger (public/data/ledger.json), which Vite serves in the browser but nothing serves
 * under Node.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** Resolved with node:path: Vite would rewrite the `new URL(…, import.meta.url)` pattern into an asset URL. */
const PUBLIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../public');

/** Serves a file of public/ (the bundled dataset, the change ledger) as Vite does in the browser. */
function publicFileHandler(sitePath: string) {
  return http.get(`*/${sitePath}`, async () => {
    try {
      const body = await readFile(resolve(PUBLIC_DIR, sitePath), 'utf8');
      return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
    } catch {
      return new HttpResponse('Not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain' },
      });
    }
  });
}

/**
 * The precomputed dataset (data/trials.json, data/details/) is derived at build time and not served
 * here: by default the app finds none and makes the full live pull, as a site deployed without it would.
 * Tests of snapshot-first mode serve one with `server.use` (tests/queries/snapshot-first.test.ts).
 */
const noPrecomputedHandler = http.get(/\/data\/(trials\.json|details\/)/, () =>
  HttpResponse.text('Not found', { status: 404 }),
);

export const server = setupServer(
  ...handlers,
  publicFileHandler('data/snapshot.json'),
  publicFileHandler('data/ledger.json'),
  noPrecomputedHandler,
);
