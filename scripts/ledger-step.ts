/**
 * The ledger step of `npm run snapshot` (docs/hosting.md, "The change ledger"): compares the new
 * classified snapshot with the baseline of the previous run, appends the changes to the ledger and
 * writes the Atom feeds. Two phases, so that a failed or partial snapshot writes nothing:
 * `prepareLedgerUpdate` reads and computes (and throws on a damaged ledger or baseline) before the
 * snapshot writes anything; `write` then writes the ledger first, the baseline, and the feeds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { atomFeed, availableFeeds, FEEDS_DIR } from '../src/domain/feeds.ts';
import {
  applySnapshot,
  emptyLedger,
  parseBaseline,
  parseLedger,
  serializeBaseline,
  serializeLedger,
  trialState,
  type ClassifiedSnapshot,
  type Ledger,
  type LedgerEntry,
} from '../src/domain/ledger.ts';
import type { Trial } from '../src/domain/trial.ts';
import { rulesVersion } from './precompute-dataset.ts';

export const LEDGER_FILE_NAME = 'ledger.json';
export const BASELINE_FILE_NAME = 'ledger-baseline.json';

export type LedgerFiles = {
  /** public/data/ledger.json: read by the app. */
  ledgerFile: string;
  /** public/data/ledger-baseline.json: the previous snapshot as the ledger compares it. */
  baselineFile: string;
  /** public/feeds: one Atom file per feed with entries. */
  feedsDir: string;
};

/** The ledger files next to a snapshot file (public/data/snapshot.json -> public/data, public/feeds). */
export function ledgerFilesFor(snapshotFile: string): LedgerFiles {
  const dataDir = path.dirname(snapshotFile);
  return {
    ledgerFile: path.join(dataDir, LEDGER_FILE_NAME),
    baselineFile: path.join(dataDir, BASELINE_FILE_NAME),
    feedsDir: path.join(dataDir, '..', FEEDS_DIR),
  };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${file} is not valid JSON.`);
  }
}

export type LedgerUpdate = {
  ledger: Ledger;
  added: LedgerEntry[];
  /** True when the snapshot had been applied already (same content). */
  unchanged: boolean;
  write: (write: (file: string, text: string) => Promise<number>) => Promise<string[]>;
};

/** Reads the previous ledger and baseline and computes the update. Throws when either is damaged. */
export async function prepareLedgerUpdate(options: {
  files: LedgerFiles;
  trials: readonly Trial[];
  dataDate: string;
  /** The feeds' link base (the published dashboard URL); relative links when absent. */
  siteUrl?: string;
  generatedAt: string;
}): Promise<LedgerUpdate> {
  const { files } = options;
  const rawLedger = await readJson(files.ledgerFile);
  const rawBaseline = await readJson(files.baselineFile);
  const ledger = rawLedger === undefined ? emptyLedger() : parseLedger(rawLedger).ledger;
  const previous = rawBaseline === undefined ? null : parseBaseline(rawBaseline);

  const states = options.trials.map(trialState);
  // The precomputed dataset's fingerprint of the normalizer and classifier (one rules version).
  const rules = rulesVersion();
  const hash = createHash('sha256')
    .update(rules)
    .update(JSON.stringify(states))
    .digest('hex')
    .slice(0, 16);
  const next: ClassifiedSnapshot = {
    dataDate: options.dataDate.slice(0, 10),
    rulesVersion: rules,
    hash,
    trials: states,
  };
  const result = applySnapshot(ledger, previous, next);
  const unchanged = result.ledger === ledger;

  const write: LedgerUpdate['write'] = async (writeFile) => {
    const written: string[] = [];
    if (unchanged) return written;
    await writeFile(files.ledgerFile, serializeLedger(result.ledger));
    written.push(files.ledgerFile);
    await writeFile(files.baselineFile, serializeBaseline(next));
    written.push(files.baselineFile);
    const feeds = availableFeeds(result.ledger);
    const keep = new Set(feeds.map(({ spec }) => `${spec.key}.xml`));
    for (const { spec } of feeds) {
      const file = path.join(files.feedsDir, `${spec.key}.xml`);
      await writeFile(
        file,
        atomFeed(result.ledger, spec, {
          generatedAt: options.generatedAt,
          ...(options.siteUrl !== undefined ? { siteUrl: options.siteUrl } : {}),
        }),
      );
      written.push(file);
    }
    // A feed whose trials all moved to other categories (a rules change) is removed, not left stale.
    for (const name of await readdir(files.feedsDir)) {
      if (name.endsWith('.xml') && !keep.has(name)) await rm(path.join(files.feedsDir, name));
    }
    return written;
  };
  return { ledger: result.ledger, added: result.added, unchanged, write };
}
