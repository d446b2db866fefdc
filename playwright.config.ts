import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run in Debian's Chromium (no Playwright browser download). Two servers:
 * the mock build (MSW emulator in a service worker) on :4174 and the production build on :4173,
 * which cannot reach the live API here and so falls back to the bundled dataset.
 */
/**
 * E2E_SLOT (default 0) moves the two servers to other ports and output folders so that several
 * checkouts or engineers can run the browser tests side by side: slot n uses ports 4173+10n (production
 * build, offline fallback) and 4174+10n (mock build), and folders dist-e2e-n / dist-e2e-mock-n.
 */
const slot = Number(process.env.E2E_SLOT ?? 0);
const prodPort = 4173 + 10 * slot;
const mockPort = 4174 + 10 * slot;
const PROD_URL = `http://127.0.0.1:${prodPort}`;
const MOCK_URL = `http://127.0.0.1:${mockPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: MOCK_URL,
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `VITE_MOCK=1 npx vite build --outDir dist-e2e-mock-${slot} && npx vite preview --outDir dist-e2e-mock-${slot} --host 127.0.0.1 --port ${mockPort} --strictPort`,
      url: MOCK_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite build --outDir dist-e2e-${slot} && npx vite preview --outDir dist-e2e-${slot} --host 127.0.0.1 --port ${prodPort} --strictPort`,
      url: PROD_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
