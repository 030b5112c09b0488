// Lint rules: the recommended sets of ESLint and typescript-eslint over sources, scripts and tests,
// and the import order of the pipeline: a folder of src/ imports only the folders below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** src/ folders from the bottom of the pipeline up (README › Layout). main.ts, at the top, may import any. */
const LAYERS = ['core', 'worker', 'data', 'state', 'model', 'layers', 'map', 'ui', 'render', 'features'];

/** A rule forbidding imports whose path passes through any of `folders`. */
const forbid = (folders, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: `(^|/)(${folders.join('|')})/`, message }] }],
});

const layerRules = LAYERS.map((layer, rank) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: forbid(
    [...LAYERS.slice(rank + 1), 'bench', 'tests'],
    `src/${layer}/ may import only the folders below it (${LAYERS.slice(0, rank).join(', ') || 'none'}); see README › Layout.`,
  ),
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-single/',
      'dist-bench/',
      'public/geo/',
      'public/data/',
      'node_modules/',
      'bench/results/',
      'tests/**/actual.png',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert text as HTML: use textContent.' },
        { property: 'outerHTML', message: 'Never insert text as HTML: use textContent.' },
      ],
    },
  },
  ...layerRules,
  // The data build and the tools import only src/core/ (shared types and rules), never the app or tests.
  {
    files: ['scripts/**/*.ts'],
    rules: forbid(
      ['src/(?!core/)[a-z-]+', 'tests'],
      'scripts/ may import only src/core/ from the app, and never tests/.',
    ),
  },
);
