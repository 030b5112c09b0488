// Lint rules: the recommended sets of ESLint and typescript-eslint, over sources, scripts and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'public/geo/', 'public/data/', 'node_modules/', 'bench/results/', 'tests/**/actual.png'] },
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
);
