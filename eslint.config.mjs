import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // questions/ holds the drills' TypeScript (stubs with unused parameters, wrong answers on purpose): it is
  // type-checked by `tsc -p questions` and test/unit/bankTypes.test.ts, and its behaviour by the bank tests.
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.bench/**', '*.vsix', 'questions/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'curly': ['error', 'multi-line'],
      'eqeqeq': ['error', 'always', { null: 'ignore' }],
      'no-throw-literal': 'error',
    },
  },
  {
    // The core must stay free of the editor: everything in it is unit-tested in plain Node.
    files: ['src/core/**/*.ts', 'src/sandbox/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core, src/sandbox and src/cli must not import vscode: put editor code in src/vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(['console', 'process', 'URL', 'fetch', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate'].map((g) => [g, 'readonly'])),
    },
  },
);
