import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_JS_PATH, buildEmbedScript } from '../../scripts/build-embed.ts';

describe('public/embed.js', () => {
  it('is what npm run build:embed builds from src/embed/embed-script.ts (run it after a change)', async () => {
    expect(readFileSync(EMBED_JS_PATH, 'utf8')).toBe(await buildEmbedScript());
  });

  it('is a classic ES2017 script that takes its protocol constants from the protocol module', () => {
    const code = readFileSync(EMBED_JS_PATH, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('// src/lib/embed-protocol.ts');
    expect(code).not.toContain('FILTER_SCHEMA');
  });
});
