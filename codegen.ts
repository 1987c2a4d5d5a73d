import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: types the documents under tests/operations/ against the committed schema, with the
 * client preset (typed document nodes). `npm run codegen` writes them to tests/operations/__generated__/
 * (not committed); the operations test runs each document against the gateway.
 *
 * tests/operations/starters/ (documents written after public WPGraphQL front ends) is left out for now: many of
 * them ask for fields and arguments our schema does not serve yet (issue #12), and one invalid document fails
 * the whole generation. tests/unit/starters-schema.test.ts lists exactly which of them validate today; include
 * the folder again once that list is complete.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/operations/**/*.graphql', '!tests/operations/starters/**'],
  ignoreNoDocuments: false,
  generates: {
    'tests/operations/__generated__/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
