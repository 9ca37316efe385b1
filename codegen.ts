import type { CodegenConfig } from '@graphql-codegen/cli';

// GraphQL Code Generator: typed documents for the web app from schema.graphql and the `.graphql`
// documents under web/src/features. Output goes to web/src/gql (generated, committed, never edited).
// `npm run codegen` writes it; `npm run codegen:check` (part of `npm test`) fails when it is stale or
// when a document no longer validates against the schema.
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: ['web/src/features/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
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
      },
    },
  },
};

export default config;
