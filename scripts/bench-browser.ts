/**
 * `npm run bench:browser`: the production build in Chromium against a stand-in API serving generated,
 * real-shaped studies, the new path (precomputed snapshot + live delta) side by side with the full live
 * pull (`?data=live`), with Lighthouse's mobile settings (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up,
 * 4x CPU slowdown, 412x823) and without throttling (desktop, 1350x940).
 *
 * - Builds the app once (dist-bench/) with VITE_CTGOV_API_BASE pointing at a local server that serves
 *   dist-bench/ with gzip, answers /api/v2 from the API emulator (mocks/emulator) over N studies made by
 *   scripts/bench-data.ts, and serves a precomputed dataset of the same N studies (scripts/precompute-
 *   dataset.ts) whose data date leaves about 1% of them to the live delta.
 * - Each run is a fresh browser context (cold cache). It records, from navigation start: the final result
 *   count (the banner no longer says "Checking…" and the count is shown), every chart drawn (the charts
 *   in the first screen have their drawing and bars; the others draw when scrolled near), the data bytes
 *   (compressed, as sent) and requests (site data files: the core and its site lists; and API), the
 *   longest task and the total blocking time (long tasks minus 50 ms, until
 *   the charts are drawn), a filter click (a disease option) to the charts repainted, and a repeat visit
 *   in the same profile 2 s later (within the freshness window): final count, API requests, data bytes.
 *   The server caches as docs/hosting.md asks of a host (cacheControl), so a repeat visit takes the
 *   hashed scripts from the browser's cache, as it would from any static host.
 * - Prints medians of BENCH_RUNS runs (default 3) with the machine's load average, and the requests of
 *   the new path's first cold visit (start and end from navigation, bytes sent) to see what waits on what.
 * - Last, the Node time of the snapshot job (`runSnapshot`: pull + normalize + write raw and precomputed)
 *   for 10,000 studies from the emulator over HTTP, without the politeness delay.
 *
 * BENCH_BROWSER_QUICK=1: 1,000 studies, one run per case, no 10,000-study job (the CI smoke run).
 * BENCH_FILTER=1: only the filter click on the new path (3,000 studies), in a real viewport scrolled to
 * the charts (the charts in view timed) and in the 9,000 px one (every chart timed); docs/performance.md,
 * "Filter click to repaint". BENCH_PROFILE=1: the same, desktop, one run, with the CPU profiler
 * (BENCH_PROFILE=mobile: the phone's clicks). BENCH_CASE=mobile or desktop: that case only (the full
 * run: its new path only).
 * BENCH_PROFILE=1 / BENCH_PROFILE=load: an unminified build and a CPU profile of a filter click
 * (desktop) or of the new path's cold mobile visit and of its repeat visit up to the final count, at
 * 3,000 studies (load: also from the core's arrival to the first screen's paint, and from the count to
 * all charts; the profile and the page's marks are written to dist-bench/cold-visit.cpuprofile and
 * cold-visit.marks.json).
 * The cold visits also print when the chart library arrived (the largest lazy script), how long
 * after it all charts were drawn, the long tasks meanwhile and, on the phone, the main thread's own
 * time meanwhile (thread time from a trace, without the waits for a core).
 * BENCH_AB=dirA,dirB: no build; the cold visits (not BENCH_FILTER) measure these existing builds in
 * turn, run by run (A, B, A, B, …), one row each: an A/B comparison under the same machine load. Build
 * each with `VITE_CTGOV_API_BASE=http://127.0.0.1:<BENCH_PORT>/api/v2 npx vite build --outDir <dir>`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createStudiesEmulator } from '../mocks/emulator/studies-emulator.ts';
import type { BundledDataset } from '../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY, STUDY_FIELDS } from '../src/api/ctgov/default-query.ts';
import { pruneStudyToFields } from '../mocks/emulator/fields.ts';
import type { Study } from '../src/api/ctgov/wire-types.ts';
import { generateStudies, loadSourceRecords } from './bench-data.ts';
import { SNAPSHOT_SINCE_META } from '../src/domain/precomputed-dataset.ts';
import { writePrecomputed } from './precompute-dataset.ts';
import { runSnapshot } from './snapshot.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.env.BENCH_BROWSER_QUICK === '1';
const PROFILE = process.env.BENCH_PROFILE === '1' || process.env.BENCH_PROFILE === 'mobile';
/** Which case BENCH_PROFILE profiles: the desktop (1) or the phone (mobile). */
const PROFILE_MOBILE = process.env.BENCH_PROFILE === 'mobile';
/** The filter-click mode (BENCH_PROFILE=1 profiles its desktop clicks). */
const FILTER = process.env.BENCH_FILTER === '1' || PROFILE;
/** BENCH_PROFILE=load: a CPU profile of the new path's cold mobile visit, from navigation to the count. */
const PROFILE_LOAD = process.env.BENCH_PROFILE === 'load';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? (QUICK || PROFILE ? 1 : 3)));
const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number)
  : QUICK
    ? [1_000]
    : FILTER || PROFILE_LOAD
      ? [3_000]
      : [1_000, 3_000];
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4195);
const OUT_DIR = path.join(ROOT, 'dist-bench');
/** BENCH_AB: existing builds measured in turn instead of a new build of OUT_DIR. */
const AB_DIRS = process.env.BENCH_AB?.split(',').map((dir) => path.resolve(ROOT, dir));
/** The build the server serves now. */
let served = OUT_DIR;
const TIMEOUT_MS = 90_000;
/** Both cases use a viewport this tall, so "all charts drawn" means every chart of the dashboard. */
const VIEW_HEIGHT = 9_000;

type Case = { name: string; mobile: boolean };
/** BENCH_CASE=mobile or desktop: only that case (and, in the full run, only the new path). */
const ONLY_CASE = process.env.BENCH_CASE;
const CASES: Case[] = (
  [
    { name: 'mobile', mobile: true },
    { name: 'desktop', mobile: false },
  ] as Case[]
).filter((c) => ONLY_CASE === undefined || c.name === ONLY_CASE);
type PathName = 'new' | 'full live';

type Sample = {
  count: number;
  /** When the first screen (the elements marked elementtiming="first-screen") was painted. */
  firstScreen: number;
  charts: number;
  dataBytes: number;
  dataRequests: number;
  apiRequests: number;
  longestTask: number;
  tbt: number;
  filter: number;
  /** A repeat visit in the same browser profile, within the freshness window. */
  repeatCount: number;
  repeatApiRequests: number;
  repeatDataBytes: number;
  /**
   * When the chart library arrived (the end of the largest lazy script: the chunk of Recharts), the
   * long tasks from then until all charts were drawn (its evaluation and the draws), and on the phone
   * the main thread's task time meanwhile (mainThreadCpu).
   */
  library: number;
  drawTasks: number;
  cpu: number;
  shown: string;
  /** Every request of the cold visit, from navigation start: what, when it started and ended, bytes. */
  timeline: string[];
};

// ---------------------------------------------------------------------------------------------- data

function realShapedStudies(n: number): Study[] {
  const sources = loadSourceRecords().studies.map((s) =>
    pruneStudyToFields(s as Study, STUDY_FIELDS),
  );
  return generateStudies(n, sources) as Study[];
}

/** Every study the stand-in API returns for the default query (all pages, STUDY_FIELDS). */
function defaultQueryMatches(studies: Study[]): Study[] {
  const emulator = createStudiesEmulator(() => studies);
  const out: Study[] = [];
  let token: string | undefined;
  do {
    const url = new URL('http://bench.local/api/v2/studies');
    for (const [key, value] of Object.entries(DEFAULT_QUERY)) url.searchParams.set(key, value);
    url.searchParams.set('fields', STUDY_FIELDS.join(','));
    url.searchParams.set('pageSize', '1000');
    if (token) url.searchParams.set('pageToken', token);
    const page = JSON.parse(emulator.listStudies(url).body) as {
      studies: Study[];
      nextPageToken?: string;
    };
    out.push(...page.studies);
    token = page.nextPageToken;
  } while (token);
  return out;
}

/** n generated studies that the default query finds: generated in surplus, the first n matches kept. */
function queryStudies(n: number): Study[] {
  for (let factor = 3; ; factor *= 2) {
    const matched = defaultQueryMatches(realShapedStudies(n * factor));
    if (matched.length >= n) return matched.slice(0, n);
  }
}

function lastUpdate(study: Study): string {
  return study.protocolSection?.statusModule?.lastUpdatePostDateStruct?.date ?? '';
}

type Site = { studies: Study[]; dataDir: string; deltaSince: string };

/** A precomputed dataset of the studies, dated so that about 1% of them are newer (the live delta). */
async function prepareSite(n: number): Promise<Site> {
  // The stand-in API serves n studies that the default query finds (as the issue's 3,000), and the
  // snapshot job's dataset holds those same studies.
  const studies = queryStudies(n);
  const matched = studies;
  const dates = matched
    .map(lastUpdate)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const since = dates[Math.floor(dates.length * 0.99)] ?? '2026-01-01';
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-site-${n}-`));
  const raw: BundledDataset = {
    meta: {
      kind: 'snapshot',
      source: 'Generated benchmark studies (scripts/bench-data.ts), not real trials',
      description: `${matched.length} of ${n} generated studies (NCT99 ids) found by the default query`,
      query: DEFAULT_QUERY,
      capturedAt: `${since}T06:00:00Z`,
      dataTimestamp: `${since}T00:00:00`,
      apiVersion: '2.0.5',
      studyCount: matched.length,
    },
    studies: matched,
  };
  const rawFile = path.join(dataDir, 'snapshot.json');
  writeFileSync(rawFile, JSON.stringify(raw));
  const files = await writePrecomputed(rawFile, dataDir);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
  console.log(
    `${n} studies: data/trials.json ${kB(files.bytes)} (${kB(files.gzipBytes)} gzip), ` +
      `data/trial-sites.json ${kB(files.siteBytes)} (${kB(files.siteGzipBytes)} gzip)`,
  );
  return { studies, dataDir, deltaSince: since };
}

// -------------------------------------------------------------------------------------------- server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

type Counter = {
  dataBytes: number;
  dataRequests: number;
  apiRequests: number;
  /** Bytes sent per path (compressed), in request order. */
  sent: { path: string; bytes: number }[];
};

/**
 * Caching as docs/hosting.md asks of a host: files under assets/ carry content hashes (a year,
 * immutable), the page and data files briefly (5 minutes), the API never. Each cold visit is a new
 * browser context, so only repeat visits see the cache.
 */
function cacheControl(url: string): string {
  if (url.startsWith('/api/')) return 'no-store';
  if (url.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'max-age=300';
}

function startServer(getSite: () => Site, counter: Counter): Promise<Server> {
  let emulatorFor: Site | undefined;
  let emulator = createStudiesEmulator(() => []);
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    type: string,
    body: Buffer,
    isData: boolean,
  ) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const out = gzip ? gzipSync(body) : body;
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cacheControl(req.url ?? '/'));
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', out.length);
    res.end(out);
    counter.sent.push({
      path: new URL(req.url ?? '/', 'http://bench.local').pathname,
      bytes: out.length,
    });
    if (isData) {
      counter.dataBytes += out.length;
      counter.dataRequests += 1;
    }
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    const site = getSite();
    if (emulatorFor !== site) {
      emulatorFor = site;
      emulator = createStudiesEmulator(() => site.studies);
    }
    if (url.pathname.startsWith('/api/v2/')) {
      counter.apiRequests += 1;
      const rest = url.pathname.slice('/api/v2'.length);
      const result =
        rest === '/version'
          ? emulator.version()
          : rest === '/studies'
            ? emulator.listStudies(url)
            : emulator.getStudy(decodeURIComponent(rest.replace('/studies/', '')), url);
      return send(req, res, result.status, result.contentType, Buffer.from(result.body), true);
    }
    let file: string;
    if (
      url.pathname === '/data/trials.json' ||
      url.pathname === '/data/trial-sites.json' ||
      url.pathname.startsWith('/data/details/')
    ) {
      file = path.join(site.dataDir, url.pathname.replace(/^\/data\//, ''));
    } else {
      file = path.join(served, url.pathname === '/' ? 'index.html' : url.pathname);
    }
    if (!file.startsWith(served) && !file.startsWith(site.dataDir)) {
      return send(req, res, 403, 'text/plain', Buffer.from('no'), false);
    }
    if (!existsSync(file))
      return send(req, res, 404, 'text/plain', Buffer.from('Not found'), false);
    const isData = url.pathname.startsWith('/data/');
    let body = readFileSync(file);
    if (file.endsWith('.html')) {
      // As if built with this dataset: the page carries the data date of the file it ships, in its
      // meta tag and in the address of the live changes it preloads.
      const html = body.toString('utf8');
      const built = new RegExp(`<meta name="${SNAPSHOT_SINCE_META}" content="([^"]*)"`).exec(
        html,
      )?.[1];
      body = Buffer.from(built ? html.split(built).join(site.deltaSince) : html);
    }
    send(req, res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', body, isData);
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------------------------------- browser

/*
 * The page-side code is plain JavaScript in strings: tsx (esbuild) would wrap named functions in a
 * `__name` helper that does not exist in the page.
 */

/** Installed before the app: marks from navigation start, and the long tasks. */
const INSTALL_MARKS = `(() => {
  const marks = { drawn: [], preloads: [] };
  const tasks = [];
  // When the page's preloaded files fired their load event (what the chart drawings wait for).
  document.addEventListener('load', (event) => {
    const link = event.target;
    if (link instanceof HTMLLinkElement) marks.preloads.push(performance.now());
  }, true);
  window.__marks = marks;
  window.__tasks = tasks;
  // When the first screen (the elements marked elementtiming="first-screen") and the largest
  // contentful paint were painted.
  marks.paints = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'first-screen' && marks.firstScreen === undefined) {
          marks.firstScreen = e.renderTime || e.startTime;
          marks.firstScreenSeen = performance.now();
        }
      }
    }).observe({ type: 'element', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const banner = document.querySelector('section[aria-label="Data source"]');
    const final =
      banner !== null &&
      !/Checking ClinicalTrials\\.gov/.test(banner.textContent || '') &&
      document.querySelector('p.active-filters-count') !== null;
    if (marks.count === undefined && final) marks.count = performance.now();
    if (marks.count !== undefined && marks.charts === undefined) {
      const grid = document.querySelector('.chart-grid');
      // Not before every panel is in the grid (it is aria-busy while the later ones are to be added).
      if (!grid || document.querySelector('.chart-grid-loading') || grid.getAttribute('aria-busy') === 'true') return;
      // Every chart area (panels that are only a table have none) holds its drawing.
      const charts = Array.from(grid.querySelectorAll('div.chart'));
      const drawn = charts.filter((chart) => chart.querySelector('svg[role="img"]') !== null);
      const bars = grid.querySelectorAll('.recharts-bar-rectangle');
      // When each chart got its drawing (the timeline of the first run prints them).
      while (marks.drawn.length < drawn.length) marks.drawn.push(performance.now());
      if (charts.length > 0 && drawn.length === charts.length && bars.length > 0) {
        marks.charts = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
})();`;

/**
 * Clicks the first unchecked disease option and times until the result count and every chart that was
 * in the viewport at the click show their new drawing (summary and bar geometry), plus one frame (the
 * frame after the last change is painted). A chart whose drawing did not change would never count as
 * repainted: after 3 s without any change the measurement ends and reports it as `unchanged`.
 */
const FILTER_CLICK = `(async () => {
  const count = () => (document.querySelector('p.active-filters-count') || {}).textContent || '';
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  const drawing = (chart) => {
    const svg = chart.querySelector('svg[role="img"]');
    if (!svg) return '';
    const bars = Array.from(svg.querySelectorAll('.recharts-bar-rectangle *')).map((n) =>
      n.getAttribute('d') ||
      ['x', 'y', 'width', 'height', 'fill-opacity'].map((a) => n.getAttribute(a)).join(','));
    return (svg.getAttribute('aria-label') || '') + '|' + bars.join(';');
  };
  const charts = Array.from(document.querySelectorAll('.chart-grid div.chart')).filter(
    (chart) => inView(chart) && chart.querySelector('svg[role="img"]') !== null);
  const before = charts.map(drawing);
  const countBefore = count();
  const option = document.querySelector('fieldset input[type="checkbox"]:not(:checked)');
  if (!option) throw new Error('no filter option');
  const changed = charts.map(() => false);
  // Long animation frames of the click: where their time went (scripts, forced layout, rendering).
  const frames = [];
  const loaf = new PerformanceObserver((list) => frames.push(...list.getEntries()));
  try { loaf.observe({ type: 'long-animation-frame' }); } catch {}
  let countChanged = false;
  let painted = NaN;
  let t0 = NaN;
  await new Promise((resolve) => {
    let quiet;
    let last = 0;
    const frameAfter = (done) =>
      requestAnimationFrame(() => setTimeout(() => { painted = performance.now(); done(); }, 0));
    const check = (records) => {
      let progress = false;
      if (!countChanged && count() !== countBefore) countChanged = progress = true;
      // Only the charts that changed are read again (the check runs inside the timed click).
      charts.forEach((chart, i) => {
        if (changed[i] || !records.some((r) => chart.contains(r.target))) return;
        if (drawing(chart) !== before[i]) changed[i] = progress = true;
      });
      clearTimeout(quiet);
      if (countChanged && changed.every(Boolean)) {
        observer.disconnect();
        frameAfter(resolve);
        return;
      }
      const mine = ++last;
      if (progress) frameAfter(() => undefined);
      quiet = setTimeout(() => { if (mine === last) { observer.disconnect(); resolve(); } }, 3000);
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    t0 = performance.now();
    option.click();
  });
  window.__click = { t0, painted, frames, loaf, charts: charts.length,
    unchanged: changed.filter((c) => !c).length };
  return painted - t0;
})()`;

/**
 * On a phone the filters are a closed sheet until "Show filters" (its options are drawn when it opens):
 * opens it, as a user does before clicking an option, and waits for the options.
 */
async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator('.explore-filters-toggle[aria-expanded="false"]');
  if (await toggle.isVisible()) await toggle.click();
  await page.waitForSelector('fieldset input[type="checkbox"]', { timeout: TIMEOUT_MS });
  await page.waitForTimeout(500);
}

/** After FILTER_CLICK: the click's long animation frames (reported after the frame, so a moment later). */
const FILTER_CLICK_FRAMES = `(async () => {
  const { t0, painted, frames, loaf, charts, unchanged } = window.__click;
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const entry of loaf.takeRecords()) frames.push(entry);
  loaf.disconnect();
  const mine = frames.filter((f) => f.startTime + f.duration >= t0 && f.startTime <= painted);
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const scripts = mine.flatMap((f) => f.scripts || []);
  return {
    ms: painted - t0, charts, unchanged,
    script: sum(scripts.map((s) => s.duration)),
    forcedLayout: sum(scripts.map((s) => s.forcedStyleAndLayoutDuration || 0)),
    rendering: sum(mine.map((f) => f.startTime + f.duration - (f.renderStart || f.startTime + f.duration))),
  };
})()`;

/**
 * `script`: time in script of the click's long animation frames (`forcedLayout` of it: style and layout
 * forced by scripts); `rendering`: the frames' rendering phase (style, layout, paint) after the scripts.
 */
type FilterClick = {
  ms: number;
  /** Main-thread CPU time from just before the click until just after the timed frame (CDP ThreadTime). */
  cpu: number;
  charts: number;
  unchanged: number;
  script: number;
  forcedLayout: number;
  rendering: number;
};

/** A fresh browser context (cold cache): a phone 412 px wide or a desktop 1350 px wide. */
function newContext(browser: Browser, mobile: boolean, height: number): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: mobile ? 412 : 1350, height },
    deviceScaleFactor: mobile ? 1.75 : 1,
    isMobile: mobile,
    // The page's CSP forbids eval, which Playwright's string expressions need.
    bypassCSP: true,
    hasTouch: mobile,
  });
}

async function measure(
  browser: Browser,
  url: string,
  mobile: boolean,
  counter: Counter,
): Promise<Sample> {
  // Tall enough that every chart is near the viewport and drawn (charts draw when scrolled near).
  const context = await newContext(browser, mobile, VIEW_HEIGHT);
  const page = await context.newPage();
  if (mobile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1638.4 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript({ content: INSTALL_MARKS });
  const loadProfiler = PROFILE_LOAD ? await context.newCDPSession(page) : undefined;
  if (loadProfiler) {
    await loadProfiler.send('Profiler.enable');
    await loadProfiler.send('Profiler.start');
  }
  counter.dataBytes = 0;
  counter.dataRequests = 0;
  counter.apiRequests = 0;
  counter.sent = [];
  // The main thread's tasks (with their thread time) for the phone's CPU figure (mainThreadCpu).
  const traceFile = mobile ? path.join(tmpdir(), `bench-browser-${PORT}-trace.json`) : undefined;
  if (traceFile) {
    await browser.startTracing(page, {
      path: traceFile,
      categories: ['toplevel', 'blink.user_timing'],
    });
  }
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction('window.__marks && window.__marks.charts !== undefined', undefined, {
      timeout: TIMEOUT_MS,
      polling: 250,
    });
  } catch (error) {
    const marks = await page.evaluate('JSON.stringify(window.__marks)').catch(() => '');
    const text = `marks ${String(marks)}\n${await page
      .locator('main')
      .innerText()
      .catch(() => '(no main)')}`;
    throw new Error(`${url}: the charts were not drawn; the page says:\n${text.slice(0, 1500)}`, {
      cause: error,
    });
  }
  if (loadProfiler) {
    // The profile's clock (µs) against the page's: read just before the profiler stops.
    const at = await page.evaluate<{
      now: number;
      count: number;
      charts: number;
      firstScreen?: number;
      core?: number;
    }>(
      "({ now: performance.now(), count: window.__marks.count, charts: window.__marks.charts, firstScreen: window.__marks.firstScreen, core: performance.getEntriesByType('resource').find((e) => e.name.includes('/data/trials.json'))?.responseEnd })",
    );
    const { profile } = await loadProfiler.send('Profiler.stop');
    writeFileSync(path.join(OUT_DIR, 'cold-visit.cpuprofile'), JSON.stringify(profile));
    // The page's marks (ms since navigation) and the page's clock when the profiler stopped, to place
    // the profile's samples (µs) on the page's timeline: page ms = µs / 1000 - (endTime / 1000 - now).
    writeFileSync(path.join(OUT_DIR, 'cold-visit.marks.json'), JSON.stringify(at));
    const toPage = (µs: number) => µs / 1000 - (profile.endTime / 1000 - at.now);
    printProfile(profile, 'Cold visit to the count', (t) => toPage(t) <= at.count);
    if (at.core !== undefined && at.firstScreen !== undefined) {
      const [core, shown] = [at.core, at.firstScreen];
      printProfile(
        profile,
        "Cold visit, from the core's arrival to the first screen painted",
        (t) => toPage(t) > core && toPage(t) <= shown,
      );
    }
    printProfile(
      profile,
      'Cold visit, from the count to all charts drawn',
      (t) => toPage(t) > at.count && toPage(t) <= at.charts,
    );
  }
  // Let late requests (e.g. /version) finish before the data is counted.
  await page.waitForTimeout(500);
  const data = { ...counter };
  const timeline = await requestTimeline(page, counter.sent);
  const marks = await page.evaluate<{
    count?: number;
    charts?: number;
    drawn: number[];
    preloads: number[];
    tasks: number[][];
    firstScreen?: number;
    firstScreenSeen?: number;
    lcp?: number;
  }>(
    '({ count: window.__marks.count, charts: window.__marks.charts, drawn: window.__marks.drawn, preloads: window.__marks.preloads, tasks: window.__tasks, firstScreen: window.__marks.firstScreen, firstScreenSeen: window.__marks.firstScreenSeen, lcp: window.__marks.lcp })',
  );
  const s = (ms: number) => (ms / 1000).toFixed(2);
  timeline.push(
    `preloaded files' load events at ${marks.preloads.map(s).join(', ')} s`,
    `count on screen ${s(marks.count ?? NaN)} s; charts drawn at ${marks.drawn.map(s).join(', ')} s`,
    `first screen painted at ${s(marks.firstScreen ?? NaN)} s (reported at ${s(marks.firstScreenSeen ?? NaN)} s); ` +
      `largest contentful paint ${s(marks.lcp ?? NaN)} s`,
    `long tasks after the count (start+duration ms): ${marks.tasks
      .filter(([start]) => (start ?? 0) >= (marks.count ?? Infinity))
      .map(([start, d]) => `${(start ?? 0).toFixed(0)}+${(d ?? 0).toFixed(0)}`)
      .join(', ')}`,
  );
  const until = marks.charts ?? Infinity;
  const tasks = marks.tasks.filter(([start]) => (start ?? 0) < until);
  const library = await chartLibraryArrival(page, counter.sent);
  let cpu = NaN;
  if (traceFile) {
    await browser.stopTracing();
    cpu = mainThreadCpu(traceFile, library, until);
    rmSync(traceFile, { force: true });
  }
  const drawTasks = marks.tasks
    .filter(([start]) => (start ?? 0) >= library && (start ?? 0) < until)
    .reduce((sum, [, d]) => sum + (d ?? 0), 0);
  timeline.push(
    `chart library in at ${s(library)} s; all charts drawn ${s(until - library)} s after it; ` +
      `long tasks meanwhile ${drawTasks.toFixed(0)} ms; main-thread CPU meanwhile ${cpu.toFixed(0)} ms`,
  );
  const shown = (await page.locator('p.active-filters-count').first().textContent()) ?? '';
  await openFilters(page);
  const filter = await page.evaluate<number>(FILTER_CLICK);
  // Repeat visit: the same profile a moment later (the saved copy is written at most once a second).
  await page.waitForTimeout(2_000);
  counter.dataBytes = 0;
  counter.dataRequests = 0;
  counter.apiRequests = 0;
  if (loadProfiler) await loadProfiler.send('Profiler.start');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction('window.__marks && window.__marks.count !== undefined', undefined, {
    timeout: TIMEOUT_MS,
    polling: 100,
  });
  if (loadProfiler) {
    printProfile((await loadProfiler.send('Profiler.stop')).profile, 'Repeat visit to the count');
  }
  const repeatCount = await page.evaluate<number>('window.__marks.count');
  await page.waitForTimeout(1_000);
  const repeat = { ...counter };
  await context.close();
  return {
    count: marks.count ?? NaN,
    firstScreen: marks.firstScreen ?? NaN,
    charts: marks.charts ?? NaN,
    dataBytes: data.dataBytes,
    dataRequests: data.dataRequests,
    apiRequests: data.apiRequests,
    longestTask: Math.max(0, ...tasks.map(([, d]) => d ?? 0)),
    tbt: tasks.reduce((sum, [, d]) => sum + Math.max(0, (d ?? 0) - 50), 0),
    filter,
    repeatCount,
    repeatApiRequests: repeat.apiRequests,
    repeatDataBytes: repeat.dataBytes,
    library,
    drawTasks,
    cpu,
    shown: shown.trim(),
    timeline,
  };
}

/** Waits until nothing in the page changed for `ms` (the charts' idle-time draws are done). */
const QUIET = (ms: number) => `new Promise((resolve) => {
  let timer = setTimeout(done, ${ms});
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ${ms}); });
  function done() { observer.disconnect(); resolve(); }
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})`;

/** Every chart area in the viewport holds its drawing with bars. */
const VISIBLE_CHARTS_DRAWN = `(() => {
  const charts = Array.from(document.querySelectorAll('.chart-grid div.chart')).filter((chart) => {
    const r = chart.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  });
  return charts.length > 0 &&
    charts.every((chart) => chart.querySelector('svg[role="img"] .recharts-bar-rectangle') !== null);
})()`;

/**
 * BENCH_FILTER=1: a filter click on the new path. `screen`: a real viewport (412x823 phone, 1350x940
 * desktop) scrolled so that the chart grid starts at its top, once the charts in view are drawn and the
 * page is quiet; the charts in the viewport are timed. `all`: the 9,000 px viewport with every chart
 * drawn, so every chart is in the viewport and timed.
 */
async function measureFilter(
  browser: Browser,
  url: string,
  mobile: boolean,
  view: 'screen' | 'all',
): Promise<FilterClick & { shown: string }> {
  const height = view === 'all' ? VIEW_HEIGHT : mobile ? 823 : 940;
  const context = await newContext(browser, mobile, height);
  const page = await context.newPage();
  if (mobile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript({ content: INSTALL_MARKS });
  await page.goto(url, { waitUntil: 'commit' });
  const wait = { timeout: TIMEOUT_MS, polling: 100 } as const;
  await page.waitForFunction(
    'window.__marks && window.__marks.count !== undefined',
    undefined,
    wait,
  );
  if (view === 'all') {
    await page.waitForFunction('window.__marks.charts !== undefined', undefined, wait);
  } else {
    await page.waitForSelector('.chart-grid div.chart', { timeout: TIMEOUT_MS });
    await page.evaluate(`document.querySelector('.chart-grid').scrollIntoView({ block: 'start' })`);
    await page.waitForFunction(VISIBLE_CHARTS_DRAWN, undefined, wait);
  }
  await openFilters(page);
  await page.evaluate(QUIET(1_000));
  const shown = ((await page.locator('p.active-filters-count').first().textContent()) ?? '').trim();
  const profiler =
    PROFILE && mobile === PROFILE_MOBILE ? await context.newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const metrics = await context.newCDPSession(page);
  await metrics.send('Performance.enable');
  const threadTime = async () =>
    ((await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')
      ?.value ?? NaN) * 1000;
  const cpuBefore = await threadTime();
  await page.evaluate<number>(FILTER_CLICK);
  const cpu = (await threadTime()) - cpuBefore;
  const click = { ...(await page.evaluate<Omit<FilterClick, 'cpu'>>(FILTER_CLICK_FRAMES)), cpu };
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    // Also saved for Chromium's DevTools (Performance panel: load profile).
    const file = path.join(OUT_DIR, `filter-click-${view}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(
      `${mobile ? 'Phone' : 'Desktop'}, ${view === 'all' ? 'all charts' : 'charts in view'} (${file}):`,
    );
    printProfile(profile, `Filter click (${view === 'all' ? 'all charts' : 'charts in view'})`);
  }
  await context.close();
  return { ...click, shown };
}

async function filterMode(browser: Browser, url: string, size: number): Promise<string[]> {
  const lines: string[] = [];
  for (const c of PROFILE ? CASES.filter((x) => x.mobile === PROFILE_MOBILE) : CASES) {
    const cells: string[] = [];
    let shown = '';
    for (const view of ['screen', 'all'] as const) {
      const samples: FilterClick[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const sample = await measureFilter(browser, url, c.mobile, view);
        samples.push(sample);
        shown = sample.shown;
      }
      const unchanged = Math.max(...samples.map((s) => s.unchanged));
      const m = (key: keyof FilterClick) => median(samples.map((s) => s[key])).toFixed(0);
      cells.push(
        `${m('ms')} ms (${m('charts')} charts${unchanged > 0 ? `, ${unchanged} never changed` : ''}; ` +
          `runs ${samples.map((s) => s.ms.toFixed(0)).join(', ')}; main-thread CPU ${m('cpu')} ms; ` +
          `script ${m('script')} ms, of it forced layout ${m('forcedLayout')} ms; rendering ${m('rendering')} ms)`,
      );
    }
    const line = [size.toLocaleString('en-GB'), c.name, ...cells, shown].join(' | ');
    lines.push(line);
    console.log(line);
  }
  return lines;
}

/**
 * When the chart library arrived: the end of the largest script that the served index.html does not
 * name (it names the entry and the chunks it preloads; the others are lazy chunks, the largest of them
 * the chart library's). Its request can start before the final count is on screen.
 */
async function chartLibraryArrival(page: Page, sent: Counter['sent']): Promise<number> {
  const html = readFileSync(path.join(served, 'index.html'), 'utf8');
  const named = new Set(
    Array.from(html.matchAll(/\b(?:src|href)="([^"]+\.js)"/g), (match) => match[1]),
  );
  const entries = await page.evaluate<[string, number][]>(
    `performance.getEntriesByType('resource').map((e) => [e.name, e.responseEnd])`,
  );
  let largest = { bytes: -1, end: NaN };
  for (const [name, end] of entries) {
    const path = new URL(name, 'http://bench.local').pathname;
    const bytes = sent.find((s) => s.path === path)?.bytes ?? 0;
    if (path.endsWith('.js') && !named.has(path) && bytes > largest.bytes) {
      largest = { bytes, end };
    }
  }
  return largest.end;
}

/** The cold visit's requests from the page's resource timing, with the bytes the server sent for each. */
async function requestTimeline(page: Page, sent: Counter['sent']): Promise<string[]> {
  const entries = await page.evaluate<[string, number, number][]>(
    `[[location.pathname, 0, performance.getEntriesByType('navigation')[0].responseEnd],
      ...performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd])]`,
  );
  return entries.map(([name, start, end]) => {
    const path = new URL(name, 'http://bench.local').pathname;
    const bytes = sent.find((s) => s.path === path)?.bytes;
    const size = bytes === undefined ? '' : ` ${(bytes / 1000).toFixed(1)} kB`;
    return `${(start / 1000).toFixed(2)}-${(end / 1000).toFixed(2)} s ${path}${size}`;
  });
}

type CpuProfile = {
  /** When the profile started and ended (µs, the profiler's clock). */
  startTime: number;
  endTime: number;
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
};

/** Where main-thread time goes (self time by function and file): a filter click, or the cold visit. */
function printProfile(
  profile: CpuProfile,
  what: string,
  /** Keeps only the samples taken at these times (µs, the profiler's clock). */
  within: (µs: number) => boolean = () => true,
): void {
  let clock = profile.startTime;
  const kept = new Set<number>();
  (profile.timeDeltas ?? []).forEach((delta, i) => {
    clock += delta;
    if (within(clock)) kept.add(i);
  });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    if (!kept.has(i)) return;
    const frame = byId.get(id)?.callFrame;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const file = frame?.url.split('/').at(-1) || '(native)';
    const key = `${frame?.functionName || '(anonymous)'} ${file}:${frame?.lineNumber ?? 0}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  // Who forces layout: the nearest named callers of getBoundingClientRect.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layout = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    if (!kept.has(i)) return;
    if (byId.get(id)?.callFrame.functionName !== 'getBoundingClientRect') return;
    const chain: string[] = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 3; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f?.functionName) chain.push(`${f.functionName}:${f.lineNumber}`);
    }
    const key = chain.join(' < ');
    layout.set(key, (layout.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  // Inclusive time: every function on a sample's stack (once per sample).
  const inclusive = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    if (!kept.has(i)) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f?.functionName || f.url === '') continue;
      seen.add(`${f.functionName} ${f.url.split('/').at(-1)}:${f.lineNumber}`);
    }
    for (const key of seen)
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log(`${what} profile, inclusive time by function:\n${top(inclusive, 60)}`);
  console.log(
    `${what} profile, self time by file:\n${top(byFile, 8)}\nby function:\n${top(self, 25)}` +
      `\ngetBoundingClientRect (forced layout) by caller:\n${top(layout, 6)}`,
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

function row(size: number, c: Case, name: PathName, samples: Sample[]): string {
  const m = (key: keyof Omit<Sample, 'shown' | 'timeline'>) => median(samples.map((s) => s[key]));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    size.toLocaleString('en-GB'),
    c.name,
    name,
    s(m('count')),
    s(m('charts')),
    `${(m('dataBytes') / 1000).toFixed(0)} kB / ${m('dataRequests')} (${m('apiRequests')} API)`,
    `${m('longestTask').toFixed(0)} ms`,
    `${m('tbt').toFixed(0)} ms`,
    `${m('filter').toFixed(0)} ms`,
    `${s(m('repeatCount'))}, ${m('repeatApiRequests')} API, ${(m('repeatDataBytes') / 1000).toFixed(0)} kB`,
    samples[0]?.shown ?? '',
  ].join(' | ');
}

/**
 * Time (ms) the page's main thread ran its tasks that started between `from` and `to` (ms from
 * navigation), from a trace: the tasks' thread time, which leaves out the time the thread waited for a
 * core (a loaded machine) and keeps the emulated CPU slowdown. It still moves with the load (more
 * frames and idle periods between the draws), less than wall time.
 */
function mainThreadCpu(file: string, from: number, to: number): number {
  type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
  };
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart');
  if (!nav) return NaN;
  let sum = 0;
  for (const e of events) {
    if (
      e.pid !== nav.pid ||
      e.tid !== nav.tid ||
      e.ph !== 'X' ||
      e.name !== 'ThreadControllerImpl::RunTask'
    )
      continue;
    const start = (e.ts - nav.ts) / 1000;
    if (start >= from && start < to) sum += (e.tdur ?? 0) / 1000;
  }
  return sum;
}

/** Chart library in → all charts drawn, per run and the median, and the long tasks meanwhile. */
function libraryToCharts(samples: Sample[]): string {
  const after = samples.map((s) => s.charts - s.library);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return (
    `chart library in → all charts drawn: median ${s(median(after))} s (runs ${after.map(s).join(', ')} s); ` +
    `long tasks meanwhile: median ${median(samples.map((x) => x.drawTasks)).toFixed(0)} ms ` +
    `(runs ${samples.map((x) => x.drawTasks.toFixed(0)).join(', ')} ms); ` +
    `main-thread CPU meanwhile: median ${median(samples.map((x) => x.cpu)).toFixed(0)} ms (runs ${samples.map((x) => x.cpu.toFixed(0)).join(', ')} ms)`
  );
}

// ------------------------------------------------------------------------------------ snapshot job

async function snapshotJob(n: number): Promise<string> {
  const studies = queryStudies(n);
  const emulator = createStudiesEmulator(() => studies);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    const result =
      url.pathname === '/api/v2/version' ? emulator.version() : emulator.listStudies(url);
    res.statusCode = result.status;
    res.setHeader('Content-Type', result.contentType);
    res.end(result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-snapshot-'));
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await runSnapshot({
      baseUrl: `http://127.0.0.1:${port}/api/v2`,
      outFile: path.join(dir, 'snapshot.json'),
      minRequestIntervalMs: 0,
      log: () => undefined,
    });
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return (
      `Snapshot job, ${result.studies.toLocaleString('en-GB')} studies in ${result.pages} pages from the ` +
      `emulator over HTTP (no politeness delay): ${(wall / 1000).toFixed(1)} s wall, ` +
      `${((used.user + used.system) / 1e6).toFixed(1)} s CPU of this process (the emulator runs in it too); ` +
      `raw file ${(result.fileBytes / 1e6).toFixed(1)} MB.`
    );
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// -------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  console.log(
    `Browser benchmark (${QUICK ? 'quick' : FILTER ? 'filter click' : 'full'}): ${RUNS} run(s) per case, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (AB_DIRS) console.log(`A/B of the builds ${AB_DIRS.join(', ')}`);
  else console.log('Building the production bundle…');
  const build = AB_DIRS
    ? { status: 0 }
    : spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          OUT_DIR,
          '--logLevel',
          'warn',
          // A profile needs readable function names.
          ...(PROFILE || PROFILE_LOAD ? ['--minify', 'false'] : []),
        ],
        {
          stdio: 'inherit',
          env: { ...process.env, VITE_CTGOV_API_BASE: `http://127.0.0.1:${PORT}/api/v2` },
          cwd: ROOT,
        },
      );
  if (build.status !== 0) throw new Error('the build failed');

  const counter: Counter = { dataBytes: 0, dataRequests: 0, apiRequests: 0, sent: [] };
  let site: Site | undefined;
  const server = await startServer(() => site!, counter);
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const lines: string[] = [];
  try {
    for (const size of SIZES) {
      site = await prepareSite(size);
      if (FILTER) {
        lines.push(...(await filterMode(browser, `http://127.0.0.1:${PORT}/`, size)));
        rmSync(site.dataDir, { recursive: true, force: true });
        continue;
      }
      for (const c of CASES) {
        if (PROFILE_LOAD && !c.mobile) continue;
        for (const [name, query] of [
          ['new', ''],
          ['full live', '?data=live'],
        ] as const) {
          if ((PROFILE_LOAD || ONLY_CASE) && name !== 'new') continue;
          const builds = AB_DIRS ?? [OUT_DIR];
          const samples: Sample[][] = builds.map(() => []);
          for (let i = 0; i < RUNS; i += 1) {
            for (const [b, dir] of builds.entries()) {
              served = dir;
              samples[b]?.push(
                await measure(browser, `http://127.0.0.1:${PORT}/${query}`, c.mobile, counter),
              );
            }
          }
          for (const [b, dir] of builds.entries()) {
            const runs = samples[b] ?? [];
            const line = `${row(size, c, name, runs)}${AB_DIRS ? ` | ${path.relative(ROOT, dir)}` : ''}`;
            lines.push(line);
            console.log(line);
            const each = (key: 'count' | 'firstScreen' | 'charts') =>
              runs.map((sample) => (sample[key] / 1000).toFixed(2)).join(', ');
            console.log(
              `  each run: final count ${each('count')} s; first screen painted ${each('firstScreen')} s ` +
                `(median ${(median(runs.map((x) => x.firstScreen)) / 1000).toFixed(2)} s); ` +
                `all charts drawn ${each('charts')} s`,
            );
            console.log(`  ${libraryToCharts(runs)}`);
            if (name === 'new')
              console.log(`  requests of the first run:\n    ${runs[0]?.timeline.join('\n    ')}`);
          }
        }
      }
      rmSync(site.dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    FILTER
      ? `\nstudies | case | filter click → charts in the viewport repainted | filter click → all charts repainted (9,000 px viewport) | shown`
      : `\nstudies | case | path | final count | charts drawn | data (gzip) / requests | longest task | TBT | filter click → charts | repeat visit: count, API requests, data | shown`,
  );
  for (const line of lines) console.log(line);
  console.log(
    `Load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!QUICK && !FILTER && !PROFILE_LOAD && !ONLY_CASE)
    console.log(`\n${await snapshotJob(10_000)}`);
}

await main();
