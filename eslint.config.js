import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Feature folders: each may not import another (they meet only in src/app). */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * One-way layers: lib, config -> api -> domain -> queries -> features -> app.
 * `components` (shared UI with no knowledge of trials) is usable from features and app.
 */
const layerZones = [
  {
    target: './src/api',
    from: ['./src/domain', './src/queries', './src/features', './src/app', './src/components'],
    message:
      'api is the bottom layer: it may not import domain, queries, features, components or app.',
  },
  {
    target: './src/domain',
    from: ['./src/queries', './src/features', './src/app', './src/components'],
    message: 'domain is pure: it may not import queries, features, components or app.',
  },
  {
    target: './src/queries',
    from: ['./src/features', './src/app', './src/components'],
    message: 'queries may not import features, components or app.',
  },
  {
    target: './src/state',
    from: ['./src/api', './src/features', './src/app', './src/components'],
    message:
      'state (URL state hooks) may use domain and queries, never api, features, components or app.',
  },
  {
    target: './src/components',
    from: ['./src/api', './src/queries', './src/state', './src/features', './src/app'],
    message: 'components are shared UI with no knowledge of data fetching, features or app.',
  },
  {
    target: './src/features',
    from: ['./src/app', './src/api'],
    message: 'features read data through queries, never api or app.',
  },
  {
    target: './src/lib',
    from: ['./src'],
    // The embed protocol takes its filter keys and value types from the one filter schema.
    except: ['./lib', './domain/filter-schema.ts'],
    message: 'lib is generic (the embed protocol may read the filter schema).',
  },
  {
    target: './src/embed',
    from: ['./src'],
    except: ['./embed', './lib/embed-protocol.ts'],
    message: 'The script embed runs on host pages: it may use the message protocol only.',
  },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features never import each other; they meet in src/app.',
  })),
];

const srcSyntaxRules = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render API text as text.',
  },
  {
    selector: 'ExportAllDeclaration',
    message: 'No barrels: import from the module that defines the name.',
  },
];

const handWrittenTable = {
  selector: "JSXOpeningElement[name.name='table']",
  message:
    'Use DataTable (src/components/data-table.tsx), the one accessible table component, not a hand-written <table>.',
};

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-*',
    'coverage',
    'public',
    'examples',
    'playwright-report',
    'test-results',
    'lighthouse',
    'src/api/ctgov/generated',
  ]),
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { 'import-x': importX, 'check-file': checkFile },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
      'no-restricted-syntax': ['error', ...srcSyntaxRules, handWrittenTable],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src/api talks to the network.' },
      ],
    },
  },
  {
    // The one table component.
    files: ['src/components/data-table.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...srcSyntaxRules] },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'mocks/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
]);
