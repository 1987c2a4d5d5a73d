import { defineConfig } from 'vitest/config';

// Three suites: `unit` (pure functions and loaders with fakes), `contract` (the gateway over real HTTP
// against the embedded demo site) run under `npm test`; `wordpress` needs a real WordPress (Debian packages)
// and runs under `npm run test:wordpress`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'contract', include: ['tests/contract/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'wordpress',
          include: ['tests/wordpress/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
