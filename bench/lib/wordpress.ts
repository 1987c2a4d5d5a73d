/**
 * The real WordPress of the integration suite (tests/wordpress/): started with its idempotent start.sh when it
 * is not running, and stopped again at the end only if this run started it (and nobody has reused it since).
 * The site is shared with anyone else running the WordPress suite on this machine, so `ensure()` checks it
 * still answers before each measurement and starts it again if another run stopped it meanwhile.
 * BENCH_WORDPRESS_URL points the benchmark at another site instead (nothing is started or stopped then).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'undici';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface RealWordPress {
  url: string;
  /** `WordPress 6.1.x (Debian package), PHP 8.2.x …` as far as it can be told. */
  description: string;
  /** Resolves once the site answers, starting it again when it went away; rejects when it cannot. */
  ensure(): Promise<void>;
  /** Stops what this run started (nothing when the site was already running). */
  release(): void;
}

interface State {
  url: string;
  pid: number;
  reusedServer: boolean;
  reusedMariadb: boolean;
}

const readState = () => JSON.parse(readFileSync(`${ROOT}.wordpress/state.json`, 'utf8')) as State;

function start(): State | string {
  const run = spawnSync('bash', ['tests/wordpress/start.sh'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) return (run.stderr || run.stdout).trim().split('\n').at(-1) ?? 'start.sh failed';
  return readState();
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await request(`${url}/wp-json/`, { headersTimeout: 10_000 });
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

/** The site to benchmark against, or the reason there is none. */
export function realWordPress(): RealWordPress | { unavailable: string } {
  const given = process.env.BENCH_WORDPRESS_URL;
  if (given) {
    const url = given.replace(/\/+$/, '');
    return { url, description: `WordPress at ${url}`, ensure: async () => {}, release() {} };
  }
  const first = start();
  if (typeof first === 'string') return { unavailable: first };
  // The server this run started (and so may stop), if any.
  let ours: State | undefined = first.reusedServer ? undefined : first;
  const php = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).stdout.trim();
  const wp = /\$wp_version = '([^']+)'/.exec(readFileSync('/usr/share/wordpress/wp-includes/version.php', 'utf8'))?.[1] ?? '?';
  const apache = /Apache\/(\S+)/.exec(spawnSync('apache2', ['-v'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '2.4';
  return {
    url: first.url,
    description: `WordPress ${wp} (Debian package), PHP ${php}, Apache ${apache} prefork + mod_php (opcache), MariaDB; tests/wordpress/start.sh, seed 1`,
    async ensure() {
      if (await answers(first.url)) return;
      const again = start();
      if (typeof again === 'string') throw new Error(`WordPress went away and could not be started again: ${again}`);
      if (again.url !== first.url) throw new Error(`WordPress came back at ${again.url}, not ${first.url}`);
      if (!again.reusedServer) ours = again;
    },
    release() {
      if (!ours) return; // someone else's: leave it running
      // Another run that found it running since marks the state `reusedServer`: it is in use, leave it.
      const now = readState();
      if (now.pid !== ours.pid) return;
      if (now.reusedServer) {
        process.stdout.write(
          'The WordPress this run started was reused by another run since; left running (bash tests/wordpress/stop.sh stops it).\n',
        );
        return;
      }
      if (!ours.reusedMariadb) {
        execFileSync('bash', ['tests/wordpress/stop.sh'], { cwd: ROOT, stdio: 'ignore' });
        return;
      }
      // Only the PHP server is ours (its own process group, started by start.sh with setsid).
      try {
        process.kill(-ours.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
