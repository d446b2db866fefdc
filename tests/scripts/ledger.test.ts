import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureStudies } from '../../mocks/emulator/fixture-studies.ts';
import {
  createStudiesEmulator,
  type EmulatorResponse,
} from '../../mocks/emulator/studies-emulator.ts';
import { server } from '../../mocks/node.ts';
import type { Study } from '../../src/api/ctgov/wire-types.ts';
import { describeLedgerEntry, parseLedger } from '../../src/domain/ledger.ts';
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import { runSnapshot, type SnapshotOptions } from '../../scripts/snapshot.ts';
import { atomEntries, atomLinks, atomText, parseAtom } from '../parse-atom.ts';

const BASE = 'https://ledger.test/api/v2';

/** Serves `studies` through the API emulator (the same one as the app's mock mode). */
function serveEmulatedApi(studies: Study[], dataTimestamp: string): void {
  const emulator = createStudiesEmulator(() => studies, { dataTimestamp });
  const reply = (r: EmulatorResponse) =>
    new HttpResponse(r.body, { status: r.status, headers: { 'Content-Type': r.contentType } });
  server.use(
    http.get(`${BASE}/version`, () => reply(emulator.version())),
    http.get(`${BASE}/studies`, ({ request }) => reply(emulator.listStudies(new URL(request.url)))),
  );
}

/**
 * Four real fixture records that are recruiting, have no results and a planned enrollment: the second
 * snapshot changes them (the changes are made up for this test; the records are real).
 */
function pickTrials(): Study[] {
  return fixtureStudies().filter((s) => {
    const t = normalizeStudy(s);
    return (
      t != null &&
      !t.nctId.startsWith('NCT99') &&
      t.status === 'RECRUITING' &&
      !t.hasResults &&
      t.enrollment?.type === 'ESTIMATED' &&
      t.diseases.length > 0
    );
  });
}

const idOf = (s: Study) => s.protocolSection?.identificationModule?.nctId ?? '';

/** The second night: one trial completes, one gets an actual enrollment, one posts results. */
function secondNight(studies: Study[], [done, enrolled, results]: string[]): Study[] {
  return studies.map((original) => {
    const id = idOf(original);
    if (id !== done && id !== enrolled && id !== results) return original;
    const s = structuredClone(original);
    const status = s.protocolSection!.statusModule!;
    status.lastUpdatePostDateStruct = { date: '2025-10-01', type: 'ACTUAL' };
    if (id === done) status.overallStatus = 'COMPLETED';
    if (id === enrolled) {
      s.protocolSection!.designModule!.enrollmentInfo = { count: 77, type: 'ACTUAL' };
    }
    if (id === results) s.hasResults = true;
    return s;
  });
}

let dir: string;
let outFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hsct-ledger-'));
  outFile = path.join(dir, 'data', 'snapshot.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (): SnapshotOptions => ({
  baseUrl: BASE,
  outFile,
  minRequestIntervalMs: 0,
  log: () => undefined,
  retry: { retries: 0 },
});

const readLedger = async () =>
  parseLedger(JSON.parse(await readFile(path.join(dir, 'data', 'ledger.json'), 'utf8')) as unknown)
    .ledger;

const readFeed = async (name: string) =>
  atomEntries(parseAtom(await readFile(path.join(dir, 'feeds', name), 'utf8')));

describe('npm run snapshot: the change ledger and feeds', () => {
  it('records exactly the changes between two snapshots of the emulated API, and nothing when re-run', async () => {
    const picked = pickTrials();
    expect(picked.length).toBeGreaterThanOrEqual(4);
    const ids = picked.slice(0, 4).map(idOf);
    const [done, enrolled, results, fresh] = ids as [string, string, string, string];
    const all = fixtureStudies();
    const firstNight = all.filter((s) => idOf(s) !== fresh);

    serveEmulatedApi(firstNight, '2025-09-30T09:00:00');
    const first = await runSnapshot(options());
    expect(first.ledgerEntries).toBe(0);
    expect((await readLedger()).entries).toEqual([]);

    serveEmulatedApi(secondNight(all, ids), '2025-10-02T09:00:00');
    const second = await runSnapshot(options());
    const ledger = await readLedger();
    const enrolledBefore = normalizeStudy(picked[1])!.enrollment!.count;
    expect(
      ledger.entries.map((e) => ({
        nctId: e.nctId,
        text: describeLedgerEntry(e),
        updated: e.updated,
        dataDate: e.dataDate,
      })),
    ).toEqual([
      {
        nctId: done,
        text: 'Status: Recruiting → Completed',
        updated: '2025-10-01',
        dataDate: '2025-10-02',
      },
      {
        nctId: enrolled,
        text: `Enrollment: ${enrolledBefore} participants (planned) → 77 participants (actual)`,
        updated: '2025-10-01',
        dataDate: '2025-10-02',
      },
      {
        nctId: results,
        text: 'Results posted',
        updated: '2025-10-01',
        dataDate: '2025-10-02',
      },
      {
        nctId: fresh,
        text: 'New trial in the dashboard (Recruiting)',
        updated: normalizeStudy(picked[3])!.lastUpdated,
        dataDate: '2025-10-02',
      },
    ]);
    expect(second.ledgerEntries).toBe(4);

    // The same four in the feed of everything, each linking to the dashboard's trial view.
    const entries = await readFeed('all.xml');
    expect(entries).toHaveLength(4);
    const links = entries.map((e) => atomLinks(e)[0]);
    expect(links.sort()).toEqual(ids.map((id) => `../?trial=${id}`).sort());
    // Each per-disease feed holds the entries of its disease's trials.
    const feeds = await readdir(path.join(dir, 'feeds'));
    const diseaseOfDone = normalizeStudy(picked[0])!.diseases[0]!;
    expect(feeds).toContain(`disease-${diseaseOfDone}.xml`);
    const diseaseTitles = (await readFeed(`disease-${diseaseOfDone}.xml`)).map((e) =>
      atomText(e, 'title'),
    );
    expect(diseaseTitles).toContainEqual(
      expect.stringContaining(': Status: Recruiting → Completed'),
    );

    // Re-running the same snapshot adds nothing and rewrites nothing.
    const ledgerText = await readFile(path.join(dir, 'data', 'ledger.json'), 'utf8');
    const feedText = await readFile(path.join(dir, 'feeds', 'all.xml'), 'utf8');
    const third = await runSnapshot(options());
    expect(third.ledgerEntries).toBe(0);
    expect(await readFile(path.join(dir, 'data', 'ledger.json'), 'utf8')).toBe(ledgerText);
    expect(await readFile(path.join(dir, 'feeds', 'all.xml'), 'utf8')).toBe(feedText);
  });

  it('writes no ledger entries when a snapshot fails', async () => {
    const all = fixtureStudies();
    serveEmulatedApi(all, '2025-09-30T09:00:00');
    await runSnapshot(options());
    const before = await readFile(path.join(dir, 'data', 'ledger.json'), 'utf8');

    // The second night's API fails after the first page: nothing is written.
    serveEmulatedApi(secondNight(all, pickTrials().map(idOf)), '2025-10-02T09:00:00');
    let pages = 0;
    server.use(
      http.get(`${BASE}/studies`, () => {
        pages += 1;
        return pages > 1 ? new HttpResponse('Server error', { status: 500 }) : undefined;
      }),
    );
    await expect(runSnapshot({ ...options(), pageSize: 20 })).rejects.toThrow();
    expect(await readFile(path.join(dir, 'data', 'ledger.json'), 'utf8')).toBe(before);
  });

  it('stops before writing anything when the ledger it would extend is damaged', async () => {
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, 'data', 'ledger.json'), '{"format": 1, "entries": [');
    serveEmulatedApi(fixtureStudies(), '2025-09-30T09:00:00');
    await expect(runSnapshot(options())).rejects.toThrow(/ledger.json is not valid JSON/);
    expect(await readdir(path.join(dir, 'data'))).toEqual(['ledger.json']);
  });
});
