/**
 * Styles that cannot collide. Every stylesheet is global, so class names carry their owner's prefix:
 * - a feature's stylesheet (src/features/<f>/*.css) styles only classes starting with its prefix
 *   (FEATURE_PREFIXES), each selector naming at least one of them; other classes it names are the
 *   shared classes of src/styles or a component's, restyled in the feature's context
 *   (`.filters-panel .button`);
 * - a component's stylesheet (src/components/<c>.css) does the same with the prefix <c>;
 * - the layout (src/app, where features meet) may place a feature's element inside its own
 *   containers (`.explore-tools .share-toolbar`), so only the classes of a selector's first compound
 *   count there, and they may not carry a feature's or component's prefix;
 * - src/styles holds the shared classes, none with a feature's or component's prefix.
 * A failure names the file and the class; the fix is the owner's prefix (`.share-field`, not `.field`),
 * renamed in the CSS, the TSX and the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

/** The class prefix of each feature with a stylesheet: `patient` owns `.patient` and `.patient-…`. */
const FEATURE_PREFIXES: Readonly<Record<string, string>> = {
  'active-filters': 'active-filters',
  charts: 'charts',
  filters: 'filters',
  ledger: 'ledger',
  'live-data': 'live-data',
  patient: 'patient',
  share: 'share',
  'trial-detail': 'trial-detail',
  'trial-table': 'trial-table',
};

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Each selector of a stylesheet (at-rule preludes left out). */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{/g)]
    .map(([, selectors = '']) => selectors.trim())
    .filter((selectors) => !selectors.startsWith('@'))
    .flatMap((selectors) => selectors.split(',').map((s) => s.trim()));
}

/** The class names of a selector; with `contextOnly`, only those of its first compound. */
function classesOfSelector(selector: string, contextOnly = false): string[] {
  const part = contextOnly ? (selector.split(/\s*[\s>+~]\s*/)[0] ?? '') : selector;
  return [...part.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(([, name = '']) => name);
}

/** The class names a stylesheet's selectors mention (see classesOfSelector). */
function classesOf(css: string, contextOnly = false): Set<string> {
  return new Set(selectorsOf(css).flatMap((s) => classesOfSelector(s, contextOnly)));
}

function hasPrefix(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}-`);
}

type Owner =
  | { kind: 'feature' | 'component'; name: string; prefix: string | undefined }
  | { kind: 'app' | 'styles'; name: string };

/** Who owns a stylesheet: a feature, a component, the layout (src/app) or the shared styles. */
function ownerOf(file: string): Owner {
  const parts = relative(SRC, file).split(/[\\/]/);
  if (parts[0] === 'features') {
    const name = parts[1] ?? '';
    return { kind: 'feature', name: `features/${name}`, prefix: FEATURE_PREFIXES[name] };
  }
  if (parts[0] === 'components') {
    return { kind: 'component', name: 'components', prefix: basename(file, '.css') };
  }
  return { kind: parts[0] === 'styles' ? 'styles' : 'app', name: parts[0] ?? '' };
}

/**
 * What is wrong with the stylesheets, one line per problem naming the file, the class and the fix.
 * `files` maps a path under src/ to the stylesheet's text.
 */
function prefixProblems(files: ReadonlyMap<string, string>): string[] {
  const owners = [...files.keys()].map((file) => ({ file, owner: ownerOf(join(SRC, file)) }));
  const ownedPrefixes = owners.flatMap(({ owner }) =>
    'prefix' in owner && owner.prefix !== undefined ? [owner.prefix] : [],
  );
  const componentPrefixes = owners.flatMap(({ owner }) =>
    owner.kind === 'component' && owner.prefix !== undefined ? [owner.prefix] : [],
  );
  const shared = new Set(
    owners.flatMap(({ file, owner }) =>
      owner.kind === 'styles' ? [...classesOf(files.get(file) ?? '')] : [],
    ),
  );
  const ownedBy = (name: string) => ownedPrefixes.find((prefix) => hasPrefix(name, prefix));
  const problems = new Set<string>();
  for (const { file, owner } of owners) {
    const css = files.get(file) ?? '';
    const where = `src/${file}`;
    if (owner.kind === 'feature' && owner.prefix === undefined) {
      problems.add(
        `${where}: ${owner.name} has no class prefix; add one to FEATURE_PREFIXES in tests/scripts/css-class-owners.test.ts`,
      );
      continue;
    }
    if (owner.kind === 'feature' || owner.kind === 'component') {
      const prefix = owner.prefix ?? '';
      for (const selector of selectorsOf(css)) {
        const classes = classesOfSelector(selector);
        const unprefixed = classes.filter(
          (name) =>
            !hasPrefix(name, prefix) &&
            !(shared.has(name) && ownedBy(name) === undefined) &&
            !componentPrefixes.some((p) => hasPrefix(name, p)),
        );
        for (const name of unprefixed) {
          problems.add(
            `${where}: .${name} does not start with "${prefix}-": rename it .${prefix}-${name} (in the CSS, the TSX and the tests), or make it a shared class in src/styles`,
          );
        }
        // Element selectors (the print rules' `body *`) name no class that could collide.
        const scoped = classes.length === 0 || classes.some((name) => hasPrefix(name, prefix));
        if (unprefixed.length === 0 && !scoped) {
          problems.add(
            `${where}: "${selector}" styles no .${prefix}… class: scope it inside one (".${prefix}-… ${selector}") or move it to src/styles`,
          );
        }
      }
    } else {
      for (const name of classesOf(css, owner.kind === 'app')) {
        const prefix = ownedBy(name);
        if (prefix !== undefined) {
          problems.add(
            `${where}: .${name} carries the "${prefix}-" prefix of another owner: style it in that owner's stylesheet, or give the class a name of its own`,
          );
        }
      }
    }
  }
  for (const a of ownedPrefixes) {
    for (const b of ownedPrefixes) {
      if (a !== b && hasPrefix(a, b)) problems.add(`prefix "${a}" starts with prefix "${b}"`);
    }
  }
  return [...problems];
}

function stylesheets(): Map<string, string> {
  return new Map(cssFiles(SRC).map((file) => [relative(SRC, file), readFileSync(file, 'utf8')]));
}

describe('CSS class names', () => {
  it("carry their owner's prefix: a feature's, a component's, or none of them in src/app and src/styles", () => {
    expect(prefixProblems(stylesheets())).toEqual([]);
  });

  it('are styled by one owner each, except the shared classes of src/styles and src/components', () => {
    const owners = new Map<string, Set<string>>();
    for (const [file, css] of stylesheets()) {
      const owner = ownerOf(join(SRC, file));
      const name = owner.kind === 'component' ? 'components' : owner.name;
      for (const cls of classesOf(css, owner.kind === 'app')) {
        const set = owners.get(cls) ?? new Set<string>();
        set.add(name);
        owners.set(cls, set);
      }
    }
    const collisions = [...owners]
      .filter(([, set]) => !set.has('styles') && !set.has('components') && set.size > 1)
      .map(([cls, set]) => `.${cls}: ${[...set].sort().join(', ')}`);
    expect(collisions).toEqual([]);
  });

  it('names the file, the class and the fix for an unprefixed class', () => {
    const problems = prefixProblems(
      new Map([
        ['styles/global.css', '.button { } .panel { }'],
        ['features/patient/patient.css', '.patient-card .button { } .field { } .button { }'],
        ['features/share/share.css', '.share-dialog .field { }'],
        ['components/data-table.css', '.data-table { } .num { }'],
        ['app/app.css', '.explore .patient-card { } .share-toolbar { }'],
        ['styles/print.css', '.patient-cards { }'],
        ['features/newcomer/newcomer.css', '.newcomer { }'],
      ]),
    );
    expect(problems).toEqual([
      'src/features/patient/patient.css: .field does not start with "patient-": rename it .patient-field (in the CSS, the TSX and the tests), or make it a shared class in src/styles',
      'src/features/patient/patient.css: ".button" styles no .patient… class: scope it inside one (".patient-… .button") or move it to src/styles',
      'src/features/share/share.css: .field does not start with "share-": rename it .share-field (in the CSS, the TSX and the tests), or make it a shared class in src/styles',
      'src/components/data-table.css: .num does not start with "data-table-": rename it .data-table-num (in the CSS, the TSX and the tests), or make it a shared class in src/styles',
      'src/app/app.css: .share-toolbar carries the "share-" prefix of another owner: style it in that owner\'s stylesheet, or give the class a name of its own',
      'src/styles/print.css: .patient-cards carries the "patient-" prefix of another owner: style it in that owner\'s stylesheet, or give the class a name of its own',
      'src/features/newcomer/newcomer.css: features/newcomer has no class prefix; add one to FEATURE_PREFIXES in tests/scripts/css-class-owners.test.ts',
    ]);
  });

  it('reads every class a selector list names, and only the first compound for the layout', () => {
    const css = '.a .b, .c:hover > .d, .e.f ~ .g { color: red } @media (x) { .h { } }';
    expect([...classesOf(css)]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect([...classesOf(css, true)]).toEqual(['a', 'c', 'e', 'f', 'h']);
  });
});
