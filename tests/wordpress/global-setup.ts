import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { SEED_VERSION } from './seed-ids.ts';
import type { WordPressCredentials, WordPressTarget } from './target.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STATE_DIR = process.env.WORDPRESS_STATE_DIR ?? `${ROOT}.wordpress`;

/** What start.sh writes to .wordpress/state.json (the fields read here). */
interface HarnessState {
  url: string;
  restUrl: string;
  adminUser: string;
  adminPassword: string;
  adminAppPassword: string;
  editorUser: string;
  editorAppPassword: string;
  seedVersion: string;
  reusedServer: boolean;
}

/**
 * Vitest global setup of the `wordpress` project: provides `wordpress` (a {@link WordPressTarget}).
 *
 * - `WORDPRESS_TEST_URL` set: that site is used as is (with `WORDPRESS_TEST_USER` and
 *   `WORDPRESS_TEST_APP_PASSWORD` for authenticated tests); it must answer its REST index, and the
 *   credentials, when given, must authenticate.
 * - Otherwise: tests/wordpress/start.sh installs (Debian packages), starts and seeds WordPress on loopback.
 *   Its one-line failure (`wordpress: FAILED at step "…" (…); log: …`) becomes the thrown error, so the run
 *   fails rather than skipping. The processes it started are stopped afterwards unless
 *   `WORDPRESS_KEEP_RUNNING=1`; a site that was already running is left running.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.WORDPRESS_TEST_URL;
  if (external) {
    project.provide('wordpress', await existingSite(external));
    return;
  }

  await runScript('start.sh');
  const state = JSON.parse(await readFile(`${STATE_DIR}/state.json`, 'utf8')) as HarnessState;
  if (state.seedVersion !== SEED_VERSION) {
    throw new Error(`wordpress: state.json says seed ${state.seedVersion}, seed-ids.ts expects ${SEED_VERSION}`);
  }
  project.provide('wordpress', {
    url: state.url,
    restRoot: state.restUrl,
    source: 'harness',
    seeded: true,
    auth: { user: state.editorUser, appPassword: state.editorAppPassword },
    admin: { user: state.adminUser, appPassword: state.adminAppPassword, password: state.adminPassword },
  });

  if (state.reusedServer || process.env.WORDPRESS_KEEP_RUNNING === '1') return;
  return async () => {
    await runScript('stop.sh');
  };
}

/** Checks an existing site (WORDPRESS_TEST_URL) and describes it. */
async function existingSite(rawUrl: string): Promise<WordPressTarget> {
  const url = rawUrl.replace(/\/+$/, '');
  const user = process.env.WORDPRESS_TEST_USER;
  const appPassword = process.env.WORDPRESS_TEST_APP_PASSWORD;
  if (Boolean(user) !== Boolean(appPassword)) {
    throw new Error('wordpress: set both WORDPRESS_TEST_USER and WORDPRESS_TEST_APP_PASSWORD, or neither');
  }

  // Pretty permalinks first, then the plain `?rest_route=` form every WordPress understands.
  let restRoot: string | undefined;
  let index: { description?: string } | undefined;
  const tried: string[] = [];
  for (const [root, indexUrl] of [
    [`${url}/wp-json`, `${url}/wp-json/`],
    [`${url}/?rest_route=`, `${url}/?rest_route=/`],
  ] as const) {
    try {
      const response = await fetch(indexUrl, { signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as { routes?: unknown; description?: string };
      if (response.ok && body.routes) {
        restRoot = root;
        index = body;
        break;
      }
      tried.push(`${indexUrl} → ${response.status}`);
    } catch (error) {
      tried.push(`${indexUrl} → ${(error as Error).message}`);
    }
  }
  if (!restRoot || !index) {
    throw new Error(`wordpress: WORDPRESS_TEST_URL=${url} has no REST index (${tried.join('; ')})`);
  }

  const auth: WordPressCredentials | null = user && appPassword ? { user, appPassword } : null;
  if (auth) {
    // Both root styles take the route appended: `/wp-json/wp/v2/users/me`, `/?rest_route=/wp/v2/users/me`.
    const me = `${restRoot}/wp/v2/users/me`;
    const response = await fetch(me, {
      headers: { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.appPassword}`).toString('base64')}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(
        `wordpress: WORDPRESS_TEST_USER/WORDPRESS_TEST_APP_PASSWORD do not authenticate at ${me} (${response.status}; ` +
          'application passwords need HTTPS or WP_ENVIRONMENT_TYPE=local)',
      );
    }
  }
  return {
    url,
    restRoot,
    source: 'env',
    seeded: (index.description ?? '').endsWith(`seed ${SEED_VERSION}`),
    auth,
    admin: null,
  };
}

/**
 * Runs a script of this folder, echoing its progress lines. On failure throws its `wordpress: FAILED …`
 * line (step, reason, log path), or the exit status when there is none.
 */
function runScript(name: 'start.sh' | 'stop.sh'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [`${HERE}${name}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => process.stdout.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => reject(new Error(`wordpress: could not run ${name}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const line = stderr.split('\n').find((l) => l.startsWith('wordpress: FAILED'));
      reject(new Error(line ?? `wordpress: ${name} exited with ${signal ?? code}; logs in ${STATE_DIR}/logs`));
    });
  });
}
