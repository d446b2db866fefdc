// @vitest-environment node
/**
 * The build's derivation of the precomputed dataset (ensurePrecomputed, called by the Vite build and dev
 * server): both files are derived from the raw snapshot when either is missing or no longer belongs to
 * the other, and left alone when fresh.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrecomputed } from '../../scripts/precompute-dataset.ts';

const RAW_FILE = new URL('../../public/data/snapshot.json', import.meta.url);
const dirs: string[] = [];

function siteDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompute-test-'));
  dirs.push(dir);
  copyFileSync(RAW_FILE, path.join(dir, 'snapshot.json'));
  return { dir, raw: path.join(dir, 'snapshot.json') };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ensurePrecomputed', () => {
  it('derives the core and the site lists when missing, and leaves them alone when fresh', async () => {
    const { dir, raw } = siteDir();
    const first = await ensurePrecomputed(raw, dir);
    expect(first).toMatchObject({ status: 'written', trials: 104 });
    expect(first.siteGzipBytes).toBeGreaterThan(0);
    expect((await ensurePrecomputed(raw, dir)).status).toBe('fresh');
  });

  it('derives both again when the site lists are missing or belong to another core', async () => {
    const { dir, raw } = siteDir();
    await ensurePrecomputed(raw, dir);
    const sitesFile = path.join(dir, 'trial-sites.json');
    const sites = readFileSync(sitesFile, 'utf8');
    rmSync(sitesFile);
    expect((await ensurePrecomputed(raw, dir)).status).toBe('written');
    expect(readFileSync(sitesFile, 'utf8')).toBe(sites);
    writeFileSync(sitesFile, sites.replace(/"coreHash": "[0-9a-f]+"/, '"coreHash": "other"'));
    expect((await ensurePrecomputed(raw, dir)).status).toBe('written');
    expect(readFileSync(sitesFile, 'utf8')).toBe(sites);
  });
});
