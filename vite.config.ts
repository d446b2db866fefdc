import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { DEFAULT_API_BASE, trimTrailingSlash } from './src/api/ctgov/config.ts';
import {
  EARLY_MODULE_META,
  EARLY_REQUEST_META,
  EARLY_REQUESTS_SCRIPT,
  earlyRequestUrls,
} from './src/app/early-requests.ts';
import { SNAPSHOT_SINCE_META } from './src/domain/precomputed-dataset.ts';
import type { emulatedApiMiddleware } from './scripts/emulated-api-middleware.ts';
import type { ensurePrecomputed } from './scripts/precompute-dataset.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Origin of the live API, allowed by the Content-Security-Policy (connect-src). */
function apiOrigin(): string {
  const base = process.env.VITE_CTGOV_API_BASE ?? DEFAULT_API_BASE;
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
    // 'self', and index.html's inline script of early requests (src/app/early-requests.ts), by its hash.
    `script-src 'self' 'sha256-${createHash('sha256').update(EARLY_REQUESTS_SCRIPT).digest('base64')}'`,
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
 * Puts the entry's stylesheet (about 6 kB gzip) into index.html as a `<style>` element: the first paint
 * (the static header, then the app's first screen) then waits for the page alone, not for a second
 * render-blocking request. The `<link>` stays in the head as `disabled` (not fetched, not applied): lazy
 * chunks list the entry's stylesheet among their dependencies, and Vite's preload helper loads a
 * listed stylesheet only when no `<link rel="stylesheet">` names it, so it is not loaded (and applied
 * over later stylesheets) a second time.
 */
function inlineEntryStylesheet(): Plugin {
  return {
    name: 'hsct-inline-entry-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        let inlined = html;
        for (const file of context.chunk?.viteMetadata?.importedCss ?? []) {
          const asset = context.bundle?.[file];
          if (asset?.type !== 'asset') continue;
          const css =
            typeof asset.source === 'string'
              ? asset.source
              : new TextDecoder().decode(asset.source);
          if (/<\/style/i.test(css))
            throw new Error(`${file} cannot be inlined: it contains </style`);
          const link = new RegExp(
            `<link rel="stylesheet"[^>]*href="([^"]*${escapeRegExp(file)})"[^>]*>`,
          );
          const match = link.exec(inlined);
          if (!match) throw new Error(`${context.filename}: no <link> of ${file} to inline`);
          inlined = inlined.replace(
            match[0],
            () =>
              `<style>${css.trim()}</style>\n    <link rel="stylesheet" href="${match[1]}" disabled>`,
          );
        }
        return inlined;
      },
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
 * then carries the file's data date (`<meta name="hsct-snapshot-since">`) and the addresses of its early
 * requests (the file, the live changes since that date, /version), which its inline script preloads
 * unless the page will not ask them (src/app/early-requests.ts).
 */
/** The chunk name of the early entry (src/early-changes.ts). */
const EARLY_ENTRY = 'early-changes';

function precomputedDataset(): Plugin {
  let since: string | undefined;
  let base = '/';
  let apiBaseUrl = DEFAULT_API_BASE;
  let snapshotFirst = true;
  return {
    name: 'hsct-precomputed-dataset',
    configResolved(config) {
      base = config.base;
      const configured = (config.env as Record<string, string | undefined>).VITE_CTGOV_API_BASE;
      apiBaseUrl = trimTrailingSlash(configured?.trim() || DEFAULT_API_BASE);
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
    // After Vite has added the entry script, its module preloads and its stylesheet: the early requests
    // go after the scripts (which the page needs first) and before the stylesheet (a classic script
    // waits for the stylesheets above it to load before it runs).
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!snapshotFirst) return html;
        const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        const meta = (name: string, content: string) =>
          `<meta name="${name}" content="${attr(content)}" />`;
        // The early entry (src/early-changes.ts), which asks the live changes since the data date.
        const early = Object.values(context.bundle ?? {}).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === EARLY_ENTRY,
        );
        const tags = [
          ...(since === undefined ? [] : [meta(SNAPSHOT_SINCE_META, since)]),
          ...earlyRequestUrls({ base, apiBaseUrl, since }).map((url) =>
            meta(EARLY_REQUEST_META, url),
          ),
          ...(since === undefined || early === undefined
            ? []
            : [meta(EARLY_MODULE_META, `${base}${early.fileName}`)]),
          `<script>${EARLY_REQUESTS_SCRIPT}</script>`,
        ].join('\n    ');
        const stylesheet = html.search(/<link rel="stylesheet"/);
        const at = stylesheet >= 0 ? stylesheet : html.indexOf('</head>');
        if (at < 0) throw new Error(`${context.filename}: no <head> for the early requests`);
        return `${html.slice(0, at)}${tags}\n    ${html.slice(at)}`;
      },
    },
  };
}

/**
 * V8's explicit compile hint: a script that starts with this comment has all its functions compiled
 * as it is parsed (off the main thread while it streams in) instead of each on its first call.
 */
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The chart library's chunk (Recharts and what it brings, loaded lazily by the chart drawings) starts
 * with V8's eager compile hint: most of its functions run in a chart's first draw, and compiled one by
 * one on their first call they made the first draw after the chunk arrived several times the cost of
 * the next ones (docs/performance.md, "Drawing the charts sooner after the library arrives"). Added
 * after minification (which drops comments), before the file's content hash is taken.
 */
function eagerCompileHint(chunk: { modules: Record<string, unknown> }): string {
  return Object.keys(chunk.modules).some((id) => id.includes('/node_modules/recharts/'))
    ? EAGER_COMPILE_HINT
    : '';
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    inlineEntryStylesheet(),
    mockWorkerOnlyInMockBuild(),
    emulatedApi(),
    precomputedDataset(),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      output: { postBanner: eagerCompileHint },
      // The page, and the early entry its inline script imports on a cold visit (src/early-changes.ts).
      input: {
        index: path.resolve(import.meta.dirname, 'index.html'),
        [EARLY_ENTRY]: path.resolve(import.meta.dirname, 'src/early-changes.ts'),
      },
    },
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
