import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
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

/**
 * Adds a strict Content-Security-Policy to the built HTML. Dev mode is left alone because Vite's dev
 * server injects inline scripts for hot reload. `frame-ancestors` cannot be set from a meta tag: the
 * host that serves the build sets it as a header (see README, "Embedding").
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'hsct-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const csp = [
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
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
      );
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
 * Derives the precomputed dataset (public/data/trials.json and public/data/details/) from the committed
 * raw snapshot when it is missing or stale, before every build and dev server start, so that a fresh
 * clone's `npm start` serves it (scripts/precompute-dataset.ts).
 */
function precomputedDataset(): Plugin {
  return {
    name: 'hsct-precomputed-dataset',
    async buildStart() {
      if (process.env.VITEST) return;
      const { tsImport } = await import('tsx/esm/api');
      const module = (await tsImport('./scripts/precompute-dataset.ts', import.meta.url)) as {
        ensurePrecomputed: typeof ensurePrecomputed;
      };
      const result = await module.ensurePrecomputed();
      if (result.status === 'written') {
        this.info(
          `derived public/data/trials.json (${result.trials} trials) and ${result.shards} detail shards from public/data/snapshot.json`,
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), emulatedApi(), precomputedDataset()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 15000,
    coverage: {
      include: ['src/**', 'mocks/**'],
      exclude: ['src/api/ctgov/generated/**'],
    },
  },
});
