import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

// The root vitest.config.ts defines the `wordpress` project; this config (used by run.sh) is the same
// config with the global setup that installs/starts the real WordPress attached to that project only, so
// `npm test` never starts WordPress. Reading the project from the root config keeps one definition of it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const globalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url));

type ProjectEntry = { test?: { name?: unknown; globalSetup?: string | string[] } } & Record<string, unknown>;
const projects = (rootConfig.test?.projects ?? []) as ProjectEntry[];
if (!projects.some((p) => p.test?.name === 'wordpress')) {
  throw new Error('tests/wordpress/vitest.config.ts: the root vitest.config.ts has no `wordpress` project');
}

export default defineConfig({
  ...rootConfig,
  root,
  test: {
    ...rootConfig.test,
    projects: projects.map((p) =>
      p.test?.name === 'wordpress' ? { ...p, test: { ...p.test, globalSetup: [globalSetup] } } : p,
    ) as NonNullable<NonNullable<typeof rootConfig.test>['projects']>,
  },
});
