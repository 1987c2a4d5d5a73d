/**
 * A second Apache in front of the integration suite's WordPress (used by gateway-capacity.test.ts and bench/pages.ts), configured as a managed host sells it: prefork
 * + mod_php with Debian's keep-alive defaults (KeepAlive On, KeepAliveTimeout 5, MaxKeepAliveRequests 100) and
 * a few PHP workers (8 by default). Same document root, database and seed as tests/wordpress/start.sh's site
 * (whose generated httpd.conf it starts from), on its own port, so the test suite's server (KeepAlive Off,
 * 16 workers) is left as it is.
 *
 * Its access log records each request's start (µs) and duration (µs), which gives what WordPress saw exactly:
 * how many requests, and the most it was serving at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'undici';

const ROOT = new URL('../../', import.meta.url).pathname;
/** tests/wordpress/start.sh's state: its httpd.conf is the starting point. */
const STATE_DIR = process.env.WORDPRESS_STATE_DIR ?? `${ROOT}.wordpress`;

export interface PreforkApache {
  url: string;
  workers: number;
  /** Lines of the access log so far (a mark to read from later). */
  mark(): number;
  /** Requests WordPress served since `mark`: how many, the most at once, and the most in one second. */
  servedSince(mark: number): { requests: number; peakConcurrent: number };
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The most intervals [start, start + duration) open at one instant. */
export function peakConcurrency(intervals: readonly { start: number; duration: number }[]): number {
  const events: [number, number][] = [];
  for (const { start, duration } of intervals) {
    events.push([start, 1], [start + duration, -1]);
  }
  // Ends before starts at the same instant: a request that ended as another began did not overlap it.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, delta] of events) {
    open += delta;
    if (open > peak) peak = open;
  }
  return peak;
}

export async function startPreforkApache(options: { workers?: number } = {}): Promise<PreforkApache> {
  const workers = options.workers ?? 8;
  const dir = `${STATE_DIR}/prefork-keepalive`;
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const accessLog = `${dir}/access.log`;
  writeFileSync(accessLog, '');
  const base = readFileSync(`${STATE_DIR}/run/httpd.conf`, 'utf8');
  const conf = base
    .replace(/^Listen .*$/m, `Listen 127.0.0.1:${port}`)
    .replace(/^PidFile .*$/m, `PidFile ${dir}/apache2.pid`)
    .replace(/^DefaultRuntimeDir .*$/m, `DefaultRuntimeDir ${dir}`)
    .replace(/^ErrorLog .*$/m, `ErrorLog ${dir}/error.log`)
    .replace(/^ServerLimit .*$/m, `ServerLimit ${workers}`)
    .replace(/^StartServers .*$/m, `StartServers ${workers}`)
    .replace(/^MinSpareServers .*$/m, `MinSpareServers ${workers}`)
    .replace(/^MaxSpareServers .*$/m, `MaxSpareServers ${workers}`)
    .replace(/^MaxRequestWorkers .*$/m, `MaxRequestWorkers ${workers}`)
    .replace(
      /^KeepAlive Off$/m,
      "# Debian's defaults (/etc/apache2/apache2.conf), as a host runs them.\nKeepAlive On\nKeepAliveTimeout 5\nMaxKeepAliveRequests 100",
    );
  const full = `${conf}\n# Start (µs since the epoch) and duration (µs) of each request.\nLogFormat "%{begin:usec}t %D %>s" timing\nCustomLog ${accessLog} timing\n`;
  const confPath = `${dir}/httpd.conf`;
  writeFileSync(confPath, full);
  const test = spawnSync('apache2', ['-f', confPath, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`apache2 -t rejects ${confPath}: ${test.stderr}`);
  // A leftover from a run that was killed: same pid file, so it must go first.
  try {
    process.kill(Number(readFileSync(`${dir}/apache2.pid`, 'utf8').trim()), 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
  } catch {
    // none
  }
  // detached: its own process group (the parent and its prefork children), which stop() ends as one.
  const child = spawn('apache2', ['-f', confPath, '-DFOREGROUND'], { cwd: '/usr/share/wordpress', stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const answer = await request(`${url}/wp-json/`, { headersTimeout: 5_000, reset: true });
      await answer.body.dump();
      if (answer.statusCode === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the prefork Apache on ${url} did not answer within 30 s (see ${dir}/error.log)`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const lines = () =>
    readFileSync(accessLog, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
  return {
    url,
    workers,
    mark: () => lines().length,
    servedSince(mark) {
      const intervals = lines()
        .slice(mark)
        .map((line) => {
          const [start, duration] = line.split(' ');
          return { start: Number(start), duration: Number(duration) };
        });
      return { requests: intervals.length, peakConcurrent: peakConcurrency(intervals) };
    },
    stop() {
      try {
        // The whole process group: the parent and its prefork children.
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
