// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (docs/architecture.md): domain → storage → sync → features.
 * Each entry forbids what a folder must not import; the build fails on any breach.
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const UI_LIBS = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-i18next',
  'i18next',
  'zustand',
  'dexie',
  'dexie-react-hooks',
];
const outside = (names) => names.map((name) => `**/${name}/**`);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'public/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'tests/e2e/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Every user-visible string lives in locales/.
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-only', 'jsx-attributes': { include: ['aria-label', 'title', 'alt', 'placeholder'] } },
      ],
    },
  },
  layer(
    ['src/domain/**'],
    [
      { group: UI_LIBS, message: 'domain/ is pure TypeScript: no React, Dexie, i18next or zustand.' },
      {
        group: outside(['storage', 'sync', 'features', 'ui', 'state', 'i18n', 'pwa', 'app', 'server']),
        message: 'domain/ imports nothing from other layers.',
      },
    ],
  ),
  layer(
    ['src/storage/**'],
    [
      { group: ['react', 'react-dom', 'i18next', 'react-i18next', 'zustand'], message: 'storage/ holds data, not UI.' },
      {
        group: [
          ...outside(['features', 'ui', 'state', 'i18n', 'pwa', 'app', 'server']),
          '**/sync/!(protocol|protocolSchemas|exportAuditProtocol).ts',
        ],
        message: 'storage/ may import domain/ and the sync protocol only.',
      },
    ],
  ),
  layer(
    ['src/sync/**'],
    [
      { group: UI_LIBS, message: 'sync/ runs without React; Dexie stays in storage/.' },
      {
        group: outside(['features', 'ui', 'state', 'i18n', 'pwa', 'app', 'server']),
        message: 'sync/ may import domain/ and storage/ only.',
      },
    ],
  ),
  layer(
    ['src/features/**', 'src/ui/**', 'src/pwa/**', 'src/app/**', 'src/state/**', 'src/i18n/**'],
    [
      {
        group: ['dexie', 'dexie-react-hooks'],
        message: 'Only storage/ imports Dexie; use its repositories and useLiveQuery re-export.',
      },
      { group: outside(['server']), message: 'The client never imports server code.' },
    ],
  ),
  layer(
    ['src/ui/**'],
    [
      { group: [...outside(['storage', 'sync', 'features'])], message: 'ui/ components are presentational.' },
      { group: ['dexie', 'dexie-react-hooks'], message: 'Only storage/ imports Dexie.' },
    ],
  ),
  layer(
    ['src/server/**'],
    [
      { group: UI_LIBS, message: 'The server never loads client libraries.' },
      {
        group: [
          ...outside(['storage', 'features', 'ui', 'state', 'i18n', 'pwa', 'app']),
          // The export audit's wire format is part of the protocol (docs/exports.md).
          '**/sync/!(protocol|protocolSchemas|exportAuditProtocol|exportAuditSchemas).ts',
        ],
        message: 'The server imports only domain/ and sync/protocol.ts.',
      },
    ],
  ),
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.d.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.objectContaining() and friends are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
