import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Three suites: `unit` (pure functions and loaders with fakes), `contract` (the gateway over real HTTP
// against the embedded demo site) run under `npm test`; `wordpress` needs a real WordPress (Debian packages)
// and runs under `npm run test:wordpress`; `writes` needs one of its own and runs under `npm run test:writes`.
export default defineConfig({
  // graphql ships CommonJS and ESM builds; packages loaded as CommonJS (Pothos, Yoga's helpers) and our ESM
  // code must share one copy, or graphql's instanceof checks fail ("from another module or realm").
  resolve: { alias: { graphql: createRequire(import.meta.url).resolve('graphql') } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'contract', include: ['tests/contract/**/*.test.ts'], testTimeout: 20_000 } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'wordpress',
          include: ['tests/wordpress/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'writes',
          include: ['tests/writes/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
