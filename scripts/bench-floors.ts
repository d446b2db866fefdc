/**
 * Where the normalize+classify time goes, as lower bounds measured on the same generated studies the
 * benchmark uses (printed by scripts/bench.ts after its targets). Each figure is the least time one part
 * of the work can take on this machine, measured without the rest:
 *
 *  - structure: normalizeStudies on the same studies with every classified text cut to one character
 *    (same objects, locations, contacts, arms and dates; next to no text to normalise or scan);
 *  - normalizeText / toLowerCase over every text the classifiers read (docs/domain.md §1-2);
 *  - the therapy cue scan (the same cue families as classify-therapy.ts, compiled the same way), and the
 *    cheapest possible scan: a loop that only finds word starts, which any cue scanner must at least do;
 *  - handing the result across threads: v8.serialize + v8.deserialize of the trials, the structured clone
 *    that postMessage performs, which a Web Worker (or worker_threads) version would pay on the receiving
 *    thread.
 */
import { deserialize, serialize } from 'node:v8';
import type { Study } from '../src/api/ctgov/wire-types.ts';
import { normalizeStudies } from '../src/domain/normalize-study.ts';
import { compileScanner } from '../src/domain/rules/compile-cues.ts';
import { THERAPY_SCAN_FAMILIES } from '../src/domain/rules/therapy-rules.ts';
import { normalizeText } from '../src/domain/text-normalize.ts';

type Json = Record<string, unknown>;
const o = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The texts the classifiers read, per study (lists joined as normalize-study.ts joins them). */
export function classifiedTexts(studies: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const s of studies) {
    const p = o(o(s).protocolSection);
    const id = o(p.identificationModule);
    const desc = o(p.descriptionModule);
    const cond = o(p.conditionsModule);
    const arms = o(p.armsInterventionsModule);
    const mesh = list(o(o(o(s).derivedSection).conditionBrowseModule).meshes).map((m) =>
      text(o(m).term),
    );
    const interventions = list(arms.interventions).map((i) =>
      [text(o(i).name), ...list(o(i).otherNames).map(text), text(o(i).description)].join(' ; '),
    );
    const armTexts = list(arms.armGroups).map((a) =>
      [text(o(a).label), text(o(a).description)].join(' ; '),
    );
    for (const t of [
      text(id.briefTitle),
      text(id.officialTitle),
      text(desc.briefSummary),
      text(desc.detailedDescription),
      list(cond.keywords).map(text).join(' | '),
      [...list(cond.conditions).map(text), ...mesh].join(' | '),
      interventions.join(' | '),
      armTexts.join(' | '),
    ]) {
      if (t !== '') out.push(t);
    }
  }
  return out;
}

function cut(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? 'x' : value;
}

/** The same study with every classified text cut to "x" (structure, ids, dates, sites unchanged). */
export function withoutText(study: unknown): Study {
  const s = o(study);
  const p = o(s.protocolSection);
  const arms = o(p.armsInterventionsModule);
  const cond = o(p.conditionsModule);
  return {
    ...s,
    protocolSection: {
      ...p,
      identificationModule: {
        ...o(p.identificationModule),
        briefTitle: cut(o(p.identificationModule).briefTitle),
        officialTitle: cut(o(p.identificationModule).officialTitle),
      },
      descriptionModule: {
        briefSummary: cut(o(p.descriptionModule).briefSummary),
        detailedDescription: cut(o(p.descriptionModule).detailedDescription),
      },
      conditionsModule: {
        ...cond,
        conditions: list(cond.conditions).map(cut),
        keywords: list(cond.keywords).map(cut),
      },
      armsInterventionsModule: {
        interventions: list(arms.interventions).map((i) => ({
          ...o(i),
          name: cut(o(i).name),
          description: cut(o(i).description),
          otherNames: list(o(i).otherNames).map(cut),
        })),
        armGroups: list(arms.armGroups).map((a) => ({
          ...o(a),
          label: cut(o(a).label),
          description: cut(o(a).description),
        })),
      },
    },
  } as Study;
}

const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) WORD_CHAR[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

/** Word starts in `t`: the least any `\b…` cue scanner has to find (one look at every character). */
function wordStarts(t: string): number {
  let starts = 0;
  let previous = 0;
  for (let i = 0; i < t.length; i++) {
    const w = WORD_CHAR[t.charCodeAt(i)] as number;
    if (w > previous) starts++;
    previous = w;
  }
  return starts;
}

/** Median wall time of `runs` calls after two warm-up calls. */
function medianMs(fn: () => unknown, runs = 5): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

export type Floor = { part: string; ms: number; note: string };

export function measureFloors(studies: readonly unknown[]): Floor[] {
  const total = medianMs(() => normalizeStudies(studies));
  const bare = studies.map(withoutText);
  const structure = medianMs(() => normalizeStudies(bare));
  const raw = classifiedTexts(studies);
  const normalizedTexts = raw.map(normalizeText);
  const chars = raw.reduce((n, t) => n + t.length, 0);
  const perChar = (ms: number): string => `${((ms * 1e6) / chars).toFixed(2)} ns/char`;
  let sink = 0;
  const lower = medianMs(() => {
    for (const t of raw) sink += t.toLowerCase().length;
  });
  const normalize = medianMs(() => {
    for (const t of raw) sink += normalizeText(t).length;
  });
  const scanner = compileScanner(THERAPY_SCAN_FAMILIES);
  const scan = medianMs(() => {
    for (const t of normalizedTexts) sink += scanner.scan(t);
  });
  const starts = medianMs(() => {
    for (const t of normalizedTexts) sink += wordStarts(t);
  });
  const { trials } = normalizeStudies(studies);
  const clone = medianMs(() => deserialize(serialize(trials)), 3);
  if (sink < 0) console.log(sink);
  const million = (chars / 1e6).toFixed(1);
  return [
    { part: 'normalizeStudies (all of it)', ms: total, note: `${studies.length} studies` },
    {
      part: 'structure only',
      ms: structure,
      note: 'same studies, every classified text cut to one character',
    },
    { part: 'toLowerCase', ms: lower, note: `${million} M chars, ${perChar(lower)}` },
    { part: 'normalizeText', ms: normalize, note: perChar(normalize) },
    { part: 'therapy cue scan', ms: scan, note: perChar(scan) },
    { part: 'word starts only', ms: starts, note: `${perChar(starts)}: the floor of any scan` },
    {
      part: 'structured clone of the trials',
      ms: clone,
      note: 'v8.serialize + deserialize: what a worker would pay to hand them back',
    },
  ];
}
