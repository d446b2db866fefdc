// @vitest-environment node
/**
 * The compiled cue scanner must answer exactly what running each family's own pattern would: it is a
 * speed-up, never a change of behaviour. Checked over every string of the real records (tests/data/records,
 * mocks/source/hsct), over reshaped copies of them, and over phrases built to hit the rewritten cue starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadingVariants, requiredLiterals } from '../../../src/domain/rules/cue-analysis.ts';
import { anyOf, compileScanner } from '../../../src/domain/rules/compile-cues.ts';
import { DISEASE_RULES, NOT_AUTOIMMUNE_CUES } from '../../../src/domain/rules/disease-rules.ts';
import {
  CELL_THERAPY_CUES,
  HSCT_CUES,
  THERAPY_SCAN_FAMILIES,
} from '../../../src/domain/rules/therapy-rules.ts';
import { normalizeText } from '../../../src/domain/text-normalize.ts';

function readStrings(dir: string): string[] {
  const url = new URL(`../../../${dir}/`, import.meta.url);
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(url).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(new URL(f, url), 'utf8')) as unknown);
  }
  return [...out];
}

const REAL = [...readStrings('tests/data/records'), ...readStrings('mocks/source/hsct')].filter(
  (s) => s.length < 20_000,
);
const PHRASES = [
  'a-hsct',
  'x-hsct',
  ' hsct',
  'auto-sct',
  'allo hct',
  'bone marrow transplant',
  'marrow rescue',
  'sjia',
  'jia',
  'agvhd',
  'cgvhd',
  'gvhd',
  'rrms',
  'relapsing ms',
  'cd34+ selected',
  'their own stem cells',
  'give back the stem cells',
  'behçet',
  'mscs',
  'hmsc',
  'autologous mesenchymal',
  'healthy donor fecal microbiota',
  'dcssc',
  'npsle',
  'type 1 diabetes',
  'diabetes mellitus, type 1',
  'hct/ps',
  'bone allograft',
  'allograft spacers',
];
const TEXTS = [
  ...REAL,
  ...REAL.map((s) => s.replace(/[aeiou]/g, '-')),
  ...REAL.map((s) => s.split(' ').reverse().join(' ')),
  ...PHRASES.flatMap((a) => PHRASES.flatMap((b) => [`${a} ${b}`, `${a}-${b}`, `(${a})`, `x${a}`])),
].map(normalizeText);

const FAMILY_SETS: [string, readonly (readonly string[])[]][] = [
  ['therapy and source cues', THERAPY_SCAN_FAMILIES],
  ['disease cues', [...DISEASE_RULES.map((r) => r.cues), NOT_AUTOIMMUNE_CUES]],
];

describe('compileScanner', () => {
  it.each(FAMILY_SETS)(
    'reports exactly the families whose own pattern matches (%s)',
    (_name, families) => {
      const scanner = compileScanner(families);
      const patterns = families.map((cues) => anyOf(cues));
      let withHits = 0;
      for (const text of TEXTS) {
        let expected = 0;
        patterns.forEach((p, i) => {
          if (p.test(text)) expected |= 1 << i;
        });
        if (expected !== 0) withHits++;
        expect(scanner.scan(text), text).toBe(expected);
        const wanted = 0b1010_1010_1010_1010_1010;
        expect(scanner.scan(text, wanted), text).toBe(expected & wanted);
      }
      expect(withHits).toBeGreaterThan(1000);
    },
  );
});

describe('cue analysis', () => {
  it('rewrites a cue start into variants that begin with a literal character', () => {
    expect(leadingVariants(String.raw`[ac]?gvhd\b`)).toEqual([
      String.raw`agvhd\b`,
      String.raw`cgvhd\b`,
      String.raw`gvhd\b`,
    ]);
    expect(leadingVariants(String.raw`(?:bone )?marrow`)).toEqual(['bone marrow', 'marrow']);
    expect(leadingVariants(String.raw`\w+ cells`)).toBeNull();
  });

  it('finds literals that every match of a cue contains', () => {
    const cues = Object.values(CELL_THERAPY_CUES)
      .flat()
      .concat(HSCT_CUES.strong, NOT_AUTOIMMUNE_CUES);
    for (const cue of cues) {
      const literals = requiredLiterals(cue);
      if (literals === null) continue;
      const pattern = new RegExp(cue, 'g');
      for (const text of TEXTS) {
        for (const m of text.matchAll(pattern)) {
          expect(
            literals.some((l) => m[0].includes(l)),
            `${cue} matched ${m[0]}`,
          ).toBe(true);
        }
      }
    }
  });
});
