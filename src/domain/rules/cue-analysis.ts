/**
 * Static analysis of cue sources (the regular-expression strings of the rule tables), used to compile
 * the cues into fast scanners (compile-cues.ts) without changing what they match:
 *
 *  - `firstChars`: the characters a match can start with;
 *  - `requiredLiterals`: strings of which every match contains at least one (a cheap pre-check);
 *  - `leadingVariants`: the cue rewritten as alternatives that each start with a literal character
 *    (so many cues can share one first-character dispatch).
 *
 * Understands the regex subset the cue tables use (no flags): literal characters and escapes, character
 * classes (small ones are enumerated), groups, alternation, lookarounds (zero-width), \b \B ^ $, and
 * the quantifiers ? * + {n} {n,} {n,m} (optionally lazy). Anything else gives `null` ("unknown"), and
 * callers then fall back to running the full pattern, so an unknown construct can only cost time, never
 * change a result.
 */

type Node =
  | { kind: 'char'; chars: ReadonlySet<string> | null } // null: a character we do not enumerate (\w, ., ranges)
  | { kind: 'empty' } // zero-width: \b, \B, ^, $, lookarounds
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unsupported extends Error {}

class Parser {
  private i = 0;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported(`unexpected ${this.src.charAt(this.i)}`);
    return node;
  }

  private peek(): string {
    return this.src.charAt(this.i);
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Node) : { kind: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')')
      items.push(this.quantified());
    return { kind: 'seq', items };
  }

  private quantified(): Node {
    const node = this.atom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unsupported('literal {');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return node;
    }
    if (this.peek() === '?') this.i++; // lazy: same language
    if (node.kind === 'empty') return node;
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '.') return { kind: 'char', chars: null };
    if (c === '^' || c === '$') return { kind: 'empty' };
    if ('*+?{}|)'.includes(c) || c === '') throw new Unsupported(`unexpected ${c}`);
    return { kind: 'char', chars: new Set([c]) };
  }

  private group(): Node {
    const rest = this.src.slice(this.i);
    let lookaround = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      lookaround = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      lookaround = true;
    } else if (rest.startsWith('(?')) throw new Unsupported('named or modified group');
    else this.i += 1;
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.i++;
    return lookaround ? { kind: 'empty' } : inner;
  }

  private charClass(): Node {
    const end = this.src.indexOf(']', this.i + 1);
    if (end < 0) throw new Unsupported('unclosed class');
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    // enumerate only plain classes: no negation, ranges or escapes
    if (body === '' || body.startsWith('^') || body.includes('\\') || /.-./.test(body)) {
      return { kind: 'char', chars: null };
    }
    return { kind: 'char', chars: new Set(body) };
  }

  private escape(): Node {
    const c = this.src.charAt(this.i + 1);
    this.i += 2;
    if (c === 'b' || c === 'B') return { kind: 'empty' };
    if ('wWsSdD'.includes(c)) return { kind: 'char', chars: null };
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.i, this.i + 4))) {
      const ch = String.fromCharCode(parseInt(this.src.slice(this.i, this.i + 4), 16));
      this.i += 4;
      return { kind: 'char', chars: new Set([ch]) };
    }
    if (c !== '' && `-+/.()[]|?*{}^$\\'" ,:;&#!=<>@%~\``.includes(c))
      return { kind: 'char', chars: new Set([c]) };
    throw new Unsupported(`escape \\${c}`);
  }
}

function parse(source: string): Node | null {
  try {
    return new Parser(source).parse();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// First characters

type First = { chars: Set<string> | null; empty: boolean };

function first(node: Node): First {
  switch (node.kind) {
    case 'char':
      return { chars: node.chars === null ? null : new Set(node.chars), empty: false };
    case 'empty':
      return { chars: new Set(), empty: true };
    case 'seq': {
      const chars = new Set<string>();
      for (const item of node.items) {
        const f = first(item);
        if (f.chars === null) return { chars: null, empty: false };
        for (const c of f.chars) chars.add(c);
        if (!f.empty) return { chars, empty: false };
      }
      return { chars, empty: true };
    }
    case 'alt': {
      const chars = new Set<string>();
      let empty = false;
      for (const b of node.branches) {
        const f = first(b);
        if (f.chars === null) return { chars: null, empty: false };
        for (const c of f.chars) chars.add(c);
        empty ||= f.empty;
      }
      return { chars, empty };
    }
    case 'repeat': {
      if (node.max === 0) return { chars: new Set(), empty: true };
      const f = first(node.node);
      return { chars: f.chars, empty: f.empty || node.min === 0 };
    }
  }
}

/**
 * The characters a non-empty match of `source` can start with, or `null` when unknown (or when the
 * pattern can match the empty string).
 */
export function firstChars(source: string): ReadonlySet<string> | null {
  const node = parse(source);
  if (node === null) return null;
  const f = first(node);
  return f.empty ? null : f.chars;
}

// ---------------------------------------------------------------------------------------------------
// Required literals

/** Strings one node can match, when that set is finite and small (`null` = too many / unknown). */
type Exact = ReadonlySet<string> | null;
/** "Every match contains one of these strings" (`null` = no such set known). */
type Req = ReadonlySet<string> | null;

const MAX_EXACT = 24;
const MAX_LEN = 24;

function product(a: Exact, b: Exact): Exact {
  if (a === null || b === null) return null;
  const out = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      const s = x + y;
      if (s.length > MAX_LEN) return null;
      out.add(s);
      if (out.size > MAX_EXACT) return null;
    }
  }
  return out;
}

/** Rough information (bits) of one character of lower-case English text: common letters say little. */
function bits(ch: string): number {
  if ('etaoinsrh '.includes(ch)) return 3;
  if ('ldcumfpgwyb'.includes(ch)) return 5;
  return 7;
}

function score(s: ReadonlySet<string>): number {
  let least = Infinity;
  for (const x of s) {
    let info = 0;
    for (const ch of x) info += bits(ch);
    least = Math.min(least, info);
  }
  return least - 2 * Math.log2(s.size);
}

/** The better pre-check of two: rare strings (few false alarms) and few of them (a cheap check). */
function better(a: Req, b: Req): Req {
  if (a === null) return b;
  if (b === null) return a;
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return a.size <= b.size ? a : b;
}

/** A requirement is only usable when none of its strings is empty. */
function usable(s: Exact): Req {
  if (s === null || s.size === 0) return null;
  for (const x of s) if (x === '') return null;
  return s;
}

function exactOf(node: Node): Exact {
  switch (node.kind) {
    case 'char':
      return node.chars;
    case 'empty':
      return new Set(['']);
    case 'seq': {
      let acc: Exact = new Set(['']);
      for (const item of node.items) acc = product(acc, exactOf(item));
      return acc;
    }
    case 'alt': {
      const out = new Set<string>();
      for (const b of node.branches) {
        const e = exactOf(b);
        if (e === null) return null;
        for (const s of e) out.add(s);
      }
      return out.size > MAX_EXACT ? null : out;
    }
    case 'repeat': {
      if (node.min === 0 && node.max === 1) {
        const e = exactOf(node.node);
        return e === null ? null : new Set([...e, '']);
      }
      if (node.min === 1 && node.max === 1) return exactOf(node.node);
      return null;
    }
  }
}

function reqOf(node: Node): Req {
  switch (node.kind) {
    case 'char':
    case 'empty':
      return usable(exactOf(node));
    case 'seq': {
      let best: Req = null;
      // every contiguous stretch of items with a known exact set is a requirement
      let run: ReadonlySet<string>[] = [];
      const flush = (): void => {
        for (let from = 0; from < run.length; from++) {
          let acc: Exact = new Set(['']);
          for (let to = from; to < run.length && acc !== null; to++) {
            acc = product(acc, run[to] ?? null);
            best = better(best, usable(acc));
          }
        }
        run = [];
      };
      for (const item of node.items) {
        best = better(best, reqOf(item));
        const e = exactOf(item);
        if (e === null) flush();
        else run.push(e);
      }
      flush();
      return best;
    }
    case 'alt': {
      const out = new Set<string>();
      for (const b of node.branches) {
        const r = reqOf(b);
        if (r === null) return null;
        for (const s of r) out.add(s);
      }
      return better(usable(exactOf(node)), out);
    }
    case 'repeat':
      return node.min >= 1 ? reqOf(node.node) : null;
  }
}

/**
 * Strings of which every match of `source` contains at least one, or `null` when no such set could be
 * derived with certainty.
 */
export function requiredLiterals(source: string): string[] | null {
  const node = parse(source);
  if (node === null) return null;
  const req = reqOf(node);
  return req === null ? null : [...req];
}

// ---------------------------------------------------------------------------------------------------
// Leading variants

/**
 * Walks `s` from `from`, skipping escapes and character classes, and calls `visit` with each `(`, `)`
 * and `|` outside a class and the group depth after it; stops when `visit` returns true.
 */
function walkStructure(
  s: string,
  from: number,
  visit: (i: number, c: string, depth: number) => boolean,
): void {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' || c === ')' || c === '|') {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (visit(i, c, depth)) return;
    }
  }
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(s: string, open: number): number {
  let at = -1;
  walkStructure(s, open, (i, c, depth) => {
    if (c !== ')' || depth !== 0) return false;
    at = i;
    return true;
  });
  return at;
}

/** `body` split at its top-level `|` (escapes, classes and nested groups skipped). */
function topLevelBranches(body: string): string[] {
  const out: string[] = [];
  let start = 0;
  walkStructure(body, 0, (i, c, depth) => {
    if (c === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(body.slice(start));
  return out;
}

/** Characters that stand for themselves at the start of a pattern (and need no escaping there). */
const PLAIN_LEAD = /^[a-z0-9 '-]$/;
const MAX_VARIANTS = 32;

function expand(src: string, budget: number): string[] | null {
  if (budget <= 0 || src === '') return null;
  const c = src.charAt(0);
  if (PLAIN_LEAD.test(c)) {
    const next = src.charAt(1);
    if (next === '?' && src.charAt(2) !== '?') {
      const without = expand(src.slice(2), budget - 1);
      return without === null ? null : [c + src.slice(2), ...without];
    }
    return '*+{?'.includes(next) && next !== '' ? null : [src];
  }
  let choices: string[];
  let after: string;
  if (c === '[') {
    const end = src.indexOf(']');
    const body = src.slice(1, end);
    if (end < 0 || body === '' || body.startsWith('^') || body.includes('\\') || /.-./.test(body))
      return null;
    choices = [...body];
    after = src.slice(end + 1);
  } else if (src.startsWith('(?:')) {
    const close = closingParen(src, 0);
    if (close < 0) return null;
    choices = topLevelBranches(src.slice(3, close));
    after = src.slice(close + 1);
  } else {
    return null;
  }
  // x or x? only (a lazy x?? also matches the same strings, but keep it simple)
  const optional = after.startsWith('?') && !after.startsWith('??');
  if (!optional && after !== '' && '*+{?'.includes(after.charAt(0))) return null;
  const rest = optional ? after.slice(1) : after;
  const out: string[] = [];
  for (const choice of optional ? [...choices, ''] : choices) {
    const e = expand(choice + rest, budget - 1);
    if (e === null) return null;
    out.push(...e);
    if (out.length > MAX_VARIANTS) return null;
  }
  return out;
}

/**
 * `source` rewritten as alternatives that each start with a plain literal character (a-z, 0-9, space,
 * apostrophe or hyphen): a leading group, small character class or optional character is distributed
 * over the rest of the pattern. "Some variant matches at position p" holds exactly when `source`
 * matches at p. `null` when the start cannot be rewritten (or would give too many variants).
 */
export function leadingVariants(source: string): string[] | null {
  return expand(source, MAX_VARIANTS);
}
