// ESLint (flat config) with typescript-eslint; formatting is Prettier's (eslint-config-prettier turns the overlapping rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-ui/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/bullmq',
              importNames: ['InjectQueue'],
              message: 'Add jobs through @InjectJobQueue (libs/queue): the catalogue checks their names and payloads.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/queue/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The staff screens (/app): TypeScript + TSX with Preact, bundled for the browser by scripts/build-ui.mjs.
    files: ['src/modules/ui/web/**/*.ts', 'src/modules/ui/web/**/*.tsx'],
    languageOptions: { sourceType: 'module', globals: globals.browser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    // The citizens' form and survey pages: plain browser scripts (ES modules).
    files: ['src/**/page/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
