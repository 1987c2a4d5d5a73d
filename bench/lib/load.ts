/**
 * Load generation: autocannon (`autocannon@9`, programmatic) for throughput at a concurrency, and a plain
 * sequential loop of undici requests for latency samples of one request at a time.
 */
import autocannon from 'autocannon';
import { request } from 'undici';

/** What one autocannon run measured. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Answers that were not 2xx, or whose body said `"errors"`. */
  non2xx: number;
}

/** Options of {@link load}. */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** The JSON body of each POST, given the request's number (to vary documents). */
  body: (i: number) => string;
  headers?: Record<string, string>;
}

/** Runs autocannon against a GraphQL endpoint with POSTed JSON bodies. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  let i = 0;
  let graphqlErrors = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
        setupRequest: (req) => ({ ...req, body: options.body(i++) }),
        onResponse: (_status, body) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const result = await instance;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx + graphqlErrors,
  };
}

/** Options of {@link interleave}. */
export interface InterleaveOptions {
  /** Samples per contender. */
  samples: number;
  /** Unmeasured calls per contender first. @default 2 */
  warmup?: number;
  /**
   * Consecutive samples a contender takes per turn. 1 alternates every call (a, b, a, b); more keeps each
   * contender's process busy for a while, as a server under steady traffic is, instead of coming back to it with
   * CPU caches the others just filled. @default 1
   */
  block?: number;
  /** Called once every contender is warm, before the first sample. */
  onWarm?: () => void;
}

/**
 * Samples several contenders in turn (a, b, a, b, … or in blocks), so that a machine getting busier or quieter
 * during the run affects each the same.
 */
export async function interleave(
  contenders: Record<string, () => Promise<unknown>>,
  options: InterleaveOptions,
): Promise<Record<string, number[]>> {
  const { samples, warmup = 2, block = 1, onWarm } = options;
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const fn of Object.values(contenders)) for (let i = 0; i < warmup; i++) await fn();
  onWarm?.();
  for (let taken = 0; taken < samples; taken += block) {
    for (const [name, fn] of Object.entries(contenders)) {
      for (let i = 0; i < Math.min(block, samples - taken); i++) {
        const started = performance.now();
        await fn();
        out[name]!.push(performance.now() - started);
      }
    }
  }
  return out;
}

/** POSTs a GraphQL operation; throws on GraphQL errors (a benchmark of failures measures nothing). */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data: T; extensions?: Record<string, unknown> }> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data: T; errors?: unknown; extensions?: Record<string, unknown> };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body;
}

/** GETs a REST path and reads the whole body; throws unless 200. */
export async function rest(restRoot: string, path: string): Promise<string> {
  const response = await request(`${restRoot}${path}`);
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${text.slice(0, 200)}`);
  return text;
}
