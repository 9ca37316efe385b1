// Lint rules that keep the architecture honest (run by `npm run lint`, part of `npm test`):
// no import cycles; the kernel never imports a module or the entry wiring; a module reaches
// another only through its index.ts. Formatting is Prettier's (see .prettierrc.json).
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const MODULES = './server/src/modules';
const modules = fs
  .readdirSync(MODULES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

// A module may import its own files, and other modules only through their index.
const moduleZones = modules.map((name) => ({
  target: `${MODULES}/${name}`,
  from: MODULES,
  except: [`./${name}`, ...modules.filter((o) => o !== name).map((o) => `./${o}/index.ts`)],
  message: 'Import another module only through its index.ts (what it exports is its contract).',
}));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', 'web/test-results/**', 'server/bench/results/**', '.data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': { typescript: { project: ['server/tsconfig.json', 'web/tsconfig.json'], noWarnOnMultipleProjects: true }, node: true },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unsafe-function-type': 'off', // entity and resolver classes are passed around as Function
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './server/src/kernel', from: MODULES, message: 'The kernel holds mechanisms with no domain knowledge: it never imports a module.' },
            {
              target: './server/src/kernel',
              from: ['./server/src/application.ts', './server/src/schema.ts', './server/src/app.ts', './server/src/main.ts', './server/src/worker.ts'],
              message: 'The kernel never imports the entry wiring.',
            },
            {
              target: MODULES,
              from: ['./server/src/application.ts', './server/src/schema.ts', './server/src/app.ts', './server/src/main.ts', './server/src/worker.ts'],
              message: 'Modules are wired by the entry point; they never import it.',
            },
            ...moduleZones,
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'server/test/**', 'web/e2e/**', 'web/src/test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // gql/graphql.ts is types only; a value import would mean a document was looked for there.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gql/graphql'],
              allowTypeImports: true,
              message: 'gql/graphql holds types only: import a document from its own module (gql/<file>, named after its .graphql file).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/kernel/http/explorer/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        Int32Array: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
