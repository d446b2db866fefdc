/**
 * A Connect middleware answering `/api/v2/...` from the fixture emulator (mocks/emulator), for serving
 * a PRODUCTION build together with an API on the same machine (`vite preview` with EMULATED_API=1, see
 * vite.config.ts): no service worker and no MSW in the page, exactly what a deployment runs, with the
 * API answering over real HTTP. Used by `npm run lighthouse`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Study } from '../src/api/ctgov/wire-types.ts';
import {
  createStudiesEmulator,
  type EmulatorResponse,
} from '../mocks/emulator/studies-emulator.ts';

type Next = (error?: unknown) => void;

function fixtureStudies(): Study[] {
  const path = new URL('../mocks/fixtures/studies.json', import.meta.url);
  const entries = JSON.parse(readFileSync(path, 'utf8')) as { study: Study }[];
  return entries.map((entry) => entry.study);
}

export function emulatedApiMiddleware(): (
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
) => void {
  const emulator = createStudiesEmulator(fixtureStudies);
  const send = (res: ServerResponse, result: EmulatorResponse) => {
    res.statusCode = result.status;
    res.setHeader('Content-Type', result.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(result.body);
  };
  return (req, res, next) => {
    // Mounted at /api/v2: req.url is the rest of the path.
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    if (req.method !== 'GET') return next();
    if (url.pathname === '/version') return send(res, emulator.version());
    if (url.pathname === '/studies') return send(res, emulator.listStudies(url));
    const study = /^\/studies\/([^/]+)$/.exec(url.pathname);
    if (study) return send(res, emulator.getStudy(decodeURIComponent(study[1]!), url));
    return next();
  };
}
