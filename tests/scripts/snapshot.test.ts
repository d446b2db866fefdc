// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node.ts';
import { ApiError } from '../../src/api/api-error.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY } from '../../src/api/ctgov/default-query.ts';
import { readPrecomputedDataset, readTrialSites } from '../../src/domain/precomputed-dataset.ts';
import { runSnapshot, SnapshotError, type SnapshotOptions } from '../../scripts/snapshot.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDS_DIR = path.join(ROOT, 'tests/data/records');

/** The 12 smallest real records of tests/data/records (any disease: the snapshot does not filter). */
const RECORDS: unknown[] = readdirSync(RECORDS_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, size: statSync(path.join(RECORDS_DIR, name)).size }))
  .sort((a, b) => a.size - b.size || a.name.localeCompare(b.name))
  .slice(0, 12)
  .map(({ name }) => JSON.parse(readFileSync(path.join(RECORDS_DIR, name), 'utf8')) as unknown);

const nctIdOf = (study: unknown): string | undefined =>
  (study as { protocolSection?: { identificationModule?: { nctId?: string } } }).protocolSection
    ?.identificationModule?.nctId;
const ALL_IDS = RECORDS.map(nctIdOf).sort();

// ---------------------------------------------------------------------------------------------------
// A scripted API: pages keyed by the pageToken that asks for them ('' = first page). Used both as MSW
// handlers (in-process) and behind a real node:http server (child process).

type Reply = { status: number; headers: Record<string, string>; body: string };
type PageScript = {
  studies: unknown[];
  next?: string;
  /** Replies sent instead of the page, one per request, before the page is served. */
  failFirst?: Reply[];
  /** Served every time instead of the page. */
  always?: Reply;
};
type RequestLog = { token: string; at: number; params: URLSearchParams };

const VERSION = { apiVersion: '2.0.5', dataTimestamp: '2025-09-24T09:00:05' };

function scriptedApi(pages: Record<string, PageScript>, totalCount = ALL_IDS.length) {
  const requests: RequestLog[] = [];
  const queues = new Map(
    Object.entries(pages).map(([token, p]) => [token, [...(p.failFirst ?? [])]]),
  );
  const json = (data: unknown): Reply => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  function handle(url: URL): Reply {
    if (url.pathname.endsWith('/api/v2/version')) return json(VERSION);
    if (!url.pathname.endsWith('/api/v2/studies')) {
      return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
    }
    const token = url.searchParams.get('pageToken') ?? '';
    requests.push({ token, at: performance.now(), params: url.searchParams });
    const page = pages[token];
    if (page === undefined) {
      return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Invalid pageToken' };
    }
    const failure = queues.get(token)?.shift() ?? page.always;
    if (failure) return failure;
    return json({
      studies: page.studies,
      ...(page.next !== undefined ? { nextPageToken: page.next } : {}),
      ...(url.searchParams.get('countTotal') === 'true' ? { totalCount } : {}),
    });
  }
  return { handle, requests, tokens: () => requests.map((r) => r.token) };
}

type Api = ReturnType<typeof scriptedApi>;

const MSW_BASE = 'https://ctgov.test/api/v2';

function useInMsw(api: Api): void {
  const reply = ({ request }: { request: Request }) => {
    const r = api.handle(new URL(request.url));
    return new HttpResponse(r.body, { status: r.status, headers: r.headers });
  };
  server.use(http.get(`${MSW_BASE}/version`, reply), http.get(`${MSW_BASE}/studies`, reply));
}

/** Three pages of real records, with an empty page that still carries a token in mid-stream (a paging quirk). */
const quirkyPages = (): Record<string, PageScript> => ({
  '': { studies: RECORDS.slice(0, 5), next: 'tok-2' },
  'tok-2': { studies: [], next: 'tok-3' },
  'tok-3': { studies: RECORDS.slice(5, 10), next: 'tok-4' },
  'tok-4': { studies: RECORDS.slice(10) },
});

/** `n` synthetic minimal studies (NCT99 ids: not real trials), for counts beyond the 12 real records. */
const syntheticStudies = (n: number): unknown[] =>
  Array.from({ length: n }, (_, i) => ({
    protocolSection: {
      identificationModule: {
        nctId: `NCT99${String(i + 1).padStart(6, '0')}`,
        briefTitle: `Synthetic paging test study ${i + 1}`,
      },
    },
  }));

/** Pages of 7 studies that end (no token) after 14 of the 40 studies the API counted. */
const pagesEndingAt14Of40 = (): Api =>
  scriptedApi(
    {
      '': { studies: syntheticStudies(14).slice(0, 7), next: 'tok-2' },
      'tok-2': { studies: syntheticStudies(14).slice(7) },
    },
    40,
  );

const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'text/plain', ...headers },
  body,
});

// ---------------------------------------------------------------------------------------------------

let dir: string;
let outFile: string;
let lines: string[];

/** A previous dataset, written byte for byte, that a failed run must leave alone. */
const PREVIOUS = `{"meta":{"kind":"snapshot","source":"previous run","description":"kept","query":{},"capturedAt":"2025-01-01T00:00:00Z","studyCount":0},"studies":[]}\n`;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hsct-snapshot-'));
  outFile = path.join(dir, 'data', 'snapshot.json');
  lines = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (overrides: Partial<SnapshotOptions> = {}): SnapshotOptions => ({
  baseUrl: MSW_BASE,
  outFile,
  tmpDir: path.join(dir, 'tmp'),
  minRequestIntervalMs: 0,
  log: (line) => lines.push(line),
  retry: { baseDelayMs: 1 },
  ...overrides,
});

async function readDataset(file = outFile): Promise<BundledDataset> {
  return JSON.parse(await readFile(file, 'utf8')) as BundledDataset;
}

async function writePrevious(): Promise<void> {
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, PREVIOUS);
}

async function expectPreviousKept(): Promise<void> {
  expect(await readFile(outFile, 'utf8')).toBe(PREVIOUS);
  expect(await readdir(path.dirname(outFile))).toEqual(['snapshot.json']);
}

describe('runSnapshot (in process, MSW)', () => {
  it('fetches every page and writes each study exactly once, following an empty page that still has a token', async () => {
    const api = scriptedApi(quirkyPages());
    useInMsw(api);

    const result = await runSnapshot(options());

    expect(api.tokens()).toEqual(['', 'tok-2', 'tok-3', 'tok-4']);
    const dataset = await readDataset();
    expect(dataset.studies.map(nctIdOf).sort()).toEqual(ALL_IDS);
    expect(dataset.meta).toMatchObject({
      kind: 'snapshot',
      query: DEFAULT_QUERY,
      apiVersion: '2.0.5',
      dataTimestamp: '2025-09-24T09:00:05',
      studyCount: 12,
    });
    expect(new Date(dataset.meta.capturedAt).toString()).not.toBe('Invalid Date');
    expect(result).toMatchObject({ pages: 4, studies: 12, totalCount: 12, skipped: 0 });
    expect(result.fileBytes).toBe((await readFile(outFile)).length);
    // The raw archive, the precomputed dataset derived from it, and the change ledger seeded from it
    // (tests/scripts/ledger.test.ts); no temporary file left.
    expect((await readdir(path.dirname(outFile))).sort()).toEqual([
      'details',
      'ledger-baseline.json',
      'ledger.json',
      'snapshot.json',
      'trial-sites.json',
      'trials.json',
    ]);
    const precomputed = readPrecomputedDataset(
      JSON.parse(await readFile(path.join(path.dirname(outFile), 'trials.json'), 'utf8')),
    );
    expect(precomputed.ok && precomputed.dataset.trials.map((t) => t.nctId)).toEqual(ALL_IDS);
    // The site lists written with it belong to that core.
    const sites = readTrialSites(
      JSON.parse(await readFile(path.join(path.dirname(outFile), 'trial-sites.json'), 'utf8')),
      precomputed.ok ? precomputed.dataset.meta.contentHash : '',
    );
    expect(sites.ok && [...sites.sites.keys()]).toEqual(ALL_IDS);
    expect(precomputed.ok && precomputed.dataset.meta.dataTimestamp).toBe('2025-09-24T09:00:05');
    expect(lines.at(-1)).toMatch(/4 page\(s\), 12 studies .* bytes.* in \d+\.\d s/);
  });

  it('asks every page for the same query and fields, the first one for the total count', async () => {
    const api = scriptedApi(quirkyPages());
    useInMsw(api);

    await runSnapshot(options());

    const [first, ...rest] = api.requests;
    expect(first?.params.get('query.cond')).toBe(DEFAULT_QUERY['query.cond']);
    expect(first?.params.get('query.intr')).toBe(DEFAULT_QUERY['query.intr']);
    expect(first?.params.get('countTotal')).toBe('true');
    for (const r of rest) {
      expect(r.params.get('query.cond')).toBe(DEFAULT_QUERY['query.cond']);
      expect(r.params.get('fields')).toBe(first?.params.get('fields'));
      expect(r.params.get('pageSize')).toBe(first?.params.get('pageSize'));
    }
  });

  it('stops when the API repeats a page token instead of looping', async () => {
    const api = scriptedApi({
      '': { studies: RECORDS.slice(0, 5), next: 'tok-2' },
      'tok-2': { studies: RECORDS.slice(5, 10), next: 'tok-3' },
      'tok-3': { studies: RECORDS.slice(10), next: 'tok-2' },
    });
    useInMsw(api);

    await runSnapshot(options());

    expect(api.tokens()).toEqual(['', 'tok-2', 'tok-3']);
    expect((await readDataset()).studies.map(nctIdOf).sort()).toEqual(ALL_IDS);
  });

  it('keeps a study sent on two pages once and drops records without an NCT id', async () => {
    const api = scriptedApi({
      '': { studies: [...RECORDS.slice(0, 6), { protocolSection: {} }], next: 'tok-2' },
      'tok-2': { studies: RECORDS.slice(5) },
    });
    useInMsw(api);

    const result = await runSnapshot(options());

    const ids = (await readDataset()).studies.map(nctIdOf);
    expect(ids.sort()).toEqual(ALL_IDS);
    expect(result.skipped).toBe(2);
    expect(lines).toContainEqual(expect.stringMatching(/dropped 2 record/));
  });

  it('waits out a 429 for the time Retry-After asks, then goes on', async () => {
    const pages = quirkyPages();
    pages['tok-2'] = {
      ...pages['tok-2']!,
      failFirst: [text(429, 'Too many requests', { 'Retry-After': '1' })],
    };
    const api = scriptedApi(pages);
    useInMsw(api);

    await runSnapshot(options({ retry: { baseDelayMs: 1 } }));

    const tok2 = api.requests.filter((r) => r.token === 'tok-2');
    expect(tok2).toHaveLength(2);
    expect(tok2[1]!.at - tok2[0]!.at).toBeGreaterThanOrEqual(950);
    expect((await readDataset()).studies).toHaveLength(12);
  });

  it('retries a server error and writes the full dataset', async () => {
    const pages = quirkyPages();
    pages['tok-3'] = { ...pages['tok-3']!, failFirst: [text(500, 'Internal Server Error')] };
    const api = scriptedApi(pages);
    useInMsw(api);

    await runSnapshot(options());

    expect(api.tokens()).toEqual(['', 'tok-2', 'tok-3', 'tok-3', 'tok-4']);
    expect((await readDataset()).studies.map(nctIdOf).sort()).toEqual(ALL_IDS);
  });

  it('fails on a malformed page and leaves the previous dataset byte-identical', async () => {
    await writePrevious();
    const pages = quirkyPages();
    pages['tok-2'] = {
      ...pages['tok-2']!,
      always: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: '{"studies": [{"protoc',
      },
    };
    useInMsw(scriptedApi(pages));

    const failure = runSnapshot(options());

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ kind: 'parse' });
    await expectPreviousKept();
  });

  it('fails when the API keeps answering 500, leaving the previous dataset', async () => {
    await writePrevious();
    const pages = quirkyPages();
    pages['tok-3'] = { ...pages['tok-3']!, always: text(503, 'Service Unavailable') };
    useInMsw(scriptedApi(pages));

    await expect(runSnapshot(options({ retry: { retries: 2, baseDelayMs: 1 } }))).rejects.toThrow(
      /HTTP 503.*Gave up after 3 attempts/,
    );
    await expectPreviousKept();
  });

  it('refuses to write an empty dataset', async () => {
    await writePrevious();
    useInMsw(scriptedApi({ '': { studies: [] } }));

    await expect(runSnapshot(options())).rejects.toThrow(/refusing to write an empty dataset/);
    await expectPreviousKept();
  });

  it('refuses a pull whose paging ends below the counted total, leaving the previous dataset', async () => {
    await writePrevious();
    useInMsw(pagesEndingAt14Of40());

    const failure = runSnapshot(options());

    await expect(failure).rejects.toBeInstanceOf(SnapshotError);
    await expect(failure).rejects.toThrow(
      '14 of 40 studies could be read from ClinicalTrials.gov (the last page came before the counted total).',
    );
    await expectPreviousKept();
  });

  it('refuses a pull cut short by empty pages in a row, leaving the previous dataset', async () => {
    await writePrevious();
    useInMsw(
      scriptedApi({
        '': { studies: RECORDS.slice(0, 5), next: 'tok-2' },
        'tok-2': { studies: [], next: 'tok-3' },
        'tok-3': { studies: [], next: 'tok-4' },
        'tok-4': { studies: [], next: 'tok-5' },
        'tok-5': { studies: RECORDS.slice(5) },
      }),
    );

    await expect(runSnapshot(options())).rejects.toThrow(
      /^5 of 12 studies could be read .*paging stopped early: 3 empty pages in a row/,
    );
    await expectPreviousKept();
  });

  it('writes its temporary file outside the output folder (a killed run leaves nothing a build would ship)', async () => {
    await writePrevious();
    useInMsw(scriptedApi(quirkyPages()));
    const seen = new Set<string>();
    const watcher = watch(path.dirname(outFile), (_event, name) => {
      if (name) seen.add(name);
    });
    try {
      await runSnapshot(options());
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the last events arrive
    } finally {
      watcher.close();
    }
    expect(seen).toContain('snapshot.json');
    expect([...seen].filter((name) => name.includes('.tmp'))).toEqual([]);
    expect((await readDataset()).studies).toHaveLength(12);
  });

  it('spaces its requests by the politeness interval', async () => {
    const api = scriptedApi(quirkyPages());
    useInMsw(api);

    await runSnapshot(options({ minRequestIntervalMs: 150 }));

    const times = api.requests.map((r) => r.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
    }
  });

  it('snapshots the default query from the API emulator, page by page', async () => {
    const result = await runSnapshot(
      options({ baseUrl: 'https://emulated.test/api/v2', pageSize: 20 }),
    );

    const dataset = await readDataset();
    const ids = dataset.studies.map(nctIdOf);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.totalCount).toBe(ids.length);
    expect(result.pages).toBe(Math.ceil(ids.length / 20));
    expect(dataset.meta.studyCount).toBe(ids.length);
    expect(result.shownByDefault).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------

const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

type Run = { code: number | null; stdout: string; stderr: string };

function runCli(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'scripts/snapshot.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function listen(api: Api): Promise<{ base: string; httpServer: Server }> {
  const httpServer = createServer((req, res) => {
    const r = api.handle(new URL(req.url ?? '/', 'http://localhost'));
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/api/v2/`, httpServer };
}

describe('npm run snapshot (child process, local HTTP server)', () => {
  let httpServer: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (httpServer ? httpServer.close(resolve) : resolve(undefined)));
    httpServer = undefined;
  });

  async function run(api: Api): Promise<Run> {
    const started = await listen(api);
    httpServer = started.httpServer;
    return runCli({
      CTGOV_API_BASE: started.base,
      SNAPSHOT_OUT: outFile,
      SNAPSHOT_TMP_DIR: path.join(dir, 'tmp'),
      SNAPSHOT_MIN_INTERVAL_MS: '0',
    });
  }

  it(
    'writes every study once and says what it did, through a 429 and the paging quirks',
    { timeout: 60_000 },
    async () => {
      const pages = quirkyPages();
      pages['tok-2'] = {
        ...pages['tok-2']!,
        failFirst: [text(429, 'Too many requests', { 'Retry-After': '1' })],
      };
      pages['tok-4'] = { ...pages['tok-4']!, next: 'tok-2' };
      const api = scriptedApi(pages);

      const { code, stdout, stderr } = await run(api);

      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(api.tokens()).toEqual(['', 'tok-2', 'tok-2', 'tok-3', 'tok-4']);
      const dataset = await readDataset();
      expect(dataset.studies.map(nctIdOf).sort()).toEqual(ALL_IDS);
      expect(dataset.meta.source).toContain('127.0.0.1');
      expect(stdout).toMatch(/4 page\(s\), 12 studies/);
      expect(stdout).toMatch(/\d+ bytes/);
      expect(stdout).toMatch(/in \d+\.\d s/);
    },
  );

  it(
    'exits non-zero on a malformed page, says why and keeps the previous dataset',
    { timeout: 60_000 },
    async () => {
      await writePrevious();
      const pages = quirkyPages();
      pages['tok-3'] = {
        ...pages['tok-3']!,
        always: {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: '{"totalCount": 3}',
        },
      };

      const { code, stderr } = await run(scriptedApi(pages));

      expect(code).toBe(1);
      expect(stderr).toMatch(
        /Snapshot failed: ClinicalTrials.gov sent an unexpected response: the page has no "studies" list/,
      );
      expect(stderr).toContain('was left untouched');
      await expectPreviousKept();
    },
  );

  it(
    'exits non-zero when paging ends at 14 of 40 studies and keeps the previous file byte-identical',
    { timeout: 60_000 },
    async () => {
      await writePrevious();

      const { code, stdout, stderr } = await run(pagesEndingAt14Of40());

      expect(code).toBe(1);
      expect(stderr).toContain('Snapshot failed: 14 of 40 studies could be read');
      expect(stderr).toContain('was left untouched');
      expect(stdout).not.toMatch(/Wrote /);
      await expectPreviousKept();
    },
  );

  it('retries a 500 and succeeds', { timeout: 60_000 }, async () => {
    const pages = quirkyPages();
    pages['tok-2'] = { ...pages['tok-2']!, failFirst: [text(500, 'Internal Server Error')] };
    const api = scriptedApi(pages);

    const { code } = await run(api);

    expect(code).toBe(0);
    expect(api.tokens()).toEqual(['', 'tok-2', 'tok-2', 'tok-3', 'tok-4']);
    expect((await readDataset()).meta.studyCount).toBe(12);
  });
});
