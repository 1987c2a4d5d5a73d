import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: types the documents under tests/operations/ against the committed schema, with the
 * client preset (typed document nodes). `npm run codegen` writes them to tests/operations/__generated__/
 * (not committed); the operations test runs each document against the gateway.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'tests/operations/__generated__/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
