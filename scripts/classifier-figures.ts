/**
 * Classifier figures on the repo's real records (not shipped; a developer's measuring tool):
 *  - mocks/source/hsct (real HSCT / cell-therapy records): agreement of diseases, therapy, transplant
 *    type and phase with the expectation table written by reading each record
 *    (tests/domain/hsct-expectations.ts);
 *  - tests/data/records (real records of unrelated diseases): how many stay non-autoimmune and `other`;
 *  - tests/data/classifier-cases (real records kept for the classifier's rule classes), when present.
 * With `--outputs FILE` it also writes every record's current classification (diseases, therapy,
 * transplant type, phase, evidence) as JSON, so two runs can be compared record by record.
 * Run: npx tsx scripts/classifier-figures.ts [--outputs /tmp/outputs.json]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeStudy } from '../src/domain/normalize-study.ts';
import { HSCT_EXPECTATIONS } from '../tests/domain/hsct-expectations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const FIELDS = ['diseases', 'therapy', 'transplantType', 'phase'] as const;

function readDir(dir: string): { id: string; raw: unknown }[] {
  if (!existsSync(`${root}${dir}`)) return [];
  return readdirSync(`${root}${dir}`)
    .filter((f) => /^NCT\d{8}\.json$/.test(f))
    .sort()
    .map((f) => ({
      id: f.slice(0, -5),
      raw: JSON.parse(readFileSync(`${root}${dir}/${f}`, 'utf8')) as unknown,
    }));
}

const outputs: Record<string, unknown> = {};
function classify(id: string, raw: unknown) {
  const t = normalizeStudy(raw);
  if (t === null) throw new Error(`${id}: no trial`);
  const out = {
    diseases: t.diseases,
    therapy: t.therapy,
    transplantType: t.transplantType,
    phase: t.phase,
    evidence: t.transplantEvidence,
  };
  outputs[id] = out;
  return out;
}

const hsct = readDir('mocks/source/hsct');
const agreement = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<
  (typeof FIELDS)[number],
  number
>;
const misses: string[] = [];
for (const { id, raw } of hsct) {
  const got = classify(id, raw);
  const want = HSCT_EXPECTATIONS[id];
  if (want === undefined) continue;
  for (const f of FIELDS) {
    if (JSON.stringify(got[f]) === JSON.stringify(want[f])) agreement[f]++;
    else
      misses.push(`${id} ${f}: got ${JSON.stringify(got[f])}, expected ${JSON.stringify(want[f])}`);
  }
}
console.log(`mocks/source/hsct: ${hsct.length} real records`);
for (const f of FIELDS) console.log(`  ${f}: ${agreement[f]}/${hsct.length}`);
for (const m of misses) console.log(`  miss ${m}`);

const unrelated = readDir('tests/data/records');
let nonAutoimmune = 0;
let other = 0;
for (const { id, raw } of unrelated) {
  const got = classify(id, raw);
  if (got.diseases.length === 0) nonAutoimmune++;
  else console.log(`  autoimmune? ${id}: ${got.diseases.join(',')}`);
  if (got.therapy === 'other') other++;
  else console.log(`  cell therapy? ${id}: ${got.therapy} (${got.evidence ?? ''})`);
}
console.log(`tests/data/records: ${unrelated.length} real records of unrelated diseases`);
console.log(`  non-autoimmune: ${nonAutoimmune}/${unrelated.length}`);
console.log(`  therapy other: ${other}/${unrelated.length}`);

const cases = readDir('tests/data/classifier-cases');
if (cases.length > 0) {
  console.log(`tests/data/classifier-cases: ${cases.length} real records`);
  for (const { id, raw } of cases) {
    const got = classify(id, raw);
    console.log(
      `  ${id}: ${got.diseases.join(',') || '-'} / ${got.therapy} / ${got.transplantType} / ${got.phase}`,
    );
  }
}

const at = process.argv.indexOf('--outputs');
if (at > 0 && process.argv[at + 1]) {
  writeFileSync(process.argv[at + 1]!, `${JSON.stringify(outputs, null, 1)}\n`);
  console.log(`per-record outputs written to ${process.argv[at + 1]}`);
}
