/**
 * Issue 4 in the browser: embedding, the message protocol and the exports.
 *
 * The demo host page (examples/embed-demo/embed-demo.html/.js/.css, not part of the build) is served from a SECOND origin by a tiny static
 * server started here; its `?app=` parameter points at the mock build (MSW emulator), so both embeds are
 * real cross-origin iframes. Downloads are checked against the view they were made from.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import Papa from 'papaparse';
import { barCount, chartPanel } from './support/dashboard-page.ts';
import { MOCK_URL } from './support/servers.ts';

const slot = Number(process.env.E2E_SLOT ?? 0);
const HOST_PORT = 4180 + 10 * slot;
/** The demo page's origin: another port (and so another origin) than the app. */
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
/** A third origin: same server, other host name. */
const THIRD_ORIGIN = `http://localhost:${HOST_PORT}`;
const DEMO_FILES = new Set([
  '/embed-demo.html',
  '/embed-demo.js',
  '/embed-demo.css',
  '/blank.html',
]);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

let server: Server;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', HOST_ORIGIN).pathname;
    if (!DEMO_FILES.has(path)) {
      response.writeHead(404).end('Not found');
      return;
    }
    if (path === '/blank.html') {
      response
        .writeHead(200, { 'content-type': TYPES['.html'] ?? '' })
        .end('<!doctype html><html lang="en"><title>Host</title><body><main></main></body></html>');
      return;
    }
    readFile(join('examples/embed-demo', path.slice(1)))
      .then((body) =>
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? '' }).end(body),
      )
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const demoUrl = (origin = HOST_ORIGIN) =>
  `${origin}/embed-demo.html?app=${encodeURIComponent(`${MOCK_URL}/`)}`;

/** "59 trials" -> 59, from the count line of an embedded or full view. */
async function trialCount(scope: Page | FrameLocator): Promise<number> {
  const text = await scope.locator('.active-filters-count, .embed-preset').first().innerText();
  const match = /([\d,]+)\s+trials?/.exec(text);
  if (!match?.[1]) throw new Error(`No trial count in “${text}”`);
  return Number(match[1].replace(/,/g, ''));
}

async function waitForCount(scope: Page | FrameLocator): Promise<number> {
  await expect(scope.locator('.active-filters-count, .embed-preset').first()).toHaveText(
    /\d+\s+trials?/,
    {
      timeout: 30_000,
    },
  );
  return trialCount(scope);
}

function frameByUrl(page: Page, part: string): Frame {
  const frame = page.frames().find((f) => f.url().includes(part));
  if (!frame) throw new Error(`No frame with ${part}`);
  return frame;
}

test.describe('embedding on another site', () => {
  test('the plain iframe reports ready, then takes the height of its content', async ({ page }) => {
    await page.goto(demoUrl());
    const iframe = page.locator('#demo-iframe');
    const log = page.locator('#demo-log');
    await expect(log).toContainText('iframe: ready', { timeout: 30_000 });
    const frame = page.frameLocator('#demo-iframe');
    const count = await waitForCount(frame);
    expect(count).toBeGreaterThan(0);
    // Locked and dark, as the demo asks: the preset is text and no filter controls are shown.
    await expect(frame.locator('.embed-preset')).toContainText('Multiple sclerosis');
    await expect(frame.getByRole('group', { name: /filter/i })).toHaveCount(0);
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(frame.getByRole('link', { name: 'open full dashboard' })).toHaveAttribute(
      'href',
      /disease=multiple-sclerosis/,
    );
    // The height follows the content: no longer the 600px the page started with, and equal to the
    // height of the embedded view's content (give or take a pixel of rounding).
    await expect(log).toContainText(/iframe: resize \d+px/);
    await expect
      .poll(
        async () => {
          const height = await iframe.evaluate((el) => el.getBoundingClientRect().height);
          const content = await frameByUrl(page, 'multiple-sclerosis')
            .locator('.app-embed')
            .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
          return Math.abs(height - content) <= 1 && height !== 600;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  test('the script embed inserts a titled, lazy iframe that follows its content height', async ({
    page,
  }) => {
    await page.goto(demoUrl());
    const iframe = page.locator('#demo-script-embed iframe');
    await expect(iframe).toHaveCount(1);
    await expect(iframe).toHaveAttribute('title', 'HSCT trials in lupus and systemic sclerosis');
    await expect(iframe).toHaveAttribute('loading', 'lazy');
    await expect(iframe).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    const src = new URL((await iframe.getAttribute('src')) ?? '');
    expect(src.origin).toBe(MOCK_URL);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('origins')).toBe(HOST_ORIGIN);
    await iframe.scrollIntoViewIfNeeded();
    await expect(page.locator('#demo-log')).toContainText('script embed: ready', {
      timeout: 30_000,
    });
    const frame = page.frameLocator('#demo-script-embed iframe');
    await waitForCount(frame);
    await expect(frame.getByRole('region', { name: 'Summary figures' })).toBeVisible();
    await expect
      .poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height), { timeout: 20_000 })
      .not.toBe(600);
  });

  test('setFilters from the allowed host page changes the embedded view', async ({ page }) => {
    await page.goto(demoUrl());
    const iframe = page.locator('#demo-script-embed iframe');
    await iframe.scrollIntoViewIfNeeded();
    await expect(page.locator('#demo-log')).toContainText('script embed: ready', {
      timeout: 30_000,
    });
    const frame = page.frameLocator('#demo-script-embed iframe');
    const before = await waitForCount(frame);
    await page.getByRole('button', { name: 'Show lupus only' }).click();
    await expect.poll(() => trialCount(frame), { timeout: 10_000 }).not.toBe(before);
    const lupus = await trialCount(frame);
    expect(lupus).toBeLessThan(before);
    // The frame reports its new filters to the host.
    await expect(page.locator('#demo-log')).toContainText('script embed: filters');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => trialCount(frame), { timeout: 10_000 }).toBeGreaterThan(lupus);
  });

  test('setFilters from an origin that is not listed is ignored', async ({ page }) => {
    await page.goto(`${THIRD_ORIGIN}/blank.html`);
    // Two frames of the same view on this page: one allows this page's origin, one allows another.
    await page.evaluate(
      ({ app, own }) => {
        for (const [id, origins] of [
          ['allowed', own],
          ['not-allowed', 'https://example.org'],
        ] as const) {
          const iframe = document.createElement('iframe');
          iframe.id = id;
          iframe.title = id;
          iframe.style.height = '400px';
          iframe.src = `${app}/?embed=1&panels=summary&origins=${encodeURIComponent(origins)}`;
          document.querySelector('main')?.append(iframe);
        }
      },
      { app: MOCK_URL, own: THIRD_ORIGIN },
    );
    const allowed = page.frameLocator('#allowed');
    const notAllowed = page.frameLocator('#not-allowed');
    const before = await waitForCount(allowed);
    expect(await waitForCount(notAllowed)).toBe(before);
    await page.evaluate((app) => {
      for (const id of ['allowed', 'not-allowed']) {
        const frame = document.getElementById(id) as HTMLIFrameElement;
        frame.contentWindow?.postMessage(
          {
            source: 'hsct-trials',
            version: 1,
            type: 'setFilters',
            filters: { disease: ['lupus'] },
          },
          app,
        );
      }
    }, MOCK_URL);
    await expect.poll(() => trialCount(allowed), { timeout: 10_000 }).toBeLessThan(before);
    // Give the ignored message the same time to (not) act.
    await page.waitForTimeout(500);
    expect(await trialCount(notAllowed)).toBe(before);
  });

  test('a bad embed parameter is named in the frame instead of a blank view', async ({ page }) => {
    await page.goto(`${MOCK_URL}/?embed=1&panels=summary,pie&accent=red;x:url(evil)&theme=neon`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('panels: “pie” is not a panel', { timeout: 30_000 });
    await expect(alert).toContainText('accent: “red;x:url(evil)” is not a hex colour');
    await expect(alert).toContainText('theme: “neon” is not a theme');
    await waitForCount(page);
    await expect(page.getByRole('region', { name: 'Summary figures' })).toBeVisible();
  });

  test('embed mode has no serious or critical accessibility violations', async ({ page }) => {
    for (const theme of ['light', 'dark']) {
      await page.goto(
        `${MOCK_URL}/?embed=1&theme=${theme}&panels=summary,disease,type,phase,table&disease=multiple-sclerosis`,
      );
      await waitForCount(page);
      await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('table').first()).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        serious.map(
          (v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    }
  });
});

test.describe('exports of the filtered view', () => {
  async function openFilteredTable(page: Page): Promise<{ count: number; ids: string[] }> {
    await page.goto(`${MOCK_URL}/?disease=multiple-sclerosis&view=table`);
    const count = await waitForCount(page);
    const table = page.getByRole('table', { name: 'Trials' });
    await expect(table).toBeVisible({ timeout: 30_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    const ids = rows.map((row) => /NCT\d{8}/.exec(row)?.[0] ?? '').filter((id) => id !== '');
    return { count, ids };
  }

  async function download(page: Page, name: string): Promise<{ filename: string; text: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    const path = await file.path();
    return { filename: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  test('CSV, JSON and RIS hold exactly the trials of the view, with provenance', async ({
    page,
  }) => {
    const { count, ids } = await openFilteredTable(page);
    expect(count).toBeGreaterThan(1);
    expect(ids).toHaveLength(count); // one page of the table holds them all
    const expected = [...ids].sort();

    const csv = await download(page, 'Download CSV');
    expect(csv.filename).toMatch(/^hsct-trials-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('# Filters: disease=multiple-sclerosis');
    expect(csv.text).toContain(`# Rows: ${count}`);
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
      header: true,
      comments: '#',
      skipEmptyLines: true,
    });
    expect(parsed.data.map((r) => r.nct_id).sort()).toEqual(expected);

    const json = await download(page, 'Download JSON');
    const body = JSON.parse(json.text) as {
      meta: { rowCount: number; filters: { disease: string[] }; permalink: string; query: string };
      trials: { nctId: string }[];
    };
    expect(body.meta.rowCount).toBe(count);
    expect(body.meta.filters.disease).toEqual(['multiple-sclerosis']);
    expect(body.meta.permalink).toContain('disease=multiple-sclerosis');
    expect(body.meta.query).toMatch(/query\./);
    expect(body.trials.map((t) => t.nctId).sort()).toEqual(expected);

    const ris = await download(page, 'Download RIS');
    expect(ris.text.match(/^TY {2}- DBASE/gm)).toHaveLength(count);
    expect(ris.text.match(/^ER {2}- /gm)).toHaveLength(count);
    const risIds = [...ris.text.matchAll(/^ID {2}- (NCT\d{8})/gm)].map((m) => m[1]).sort();
    expect(risIds).toEqual(expected);
    expect(ris.text).toMatch(/^DB {2}- ClinicalTrials\.gov/m);
  });

  test('a chart downloads as SVG and as PNG: the drawn bars, title and provenance', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.goto(`${MOCK_URL}/?disease=multiple-sclerosis`);
    const panel = chartPanel(page, 'Trials by phase');
    await expect.poll(() => barCount(panel), { timeout: 30_000 }).toBeGreaterThan(0);
    const save = panel.getByRole('group', { name: 'Save the chart “Trials by phase”' });

    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      save.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toMatch(/^hsct-trials-trials-by-phase.*\.svg$/);
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Trials by phase');
    expect(svg).toContain('ClinicalTrials.gov');
    expect(svg.match(/recharts-bar-rectangle/g)?.length ?? 0).toBeGreaterThan(0);

    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      save.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(pngFile.suggestedFilename()).toMatch(/^hsct-trials-trials-by-phase.*\.png$/);
    const png = await readFile(await pngFile.path());
    // PNG signature, then the IHDR chunk with the image's width and height.
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(150);
    // Not a blank canvas: decode it in the page and find pixels that are neither white nor transparent.
    const inked = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 0 && (r < 200 || g < 200 || b < 200)) count++;
      }
      return count / (image.width * image.height);
    }, png.toString('base64'));
    expect(inked).toBeGreaterThan(0.01);
    // No problem was reported next to the buttons.
    await expect(save).not.toContainText(/could not|cannot|no picture/);
  });

  test('the share dialog gives a snippet whose preview is the same preset view', async ({
    page,
  }) => {
    await page.goto(`${MOCK_URL}/?disease=multiple-sclerosis`);
    const count = await waitForCount(page);
    await page.getByRole('button', { name: 'Share or embed' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: /Lock the filters/ }).check();
    const snippet = await dialog.getByLabel('Embed with an iframe').inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;disease=multiple-sclerosis/,
    );
    expect(snippet).toContain('lock=1');
    const preview = dialog.frameLocator('iframe.share-preview');
    expect(await waitForCount(preview)).toBe(count);
  });
});

test.describe('embedders (issue 18)', () => {
  test('opening a trial or sorting inside an embed never adds a history entry', async ({
    page,
  }) => {
    await page.goto(`${MOCK_URL}/?embed=1&panels=summary,table&disease=multiple-sclerosis`);
    await waitForCount(page);
    const before = await page.evaluate(() => history.length);
    const table = page.getByRole('table', { name: /Trials/ });
    await table.getByRole('link').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page).toHaveURL(/trial=NCT/);
    await page.getByRole('button', { name: 'Back to results' }).click();
    await table.getByRole('button', { name: /Enrollment/ }).click();
    await expect(page).toHaveURL(/sort=enrollment/);
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('the script embed keeps its reserved height while loading and resizes once the data is drawn', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const heights: string[] = [];
      (window as unknown as { embedHeights: string[] }).embedHeights = heights;
      new MutationObserver(() => {
        const iframe = document.querySelector<HTMLIFrameElement>('#demo-script-embed iframe');
        const h = iframe?.style.height;
        if (h && heights.at(-1) !== h) heights.push(h);
      }).observe(document, { attributes: true, subtree: true, childList: true });
    });
    await page.goto(demoUrl());
    const iframe = page.locator('#demo-script-embed iframe');
    await iframe.scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#demo-script-embed iframe');
    await waitForCount(frame);
    await expect(frame.getByRole('table', { name: /Trials/ })).toBeVisible();
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (window as unknown as { embedHeights: string[] }).embedHeights.length,
          ),
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(1);
    await page.waitForTimeout(1_500);
    const heights = await page.evaluate(
      () => (window as unknown as { embedHeights: string[] }).embedHeights,
    );
    // The reserved 600 px, then the drawn height: one resize, no jumps on the way.
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBe('600px');
  });

  test('the accent colour reaches the chart bars and the selected bar', async ({ page }) => {
    await page.goto(`${MOCK_URL}/?embed=1&panels=disease&accent=%23b03a2e`);
    await waitForCount(page);
    const panel = chartPanel(page, 'Trials by disease');
    expect(await barCount(panel)).toBeGreaterThan(0);
    const bar = panel.locator('svg .recharts-bar-rectangle path').first();
    await expect(bar).toHaveAttribute('fill', '#b03a2e');
    await bar.click();
    await expect(page).toHaveURL(/disease=/);
    await expect(panel.locator('svg .recharts-bar-rectangle path[stroke="#b03a2e"]')).toHaveCount(
      1,
    );
  });
});
