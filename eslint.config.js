// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folder boundaries from ../shared/DESIGN.md, enforced here rather than remembered. */
const notFrom = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((g) => ({ group: g.group, message: g.message })) }],
});
const NO_RENDERER = { group: ['**/renderer/**'], message: 'renderer/ is imported by nobody.' };
const NO_ELECTRON_CODE = { group: ['**/electron/**'], message: 'electron/ is imported by nobody.' };
const NO_SERVER = { group: ['**/server/**'], message: 'server/ is imported by nobody.' };
const NO_ELECTRON_PKG = { group: ['electron', 'electron/*'], message: 'Only electron/ may use Electron.' };
const NO_NODE = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'No Node APIs here.' };
const NO_DEXIE = {
  group: ['dexie'],
  message: 'Only renderer/db, renderer/sync and a feature’s queries.ts/mutations.ts touch Dexie; components read through useLiveQuery.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      // noUncheckedIndexedAccess makes `xs[i]!` after a bounds check the honest spelling.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: notFrom(NO_RENDERER, NO_ELECTRON_CODE, NO_SERVER, NO_ELECTRON_PKG, NO_NODE, {
      group: ['react', 'react-dom', 'dexie', 'zustand', 'i18next', 'fastify', 'kysely'],
      message: 'shared/ is pure: zod and small pure libraries only.',
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...notFrom(NO_ELECTRON_CODE, NO_SERVER, NO_ELECTRON_PKG, NO_NODE, NO_DEXIE),
    },
  },
  {
    // The sanctioned Dexie users.
    files: ['renderer/db/**', 'renderer/sync/**', 'renderer/features/*/queries.ts', 'renderer/features/*/mutations.ts', 'renderer/workers/**'],
    rules: notFrom(NO_ELECTRON_CODE, NO_SERVER, NO_ELECTRON_PKG, NO_NODE),
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: notFrom(NO_RENDERER, NO_SERVER),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: notFrom(NO_RENDERER, NO_ELECTRON_CODE, NO_ELECTRON_PKG),
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
