/**
 * The layers of ARCHITECTURE.md, checked by `npm run check` (dependency-cruiser):
 *
 *   schema → loaders → wordpress (client) → WordPress;  models: pure REST record → model mappers.
 *
 * `src/wordpress/rest-types.ts` is the REST contract every layer speaks (record shapes, collection names): it may
 * be imported as types from anywhere, never for code. Everything else under src/wordpress/ is I/O.
 */
const REST_TYPES = '^src/wordpress/rest-types\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'schema-not-to-wordpress',
      comment: 'The schema asks loaders only: it never holds the client, builds a request or reads an upstream error.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: '^src/wordpress/', pathNot: REST_TYPES },
    },
    {
      name: 'models-not-to-io',
      comment: 'Models are pure functions of a REST record: no client, loader, cache, schema or network module.',
      severity: 'error',
      from: { path: '^src/models/' },
      to: {
        path: ['^src/(?!models/)', '^(node:)?(http|https|net|dns|fs|child_process)$', '^(undici|ioredis|dataloader|graphql-yoga)$'],
        pathNot: REST_TYPES,
      },
    },
    {
      name: 'loaders-not-to-schema',
      comment: 'Loaders serve the schema; they never import it (field plans read the built GraphQLSchema they are given).',
      severity: 'error',
      from: { path: '^src/loaders/' },
      to: { path: ['^src/schema/', '^src/builder\\.ts$', '^src/plugins/', '^src/context\\.ts$', '^src/yoga\\.ts$'] },
    },
    {
      name: 'wordpress-not-upwards',
      comment: 'The WordPress client knows nothing of GraphQL, loaders, models or the gateway around it.',
      severity: 'error',
      from: { path: '^src/wordpress/' },
      to: { path: '^src/(?!wordpress/)' },
    },
    {
      name: 'demo-not-to-gateway',
      comment: 'The demo site is a separate program speaking WordPress REST; it shares only the REST record types.',
      severity: 'error',
      from: { path: '^demo/' },
      to: { path: '^src/', pathNot: REST_TYPES },
    },
    {
      name: 'rest-types-as-types-only',
      comment: 'rest-types.ts holds types; importing it for code would pull the REST layer in.',
      severity: 'error',
      from: { path: '^(src/(schema|models)|demo)/' },
      to: { path: REST_TYPES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'gateway-not-to-demo',
      comment: 'Only start-up (src/serve.ts) starts the demo site; no other gateway code depends on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/serve\\.ts$' },
      to: { path: '^demo/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
