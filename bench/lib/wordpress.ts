/**
 * The real WordPress of the integration suite (tests/wordpress/): started with its idempotent start.sh when it
 * is not running, and stopped again at the end only if this run started it. BENCH_WORDPRESS_URL points the
 * benchmark at another site instead (nothing is started or stopped then).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface RealWordPress {
  url: string;
  /** `WordPress 6.1.x, PHP 8.2.x` as far as it can be told. */
  description: string;
  /** Stops what this run started (nothing when the site was already running). */
  release(): void;
}

interface State {
  url: string;
  pid: number;
  reusedServer: boolean;
  reusedMariadb: boolean;
}

/** The site to benchmark against, or the reason there is none. */
export function realWordPress(): RealWordPress | { unavailable: string } {
  const given = process.env.BENCH_WORDPRESS_URL;
  if (given) return { url: given.replace(/\/+$/, ''), description: `WordPress at ${given}`, release() {} };
  const run = spawnSync('bash', ['tests/wordpress/start.sh'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) return { unavailable: (run.stderr || run.stdout).trim().split('\n').at(-1) ?? 'start.sh failed' };
  const state = JSON.parse(readFileSync(`${ROOT}.wordpress/state.json`, 'utf8')) as State;
  const php = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).stdout.trim();
  const wp = /\$wp_version = '([^']+)'/.exec(readFileSync('/usr/share/wordpress/wp-includes/version.php', 'utf8'))?.[1] ?? '?';
  return {
    url: state.url,
    description: `WordPress ${wp} (Debian package), PHP ${php} built-in server with 4 workers and opcache, MariaDB (tests/wordpress/start.sh, seed 1)`,
    release() {
      if (state.reusedServer) return; // someone else's: leave it running
      // Another run that found it running since marks the state `reusedServer`: it is in use, leave it.
      const now = JSON.parse(readFileSync(`${ROOT}.wordpress/state.json`, 'utf8')) as State;
      if (now.pid !== state.pid || now.reusedServer) return;
      if (!state.reusedMariadb) {
        execFileSync('bash', ['tests/wordpress/stop.sh'], { cwd: ROOT, stdio: 'ignore' });
        return;
      }
      // Only the PHP server is ours (its own process group, started by start.sh with setsid).
      try {
        process.kill(-state.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
