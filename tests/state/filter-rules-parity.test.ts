/**
 * One table drives both ways filters reach the dashboard: a link (the URL parsers and the link notice)
 * and an embed host's setFilters message (checkMessageFilters and its notice). Both must accept and
 * refuse exactly the same values, for the same reasons.
 */
import { describe, expect, it } from 'vitest';
import { checkMessageFilters, type LooseFilters } from '../../src/domain/embed-params.ts';
import { describeIgnored } from '../../src/domain/filter-schema.ts';
import type { TrialFilters } from '../../src/domain/filters.ts';
import { parseIssues, trialFilterParsers } from '../../src/state/url-state.ts';

type Row = {
  /** The parameter as written in a link. */
  url: string;
  /** The same request as a setFilters message. */
  message: LooseFilters;
  /** What both read. */
  value: Partial<TrialFilters>;
  /** The reasons both give for what they ignore. */
  ignored: string[];
};

const TABLE: Row[] = [
  {
    url: 'disease=lupus,flu',
    message: { disease: ['lupus', 'flu'] },
    value: { disease: ['lupus'] },
    ignored: ['disease "flu" (unknown disease value)'],
  },
  {
    url: 'disease=LUPUS,Multiple-Sclerosis,lupus',
    message: { disease: ['LUPUS', 'Multiple-Sclerosis', 'lupus'] },
    value: { disease: ['lupus', 'multiple-sclerosis'] },
    ignored: [],
  },
  {
    url: 'therapy=car-t,xeno',
    message: { therapy: ['car-t', 'xeno'] },
    value: { therapy: ['car-t'] },
    ignored: ['therapy "xeno" (unknown therapy value)'],
  },
  { url: 'therapy=all', message: { therapy: ['all'] }, value: { therapy: [] }, ignored: [] },
  {
    url: 'type=Autologous,xeno',
    message: { type: ['Autologous', 'xeno'] },
    value: { type: ['autologous'] },
    ignored: ['type "xeno" (unknown type value)'],
  },
  {
    url: 'phase=phase2,PHASE9',
    message: { phase: ['phase2', 'PHASE9'] },
    value: { phase: ['PHASE2'] },
    ignored: ['phase "PHASE9" (unknown phase value)'],
  },
  {
    url: 'status=recruiting,SOMETIMES',
    message: { status: ['recruiting', 'SOMETIMES'] },
    value: { status: ['RECRUITING'] },
    ignored: ['status "SOMETIMES" (unknown status value)'],
  },
  {
    url: 'sponsor=industry,BIGPHARMA',
    message: { sponsor: ['industry', 'BIGPHARMA'] },
    value: { sponsor: ['INDUSTRY'] },
    ignored: ['sponsor "BIGPHARMA" (unknown sponsor value)'],
  },
  {
    url: 'country=Korea%252C+Republic+of,<b>',
    message: { country: ['Korea, Republic of', '<b>'] },
    value: { country: ['Korea, Republic of'] },
    ignored: ['country "<b>" (not a country name)'],
  },
  { url: 'from=2015', message: { from: 2015 }, value: { from: 2015 }, ignored: [] },
  {
    url: 'from=1850',
    message: { from: 1850 },
    value: { from: null },
    ignored: ['from "1850" (not a year (1900–2100))'],
  },
  {
    url: 'to=20000',
    message: { to: 20000 },
    value: { to: null },
    ignored: ['to "20000" (not a year (1900–2100))'],
  },
  {
    url: 'from=abc',
    message: { from: 'abc' },
    value: { from: null },
    ignored: ['from "abc" (not a year (1900–2100))'],
  },
  {
    url: 'from=2020&to=2010',
    message: { from: 2020, to: 2010 },
    value: { from: 2020, to: 2010 },
    ignored: ['from "2020–2010" (start year range is empty)'],
  },
  { url: 'results=1', message: { results: true }, value: { results: true }, ignored: [] },
  { url: 'results=0', message: { results: false }, value: { results: false }, ignored: [] },
  {
    url: 'hidden=maybe',
    message: { hidden: 'maybe' },
    value: { hidden: false },
    ignored: ['hidden "maybe" (expected 1)'],
  },
  {
    url: 'q=stem+cell',
    message: { q: 'stem cell' },
    value: { q: 'stem cell' },
    ignored: [],
  },
  {
    url: `q=${'x'.repeat(250)}`,
    message: { q: 'x'.repeat(250) },
    value: { q: 'x'.repeat(200) },
    ignored: [`q "${'x'.repeat(20)}…" (search text cut to 200 characters)`],
  },
];

/** What the URL state reads from a link (the parsers nuqs runs), for the keys the link gives. */
function readLink(search: string): Partial<TrialFilters> {
  const params = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const [key, parser] of Object.entries(trialFilterParsers)) {
    const raw = params.get(key);
    if (raw !== null) out[key] = parser.parse(raw) ?? null;
  }
  return out;
}

describe('a link and a setFilters message follow the same filter rules', () => {
  it.each(TABLE)('$url', ({ url, message, value, ignored }) => {
    expect(readLink(url)).toEqual(value);
    expect(parseIssues(url).map((i) => `${i.param} "${i.value}" (${i.reason})`)).toEqual(ignored);

    const checked = checkMessageFilters(message);
    expect(checked.filters).toEqual(value);
    expect(checked.issues.map((i) => `${i.param} "${i.value}" (${i.reason})`)).toEqual(ignored);
  });
});

describe('the notice', () => {
  it('names what a link or a message ignored, the first ten and a count of the rest', () => {
    const issues = parseIssues(
      `disease=${Array.from({ length: 12 }, (_, i) => `x${i}`).join(',')}`,
    );
    expect(describeIgnored('the message', issues.slice(0, 1))).toBe(
      'Ignored in the message: disease "x0" (unknown disease value).',
    );
    expect(describeIgnored('the link', issues)).toMatch(
      /^Ignored in the link: disease "x0" .*disease "x9" \(unknown disease value\) and 2 more\.$/,
    );
  });
});
