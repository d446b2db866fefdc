/**
 * Builds mocks/fixtures/studies.json ([{source, study}]) for the API emulator and the tests:
 *  1. every record of mocks/source/hsct (real, sparse HSCT/cell-therapy-in-autoimmune records),
 *  2. every record of mocks/source/ctgov-2026 (real, full records captured in 2026, with geocoded sites:
 *     autoimmune CAR-T, one MSC, and three malignancy/GVHD records as noise), provenance from its SOURCES.md,
 *  3. a few real full records of other diseases from tests/data/records, chosen for their odd shapes,
 *  4. the synthetic NCT99 records of mocks/fixtures/synthetic/synthetic-studies.ts.
 * Run: npm run fixtures
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CTGOV_2026_SOURCE_PREFIX, HSCT_SOURCE_PREFIX } from '../mocks/fixtures/provenance.ts';
import { SYNTHETIC_STUDIES } from '../mocks/fixtures/synthetic/synthetic-studies.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

const HSCT_PROVENANCE =
  'one of 88 transplant/cell-therapy trials in autoimmune disease in v2 shape; the multiple sclerosis records come from a real ' +
  'query.cond=multiple sclerosis pull of the v2 API (2025-09-25) flattened to CSV (only the first location kept), the others ' +
  'were rebuilt from the registry text stored by registry mirrors (classic clinicaltrials.gov pages, WHO ICTRP); only fields with real values are present';

/** Real full records of other diseases, each kept for a shape the HSCT records lack. */
const ODD_RECORDS: Record<string, string> = {
  NCT02513394:
    'very large record (~1.4 MB): results section, 437 locations, some without geoPoint, start date "2015-08" without type',
  NCT01339377: 'partial start date "2011-08" with no type',
  NCT00000410: 'partial start date "2000-03" with no type, PHASE4',
  NCT00405041: 'no oversightModule, phases PHASE2+PHASE3',
  NCT03319875: 'no contactsLocationsModule, no phases',
  NCT05052671: 'no armsInterventionsModule',
  NCT00353704: 'locations without geoPoint',
  NCT03934567: 'malignancy (follicular lymphoma), locations without geoPoint',
  NCT04956640: 'locations without geoPoint, phases PHASE1+PHASE2, solid tumours',
  NCT05438667: 'EARLY_PHASE1',
  NCT02300909: 'has nctIdAliases',
  NCT05147467: 'malignancy (CLL/SLL), industry sponsor',
};

type Entry = { source: string; study: unknown };

const hsct: Entry[] = readdirSync(`${root}mocks/source/hsct`)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({
    source: `${HSCT_SOURCE_PREFIX}/${file}: ${HSCT_PROVENANCE}`,
    study: read(`mocks/source/hsct/${file}`),
  }));

/**
 * Where each 2026 record came from, read from the table of mocks/source/ctgov-2026/SOURCES.md:
 * "| NCT id | cat | disease / therapy | repo | path | commit | capture | trimmed? | locations |".
 */
function sources2026(): Map<string, string> {
  const text = readFileSync(`${root}mocks/source/ctgov-2026/SOURCES.md`, 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/`/g, ''));
    const id = cells[1] ?? '';
    if (!/^NCT\d{8}$/.test(id)) continue;
    const [, , cat, topic, repo, path, commit, capture, trimmed, sites] = cells;
    out.set(
      id,
      `${cat === 'noise' ? 'not autoimmune (noise)' : 'autoimmune'}, ${topic}; from ${repo} ${path} at commit ${commit}, ` +
        `captured ${capture}; trimmed: ${trimmed}; locations/geoPoints ${sites}`,
    );
  }
  return out;
}

const provenance2026 = sources2026();
const ctgov2026: Entry[] = readdirSync(`${root}mocks/source/ctgov-2026`)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const why = provenance2026.get(file.replace(/\.json$/, ''));
    if (!why) throw new Error(`mocks/source/ctgov-2026/${file} is not in its SOURCES.md`);
    return {
      source: `${CTGOV_2026_SOURCE_PREFIX}/${file}: ${why}`,
      study: read(`mocks/source/ctgov-2026/${file}`),
    };
  });

const odd: Entry[] = Object.entries(ODD_RECORDS).map(([id, why]) => ({
  source: `real (full v2 record, not autoimmune): tests/data/records/${id}.json, captured in public repositories; kept for: ${why}`,
  study: read(`tests/data/records/${id}.json`),
}));

const entries: Entry[] = [...hsct, ...ctgov2026, ...odd, ...SYNTHETIC_STUDIES];

const ids = entries.map(
  (e) =>
    (e.study as { protocolSection?: { identificationModule?: { nctId?: string } } }).protocolSection
      ?.identificationModule?.nctId,
);
const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
if (duplicates.length > 0)
  throw new Error(`Duplicate NCT ids in fixtures: ${duplicates.join(', ')}`);
if (ids.some((id) => id === undefined)) throw new Error('A fixture record has no NCT id.');

const out = `${root}mocks/fixtures/studies.json`;
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
renameSync(tmp, out);
console.log(
  `Wrote ${entries.length} fixtures (${hsct.length} HSCT source, ${ctgov2026.length} from 2026, ${odd.length} real odd-shape, ${SYNTHETIC_STUDIES.length} synthetic) to mocks/fixtures/studies.json`,
);
