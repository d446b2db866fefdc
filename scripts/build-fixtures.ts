/**
 * Builds mocks/fixtures/studies.json ([{source, study}]) for the API emulator and the tests:
 *  1. every record of mocks/source/hsct (real, sparse HSCT/cell-therapy-in-autoimmune records),
 *  2. a few real full records of other diseases from tests/data/records, chosen for their odd shapes,
 *  3. the synthetic NCT99 records of mocks/fixtures/synthetic/synthetic-studies.ts.
 * Run: npm run fixtures
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HSCT_SOURCE_PREFIX } from '../mocks/fixtures/provenance.ts';
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

const odd: Entry[] = Object.entries(ODD_RECORDS).map(([id, why]) => ({
  source: `real (full v2 record, not autoimmune): tests/data/records/${id}.json, captured in public repositories; kept for: ${why}`,
  study: read(`tests/data/records/${id}.json`),
}));

const entries: Entry[] = [...hsct, ...odd, ...SYNTHETIC_STUDIES];

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
  `Wrote ${entries.length} fixtures (${hsct.length} HSCT source, ${odd.length} real odd-shape, ${SYNTHETIC_STUDIES.length} synthetic) to mocks/fixtures/studies.json`,
);
