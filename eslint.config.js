// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import playwright from 'eslint-plugin-playwright';
import { readdirSync } from 'node:fs';
import { URL } from 'node:url';

/** Every folder under src/features is a feature: the fence follows the folder list. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Each feature may not import any other feature (house style: features sit side by side). */
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features do not import each other; compose them in src/widget.',
}));

/**
 * Layer direction: widget → features → {calls, services, components, directory, errors, stores}
 * → {realtime, time, i18n} → {domain, platform} → config. `calls/` is the one owner of call
 * state (snapshots, id lists, diffs, intents, queue watches); `domain/` holds pure call selectors
 * every layer may use; `time/` the one scheduler and the clock hook.
 */
const UPPER = [
  './src/features',
  './src/calls',
  './src/services',
  './src/stores',
  './src/components',
  './src/directory',
  './src/errors',
  './src/widget',
];
/**
 * The diagnostic recorder (src/diagnostics) watches the layers below it from outside (the
 * platform's HTTP observer, the topic registry, the stores, the intents) and is wired and shown
 * only by the composition root: nothing else imports it, and it imports no UI.
 */
const diagnosticsZones = [
  {
    target: './src/diagnostics',
    from: ['./src/features', './src/components', './src/widget', './src/directory', './src/errors'],
    message: 'diagnostics/ observes the core from outside: no features, UI or composition root.',
  },
  {
    target: [
      ...UPPER.filter((folder) => folder !== './src/widget'),
      './src/realtime',
      './src/time',
    ],
    from: './src/diagnostics',
    message: 'Only the composition root (src/widget) wires and shows diagnostics.',
  },
  {
    target: ['./src/platform', './src/domain', './src/i18n', './src/config'],
    from: './src/diagnostics',
    message: 'Only the composition root (src/widget) wires and shows diagnostics.',
  },
];

const layerZones = [
  ...featureZones,
  ...diagnosticsZones,
  {
    target: './src/platform',
    from: [...UPPER, './src/realtime', './src/time', './src/domain', './src/i18n'],
    message: 'platform/ may import only config/.',
  },
  {
    target: './src/domain',
    from: [...UPPER, './src/realtime', './src/time', './src/i18n', './src/config'],
    message: 'domain/ is pure: it may import only platform types.',
  },
  {
    target: './src/realtime',
    from: [...UPPER, './src/i18n'],
    message: 'realtime/ may import only platform/, domain/, time/ and config/ (no React, no text).',
  },
  {
    target: './src/time',
    from: [...UPPER, './src/realtime', './src/i18n', './src/platform', './src/domain'],
    message: 'time/ stands alone.',
  },
  {
    target: './src/i18n',
    from: [...UPPER, './src/realtime', './src/platform', './src/time'],
    message: 'i18n/ stands alone.',
  },
  {
    target: './src/config',
    from: [...UPPER, './src/realtime', './src/platform', './src/time'],
    message: 'config/ may import only i18n/ messages.',
  },
  {
    target: './src/calls',
    from: ['./src/features', './src/components', './src/stores', './src/widget', './src/errors'],
    message:
      'calls/ is the call core: it may import services/, realtime/, time/, domain/, platform/, config/.',
  },
  {
    target: UPPER.filter((folder) => folder !== './src/widget'),
    from: './src/widget',
    message: 'Nothing imports the composition root (src/widget).',
  },
  {
    target: UPPER.filter((folder) => folder !== './src/widget' && folder !== './src/features'),
    from: './src/features',
    message: 'Shared folders do not import features.',
  },
  { target: './src', from: './emulator', message: 'src/ and emulator/ never import each other.' },
  { target: './emulator', from: './src', message: 'src/ and emulator/ never import each other.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver': {
        typescript: {
          project: ['tsconfig.app.json', 'tsconfig.node.json', 'tsconfig.e2e.json'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '{src,emulator,e2e}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'purecloud-platform-client-v2',
              message: 'Only src/platform/ imports the Genesys SDK.',
            },
          ],
          patterns: [
            {
              group: ['purecloud-platform-client-v2/*'],
              message: 'Only src/platform/ imports the Genesys SDK.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Features read and write call state only through src/calls (useCall, useCallIds,
    // useFlag, useCallActions, watchQueues, …) and names through src/directory: never the query
    // cache itself.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['setQueryData', 'setQueriesData', 'getQueryCache', 'removeQueries'].map((property) => ({
          property,
          message:
            'Features do not write or watch the query cache: use the src/calls API (or the name directory).',
        })),
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../src/*', '!../src/testing/factories', '../emulator/src/*'],
              message:
                'e2e may import only emulator/control-client, emulator/seed-ids and src/testing/factories.',
            },
          ],
        },
      ],
    },
  },
);
