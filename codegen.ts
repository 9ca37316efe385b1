import type { CodegenConfig } from '@graphql-codegen/cli';

// GraphQL Code Generator: typed documents for the web app from schema.graphql and the `.graphql`
// documents under web/src/features. Output goes to web/src/gql (generated, committed, never edited).
// `npm run codegen` writes it; `npm run codegen:check` (part of `npm test`) fails when it is stale or
// when a document no longer validates against the schema.
//
// Types and documents are apart: `gql/graphql.ts` holds only types (erased from the bundle), and each
// `.graphql` file's documents are a module of their own (`features/accounts/accounts.graphql` →
// `gql/accounts.ts`, fragments inlined), so a screen's chunk carries its own documents and the first
// screen does not load and evaluate every operation the app has. The lint forbids value imports
// from `gql/graphql`.
const types = {
  scalars: {
    DateTimeISO: 'string',
    LocalDate: 'string',
    Date: 'string',
    Money: 'string',
    JSONObject: 'Record<string, unknown>',
    JSON: 'unknown',
  },
  enumsAsTypes: true,
  useTypeImports: true,
  skipTypename: false,
  nonOptionalTypename: true,
  dedupeFragments: true,
};

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: ['web/src/features/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/graphql.ts': { plugins: ['typescript-operations'], config: types },
    'web/src/features/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.ts', folder: '../../gql', baseTypesPath: '../gql/graphql.ts', importTypesNamespace: 'Types' },
      plugins: ['typed-document-node'],
      config: { ...types, importOperationTypesFrom: 'Types' },
    },
  },
};

export default config;
