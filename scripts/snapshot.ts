/**
 * `npm run snapshot`: fetches every study of the dashboard's default query from the ClinicalTrials.gov
 * API with the app's own client (fetchAllStudies, fetchVersion), politely (one request per second by
 * default, the client's retries and backoff), and replaces public/data/snapshot.json atomically. Then it
 * appends the changes since the previous run to the change ledger (public/data/ledger.json) and writes
 * the Atom feeds (public/feeds/), see scripts/ledger-step.ts. On any failure it exits non-zero, says why,
 * and leaves the previous dataset, ledger and feeds untouched.
 *
 * Environment:
 *   CTGOV_API_BASE            API base URL (default https://clinicaltrials.gov/api/v2), e.g. a mirror
 *   SNAPSHOT_OUT              output file (default public/data/snapshot.json)
 *   SNAPSHOT_MIN_INTERVAL_MS  least time between two requests in ms (default 1000; tests use 0)
 *   SNAPSHOT_TMP_DIR          where files are written before they replace the output (default
 *                             .snapshot-tmp/ at the project root: never inside public/, whose files the
 *                             build ships; it must be on the same file system as the output)
 *   FEED_SITE_URL             the published dashboard's URL, for absolute links in the feeds
 *                             (default: links relative to the feed file)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError } from '../src/api/api-error.ts';
import {
  datasetProblem,
  type BundledDataset,
  type DatasetMeta,
} from '../src/api/bundled-dataset.ts';
import { DEFAULT_API_BASE, trimTrailingSlash } from '../src/api/ctgov/config.ts';
import { DEFAULT_QUERY, describeQuery } from '../src/api/ctgov/default-query.ts';
import {
  fetchAllStudies,
  fetchVersion,
  shortfallMessage,
  type RetryOptions,
} from '../src/api/ctgov/studies.ts';
import { normalizeStudies, normalizeStudy } from '../src/domain/normalize-study.ts';
import { isShownByDefault } from '../src/domain/visibility.ts';
import { ledgerFilesFor, prepareLedgerUpdate, type LedgerFiles } from './ledger-step.ts';
import { writePrecomputed } from './precompute-dataset.ts';
import { DEFAULT_TMP_DIR, writeFileAtomic } from './write-file-atomic.ts';

export const DEFAULT_SNAPSHOT_FILE = fileURLToPath(
  new URL('../public/data/snapshot.json', import.meta.url),
);
/** robots.txt of clinicaltrials.gov asks for Crawl-delay: 1 (docs/api-notes.md §4). */
export const DEFAULT_MIN_REQUEST_INTERVAL_MS = 1000;
/** Pages of 1000 studies can be slow to build on the API side. */
export const SNAPSHOT_TIMEOUT_MS = 60_000;

export type SnapshotOptions = {
  baseUrl: string;
  outFile: string;
  /** Folder of the temporary files (default DEFAULT_TMP_DIR); same file system as outFile. */
  tmpDir?: string;
  minRequestIntervalMs: number;
  log: (line: string) => void;
  /** The client's retry settings (default: the client's own, 4 retries with backoff). */
  retry?: RetryOptions;
  /** Studies per page (default 1000, the API maximum). */
  pageSize?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Ledger, baseline and feeds (default: next to outFile, see ledgerFilesFor). */
  ledgerFiles?: LedgerFiles;
  /** The published dashboard's URL, for absolute links in the feeds. */
  siteUrl?: string;
};

export type SnapshotResult = {
  outFile: string;
  pages: number;
  studies: number;
  /** Records dropped: without an NCT id, or a repeat of one already kept. */
  skipped: number;
  /** Studies with an autoimmune disease, i.e. shown by default. */
  shownByDefault: number;
  totalCount?: number;
  /** Response text received from the API. */
  downloadBytes: number;
  /** Size of the written file. */
  fileBytes: number;
  ms: number;
  apiVersion: string;
  dataTimestamp?: string;
  /** Entries the run added to the change ledger. */
  ledgerEntries: number;
};

/** A failure of the snapshot itself (not of the API): empty or incomplete data. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** One record per line, so that nightly diffs of the file stay readable. */
export function serializeDataset(dataset: BundledDataset): string {
  const meta = JSON.stringify(dataset.meta, null, 2).replace(/\n/g, '\n  ');
  const studies = dataset.studies.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  return `{\n  "meta": ${meta},\n  "studies": [\n${studies}\n  ]\n}\n`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${bytes} bytes (${kb.toFixed(1)} KiB)`;
  return `${bytes} bytes (${(kb / 1024).toFixed(2)} MiB)`;
}

/** Fetches the default query and writes the dataset. Throws ApiError or SnapshotError. */
export async function runSnapshot(options: SnapshotOptions): Promise<SnapshotResult> {
  const started = Date.now();
  const baseUrl = trimTrailingSlash(options.baseUrl);
  const { log } = options;
  const client = {
    baseUrl,
    timeoutMs: options.timeoutMs ?? SNAPSHOT_TIMEOUT_MS,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };

  log(`Snapshot of ${describeQuery(DEFAULT_QUERY)}`);
  log(`API: ${baseUrl} (at least ${options.minRequestIntervalMs} ms between requests)`);

  const version = await fetchVersion(client);
  log(
    `API version ${version.apiVersion}` +
      (version.dataTimestamp ? `, data of ${version.dataTimestamp}` : ''),
  );

  const result = await fetchAllStudies(DEFAULT_QUERY, {
    ...client,
    minRequestIntervalMs: options.minRequestIntervalMs,
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    onProgress: (p) =>
      log(`  page ${p.pages}: ${p.loaded}${p.total !== undefined ? ` of ${p.total}` : ''} studies`),
  });

  // Keep each study once, and only studies the app can use (the same normalizer as the app).
  const seen = new Set<string>();
  const studies: unknown[] = [];
  for (const raw of result.studies) {
    const nctId = normalizeStudy(raw)?.nctId;
    if (nctId === undefined || seen.has(nctId)) continue;
    seen.add(nctId);
    studies.push(raw);
  }
  const { trials, skipped } = normalizeStudies(result.studies);
  if (trials.length !== studies.length) {
    throw new SnapshotError(
      `the records could not be checked (${trials.length} normalized trials for ${studies.length} studies).`,
    );
  }
  if (skipped > 0) {
    log(`Warning: dropped ${skipped} record(s) without an NCT id or repeated.`);
  }
  if (studies.length === 0) {
    throw new SnapshotError(
      `the API returned no usable studies (${result.studies.length} records on ${result.pages} page(s)); refusing to write an empty dataset.`,
    );
  }
  const { totalCount, completeness } = result;
  if (!completeness.complete) throw new SnapshotError(shortfallMessage(completeness));
  if (result.emptyPages > 0) {
    log(`Note: followed ${result.emptyPages} empty page(s) that still carried a next-page token.`);
  }
  if (totalCount !== undefined && studies.length !== totalCount) {
    log(
      `Warning: the API counted ${totalCount} studies but sent ${studies.length} distinct ones ` +
        `(the data may have changed during the pull).`,
    );
  }

  const meta: DatasetMeta = {
    kind: 'snapshot',
    source: `ClinicalTrials.gov API v2 (${baseUrl}/studies)`,
    description:
      'Every study matching the default query, fetched page by page by the nightly snapshot ' +
      '(scripts/snapshot.ts). Records are raw API v2 studies, pruned to the fields the dashboard reads.',
    query: DEFAULT_QUERY,
    capturedAt: new Date().toISOString(),
    apiVersion: version.apiVersion,
    ...(version.dataTimestamp !== undefined ? { dataTimestamp: version.dataTimestamp } : {}),
    studyCount: studies.length,
  };
  const dataset: BundledDataset = { meta, studies };
  const problem = datasetProblem(dataset);
  if (problem !== undefined) throw new SnapshotError(`the dataset would be invalid: ${problem}`);

  const tmpDir = options.tmpDir ?? DEFAULT_TMP_DIR;
  // Read and compute the ledger before writing anything: a damaged ledger stops the run here.
  const ledger = await prepareLedgerUpdate({
    files: options.ledgerFiles ?? ledgerFilesFor(options.outFile),
    trials,
    dataDate: version.dataTimestamp ?? meta.capturedAt,
    generatedAt: meta.capturedAt,
    ...(options.siteUrl !== undefined ? { siteUrl: options.siteUrl } : {}),
  });
  // The ledger first: if the dataset write then fails, the next run finds the same entries again
  // and does not enter them twice.
  await ledger.write((file, text) => writeFileAtomic(file, text, tmpDir));
  log(
    ledger.unchanged
      ? 'Change ledger: this data was already recorded; nothing added.'
      : `Change ledger: ${ledger.added.length} new entr${ledger.added.length === 1 ? 'y' : 'ies'}` +
          ` (${ledger.ledger.entries.length} in all); feeds written.`,
  );
  const fileBytes = await writeFileAtomic(options.outFile, serializeDataset(dataset), tmpDir);
  // The precomputed dataset the app draws first (trials.json, trial-sites.json and details/ next to
  // the raw file).
  const precomputed = await writePrecomputed(
    options.outFile,
    path.dirname(options.outFile),
    tmpDir,
  );
  log(
    `Wrote the precomputed dataset: ${precomputed.trials} trials, ${formatBytes(precomputed.bytes)} ` +
      `(${formatBytes(precomputed.gzipBytes)} gzip) and site lists of ${formatBytes(precomputed.siteBytes)} ` +
      `(${formatBytes(precomputed.siteGzipBytes)} gzip), ${precomputed.shards} detail shards, in ${precomputed.ms.toFixed(0)} ms.`,
  );
  const ms = Date.now() - started;
  const shownByDefault = trials.filter(isShownByDefault).length;
  log(
    `Wrote ${options.outFile}: ${result.pages} page(s), ${studies.length} studies ` +
      `(${shownByDefault} with an autoimmune disease), ${formatBytes(fileBytes)}; ` +
      `downloaded ${formatBytes(result.bytes)} in ${(ms / 1000).toFixed(1)} s.`,
  );

  return {
    outFile: options.outFile,
    pages: result.pages,
    studies: studies.length,
    skipped,
    shownByDefault,
    ...(totalCount !== undefined ? { totalCount } : {}),
    downloadBytes: result.bytes,
    fileBytes,
    ms,
    apiVersion: version.apiVersion,
    ...(version.dataTimestamp !== undefined ? { dataTimestamp: version.dataTimestamp } : {}),
    ledgerEntries: ledger.added.length,
  };
}

/** Why the snapshot failed, in one line for the log. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.kind}; ${error.url})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

function readInterval(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MIN_REQUEST_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new SnapshotError(
      `SNAPSHOT_MIN_INTERVAL_MS must be a number of milliseconds, not "${value}".`,
    );
  }
  return ms;
}

async function main(): Promise<number> {
  const baseUrl = process.env.CTGOV_API_BASE?.trim() || DEFAULT_API_BASE;
  const outFile = path.resolve(process.env.SNAPSHOT_OUT?.trim() || DEFAULT_SNAPSHOT_FILE);
  const controller = new AbortController();
  const stop = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runSnapshot({
      baseUrl,
      outFile,
      tmpDir: path.resolve(process.env.SNAPSHOT_TMP_DIR?.trim() || DEFAULT_TMP_DIR),
      minRequestIntervalMs: readInterval(process.env.SNAPSHOT_MIN_INTERVAL_MS),
      log: (line) => console.log(line),
      signal: controller.signal,
      ...(process.env.FEED_SITE_URL?.trim() ? { siteUrl: process.env.FEED_SITE_URL.trim() } : {}),
    });
    return 0;
  } catch (error) {
    console.error(`Snapshot failed: ${describeFailure(error)}`);
    console.error(`The previous dataset (${outFile}) was left untouched.`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
