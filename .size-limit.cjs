/**
 * Bundle budget (`npm run size`, after `npm run build`). The first view is every script dist/index.html
 * loads before the app can draw anything: the entry chunk and the chunks it preloads (modulepreload),
 * read from the built HTML so a chunk split off the entry is still counted. Lazy chunks (charts, table,
 * detail, share/export, map, embed) are reported without a limit.
 */
const { existsSync, readFileSync } = require('node:fs');

function firstViewScripts() {
  const html = existsSync('dist/index.html') ? readFileSync('dist/index.html', 'utf8') : '';
  const srcs = [
    ...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g),
  ].map((m) => `dist/${m[1]}`);
  if (srcs.length === 0)
    throw new Error('dist/index.html loads no script: run `npm run build` first');
  return [...new Set(srcs)];
}

module.exports = [
  {
    name: 'First-view JS (the scripts dist/index.html loads and preloads)',
    path: firstViewScripts(),
    gzip: true,
    limit: '220 kB',
  },
  {
    name: 'All JS incl. lazy chunks (informational, no limit)',
    path: 'dist/assets/*.js',
    gzip: true,
  },
];
