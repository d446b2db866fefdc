// @vitest-environment node
/**
 * The normalizer keeps hostile text as plain strings: every XSS payload planted in every text field of a
 * study (tests/e2e/fixtures/xss-corpus.ts) comes out verbatim (whitespace aside), neither escaped nor
 * stripped nor interpreted, and the Trial holds nothing but strings, numbers, booleans, arrays and plain
 * objects. Escaping is the renderer's job (React text nodes); the browser test checks that half.
 */
import { describe, expect, it } from 'vitest';
import { normalizeStudies, normalizeStudy } from '../../src/domain/normalize-study.ts';
import type { Trial } from '../../src/domain/trial.ts';
import {
  XSS_PAYLOADS,
  XSS_URL_PARAM_NAMES,
  XSS_URL_PARAMS,
  makeXssStudy,
} from '../e2e/fixtures/xss-corpus.ts';
import { assertTrialInvariants, readJsonDir } from './trial-invariants.ts';

/** Base records: a sparse HSCT record, a full record with locations/contacts, and an empty object. */
const RECORDS = readJsonDir('tests/data/records');
const HSCT = readJsonDir('mocks/source/hsct');
function withLocations(records: unknown[]): unknown {
  return records.find(
    (r) =>
      JSON.stringify(r).includes('"centralContacts"') && JSON.stringify(r).includes('"locations"'),
  );
}
const BASES: { name: string; base: unknown }[] = [
  { name: 'sparse HSCT record', base: HSCT[0] },
  { name: 'full record with locations and contacts', base: withLocations(RECORDS) },
  { name: 'empty object', base: {} },
];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every string value anywhere in the trial, and a check that nothing but plain data is in it. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    for (const v of Object.values(value)) stringsOf(v, out);
  } else {
    expect(['number', 'boolean', 'undefined']).toContain(typeof value);
  }
  return out;
}

function expectVerbatim(actual: string | undefined, expected: string, field: string): void {
  expect(typeof actual, field).toBe('string');
  expect(squash(actual!), field).toBe(squash(expected));
}

function expectVerbatimIfPresent(
  actual: string | undefined,
  expected: string,
  field: string,
): void {
  if (actual !== undefined) expectVerbatim(actual, expected, field);
}

describe('normalizer and XSS payloads', () => {
  it('has a corpus of at least 25 distinct payloads and a payload set for every URL parameter', () => {
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    for (const name of XSS_URL_PARAM_NAMES) {
      expect(
        XSS_URL_PARAMS.filter((set) => set[name] !== undefined).length,
        name,
      ).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
    }
  });

  it.each(BASES)(
    'keeps every payload verbatim as plain text in every field ($name)',
    ({ base }) => {
      expect(base).toBeDefined();
      XSS_PAYLOADS.forEach((payload, i) => {
        const raw = makeXssStudy(base, payload, i);
        const tag = (field: string): string => `${payload} [${field}]`;
        const trial: Trial | null = normalizeStudy(raw);
        expect(trial, payload).not.toBeNull();
        const t = trial!;
        assertTrialInvariants(t);
        expect(t.nctId).toMatch(/^NCT99\d{6}$/);

        expectVerbatim(
          t.title,
          `${payload} Autologous Hematopoietic Stem Cell Transplantation in Multiple Sclerosis (synthetic XSS test record)`,
          'title',
        );
        expectVerbatim(t.officialTitle, tag('officialTitle'), 'officialTitle');
        expectVerbatim(t.acronym, tag('acronym'), 'acronym');
        expectVerbatim(t.whyStopped, tag('whyStopped'), 'whyStopped');
        expectVerbatim(t.sponsor?.name, tag('leadSponsor'), 'sponsor');
        expect(t.conditions.map(squash)).toContain(squash(tag('condition')));
        expect(t.interventions.length).toBeGreaterThan(0);
        t.interventions.forEach((iv, k) => {
          expectVerbatim(
            iv.name,
            `${payload} autologous HSCT [intervention ${k}]`,
            'intervention name',
          );
          expectVerbatimIfPresent(
            iv.description,
            tag(`intervention ${k} description`),
            'intervention description',
          );
        });
        expect(t.locations.length).toBeGreaterThan(0);
        t.locations.forEach((loc, k) => {
          expectVerbatim(loc.facility, tag(`location ${k} facility`), 'facility');
          expectVerbatim(loc.city, tag(`location ${k} city`), 'city');
          expectVerbatimIfPresent(loc.state, tag(`location ${k} state`), 'state');
          expectVerbatim(loc.country, tag(`location ${k} country`), 'country');
          for (const c of loc.contacts ?? []) {
            expectVerbatimIfPresent(c.name, tag(`contact ${k} name`), 'site contact name');
            expectVerbatimIfPresent(c.email, `${payload}@example.org`, 'site contact email');
            expectVerbatimIfPresent(c.phone, tag(`contact ${k} phone`), 'site contact phone');
          }
        });
        t.centralContacts?.forEach((c, k) => {
          expectVerbatimIfPresent(c.name, tag(`contact ${k} name`), 'central contact name');
        });
        // Ages are validated text ("18 Years"); a hostile age may be dropped, but never altered.
        expectVerbatimIfPresent(t.minimumAge, tag('minimumAge'), 'minimumAge');
        expectVerbatimIfPresent(t.maximumAge, tag('maximumAge'), 'maximumAge');

        // No field was HTML-escaped or stripped: the payload's raw text is still there, and nothing but plain data.
        const strings = stringsOf(t).map(squash);
        expect(strings.some((s) => s.includes(squash(payload)))).toBe(true);
        if (!payload.includes('&'))
          expect(
            strings.some((s) => /&(lt|gt|amp|quot|#\d+);/.test(s)),
            'no HTML entities introduced',
          ).toBe(false);
      });
    },
  );

  it('normalizes a whole batch of hostile records without dropping any', () => {
    const raws = XSS_PAYLOADS.map((p, i) => makeXssStudy(BASES[1]!.base, p, i));
    const { trials, skipped } = normalizeStudies(raws);
    expect(skipped).toBe(0);
    expect(trials).toHaveLength(XSS_PAYLOADS.length);
  });
});
