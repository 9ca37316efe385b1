// GraphQL Code Generator: typed documents for the web app from schema.graphql and the
// `.graphql` documents under web/src/features. Output goes to web/src/gql (generated, committed).
// Run with `npx graphql-codegen` once the web workspace installs @graphql-codegen/cli.
const config = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: ['web/src/features/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: {
        scalars: { DateTimeISO: 'string', LocalDate: 'string', Money: 'string', JSONObject: 'Record<string, unknown>', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
