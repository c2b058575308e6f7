// ESLint (flat config): typescript-eslint's recommended rules, Prettier for layout (120 columns, .prettierrc.json),
// and the folder boundaries of docs/layout.md as import rules, so a rule cannot quietly get a second home.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const temporalAndNode = [
  { group: ['node:*'], message: 'domain/ and workflows/ run in the workflow sandbox and the browser: no Node APIs.' },
  { group: ['mongoose', 'express', 'ajv', 'ajv/*'], message: 'No database, HTTP or validator library here.' },
];
const outerLayers = (below) => [
  {
    group: [`${below}storage/*`, `${below}read-model/*`, `${below}read-model/**`, `${below}api/*`, `${below}api/**`],
    message: 'The inner layers do not reach the storage, the read model or the HTTP edge.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'web/generated/',
      'test-output/',
      'forms/standalone/generated/',
      'test/replay/histories/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Before our rules: it turns layout rules off, max-len included, which we want back for comments and code.
  prettier,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Bundled by Vite for the browser: the API's answers come typed from api-contract/, never from the server code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'mongoose', 'express', '@temporalio/*'], message: 'web/ runs in the browser.' },
            {
              group: [...['../../', '../../../', '../../../../'].flatMap((up) => [`${up}api/*`, `${up}api/**`])],
              message: 'web/ reads the API through api-contract/ (types), not the server code.',
            },
            {
              group: ['**/storage/*', '**/read-model/**', '**/activities/*', '**/workflows/*'],
              message: 'web/ runs in the browser: domain/, forms/ and api-contract/ are its shared code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...temporalAndNode,
            { group: ['@temporalio/*'], message: 'domain/ is plain TypeScript: no Temporal imports.' },
            {
              group: ['../../workflows/*', '../../activities/*'],
              message: 'domain/ is imported by workflows and activities, not the reverse.',
            },
            ...outerLayers('../../'),
          ],
        },
      ],
    },
  },
  {
    // The HTTP contract is imported by the browser: data and types only, and no layer below the domain's.
    files: ['api-contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...temporalAndNode,
            { group: ['@temporalio/*'], message: 'api-contract/ is plain TypeScript: no Temporal imports.' },
            { group: ['../workflows/*', '../activities/*'], message: 'api-contract/ builds on domain/ only.' },
            {
              group: ['../forms/*'],
              allowTypeImports: true,
              message: 'forms/ brings ajv: api-contract/ takes its types only.',
            },
            ...outerLayers('../'),
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...temporalAndNode,
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'Workflows import only @temporalio/workflow (and @temporalio/common).',
            },
            ...outerLayers('../'),
            {
              group: ['../activities/*'],
              allowTypeImports: true,
              message: 'Workflows import activities as types only (proxyActivities), never as code.',
            },
          ],
        },
      ],
      // Activities are imported as types only (proxyActivities), never as code.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../read-model/*',
                '../read-model/**',
                '../api/*',
                '../api/**',
                '../activities/*',
                '../workflows/*',
              ],
              message: 'storage/ holds models and repositories; the layers above it import it, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['read-model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/*', '**/api/**', '**/activities/*', '**/workflows/*'],
              message: 'The read model is written by activities and read by the API; it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../activities/*', '../../activities/*'], message: 'The API does not reach into activities/.' },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks read JSON answers loosely; the source they check may not.
    files: ['test/**/*.{ts,tsx}', 'scripts/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
