/**
 * Derives the precomputed dataset (src/domain/precomputed-dataset.ts) from a raw snapshot
 * (public/data/snapshot.json): every record normalized and classified once, written as
 * public/data/trials.json (the core: compact trials stored by column),
 * public/data/trial-sites.json (their site lists, contacts and detail-only fields, by column) and
 * public/data/details/NN.json (the raw records, sharded, for the trial detail offline).
 *
 * `npm run snapshot` calls writePrecomputed after a successful pull; the Vite build (and dev server)
 * calls ensurePrecomputed, which derives the files only when they are missing or stale: another raw
 * file, other classifier rules, another format version. So a fresh clone's `npm start` works.
 *
 *   npx tsx scripts/precompute-dataset.ts [raw-file] [data-dir]   # derive now (default: next to the raw file)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { datasetProblem, type BundledDataset } from '../src/api/bundled-dataset.ts';
import { createStudyCollector } from '../src/domain/normalize-study.ts';
import {
  compactTrial,
  deltaSinceDate,
  DETAIL_SHARD_COUNT,
  DETAIL_SHARD_DIR,
  DETAILS_FORMAT,
  detailShardOf,
  encodeCore,
  encodeSites,
  detailShardPath,
  PRECOMPUTED_DATASET_PATH,
  PRECOMPUTED_FORMAT,
  PRECOMPUTED_FORMAT_VERSION,
  readPrecomputedDataset,
  readTrialSites,
  TRIAL_SITES_FORMAT,
  TRIAL_SITES_PATH,
  type DetailShard,
  type PrecomputedDataset,
  type PrecomputedFile,
  type TrialSitesFile,
} from '../src/domain/precomputed-dataset.ts';
import { DEFAULT_TMP_DIR, writeFileAtomic } from './write-file-atomic.ts';

// From the module's path as text: also under jsdom, whose URL class Node's fileURLToPath refuses.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RAW_FILE = path.join(ROOT, 'public/data/snapshot.json');
export const DEFAULT_DATA_DIR = path.join(ROOT, 'public/data');

/** Where the files go: trials.json, trial-sites.json and details/ next to the raw snapshot (the site's data/ folder). */
function targets(dataDir: string) {
  return {
    dataset: path.join(dataDir, path.basename(PRECOMPUTED_DATASET_PATH)),
    sites: path.join(dataDir, path.basename(TRIAL_SITES_PATH)),
    detailDir: path.join(dataDir, path.basename(DETAIL_SHARD_DIR)),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    })
    .sort();
}

/**
 * Fingerprint of the code that turns raw records into trials: every module of src/domain (normalizer,
 * classifier, rules as data). Any change there makes a derived dataset stale.
 */
export function rulesVersion(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(path.join(ROOT, 'src/domain'))) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return `rules-${hash.digest('hex').slice(0, 16)}`;
}

export type Precomputed = { dataset: PrecomputedDataset; shards: Map<number, DetailShard> };

/** Normalizes and classifies the raw records once; the compact trials are sorted by NCT id. */
export function precompute(raw: BundledDataset, rawText: string, rules: string): Precomputed {
  // The collector of normalizeStudies, one record at a time, so each kept trial is paired with its record.
  const collector = createStudyCollector();
  const shards = new Map<number, DetailShard>();
  for (const study of raw.studies) {
    const before = collector.result().trials.length;
    collector.add(study);
    const trial = collector.result().trials[before];
    if (trial === undefined) continue;
    const shard = detailShardOf(trial.nctId);
    const entry = shards.get(shard) ?? { format: DETAILS_FORMAT, studies: {} };
    entry.studies[trial.nctId] = study;
    shards.set(shard, entry);
  }
  const { trials: full, skipped, skippedValues } = collector.result();
  const trials = full
    .map(compactTrial)
    .sort((a, b) => (a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : 0));
  const { meta } = raw;
  const dataset: PrecomputedDataset = {
    meta: {
      format: PRECOMPUTED_FORMAT,
      formatVersion: PRECOMPUTED_FORMAT_VERSION,
      kind: meta.kind,
      source: meta.source,
      description: meta.description,
      query: meta.query,
      capturedAt: meta.capturedAt,
      ...(meta.dataTimestamp === undefined ? {} : { dataTimestamp: meta.dataTimestamp }),
      ...(meta.apiVersion === undefined ? {} : { apiVersion: meta.apiVersion }),
      rulesVersion: rules,
      contentHash: sha256(JSON.stringify(encodeCore(trials))),
      rawHash: sha256(rawText).slice(0, 16),
      skipped,
      skippedValues,
      trialCount: trials.length,
      detailShards: DETAIL_SHARD_COUNT,
    },
    trials,
  };
  return { dataset, shards };
}

const metaText = (meta: object) => JSON.stringify(meta, null, 2).replace(/\n/g, '\n  ');

/**
 * A file's text: the meta (one field per line), then the trials by column as JSON.stringify writes them,
 * exactly the text the content hash is of, so that the browser checks the hash on the text as it
 * arrives instead of writing the parsed columns out again (contentHashProblem).
 */
function fileText(meta: object, trials: object): string {
  return `{\n  "meta": ${metaText(meta)},\n  "trials": ${JSON.stringify(trials)}\n}\n`;
}

/** The core file's text. */
export function serializePrecomputed(dataset: PrecomputedDataset): string {
  const file: PrecomputedFile = { meta: dataset.meta, trials: encodeCore(dataset.trials) };
  return fileText(file.meta, file.trials);
}

/** The site lists file of the same trials (SITE_FILE_FIELDS), tied to the core by its content hash. */
export function trialSitesFile(dataset: PrecomputedDataset): TrialSitesFile {
  const trials = encodeSites(dataset.trials);
  return {
    meta: {
      format: TRIAL_SITES_FORMAT,
      formatVersion: PRECOMPUTED_FORMAT_VERSION,
      coreHash: dataset.meta.contentHash,
      contentHash: sha256(JSON.stringify(trials)),
      trialCount: dataset.trials.length,
    },
    trials,
  };
}

/** The site lists file's text, laid out like the core. */
export function serializeTrialSites(dataset: PrecomputedDataset): string {
  const { meta, trials } = trialSitesFile(dataset);
  return fileText(meta, trials);
}

export type PrecomputeResult = {
  status: 'written' | 'fresh';
  /** The data date the live changes are asked from (deltaSinceDate), when the dataset has one. */
  since: string | undefined;
  trials: number;
  /** Size of the core file (trials.json), raw and gzip. */
  bytes: number;
  gzipBytes: number;
  /** Size of the site lists file (trial-sites.json), raw and gzip. */
  siteBytes: number;
  siteGzipBytes: number;
  shards: number;
  ms: number;
};

function readRaw(rawFile: string): { raw: BundledDataset; rawText: string } {
  const rawText = readFileSync(rawFile, 'utf8');
  const raw = JSON.parse(rawText) as unknown;
  const problem = datasetProblem(raw);
  if (problem !== undefined) throw new Error(`${rawFile} is not a raw snapshot: ${problem}`);
  return { raw: raw as BundledDataset, rawText };
}

/** Why the two files' texts do not read back as the dataset they were written from, or undefined. */
function selfCheck(core: string, sites: string): string | undefined {
  const check = readPrecomputedDataset(JSON.parse(core));
  if (!check.ok) return check.problem;
  if (check.invalidTrials > 0) return `${check.invalidTrials} invalid trials`;
  const siteCheck = readTrialSites(JSON.parse(sites), check.dataset.meta.contentHash);
  if (!siteCheck.ok) return `site lists: ${siteCheck.problem}`;
  const missing = check.dataset.trials.find((t) => !siteCheck.sites.has(t.nctId));
  return missing === undefined ? undefined : `site lists: no entry for ${missing.nctId}`;
}

/** Derives and writes trials.json, trial-sites.json and the detail shards under `outDir` (each file atomically). */
export async function writePrecomputed(
  rawFile: string = DEFAULT_RAW_FILE,
  dataDir: string = DEFAULT_DATA_DIR,
  tmpDir: string = DEFAULT_TMP_DIR,
): Promise<PrecomputeResult> {
  const started = performance.now();
  const out = targets(dataDir);
  const { raw, rawText } = readRaw(rawFile);
  const { dataset, shards } = precompute(raw, rawText, rulesVersion());
  const text = serializePrecomputed(dataset);
  const siteText = serializeTrialSites(dataset);
  const problem = selfCheck(text, siteText);
  if (problem !== undefined) {
    throw new Error(`the derived dataset does not pass its own validation (${problem}).`);
  }
  await rm(out.detailDir, { recursive: true, force: true });
  await mkdir(out.detailDir, { recursive: true });
  for (const [shard, content] of shards) {
    const file = path.join(out.detailDir, path.basename(detailShardPath(shard)));
    await writeFileAtomic(file, JSON.stringify(content), tmpDir);
  }
  // The site lists first: a page that reads the new core then finds the site lists that belong to it.
  const siteBytes = await writeFileAtomic(out.sites, siteText, tmpDir);
  const bytes = await writeFileAtomic(out.dataset, text, tmpDir);
  return {
    status: 'written',
    since: deltaSinceDate(dataset.meta),
    trials: dataset.trials.length,
    bytes,
    gzipBytes: gzipSync(text).length,
    siteBytes,
    siteGzipBytes: gzipSync(siteText).length,
    shards: shards.size,
    ms: performance.now() - started,
  };
}

/** Derives the files only when they are missing or stale (other raw file, rules or format version). */
export async function ensurePrecomputed(
  rawFile: string = DEFAULT_RAW_FILE,
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<PrecomputeResult> {
  const started = performance.now();
  const out = targets(dataDir);
  const target = out.dataset;
  if (existsSync(target) && existsSync(out.sites) && existsSync(out.detailDir)) {
    try {
      const text = readFileSync(target, 'utf8');
      const siteText = readFileSync(out.sites, 'utf8');
      const current = readPrecomputedDataset(JSON.parse(text));
      const rawHash = sha256(readFileSync(rawFile, 'utf8')).slice(0, 16);
      if (
        current.ok &&
        selfCheck(text, siteText) === undefined &&
        current.dataset.meta.rawHash === rawHash &&
        current.dataset.meta.rulesVersion === rulesVersion()
      ) {
        return {
          status: 'fresh',
          since: deltaSinceDate(current.dataset.meta),
          trials: current.dataset.trials.length,
          bytes: Buffer.byteLength(text),
          gzipBytes: gzipSync(text).length,
          siteBytes: Buffer.byteLength(siteText),
          siteGzipBytes: gzipSync(siteText).length,
          shards: readdirSync(out.detailDir).length,
          ms: performance.now() - started,
        };
      }
    } catch {
      // unreadable: derive again
    }
  }
  return writePrecomputed(rawFile, dataDir);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rawFile = path.resolve(process.argv[2] ?? DEFAULT_RAW_FILE);
  const dataDir = path.resolve(process.argv[3] ?? path.dirname(rawFile));
  const result = await writePrecomputed(rawFile, dataDir);
  console.log(
    `Wrote ${targets(dataDir).dataset}: ${result.trials} trials, ${result.bytes} bytes ` +
      `(${result.gzipBytes} gzip); ${targets(dataDir).sites}: ${result.siteBytes} bytes ` +
      `(${result.siteGzipBytes} gzip); ${result.shards} detail shards; in ${result.ms.toFixed(0)} ms.`,
  );
}
