import { chromium } from 'playwright-core';
const url = process.argv[2], out = process.argv[3], width = Number(process.argv[4] ?? 1280);
const dark = process.argv[5] === 'dark';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
page.on('console', m => console.log('console:', m.type(), m.text().slice(0, 200)));
page.on('pageerror', e => console.log('pageerror:', e.message));
const t0 = Date.now();
await page.goto(url);
try { await page.waitForSelector('.recharts-bar-rectangle', { timeout: 30000 }); } catch (e) { console.log('no bars', e.message); }
console.log('bars after', Date.now() - t0, 'ms');
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
