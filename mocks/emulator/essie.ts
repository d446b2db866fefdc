/**
 * A simplified Essie (the ClinicalTrials.gov query language, docs/api-notes.md §5) for the emulator:
 * words, "quoted phrases", OR, AND, NOT, parentheses, implicit AND between adjacent terms and a trailing
 * `*` wildcard. Matching is case-insensitive on word starts; words longer than 3 letters also match as
 * a prefix (transplant ~ transplantation), a loose stand-in for Essie's relaxation and stemming.
 * Context operators (AREA[…], SEARCH[…], RANGE[…], …) are not emulated: they raise EssieSyntaxError.
 */

export type EssieNode =
  | { kind: 'term'; words: string[]; wildcard: boolean }
  | { kind: 'and' | 'or'; left: EssieNode; right: EssieNode }
  | { kind: 'not'; operand: EssieNode };

export class EssieSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EssieSyntaxError';
  }
}

type TextToken = { type: 'word' | 'phrase'; value: string; escaped: boolean };
type Token = TextToken | { type: '(' } | { type: ')' };

/** Lowercase, no accents, unified dashes, no possessive 's, punctuation as spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['\u2019]s\b/g, '')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9*]+/g, ' ')
    .trim();
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch });
      i += 1;
    } else if (ch === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) throw new EssieSyntaxError('Unterminated quoted phrase in the query.');
      tokens.push({ type: 'phrase', value: input.slice(i + 1, end), escaped: false });
      i = end + 1;
    } else {
      let j = i;
      let escaped = false;
      let value = '';
      while (j < input.length && !/[\s()"]/.test(input[j]!)) {
        if (input[j] === '\\' && j + 1 < input.length) {
          escaped = true;
          value += input[j + 1];
          j += 2;
        } else {
          value += input[j];
          j += 1;
        }
      }
      if (/^[A-Z_]+\[/.test(value)) {
        throw new EssieSyntaxError(
          `The emulator does not support the Essie operator ${value.slice(0, value.indexOf('[') + 1)}…].`,
        );
      }
      tokens.push({ type: 'word', value, escaped });
      i = j;
    }
  }
  return tokens;
}

const isOperator = (t: Token | undefined, op: string): boolean =>
  t !== undefined && t.type === 'word' && !t.escaped && t.value === op;

/** Parses an Essie expression; throws EssieSyntaxError. An empty expression gives undefined (match all). */
export function parseEssie(input: string): EssieNode | undefined {
  const tokens = tokenize(input);
  if (tokens.length === 0) return undefined;
  let pos = 0;

  const parseOr = (): EssieNode => {
    let left = parseAnd();
    while (isOperator(tokens[pos], 'OR')) {
      pos += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): EssieNode => {
    let left = parseNot();
    for (;;) {
      const t = tokens[pos];
      if (t === undefined || t.type === ')' || isOperator(t, 'OR')) return left;
      if (isOperator(t, 'AND')) pos += 1;
      left = { kind: 'and', left, right: parseNot() };
    }
  };
  const parseNot = (): EssieNode => {
    if (isOperator(tokens[pos], 'NOT')) {
      pos += 1;
      return { kind: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): EssieNode => {
    const t = tokens[pos];
    if (t === undefined) throw new EssieSyntaxError('The query ends where a term was expected.');
    if (t.type === '(') {
      pos += 1;
      const inner = parseOr();
      if (tokens[pos]?.type !== ')') throw new EssieSyntaxError('A parenthesis is not closed.');
      pos += 1;
      return inner;
    }
    if (t.type === ')') throw new EssieSyntaxError('Unexpected closing parenthesis.');
    return parseText(t);
  };
  const parseText = (t: TextToken): EssieNode => {
    if (!t.escaped && (t.value === 'AND' || t.value === 'OR')) {
      throw new EssieSyntaxError(`The operator ${t.value} needs a term on each side.`);
    }
    pos += 1;
    const wildcard = t.type === 'word' && t.value.endsWith('*');
    const words = normalizeText(t.value.replace(/\*+$/, ''))
      .replace(/\*/g, ' ')
      .split(' ')
      .filter(Boolean);
    if (words.length === 0) return { kind: 'term', words: [], wildcard: false };
    return { kind: 'term', words, wildcard };
  };

  const tree = parseOr();
  if (pos < tokens.length) throw new EssieSyntaxError('Unexpected closing parenthesis.');
  return tree;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patternCache = new Map<string, RegExp>();

function termPattern(words: readonly string[], wildcard: boolean): RegExp {
  const key = `${wildcard ? '*' : ''}${words.join(' ')}`;
  const cached = patternCache.get(key);
  if (cached) return cached;
  const parts = words.map((w, i) => {
    const last = i === words.length - 1;
    const prefix = wildcard && last ? true : w.length > 3;
    return `${escapeRegExp(w)}${prefix ? '[a-z0-9]*' : ''}`;
  });
  const pattern = new RegExp(`(?:^| )${parts.join(' ')}(?= |$)`);
  patternCache.set(key, pattern);
  return pattern;
}

/** Does the expression match a document made of these (already normalised) texts? */
export function matchesEssie(node: EssieNode | undefined, texts: readonly string[]): boolean {
  if (node === undefined) return true;
  switch (node.kind) {
    case 'term': {
      if (node.words.length === 0) return true;
      const pattern = termPattern(node.words, node.wildcard);
      return texts.some((t) => pattern.test(t));
    }
    case 'and':
      return matchesEssie(node.left, texts) && matchesEssie(node.right, texts);
    case 'or':
      return matchesEssie(node.left, texts) || matchesEssie(node.right, texts);
    case 'not':
      return !matchesEssie(node.operand, texts);
  }
}
