// @ts-check
import eslintPluginAstro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'tests/.build/', 'tests/.artifacts/'] },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Code that handles the whole archive: a list spread into a call's arguments overflows
    // the call stack at about 120,000 items (a 100,000-story build's file list did).
    files: ['src/**', 'tests/bench/**'],
    ignores: ['src/lib/agency/**', 'src/cli/agency.ts', 'src/lib/wire-import.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
          message: 'push(...list) overflows the stack on a large list: use a loop, or concat',
        },
        {
          selector: 'CallExpression[callee.object.name="Math"] > SpreadElement',
          message: 'Math.max(...list) overflows the stack on a large list: use a loop or reduce',
        },
      ],
    },
  },
);
