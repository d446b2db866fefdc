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
import { arr, get, obj, path, str, strings } from '../src/domain/safe-read.ts';
import { LIST_SEPARATOR, normalizeText } from '../src/domain/text-normalize.ts';

/** Non-empty items joined with `separator` (an empty result means the study has no such text). */
function joined(items: readonly (string | undefined)[], separator: string): string {
  return items.filter((t) => t !== undefined).join(separator);
}

/**
 * The texts the classifiers read, per study: titles, summary, description, keywords, conditions and MeSH
 * terms, interventions (name ; other names ; description) and arm groups (label ; description), lists
 * joined with LIST_SEPARATOR as normalize-study.ts joins them.
 */
export function classifiedTexts(studies: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const s of studies) {
    const p = get(s, 'protocolSection');
    const id = get(p, 'identificationModule');
    const desc = get(p, 'descriptionModule');
    const cond = get(p, 'conditionsModule');
    const arms = get(p, 'armsInterventionsModule');
    const mesh = arr(path(s, 'derivedSection', 'conditionBrowseModule', 'meshes')).map((m) =>
      str(get(m, 'term')),
    );
    const interventions = arr(get(arms, 'interventions')).map((i) =>
      joined(
        [str(get(i, 'name')), ...strings(get(i, 'otherNames')), str(get(i, 'description'))],
        ' ; ',
      ),
    );
    const armTexts = arr(get(arms, 'armGroups')).map((a) =>
      joined([str(get(a, 'label')), str(get(a, 'description'))], ' ; '),
    );
    for (const t of [
      str(get(id, 'briefTitle')),
      str(get(id, 'officialTitle')),
      str(get(desc, 'briefSummary')),
      str(get(desc, 'detailedDescription')),
      strings(get(cond, 'keywords')).join(LIST_SEPARATOR),
      [...strings(get(cond, 'conditions')), ...mesh].join(LIST_SEPARATOR),
      interventions.join(LIST_SEPARATOR),
      armTexts.join(LIST_SEPARATOR),
    ]) {
      if (t !== undefined && t !== '') out.push(t);
    }
  }
  return out;
}

function cut(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? 'x' : value;
}

/** The same study with every classified text cut to "x" (structure, ids, dates, sites unchanged). */
export function withoutText(study: unknown): Study {
  const p = get(study, 'protocolSection');
  const id = get(p, 'identificationModule');
  const desc = get(p, 'descriptionModule');
  const arms = get(p, 'armsInterventionsModule');
  const cond = get(p, 'conditionsModule');
  return {
    ...obj(study),
    protocolSection: {
      ...obj(p),
      identificationModule: {
        ...obj(id),
        briefTitle: cut(get(id, 'briefTitle')),
        officialTitle: cut(get(id, 'officialTitle')),
      },
      descriptionModule: {
        briefSummary: cut(get(desc, 'briefSummary')),
        detailedDescription: cut(get(desc, 'detailedDescription')),
      },
      conditionsModule: {
        ...obj(cond),
        conditions: arr(get(cond, 'conditions')).map(cut),
        keywords: arr(get(cond, 'keywords')).map(cut),
      },
      armsInterventionsModule: {
        interventions: arr(get(arms, 'interventions')).map((i) => ({
          ...obj(i),
          name: cut(get(i, 'name')),
          description: cut(get(i, 'description')),
          otherNames: arr(get(i, 'otherNames')).map(cut),
        })),
        armGroups: arr(get(arms, 'armGroups')).map((a) => ({
          ...obj(a),
          label: cut(get(a, 'label')),
          description: cut(get(a, 'description')),
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
