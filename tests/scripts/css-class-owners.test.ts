/**
 * Styles that cannot collide: every feature's CSS is global, so a class name that is not one of the
 * shared classes of src/styles/ may be styled by one feature (or by src/app, or by src/components) only.
 * A feature may restyle a shared class in its own context (`.filters .button`), and the layout (src/app,
 * where features meet) may place a feature's element inside its own containers (`.explore-tools
 * .share-toolbar`): there only the classes of a selector's first compound (the layout's own) count. The
 * fix for a failure is a feature prefix (`.share-field`, not `.field`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/**
 * The class names a stylesheet's selectors mention; with `contextOnly`, only those of each selector's
 * first compound (`.a .b, .c > .d` gives a and c).
 */
function classesOf(css: string, contextOnly = false): Set<string> {
  const classes = new Set<string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors = ''] of text.matchAll(/([^{}]+)\{/g)) {
    if (selectors.trim().startsWith('@')) continue;
    for (const selector of selectors.split(',')) {
      const part = contextOnly ? (selector.trim().split(/\s*[\s>+~]\s*/)[0] ?? '') : selector;
      for (const [, name = ''] of part.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) classes.add(name);
    }
  }
  return classes;
}

/** Who owns a stylesheet: its feature folder, or src/app, src/components, src/styles. */
function ownerOf(file: string): string {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts[0] === 'features' ? `features/${parts[1]}` : (parts[0] ?? '');
}

describe('CSS class names', () => {
  it('are styled by one owner each, except the shared classes of src/styles and src/components', () => {
    const owners = new Map<string, Set<string>>();
    for (const file of cssFiles(SRC)) {
      const owner = ownerOf(file);
      for (const name of classesOf(readFileSync(file, 'utf8'), owner === 'app')) {
        const set = owners.get(name) ?? new Set<string>();
        set.add(owner);
        owners.set(name, set);
      }
    }
    const collisions = [...owners]
      .filter(([, set]) => !set.has('styles') && !set.has('components') && set.size > 1)
      .map(([name, set]) => `.${name}: ${[...set].sort().join(', ')}`);
    expect(collisions).toEqual([]);
  });

  it('reads every class a selector list names', () => {
    expect([...classesOf('.a .b, .c:hover > .d { color: red } @media (x) { .e { } }')]).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('reads only the first compound of each selector for the layout', () => {
    expect([...classesOf('.a .b, .c:hover > .d, .e.f ~ .g { color: red }', true)]).toEqual([
      'a',
      'c',
      'e',
      'f',
    ]);
  });
});
