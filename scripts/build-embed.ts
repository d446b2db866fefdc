/**
 * Builds public/embed.js (the script embed, a classic ES2017 script for any host page) from
 * src/embed/embed-script.ts and the message protocol it imports. `npm run build:embed` writes it;
 * tests/embed/embed-js.test.ts fails while the committed file differs from what this script builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { build, type Rollup } from 'vite';

export const EMBED_JS_PATH = fileURLToPath(new URL('../public/embed.js', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/embed/embed-script.ts', import.meta.url));

/** The source's leading comment (usage for whoever opens embed.js), put first in the built file. */
function header(): string {
  const match = /^\/\*![\s\S]*?\*\//.exec(readFileSync(ENTRY, 'utf8'));
  if (!match) throw new Error('src/embed/embed-script.ts must start with its /*! … */ comment');
  return match[0];
}

/** The text of embed.js as built from the TypeScript source, formatted as Prettier does. */
export async function buildEmbedScript(): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2017',
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'HSCTTrialsEmbed', fileName: () => 'embed.js' },
      // The protocol module's other exports (and the filter schema they use) are not needed here.
      rollupOptions: {
        treeshake: { moduleSideEffects: false },
        output: { banner: header(), intro: "'use strict';", comments: false },
      },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(result) ? result[0] : result)?.output[0];
  if (!output || output.type !== 'chunk') throw new Error('embed.js: no chunk built');
  const options = await resolveConfig(EMBED_JS_PATH);
  // The bundler escapes '</script>' everywhere; in the usage comment it is meant as written.
  const code = output.code.replace('<\\/script>', '</script>');
  return format(code, { ...options, filepath: EMBED_JS_PATH });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await buildEmbedScript();
  const old = readFileSync(EMBED_JS_PATH, 'utf8');
  if (code === old) console.log('public/embed.js up to date');
  else {
    writeFileSync(EMBED_JS_PATH, code);
    console.log(`public/embed.js rebuilt (${code.length} bytes)`);
  }
}
