/**
 * Page helpers shared by the core browser specs (dashboard, explore, faults, security, perf): waiting for
 * the dataset, the "N trials" count, chart panels and their data tables, and a page-error collector.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The live "N trials" count above the views. */
export function resultCount(page: Page): Locator {
  return page.locator('p.active-filters-count[role="status"]');
}

export async function expectTrialCount(page: Page, n: number): Promise<void> {
  await expect(resultCount(page)).toHaveText(
    `${n.toLocaleString('en-GB')} ${n === 1 ? 'trial' : 'trials'}`,
    {
      timeout: 30_000,
    },
  );
}

export async function readTrialCount(page: Page): Promise<number> {
  await expect(resultCount(page)).toBeVisible({ timeout: 30_000 });
  const text = await resultCount(page).innerText();
  const m = /([\d,]+)\s+trials?/.exec(text);
  if (!m?.[1]) throw new Error(`no count in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** A chart panel: the section named by its heading. */
export function chartPanel(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** Opens the panel's data table and reads it as label → value of column `valueColumn` (default: last). */
export async function readChartTable(
  panel: Locator,
  valueColumn?: string,
): Promise<Map<string, number>> {
  const toggle = panel.getByRole('button', { name: /^(Show|Hide) data table$/ });
  await expect(toggle).toBeVisible({ timeout: 30_000 });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const table = panel.getByRole('table');
  await expect(table).toBeVisible();
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
  const col = valueColumn === undefined ? headers.length - 1 : headers.indexOf(valueColumn);
  if (col < 1) throw new Error(`column ${valueColumn ?? '(last)'} not in ${headers.join(', ')}`);
  const rows = await table.locator('tbody tr').evaluateAll(
    (trs, c) =>
      trs.map((tr) => {
        const cells = Array.from(tr.children).map((cell) => (cell.textContent ?? '').trim());
        // A selected row may carry a check mark before its label.
        return [(cells[0] ?? '').replace(/^✓\s*/, ''), cells[c] ?? ''] as const;
      }),
    col,
  );
  return new Map(rows.map(([label, value]) => [label, Number(value.replace(/,/g, ''))]));
}

/** Only the non-zero entries, sorted by label (charts may list empty categories). */
export function nonZero(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Number of drawn bars (SVG paths of recharts bar rectangles) in a panel. Charts are drawn when they come
 * near the viewport, so the panel is scrolled into view first and given a moment to draw.
 */
export async function barCount(panel: Locator): Promise<number> {
  const bars = panel.locator('svg .recharts-bar-rectangle path, svg path.recharts-rectangle');
  await panel.scrollIntoViewIfNeeded();
  await bars
    .first()
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(() => undefined);
  return bars.count();
}

/** Collects uncaught page errors; `expect(errors).toEqual([])` at the end of a test. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Production build without the live API: every API request fails, so the bundled snapshot is used. */
export async function blockLiveApi(page: Page): Promise<void> {
  await page.route('**/api/v2/**', (route) => route.abort());
}

/** Opens the status line's details (the search, the reason the live API failed, changes since the last visit). */
export async function openStatusDetails(page: Page): Promise<void> {
  const toggle = page
    .getByRole('region', { name: 'Data source' })
    .getByRole('button', { name: 'Details' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

export const CORE_CHARTS = [
  'Trials by disease',
  'Trials by transplant type',
  'Trials by phase',
] as const;
