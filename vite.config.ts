import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { PRECOMPUTED_DATASET_PATH, SNAPSHOT_SINCE_META } from './src/domain/precomputed-dataset.ts';
import type { emulatedApiMiddleware } from './scripts/emulated-api-middleware.ts';
import type { ensurePrecomputed } from './scripts/precompute-dataset.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Origin of the live API, allowed by the Content-Security-Policy (connect-src). */
function apiOrigin(): string {
  const base = process.env.VITE_CTGOV_API_BASE ?? 'https://clinicaltrials.gov/api/v2';
  try {
    return new URL(base).origin;
  } catch {
    return '';
  }
}

/** The Content-Security-Policy of every HTML file of the build. */
function cspDirectives(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin()}`.trim(),
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** `html` with the CSP meta tag first in its head (unchanged when it already has one). */
function withCsp(html: string, file: string): string {
  if (/<meta\s+http-equiv=["']Content-Security-Policy["']/i.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspDirectives()}" />`;
  const charset = /<meta\s+charset=["']?utf-8["']?\s*\/?>/i.exec(html);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error(`${file}: no <head> to carry the Content-Security-Policy`);
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith('.html') ? [file] : [];
  });
}

/**
 * Gives every HTML file the build ships (the app's entry and any page copied from public/) the same strict
 * Content-Security-Policy. Dev mode is left alone because Vite's dev server injects inline scripts for hot
 * reload. `frame-ancestors` cannot be set from a meta tag: the host that serves the build sets it as a
 * header (see README, "Embedding").
 */
function contentSecurityPolicy(): Plugin {
  let outDir = '';
  return {
    name: 'hsct-csp',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: (html, context) => withCsp(html, context.filename),
    closeBundle() {
      for (const file of htmlFiles(outDir)) {
        const html = readFileSync(file, 'utf8');
        const secured = withCsp(html, file);
        if (secured !== html) writeFileSync(file, secured);
      }
    },
  };
}

/**
 * `public/mockServiceWorker.js` (MSW's worker, kept there by `msw init`) is for the mock build
 * (VITE_MOCK=1) only: every other build removes it from its output, so the deployed site cannot be told
 * to run a request-intercepting worker.
 */
function mockWorkerOnlyInMockBuild(): Plugin {
  let outDir = '';
  let mock = false;
  return {
    name: 'hsct-mock-worker-only-in-mock-build',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      mock = config.env.VITE_MOCK === '1';
    },
    closeBundle() {
      if (!mock) rmSync(path.join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

/**
 * With EMULATED_API=1, `vite preview` also answers /api/v2 from the fixture emulator
 * (scripts/emulated-api-middleware.ts): a production build built with VITE_CTGOV_API_BASE pointing at
 * the preview server then runs exactly as deployed, against an API on the same machine (Lighthouse).
 */
function emulatedApi(): Plugin {
  return {
    name: 'hsct-emulated-api',
    async configurePreviewServer(server) {
      if (process.env.EMULATED_API !== '1') return;
      const { tsImport } = await import('tsx/esm/api');
      const module = (await tsImport('./scripts/emulated-api-middleware.ts', import.meta.url)) as {
        emulatedApiMiddleware: typeof emulatedApiMiddleware;
      };
      server.middlewares.use('/api/v2', module.emulatedApiMiddleware());
    },
  };
}

/**
 * Derives the precomputed dataset (public/data/trials.json, trial-sites.json and details/) from the committed
 * raw snapshot when it is missing or stale, before every build and dev server start, so that a fresh
 * clone's `npm start` serves it (scripts/precompute-dataset.ts). In snapshot-first builds, index.html
 * then asks for the file at once (`<link rel="preload">`, while the scripts download) and carries its
 * data date (`<meta name="hsct-snapshot-since">`), from which the page asks the live changes without
 * waiting for the file.
 */
function precomputedDataset(): Plugin {
  let since: string | undefined;
  let base = '/';
  let snapshotFirst = true;
  return {
    name: 'hsct-precomputed-dataset',
    configResolved(config) {
      base = config.base;
      snapshotFirst = config.env.VITE_MOCK !== '1' && config.env.VITE_DATA_MODE !== 'live';
    },
    async buildStart() {
      if (process.env.VITEST) return;
      const { tsImport } = await import('tsx/esm/api');
      const module = (await tsImport('./scripts/precompute-dataset.ts', import.meta.url)) as {
        ensurePrecomputed: typeof ensurePrecomputed;
      };
      const result = await module.ensurePrecomputed();
      since = result.since;
      if (result.status === 'written') {
        this.info(
          `derived public/data/trials.json (${result.trials} trials), trial-sites.json and ${result.shards} detail shards from public/data/snapshot.json`,
        );
      }
    },
    transformIndexHtml() {
      if (!snapshotFirst) return [];
      return [
        {
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `${base}${PRECOMPUTED_DATASET_PATH}`,
            as: 'fetch',
            crossorigin: 'anonymous',
          },
          injectTo: 'head',
        },
        ...(since === undefined
          ? []
          : [
              {
                tag: 'meta',
                attrs: { name: SNAPSHOT_SINCE_META, content: since },
                injectTo: 'head' as const,
              },
            ]),
      ];
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    mockWorkerOnlyInMockBuild(),
    emulatedApi(),
    precomputedDataset(),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  test: {
    // Plain `.ts` tests run in Node (no DOM set-up cost); React component tests (`.tsx`) in jsdom. A
    // `.ts` test that needs a DOM says so in its first line: `// @vitest-environment jsdom`.
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['tests/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'jsdom', include: ['tests/**/*.test.tsx'] },
      },
    ],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 15000,
    coverage: {
      include: ['src/**', 'mocks/**'],
      exclude: ['src/api/ctgov/generated/**'],
    },
  },
});
