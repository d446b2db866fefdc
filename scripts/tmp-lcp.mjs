import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let i = 0; i < 3; i++) {
const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + '.' + e.element.className + ' ' + (e.element.textContent || '').slice(0, 50) : e.url }); }).observe({ type: 'largest-contentful-paint', buffered: true });
});
await page.goto('http://127.0.0.1:4185/');
await page.waitForTimeout(3000);
console.log(JSON.stringify(await page.evaluate(() => window.__lcp)));
console.log(await page.evaluate(() => performance.getEntriesByType('resource').filter(r => /selection-bar|share-toolbar|trials.json/.test(r.name)).map((r) => `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.name.replace(location.origin, '')}`).join('\n')));
await ctx.close();
}
await b.close();
