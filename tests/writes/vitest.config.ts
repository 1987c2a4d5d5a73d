import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

// The root vitest.config.ts defines the `writes` project; this config (used by run.sh) attaches the WordPress
// global setup to it, as tests/wordpress/vitest.config.ts does for `wordpress`. run.sh points the setup at the
// writes site (WORDPRESS_STATE_DIR=.wordpress-writes), so the two suites never share a database.
const root = fileURLToPath(new URL('../..', import.meta.url));
const globalSetup = fileURLToPath(new URL('../wordpress/global-setup.ts', import.meta.url));

type ProjectEntry = { test?: { name?: unknown; globalSetup?: string | string[] } } & Record<string, unknown>;
const projects = (rootConfig.test?.projects ?? []) as ProjectEntry[];
if (!projects.some((p) => p.test?.name === 'writes')) {
  throw new Error('tests/writes/vitest.config.ts: the root vitest.config.ts has no `writes` project');
}

export default defineConfig({
  ...rootConfig,
  root,
  test: {
    ...rootConfig.test,
    projects: projects.map((p) =>
      p.test?.name === 'writes' ? { ...p, test: { ...p.test, globalSetup: [globalSetup] } } : p,
    ) as NonNullable<NonNullable<typeof rootConfig.test>['projects']>,
  },
});
