// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const srcBoundary = {
  group: [
    'electron',
    'react',
    'react-dom',
    'react/*',
    '@mantine/*',
    '**/renderer/**',
    '**/electron/**',
  ],
  message: 'src/ is the core: plain TypeScript for Node, no Electron, React or UI imports.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.vite/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'postcss.config.cjs',
      '**/.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/migrations/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [srcBoundary] }] },
  },
  {
    // Migrations are frozen in time: they never import application code.
    files: ['src/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '../../*', '!kysely'], message: 'Migrations never import app code.' },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The renderer takes from the core only types and browser-safe modules
              // (schemas, labels, pure rules under src/shared and *.schema / *.labels files).
              regex: '(^|/)src/(?!shared/)(?!.*\\.(schema|labels)$)',
              allowTypeImports: true,
              message: 'renderer/ may import from src/ only types, schemas, labels and src/shared.',
            },
            {
              group: ['node:*', 'electron', 'kysely', 'sqlite3'],
              message: 'renderer/ runs in the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], allowTypeImports: true, message: 'The preload stays tiny.' },
          ],
        },
      ],
    },
  },
);
