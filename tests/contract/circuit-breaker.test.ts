/**
 * The circuit breaker end to end: while WordPress keeps failing, the gateway stops sending it requests and
 * answers at once; after the cooldown one probe goes through, and its outcome closes or re-opens the circuit.
 * The breaker's clock is a fake one the test moves, so nothing here waits for time to pass.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { createUpstreamDispatcher, type UpstreamDispatcher } from '../../src/wordpress/dispatcher.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { NO_CACHES, startTestGateway, type TestGateway } from '../support/gateway.ts';

const QUERY = '{ generalSettings { url } posts(first: 1) { nodes { databaseId } } }';
const MINIMUM = 4;
const COOLDOWN = 5_000;

let demo: DemoSite;
let fault: FaultServer;
let upstream: UpstreamDispatcher;
let gateway: TestGateway;
let now = 1_000_000;
const transitions: string[] = [];

beforeAll(async () => {
  demo = await createDemoSite();
  fault = await startFaultServer({ upstream: demo.url });
  upstream = createUpstreamDispatcher({
    retry: { retries: 0 },
    circuitBreaker: {
      minimumRequests: MINIMUM,
      failureRatio: 0.5,
      cooldownMs: COOLDOWN,
      now: () => now,
      onStateChange: (_origin, state) => transitions.push(state),
    },
  });
  gateway = await startTestGateway({ wordpressUrl: fault.url, client: { dispatcher: upstream.dispatcher }, config: NO_CACHES });
});

afterEach(() => {
  fault.setRule(undefined);
  fault.resetRequests();
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await fault?.close();
  await demo?.close();
});

const codeOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

describe('circuit breaker per upstream origin', () => {
  it('opens after enough failures, then fails fast without sending anything', async () => {
    fault.setRule((r) => (r.route.startsWith('/wp/') ? { kind: 'status', status: 503 } : undefined));
    // The REST index read at start-up was the window's first (successful) request: MINIMUM − 1 failures make
    // MINIMUM requests, 75 % of them failed.
    for (let i = 0; i < MINIMUM - 1; i += 1) {
      expect(upstream.circuitFor(fault.url)?.state).toBe('closed');
      const answer = await gateway.query(QUERY);
      expect(codeOf(answer)).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(fault.restRequests()).toHaveLength(MINIMUM - 1);
    expect(upstream.circuitFor(fault.url)?.state).toBe('open');

    fault.resetRequests();
    for (let i = 0; i < 5; i += 1) {
      const answer = await gateway.query<{ generalSettings: { url: string } }>(QUERY);
      expect(answer.status).toBe(200);
      expect(codeOf(answer)).toBe('UPSTREAM_UNAVAILABLE');
      expect(answer.errors?.[0]?.extensions?.retryAfterSeconds).toBe(COOLDOWN / 1000);
      // Fields that need no WordPress call still answer.
      expect(answer.data?.generalSettings.url).toBeTruthy();
    }
    expect(fault.restRequests()).toHaveLength(0);
  });

  it('after the cooldown, one failed probe re-opens it', async () => {
    fault.setRule((r) => (r.route.startsWith('/wp/') ? { kind: 'status', status: 503 } : undefined));
    now += COOLDOWN;
    expect(upstream.circuitFor(fault.url)?.state).toBe('half-open');
    expect(codeOf(await gateway.query(QUERY))).toBe('UPSTREAM_UNAVAILABLE');
    expect(fault.restRequests()).toHaveLength(1);
    expect(upstream.circuitFor(fault.url)?.state).toBe('open');
    expect(codeOf(await gateway.query(QUERY))).toBe('UPSTREAM_UNAVAILABLE');
    expect(fault.restRequests()).toHaveLength(1);
  });

  it('after the cooldown, a successful probe closes it and traffic flows again', async () => {
    now += COOLDOWN;
    const probe = await gateway.query<{ posts: { nodes: unknown[] } }>(QUERY);
    expect(probe.errors).toBeUndefined();
    expect(probe.data?.posts.nodes).toHaveLength(1);
    expect(upstream.circuitFor(fault.url)?.state).toBe('closed');
    for (let i = 0; i < 3; i += 1) expect((await gateway.query(QUERY)).errors).toBeUndefined();
    expect(fault.restRequests()).toHaveLength(4);
    expect(transitions).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('does not count 4xx answers as WordPress failing', async () => {
    fault.setRule((r) =>
      r.route.startsWith('/wp/')
        ? {
            kind: 'status',
            status: 400,
            body: JSON.stringify({ code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400 } }),
          }
        : undefined,
    );
    for (let i = 0; i < MINIMUM * 2; i += 1) expect(codeOf(await gateway.query(QUERY))).toBe('BAD_USER_INPUT');
    expect(upstream.circuitFor(fault.url)?.state).toBe('closed');
    expect(fault.restRequests()).toHaveLength(MINIMUM * 2);
  });
});
