/**
 * Where the browser tests find the two builds (see playwright.config.ts): the mock build, whose API is the
 * MSW emulator in a service worker, and the production build, which cannot reach the live API here and
 * falls back to the bundled dataset. E2E_SLOT moves both to other ports.
 */
const slot = Number(process.env.E2E_SLOT ?? 0);
export const PROD_URL = `http://127.0.0.1:${4173 + 10 * slot}`;
export const MOCK_URL = `http://127.0.0.1:${4174 + 10 * slot}`;
