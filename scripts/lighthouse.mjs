#!/usr/bin/env node
/**
 * Lighthouse budget check against a running preview build.
 *
 *   npm run build:mock && npm run preview:mock &      # serves http://127.0.0.1:4174/
 *   npm run lighthouse [-- <url>]                     # default http://127.0.0.1:4174/
 *
 * Runs the installed lighthouse 12 CLI with its default (mobile) configuration in headless Chromium
 * (CHROME_PATH, default /usr/bin/chromium), prints the performance, accessibility and best-practices
 * scores, writes the full report to lighthouse/report.json and exits 1 when a budget is missed
 * (performance < 95, accessibility < 100, best practices < 100) unless LH_REPORT_ONLY=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const url = process.argv[2] ?? 'http://127.0.0.1:4174/';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const reportOnly = process.env.LH_REPORT_ONLY === '1';
const outDir = resolve('lighthouse');
const reportPath = join(outDir, 'report.json');

/** Minimum scores (0–100) per category. */
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100 };

if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}; set CHROME_PATH.`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const pkgPath = require.resolve('lighthouse/package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.lighthouse;
const cli = join(dirname(pkgPath), bin);

mkdirSync(outDir, { recursive: true });
const args = [
  cli,
  url,
  '--form-factor=mobile',
  `--only-categories=${Object.keys(BUDGET).join(',')}`,
  '--output=json',
  `--output-path=${reportPath}`,
  '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
  '--quiet',
];
console.log(`Lighthouse ${pkg.version} (mobile) on ${url} with ${chromePath}`);
const run = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chromePath },
});
if (run.status !== 0 || !existsSync(reportPath)) {
  console.error(
    `Lighthouse did not finish (exit ${run.status ?? run.signal}). Is the preview running at ${url}?`,
  );
  process.exit(2);
}

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
if (report.runtimeError) {
  console.error(
    `Lighthouse runtime error: ${report.runtimeError.code} ${report.runtimeError.message}`,
  );
  process.exit(2);
}

let failed = false;
const rows = Object.entries(BUDGET).map(([id, min]) => {
  const raw = report.categories?.[id]?.score;
  const score = typeof raw === 'number' ? Math.round(raw * 100) : null;
  const pass = score !== null && score >= min;
  if (!pass) failed = true;
  return {
    category: id,
    score: score ?? 'n/a',
    budget: `>= ${min}`,
    result: pass ? 'PASS' : 'MISS',
  };
});
console.table(rows);

const metrics = report.audits ?? {};
for (const id of [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
]) {
  if (metrics[id]) console.log(`${metrics[id].title}: ${metrics[id].displayValue ?? ''}`);
}
// Name the failing audits so a miss is actionable.
for (const id of Object.keys(BUDGET)) {
  for (const ref of report.categories?.[id]?.auditRefs ?? []) {
    const audit = metrics[ref.id];
    if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
      console.log(`  [${id}] ${audit.id}: ${audit.title} (score ${audit.score})`);
    }
  }
}
console.log(`Report: ${reportPath}`);

if (failed && !reportOnly) {
  console.error('Lighthouse budget missed (set LH_REPORT_ONLY=1 to report without failing).');
  process.exit(1);
}
