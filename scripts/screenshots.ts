/**
 * Screenshots of the built app (Debian's Chromium through Playwright), so that the README pictures stay
 * true: the dashboard, the patient view and the embed, drawn from the bundled offline sample (the live
 * API is blocked, so the pictures do not depend on the day or the network).
 *
 *   npm run build && npm run screenshots              README pictures into docs/screenshots/
 *   npm run screenshots -- --all --out /tmp/shots     every view at 1280x800 and 360x800, light and dark
 *
 * The script starts `vite preview` on dist/ itself (port SCREENSHOT_PORT, default 4199) and stops it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const all = args.includes('--all');
const outAt = args.indexOf('--out');
const out = outAt !== -1 && args[outAt + 1] ? args[outAt + 1]! : join(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4199);
const base = `http://127.0.0.1:${port}`;

type Shot = {
  name: string;
  path: string;
  width: number;
  height: number;
  scheme: 'light' | 'dark';
  /** Full page instead of the first screen. */
  fullPage?: boolean;
};

const VIEWS: readonly { name: string; path: string }[] = [
  { name: 'dashboard', path: '/' },
  { name: 'table', path: '/?view=table' },
  { name: 'patient', path: '/?view=patient&disease=multiple-sclerosis' },
  { name: 'embed', path: '/?embed=1&panels=summary,disease,type,timeline' },
];

/** The README pictures: the first screen of the dashboard, the patient view and the embed. */
const README_SHOTS: readonly Shot[] = [
  { name: 'dashboard', path: '/', width: 1280, height: 800, scheme: 'light' },
  {
    name: 'patient',
    path: '/?view=patient&disease=multiple-sclerosis',
    width: 1280,
    height: 800,
    scheme: 'light',
  },
  {
    name: 'embed',
    path: '/?embed=1&panels=summary,disease,type,timeline',
    width: 800,
    height: 700,
    scheme: 'light',
  },
  { name: 'dashboard-phone', path: '/', width: 360, height: 800, scheme: 'dark' },
];

function allShots(): Shot[] {
  const shots: Shot[] = [];
  for (const view of VIEWS)
    for (const [width, height] of [
      [1280, 800],
      [360, 800],
    ] as const)
      for (const scheme of ['light', 'dark'] as const)
        shots.push({
          name: `${view.name}-${width}-${scheme}`,
          path: view.path,
          width,
          height,
          scheme,
        });
  return shots;
}

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The preview server did not start at ${url}`);
}

/** Waits until the view has drawn what its first screen shows (charts, figures or trial cards). */
async function settle(page: Page): Promise<void> {
  await page.waitForSelector('[aria-label="Summary figures"], .patient-view, table', {
    timeout: 30_000,
  });
  await page
    .waitForFunction(
      () => {
        const pending = [...document.querySelectorAll('.chart-pending')].filter(
          (el) => el.getBoundingClientRect().top < window.innerHeight,
        );
        return pending.length === 0;
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/index.html')))
    throw new Error('No build in dist/: run `npm run build` first.');
  mkdirSync(out, { recursive: true });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  try {
    await waitForServer(base);
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      for (const shot of all ? allShots() : README_SHOTS) {
        const context = await browser.newContext({
          viewport: { width: shot.width, height: shot.height },
          colorScheme: shot.scheme,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        // The pictures show the bundled offline sample, not whatever the live registry says today.
        await page.route('**/api/v2/**', (route) => route.abort());
        await page.goto(`${base}${shot.path}`);
        await settle(page);
        const file = join(out, `${shot.name}.png`);
        await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
        console.log(`Wrote ${file}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

await main();
