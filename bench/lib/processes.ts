/**
 * The processes the benchmark measures, each in its own Node process as in production (`npm start`): the
 * gateway (`src/bin.ts serve`) and the embedded demo site (`demo/main.ts`). Started on free loopback
 * ports, stopped by pid when the benchmark ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A child process the benchmark started, and the URL it serves. */
export interface Started {
  url: string;
  pid: number;
  /** Resident memory now, in MiB (from /proc). */
  rssMiB(): number;
  /** CPU time the process has used so far (user + system, every thread), in ms (from /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

function cpuOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), in clock ticks (100 per second on Linux), after the
  // command name, which may contain spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * Runs an entry point in a plain `node` process (so the pid is the server's): TypeScript through tsx's loader,
 * JavaScript (the build in dist/) as is.
 */
async function startNode(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  what: string,
  nodeArgs: string[] = [],
): Promise<Started> {
  const loader = args[0]!.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...loader, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: a server that never said it was ready would otherwise outlive the benchmark and
      // take CPU from every later measurement.
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) during start-up:\n${output}`));
    });
  });
  // Keep draining its output so a chatty server never blocks on a full pipe, without keeping it: the listener
  // above gathers the whole output and matches it on every chunk, which under load (a log line per request)
  // cost this process ~0.7 ms of CPU per request, on the cores and the event loop the measurements share.
  for (const stream of [child.stdout!, child.stderr!]) stream.removeAllListeners('data');
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url,
    pid: child.pid!,
    rssMiB: () => rssOf(child.pid!),
    cpuMs: () => cpuOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The embedded demo site on a free port. */
export function startDemoSite(): Promise<Started> {
  return startNode(['demo/main.ts', '--port', '0'], {}, /demo WordPress site at (http:\/\/[\d.:]+)/, 'the demo site');
}

/** bench/lib/proxy-floor.mjs over `restRoot`, making these rounds of REST calls per request. */
export function startProxyFloor(restRoot: string, rounds: string[][]): Promise<Started> {
  return startNode(
    ['bench/lib/proxy-floor.mjs', restRoot, JSON.stringify(rounds)],
    {},
    /proxy floor at (http:\/\/[\d.:]+)/,
    'the proxy floor',
  );
}

/**
 * `npm start`'s command, read from package.json (`node <flags> dist/bin.js serve`): the benchmark runs the
 * gateway exactly as it starts in production, from the build (`npm run build`, which `npm run bench` runs first).
 */
export function startCommand(): { nodeArgs: string[]; entry: string } {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  const match = /^node((?: --[\w-]+=\S+)*) (\S+\.js) serve$/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error(`package.json's start script is not \`node [flags] <entry>.js serve\`: ${pkg.scripts.start}`);
  return { nodeArgs: match[1]!.trim().split(' ').filter(Boolean), entry: match[2]! };
}

/**
 * The gateway over `wordpressUrl` as `npm start` runs it, with these settings (environment variables, as in
 * production); `nodeArgs` replaces npm start's Node flags when given (`[]`: Node's defaults).
 */
export function startGatewayProcess(wordpressUrl: string, settings: Record<string, string> = {}, nodeArgs?: string[]): Promise<Started> {
  const command = startCommand();
  return startNode(
    [command.entry, 'serve'],
    // NODE_ENV=production as a deployment runs it: graphql-js skips its development-mode checks.
    { NODE_ENV: 'production', WORDPRESS_URL: wordpressUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...settings },
    // The "GraphQL gateway ready at …/graphql" line (pino, info).
    /(http:\/\/127\.0\.0\.1:\d+)\/graphql/,
    'the gateway',
    nodeArgs ?? command.nodeArgs,
  );
}
