/**
 * Builds public/data/snapshot.json, the dataset bundled with the app (BundledDataset, kind
 * 'bundled-sample'), from the real fixture records only (mocks/source/hsct and mocks/source/ctgov-2026 via
 * mocks/fixtures/studies.json): no synthetic NCT99 record, none of the odd-shape records of other diseases
 * (the 2026 capture's three malignancy/GVHD records stay, as the noise a live search returns). Each study is pruned
 * to STUDY_FIELDS, the shape a live pull returns. Written atomically (temp file + rename).
 * Run: npm run fixtures && npm run dataset
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BundledDataset } from '../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY, STUDY_FIELDS } from '../src/api/ctgov/default-query.ts';
import { pruneStudyToFields } from '../mocks/emulator/fields.ts';
import type { Study } from '../src/api/ctgov/wire-types.ts';
import { CTGOV_2026_SOURCE_PREFIX, HSCT_SOURCE_PREFIX } from '../mocks/fixtures/provenance.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = JSON.parse(readFileSync(`${root}mocks/fixtures/studies.json`, 'utf8')) as {
  source: string;
  study: Study;
}[];

const studies = entries
  .filter(
    (e) => e.source.startsWith(HSCT_SOURCE_PREFIX) || e.source.startsWith(CTGOV_2026_SOURCE_PREFIX),
  )
  .filter((e) => !(e.study.protocolSection?.identificationModule?.nctId ?? '').startsWith('NCT99'))
  .map((e) => pruneStudyToFields(e.study, STUDY_FIELDS));

/**
 * The sample has no single capture time (the records were captured by different repositories at different
 * times), so its date is the latest "last update posted" date among its records: the data is at least
 * that fresh, and the file stays byte-identical when the records do not change.
 */
const latestUpdate = studies
  .map((s) => s.protocolSection?.statusModule?.lastUpdatePostDateStruct?.date ?? '')
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
  .sort()
  .at(-1);
if (!latestUpdate) throw new Error('No record of the sample has a last-update date.');

const dataset: BundledDataset = {
  meta: {
    kind: 'bundled-sample',
    // Shown to users (banner, exports): never a repository path.
    source: 'Real ClinicalTrials.gov records captured by public repositories and registry mirrors',
    description:
      `A bundled sample of ${studies.length} real ClinicalTrials.gov records of transplant and cell-therapy trials in autoimmune disease, ` +
      'captured from ClinicalTrials.gov by public repositories, not a live pull. The multiple sclerosis records come from a ' +
      '2025-09-25 API pull that kept only the first location; the others were rebuilt from registry text, so many records are ' +
      'sparse and some summaries are cut. Sixteen full records captured in 2026 (autoimmune CAR-T, MSC and three malignancy/GVHD ' +
      'records) bring geocoded sites. Its date is the latest record update it contains.',
    query: DEFAULT_QUERY,
    capturedAt: latestUpdate,
    dataTimestamp: latestUpdate,
    studyCount: studies.length,
  },
  studies,
};

const dir = `${root}public/data`;
mkdirSync(dir, { recursive: true });
const out = `${dir}/snapshot.json`;
const tmp = `${dir}/.snapshot-tmp-${process.pid}.json`;
try {
  writeFileSync(tmp, `${JSON.stringify(dataset)}\n`);
  renameSync(tmp, out);
} catch (error) {
  rmSync(tmp, { force: true });
  throw error;
}
console.log(`Wrote ${studies.length} studies to public/data/snapshot.json`);
