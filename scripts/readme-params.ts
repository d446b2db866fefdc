/**
 * Writes the README's "URL parameters" table from the definitions it documents: the filter schema
 * (src/domain/filter-schema.ts) and the view, sort, trial, shortlist and changed parameters.
 * `npm run readme:params` rewrites README.md; tests/scripts/readme-params.test.ts fails while the README
 * differs from what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { FILTER_KEYS, FILTER_SCHEMA, type FilterDoc } from '../src/domain/filter-schema.ts';
import { SHORTLIST_PARAM } from '../src/domain/shortlist.ts';
import { CHANGE_MARKS } from '../src/state/changes-state.ts';
import { DEFAULT_SORT, SORT_COLUMNS, VIEWS } from '../src/state/url-state.ts';

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- url-parameters:start (written by npm run readme:params) -->';
const END = '<!-- url-parameters:end -->';

const code = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

type Row = { params: string[] } & FilterDoc;

function rows(): Row[] {
  const out: Row[] = [];
  for (const key of FILTER_KEYS) {
    const { doc } = FILTER_SCHEMA[key];
    // A filter without its own line (`to`) shares the line before it (`from`, `to`).
    if (doc === null) out.at(-1)?.params.push(key);
    else out.push({ params: [key], ...doc });
  }
  const [defaultView, ...otherViews] = VIEWS;
  out.push(
    {
      params: ['view'],
      value: `\`${defaultView}\` (default), ${code(otherViews)}`,
      example: '`view=table`',
    },
    {
      params: ['sort'],
      value: `table sort \`column:direction\`, column one of ${code(SORT_COLUMNS)}; direction \`asc\`/\`desc\` (default \`asc\` when omitted); default \`${DEFAULT_SORT.column}:${DEFAULT_SORT.direction}\``,
      example: '`sort=enrollment:desc`',
    },
    {
      params: ['trial'],
      value: 'an NCT id: opens the trial detail',
      example: '`trial=NCT01234567`',
    },
    {
      params: [SHORTLIST_PARAM],
      value:
        'comma-separated NCT ids: a shared patient shortlist (with `view=patient`, see [For patients](#for-patients))',
      example: `\`${SHORTLIST_PARAM}=NCT99000027,NCT99000028\``,
    },
    {
      params: ['changed'],
      value: `${code(CHANGE_MARKS)} (comma-separated): only trials new or changed since this browser's last visit (see [Data freshness and hosting](#data-freshness-and-hosting))`,
      example: `\`changed=${CHANGE_MARKS.join(',')}\``,
    },
    {
      params: ['data'],
      value:
        '`live`: load every trial from the live API (the full live pull) instead of the precomputed snapshot plus its live changes (see [Data freshness and hosting](#data-freshness-and-hosting))',
      example: '`data=live`',
    },
  );
  return out;
}

/** The table as Markdown (before Prettier aligns it). */
export function urlParameterTable(): string {
  const lines = ['| Parameter | Value | Example |', '| --- | --- | --- |'];
  for (const row of rows()) {
    lines.push(
      `| ${row.params.map((p) => `\`${p}\``).join(', ')} | ${row.value} | ${row.example} |`,
    );
  }
  return lines.join('\n');
}

/** The README with its URL-parameter table written from the definitions, formatted as Prettier does. */
export async function readmeWithParameterTable(readme: string): Promise<string> {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  const next = `${readme.slice(0, start + START.length)}\n\n${urlParameterTable()}\n\n${readme.slice(end)}`;
  const options = await resolveConfig(README_PATH);
  return format(next, { ...options, filepath: README_PATH });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README_PATH, 'utf8');
  const next = await readmeWithParameterTable(readme);
  if (next === readme) console.log('README.md: URL parameter table up to date');
  else {
    writeFileSync(README_PATH, next);
    console.log('README.md: URL parameter table rewritten');
  }
}
