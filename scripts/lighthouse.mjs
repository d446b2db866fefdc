#!/usr/bin/env node
/**
 * Lighthouse budget check of the PRODUCTION build.
 *
 *   npm run lighthouse                 # builds and serves it itself (see below), then measures
 *   npm run lighthouse -- <url>        # measures a page that is already served
 *
 * Without a URL: builds the production bundle into dist-lighthouse/ with VITE_CTGOV_API_BASE pointing at
 * a local `vite preview` (port LH_PORT, default 4185) that also answers /api/v2 from the fixture
 * emulator (EMULATED_API=1, vite.config.ts): the page runs exactly as deployed (no MSW, no service
 * worker) against an API answering over real HTTP on this machine, so no request fails for want of a
 * network. Then runs the installed lighthouse 12 CLI with its default (mobile) configuration in headless
 * Chromium (CHROME_PATH, default /usr/bin/chromium), prints the performance, accessibility and
 * best-practices scores, writes the full report to lighthouse/report.json and exits 1 when a budget is
 * missed (performance < 95, accessibility < 100, best practices < 100) unless LH_REPORT_ONLY=1.
 * LH_RUNS=n measures n times and judges the median performance run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const port = Number(process.env.LH_PORT ?? 4185);
const given = process.argv[2];
const url = given ?? `http://127.0.0.1:${port}/`;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const reportOnly = process.env.LH_REPORT_ONLY === '1';
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 1));
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
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

/** Builds the production bundle against the local emulated API and serves it; returns the server. */
async function serveProductionBuild() {
  const env = {
    ...process.env,
    VITE_CTGOV_API_BASE: `http://127.0.0.1:${port}/api/v2`,
    EMULATED_API: '1',
  };
  console.log(`Building the production bundle (API: ${env.VITE_CTGOV_API_BASE}, emulated)…`);
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', 'dist-lighthouse', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env,
    },
  );
  if (build.status !== 0) {
    console.error('The production build failed.');
    process.exit(2);
  }
  const server = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      'dist-lighthouse',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${url}api/v2/version`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  console.error(`The preview server did not answer on ${url}.`);
  process.exit(2);
}

const server = given === undefined ? await serveProductionBuild() : undefined;
process.on('exit', () => server?.kill());

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
const reports = [];
for (let i = 0; i < runs; i++) {
  const run = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chromePath },
  });
  if (run.status !== 0 || !existsSync(reportPath)) {
    console.error(
      `Lighthouse did not finish (exit ${run.status ?? run.signal}). Is the page served at ${url}?`,
    );
    process.exit(2);
  }
  const one = JSON.parse(readFileSync(reportPath, 'utf8'));
  if (one.runtimeError) {
    console.error(`Lighthouse runtime error: ${one.runtimeError.code} ${one.runtimeError.message}`);
    process.exit(2);
  }
  if (runs > 1) {
    const perf = Math.round((one.categories?.performance?.score ?? 0) * 100);
    const metric = (id) => one.audits?.[id]?.displayValue ?? 'n/a';
    console.log(
      `run ${i + 1} of ${runs}: performance ${perf} (FCP ${metric('first-contentful-paint')}, ` +
        `LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
        `SI ${metric('speed-index')}, CLS ${metric('cumulative-layout-shift')})`,
    );
    writeFileSync(join(outDir, `report-run-${i + 1}.json`), JSON.stringify(one));
  }
  reports.push(one);
}
// The median run by performance score (Lighthouse's own advice for noisy machines).
reports.sort(
  (a, b) => (a.categories?.performance?.score ?? 0) - (b.categories?.performance?.score ?? 0),
);
const report = reports[Math.floor((reports.length - 1) / 2)];
writeFileSync(reportPath, JSON.stringify(report));

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
process.exit(0); // stops the preview server started above
