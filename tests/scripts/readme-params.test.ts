import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILTER_KEYS } from '../../src/domain/filter-schema.ts';
import {
  README_PATH,
  readmeWithParameterTable,
  urlParameterTable,
} from '../../scripts/readme-params.ts';

describe('README URL-parameter table', () => {
  it('is what npm run readme:params writes from the filter schema (run it after changing a filter)', async () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(await readmeWithParameterTable(readme));
  });

  it('has a line for every filter', () => {
    const table = urlParameterTable();
    for (const key of FILTER_KEYS) expect(table).toContain(`\`${key}\``);
  });
});
