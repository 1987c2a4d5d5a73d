/**
 * `npm run test:load`: a bounded soak on loopback. The gateway (its own process, the real startGateway) over the
 * demo site behind a fault server (another process); autocannon drives it for LOAD_DURATION_S seconds (60) at
 * LOAD_CONNECTIONS concurrent connections (64) with the home-page query. A seeded 5 % of the requests carry a
 * marker that makes WordPress fail their posts call with one of eight faults (503, reset, 429, invalid JSON,
 * HTML, PHP notices, a truncated body, a hang past the timeout) on every attempt.
 *
 * Pass: the gateway never crashes (it exits 0 on SIGTERM at the end), answers no 5xx, every marked request gets
 * the GraphQL error its fault maps to and no other request gets any (so the GraphQL error rate is the injected
 * rate), and its RSS at the end is within 20 % of its RSS after the warm-up (medians of 10 s of samples each). Prints the figures; exits 1 on failure.
 *
 * The response cache is off (`--cache-ttl-ms=0`): the test measures the path to WordPress under faults, which
 * the cache would otherwise answer for most requests. Upstream timeout is 2 s so hung requests end in time.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seeded } from '../support/prng.ts';
import { INJECTED } from './faults.ts';

const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
const FAULT_RATE = 0.05;
const WARMUP_S = Math.min(10, Math.max(2, Math.round(DURATION_S / 6)));
/** Seconds of RSS samples whose median stands for each end of the run (see the growth check). */
const WINDOW_S = Math.min(10, Math.max(2, Math.round(DURATION_S / 6)));
const MAX_RSS_GROWTH = 0.2;

const HOME = `query Home($first: Int!, $offset: Int!, $search: String) {
  posts(where: { search: $search, offsetPagination: { offset: $offset, size: $first } }) {
    pageInfo { total }
    nodes {
      id title date uri excerpt
      author { node { name avatar { url } } }
      categories { nodes { name } }
      tags { nodes { name } }
      featuredImage { node { sourceUrl(size: MEDIUM) altText } }
    }
  }
}`;

interface Child {
  process: ChildProcess;
  url: string;
  /** The last 20 KB the child wrote to stderr, shown if it fails. */
  stderr(): string;
}

/** Forks a TypeScript script (through tsx) that sends `{ url }` over IPC once it listens. */
function start(script: string, args: string[]): Promise<Child> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-20_000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s:\n${tail}`)), 30_000);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ process: child, url: message.url, stderr: () => tail });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it listened:\n${tail}`));
    });
  });
}

/** Resident set size of a process, in bytes, from /proc. */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/** Asks a child to stop and waits for its exit code (null: killed). */
function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

const upstream = await start('./upstream.ts', []);
let gateway: Child | undefined;
const failures: string[] = [];
try {
  // --upstream-concurrency=64: the upstream here is the demo site behind the fault server, Node processes with no
  // pool of PHP workers, so the gateway's limit is set to the connection count, as an operator would for such an
  // origin. With the shipped 6, this test's 2 s deadline and 1 in 8 faults hanging a slot until it, requests
  // time out in the queue: that is the limit doing its job against a WordPress it models, which
  // tests/contract/upstream-capacity.test.ts and tests/wordpress/gateway-capacity.test.ts check. Here the subject
  // is how each fault is answered under load.
  gateway = await start('./gateway.ts', [
    upstream.url,
    '--cache-ttl-ms=0',
    '--upstream-timeout-ms=2000',
    '--upstream-concurrency=64',
    '--log-level=warn',
  ]);
  // An exit before the run is over is a crash; the exit that stop() asks for afterwards is not.
  let running = true;
  let crashed: number | null | undefined;
  gateway.process.once('exit', (code) => {
    if (running) crashed = code;
  });
  const pid = gateway.process.pid!;

  const samples: { t: number; rss: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    if (crashed === undefined) samples.push({ t: (Date.now() - started) / 1000, rss: rss(pid) });
  }, 1_000);

  const random = seeded(20_261_105);
  const markers = Object.keys(INJECTED);
  const counts = { responses: 0, marked: 0, markedAsExpected: 0, markedWrong: 0, unmarkedWithErrors: 0, status5xx: 0, unparsable: 0 };
  const wrong: string[] = [];

  const result = await autocannon({
    url: `${gateway.url}/graphql`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest(request, context) {
          const marker = random.chance(FAULT_RATE) ? random.pick(markers) : undefined;
          (context as { marker?: string }).marker = marker;
          const variables = { first: 1 + random.int(10), offset: random.int(150), search: marker ? `inject-${marker}` : null };
          return { ...request, body: JSON.stringify({ query: HOME, variables }) };
        },
        onResponse(status, body, context) {
          counts.responses += 1;
          if (status >= 500) counts.status5xx += 1;
          let answer: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          try {
            answer = JSON.parse(body) as typeof answer;
          } catch {
            counts.unparsable += 1;
            return;
          }
          const marker = (context as { marker?: string }).marker;
          const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
          if (marker) {
            counts.marked += 1;
            if (codes.length > 0 && codes.every((c) => c === INJECTED[marker]!.code)) counts.markedAsExpected += 1;
            else {
              counts.markedWrong += 1;
              if (wrong.length < 5) wrong.push(`${marker}: ${JSON.stringify(codes)}`);
            }
          } else if (codes.length > 0) {
            counts.unmarkedWithErrors += 1;
            if (wrong.length < 5) wrong.push(`unmarked: ${JSON.stringify(codes)}`);
          }
        },
      },
    ],
  });
  clearInterval(sampler);
  running = false;

  // RSS swings by ±30 % from one second to the next under this load (V8's young generation filling and being
  // collected; seen 196–357 MB in one run), so one sample at each end measured the GC's phase, not a leak: a run
  // failed at +30 % and the next passed at −6 % on the same code. Each end is the median of its WINDOW_S seconds
  // of samples, which a leak (steady growth) still moves and one GC phase does not.
  const median = (window: { rss: number }[]) => {
    const sorted = window.map((s) => s.rss).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const afterWarmup = samples.filter((s) => s.t >= WARMUP_S);
  const warmWindow = afterWarmup.filter((s) => s.t < afterWarmup[0]!.t + WINDOW_S);
  const endWindow = samples.filter((s) => s.t > samples.at(-1)!.t - WINDOW_S);
  const warm = { t: warmWindow[0]!.t, rss: median(warmWindow) };
  const end = { t: endWindow.at(-1)!.t, rss: median(endWindow) };
  const growth = end.rss / warm.rss - 1;
  const injectedRate = counts.marked / counts.responses;
  const errorRate = (counts.markedAsExpected + counts.markedWrong + counts.unmarkedWithErrors) / counts.responses;
  const exitCode = crashed === undefined ? await stop(gateway.process) : crashed;

  const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(34)} ${value}\n`);
  process.stdout.write(
    `\nLoad test: ${DURATION_S} s at ${CONNECTIONS} connections, ${pct(FAULT_RATE)} of requests with an injected upstream fault\n`,
  );
  line('requests answered', `${counts.responses} (${result.requests.average.toFixed(0)} req/s average)`);
  line('latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`);
  line('HTTP 2xx / non-2xx / 5xx', `${result['2xx']} / ${result.non2xx} / ${counts.status5xx}`);
  line('socket errors / timeouts', `${result.errors} / ${result.timeouts}`);
  line('injected fault rate', `${pct(injectedRate)} (${counts.marked} requests)`);
  line('GraphQL error rate', `${pct(errorRate)}`);
  line('  faulted, expected code', `${counts.markedAsExpected}`);
  line('  faulted, other answer', `${counts.markedWrong}`);
  line('  not faulted, with errors', `${counts.unmarkedWithErrors}`);
  line(`RSS after warm-up (median, ${warm.t.toFixed(0)} s +${WINDOW_S} s)`, mb(warm.rss));
  line(`RSS at the end (median, last ${WINDOW_S} s)`, `${mb(end.rss)} (${growth >= 0 ? '+' : ''}${pct(growth)})`);
  line('RSS min / max over the run', `${mb(Math.min(...samples.map((s) => s.rss)))} / ${mb(Math.max(...samples.map((s) => s.rss)))}`);
  line('gateway exit code', String(exitCode));
  for (const w of wrong) line('  e.g.', w);

  if (crashed !== undefined) failures.push(`the gateway crashed during the run (exit ${crashed})`);
  if (exitCode !== 0) failures.push(`the gateway did not shut down cleanly (exit ${exitCode})`);
  if (counts.status5xx > 0 || result.non2xx > 0) failures.push(`${counts.status5xx} 5xx and ${result.non2xx} non-2xx answers`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} socket errors and ${result.timeouts} timeouts`);
  if (counts.unparsable > 0) failures.push(`${counts.unparsable} answers that were not JSON`);
  if (counts.markedWrong > 0 || counts.unmarkedWithErrors > 0) failures.push('the GraphQL errors do not match the injected faults');
  if (counts.marked === 0 || Math.abs(injectedRate - FAULT_RATE) > 0.01)
    failures.push(`injected rate ${pct(injectedRate)} is not ${pct(FAULT_RATE)}`);
  if (growth > MAX_RSS_GROWTH) failures.push(`RSS grew ${pct(growth)} after warm-up (limit ${pct(MAX_RSS_GROWTH)})`);
  if (failures.length > 0 && gateway) process.stderr.write(`\nGateway stderr (tail):\n${gateway.stderr().slice(-3_000)}\n`);
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  if (gateway) await stop(gateway.process);
  await stop(upstream.process);
}

process.stdout.write(failures.length === 0 ? '\nload test: PASS\n' : `\nload test: FAIL\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.exit(failures.length === 0 ? 0 : 1);
