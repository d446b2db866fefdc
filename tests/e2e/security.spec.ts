/**
 * Issue 7 §5 in the browser: API text and URL parameters are rendered as text, never as markup or script.
 * The mock build serves the fixtures plus one synthetic record per XSS payload (?mock-scenario=xss, records
 * from makeXssStudy: NCT99 9xxxxx ids, payload in every text field); every view is opened and checked for
 * a fired payload (window.__xss), injected elements or event-handler attributes, and javascript:/data: URLs.
 * Then every URL parameter set of the corpus gets the same checks, and the built page's CSP is read.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { XSS_PAYLOADS, XSS_SENTINEL, XSS_URL_PARAMS } from './fixtures/xss-corpus.ts';
import { collectPageErrors, readTrialCount } from './support/dashboard-page.ts';
import { MOCK_URL, PROD_URL } from './support/servers.ts';

const MOCK_TOTAL = 59;
/** makeXssStudy's id for payload `index`. */
const xssNctId = (index: number) => `NCT99${String(900000 + index).padStart(6, '0')}`;

async function installSentinel(page: Page): Promise<void> {
  await page.addInitScript((name) => {
    const calls: unknown[] = [];
    Object.defineProperty(window, '__xssCalls', { value: calls });
    Object.defineProperty(window, name, { value: (n: unknown) => calls.push(n) });
  }, XSS_SENTINEL);
}

type Findings = {
  calls: unknown[];
  injected: string[];
  dangerousUrls: string[];
  handlers: string[];
};

/** The inline scripts the site itself ships in index.html (its early requests, allowed by hash). */
async function shippedInlineScripts(page: Page): Promise<string[]> {
  const html = await (await page.request.get(`${new URL(page.url()).origin}/`)).text();
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => body,
  );
}

/** What a successful injection would leave behind in the document. */
async function findings(page: Page): Promise<Findings> {
  const shipped = await shippedInlineScripts(page);
  return page.evaluate((shipped) => {
    const all = Array.from(document.querySelectorAll('*'));
    const injected: string[] = [];
    for (const el of document.querySelectorAll(
      'script:not([src]), iframe, object, embed, base, frame, frameset, marquee, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), body meta, img[src="x"], svg[onload], details[ontoggle], math, style:not([data-vite-dev-id])',
    )) {
      // Inline <style> elements from the app itself (recharts, react-aria) carry no payload marker.
      if (el.tagName === 'STYLE' && !(el.textContent ?? '').includes('javascript')) continue;
      if (el.tagName.toLowerCase() === 'math') continue;
      if (el.tagName === 'SCRIPT' && shipped.includes(el.textContent ?? '')) continue;
      injected.push(el.outerHTML.slice(0, 120));
    }
    for (const s of document.querySelectorAll('script[src]')) {
      const src = s.getAttribute('src') ?? '';
      if (!new URL(src, location.href).href.startsWith(location.origin))
        injected.push(s.outerHTML.slice(0, 120));
    }
    const handlers = all.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`),
    );
    const dangerousUrls = all.flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc']
        .map((name) => el.getAttribute(name))
        .filter((v): v is string => v !== null)
        .filter((v) =>
          // Browsers ignore control characters in URLs, so drop them before looking at the scheme.
          /^\s*(javascript|vbscript|data:text\/html)/i.test(
            Array.from(v)
              .filter((c) => c.charCodeAt(0) > 0x1f && c !== '\u202e')
              .join(''),
          ),
        )
        .map((v) => `<${el.tagName.toLowerCase()}> ${v.slice(0, 80)}`),
    );
    const calls = (window as unknown as { __xssCalls?: unknown[] }).__xssCalls ?? [
      'sentinel missing',
    ];
    return { calls: [...calls], injected, dangerousUrls, handlers };
  }, shipped);
}

async function expectClean(page: Page, label: string): Promise<void> {
  // Give delayed payloads (onerror of a broken image, autofocus) a moment to fire.
  await page.waitForTimeout(300);
  const f = await findings(page);
  expect(f, label).toEqual({ calls: [], injected: [], dangerousUrls: [], handlers: [] });
}

test.describe('XSS payloads in API text', () => {
  test('every view renders payload records as text', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = collectPageErrors(page);
    await installSentinel(page);
    await page.goto(`${MOCK_URL}/?mock-scenario=xss`);
    await expect(page.getByText(/Emulated API/)).toBeVisible({ timeout: 30_000 });
    // The payload records are classified as multiple sclerosis HSCT trials, so they are on screen.
    expect(await readTrialCount(page)).toBeGreaterThan(MOCK_TOTAL);
    // Scroll to the end so every chart (drawn as it nears the viewport) renders the payloads.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    });
    await expect(page.locator('.chart-pending')).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Trials by disease', exact: true }).locator('svg'),
    ).toBeVisible();
    await expectClean(page, 'dashboard');

    await page.getByRole('tab', { name: 'Trials table' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('synthetic XSS test record');
    const table = page.getByRole('tabpanel').getByRole('table').first();
    await expect(table.getByText(XSS_PAYLOADS[0] ?? '', { exact: false }).first()).toBeVisible();
    await expectClean(page, 'table');
    // Columns hidden by default render payload text too (lead sponsor, site countries): show them all.
    const columns = page.getByRole('group', { name: 'Columns' });
    for (const name of ['Sponsor', 'Countries', 'Design']) {
      await columns.getByRole('checkbox', { name, exact: true }).check();
    }
    await expect(table.getByRole('columnheader', { name: /^Sponsor/ })).toBeVisible();
    await expect(table.getByText('[leadSponsor]', { exact: false }).first()).toBeVisible();
    await expectClean(page, 'table, every column');

    for (const index of [0, 1, 12, 13, 41]) {
      const id = xssNctId(index);
      const payload = XSS_PAYLOADS[index] ?? '';
      await page.goto(`${MOCK_URL}/?mock-scenario=xss&view=table&trial=${id}`);
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible({ timeout: 30_000 });
      await expect(dialog).toContainText(id);
      // The payload is shown verbatim, as text.
      await expect(dialog).toContainText(`${payload.trim().slice(0, 20)}`);
      await expectClean(page, `detail ${id}`);
    }

    await page.goto(`${MOCK_URL}/?mock-scenario=xss&view=patient`);
    await expect(page.getByRole('tabpanel')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('tabpanel').getByRole('heading').first()).toBeVisible();
    await page.waitForTimeout(1000);
    await expectClean(page, 'patient view');
    expect(errors).toEqual([]);
  });
});

test.describe('XSS payloads in URL parameters', () => {
  XSS_URL_PARAMS.forEach((params, index) => {
    test(`parameter set ${index + 1} of ${XSS_URL_PARAMS.length} is inert`, async ({ page }) => {
      const errors = collectPageErrors(page);
      await installSentinel(page);
      await page.route('**/api/v2/**', (route) => route.abort());
      await page.goto(`${PROD_URL}/?${new URLSearchParams(params).toString()}`);
      await expect(page.locator('#root > *').first()).toBeVisible({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await expectClean(page, `URL set ${index + 1}`);
      expect(errors).toEqual([]);
    });
  });
});

test('the built page has a Content-Security-Policy that runs no inline script it does not name by hash', async ({
  request,
}) => {
  for (const base of [PROD_URL, MOCK_URL]) {
    const html = await (await request.get(`${base}/`)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta, `${base}: CSP meta`).not.toBeNull();
    const directives = new Map(
      (meta?.[1] ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // An inline script runs only when the policy names its hash (index.html's early requests).
    for (const [, body = ''] of html.matchAll(
      /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g,
    )) {
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      expect(scriptSrc, `${base}: hash of an inline script`).toContain(hash);
    }
  }
});
