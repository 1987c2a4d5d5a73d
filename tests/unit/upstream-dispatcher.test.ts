import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError, type CircuitTicket } from '../../src/wordpress/circuit-breaker.ts';
import { backoffMs, createUpstreamDispatcher, retryAfterMs } from '../../src/wordpress/dispatcher.ts';

/** A breaker on a clock the test moves. */
function breaker(options: ConstructorParameters<typeof CircuitBreaker>[1] = {}) {
  const clock = { now: 0 };
  const states: string[] = [];
  const b = new CircuitBreaker('http://wp.test', {
    minimumRequests: 4,
    failureRatio: 0.5,
    cooldownMs: 1_000,
    windowMs: 10_000,
    now: () => clock.now,
    onStateChange: (_o, s) => states.push(s),
    ...options,
  });
  const ticket = () => {
    const t = b.admit();
    if (t instanceof CircuitOpenError) throw t;
    return t;
  };
  return { b, clock, states, ticket };
}

describe('CircuitBreaker', () => {
  it('stays closed below the minimum number of requests, however many fail', () => {
    const { b, ticket } = breaker();
    for (let i = 0; i < 3; i += 1) ticket().failed();
    expect(b.state).toBe('closed');
    expect(b.counts()).toEqual({ total: 3, failures: 3 });
  });

  it('opens at the failure ratio once the minimum is reached, then refuses with the time left', () => {
    const { b, clock, ticket, states } = breaker();
    ticket().succeeded();
    ticket().succeeded();
    ticket().failed();
    expect(b.state).toBe('closed');
    ticket().failed(); // 2 of 4
    expect(b.state).toBe('open');
    clock.now += 400;
    const refused = b.admit();
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect((refused as CircuitOpenError).retryAfterMs).toBe(600);
    expect(states).toEqual(['open']);
  });

  it('does not open while failures stay under the ratio', () => {
    const { b, ticket } = breaker();
    for (let i = 0; i < 30; i += 1) i % 3 === 2 ? ticket().failed() : ticket().succeeded(); // one in three
    expect(b.state).toBe('closed');
  });

  it('forgets outcomes older than the window', () => {
    const { b, clock, ticket } = breaker();
    for (let i = 0; i < 3; i += 1) ticket().failed();
    clock.now += 11_000;
    ticket().failed();
    expect(b.counts()).toEqual({ total: 1, failures: 1 });
    expect(b.state).toBe('closed');
  });

  it('lets exactly one probe through after the cooldown; its success closes the circuit with a clean window', () => {
    const { b, clock, ticket, states } = breaker();
    for (let i = 0; i < 4; i += 1) ticket().failed();
    clock.now += 1_000;
    expect(b.state).toBe('half-open');
    const probe = ticket();
    expect(b.admit()).toBeInstanceOf(CircuitOpenError);
    expect(b.admit()).toBeInstanceOf(CircuitOpenError);
    probe.succeeded();
    expect(b.state).toBe('closed');
    expect(b.counts()).toEqual({ total: 0, failures: 0 });
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens for a full cooldown when the probe fails', () => {
    const { b, clock, ticket } = breaker();
    for (let i = 0; i < 4; i += 1) ticket().failed();
    clock.now += 1_000;
    ticket().failed();
    expect(b.state).toBe('open');
    clock.now += 999;
    expect(b.state).toBe('open');
    clock.now += 1;
    expect(b.state).toBe('half-open');
  });

  it('a cancelled probe frees the slot for the next request', () => {
    const { b, clock, ticket } = breaker();
    for (let i = 0; i < 4; i += 1) ticket().failed();
    clock.now += 1_000;
    ticket().cancelled();
    expect(b.state).toBe('half-open');
    expect(b.admit()).not.toBeInstanceOf(CircuitOpenError);
  });

  it('ignores outcomes of requests admitted before it opened, and settles a ticket once', () => {
    const { b, ticket } = breaker();
    const late: CircuitTicket = ticket();
    for (let i = 0; i < 4; i += 1) ticket().failed();
    expect(b.state).toBe('open');
    late.succeeded();
    late.failed();
    expect(b.state).toBe('open');
  });
});

describe('backoffMs (full jitter)', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 2_000 };
  it('picks uniformly between 0 and the doubling ceiling', () => {
    expect(backoffMs(1, { ...options, random: () => 0 })).toBe(0);
    expect(backoffMs(1, { ...options, random: () => 0.999 })).toBe(99);
    expect(backoffMs(2, { ...options, random: () => 0.5 })).toBe(100);
    expect(backoffMs(3, { ...options, random: () => 0.5 })).toBe(200);
  });
  it('never exceeds the cap', () => {
    expect(backoffMs(30, { ...options, random: () => 0.999 })).toBe(1_998);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 7 ', 7_000],
    [['3', '9'], 3_000],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ] as const)('%j → %j', (value, expected) => {
    expect(retryAfterMs(value as never)).toBe(expected);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-01T12:00:00Z');
    expect(retryAfterMs('Sun, 01 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 01 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
});

describe('createUpstreamDispatcher retries', () => {
  let server: Server;
  let origin: string;
  const seen: string[] = [];
  let plan: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const status = plan.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '60' } : {}) });
      res.end(JSON.stringify({ status }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function send(method: 'GET' | 'POST', statuses: number[], retries = 2) {
    seen.length = 0;
    plan = [...statuses];
    const upstream = createUpstreamDispatcher({ retry: { retries, random: () => 0 }, circuitBreaker: false });
    try {
      const response = await request(`${origin}/x`, { method, dispatcher: upstream.dispatcher });
      await response.body.text();
      return response.statusCode;
    } finally {
      await upstream.close();
    }
  }

  it('retries a GET on 502/503/504 and returns the first success', async () => {
    expect(await send('GET', [502, 503, 200])).toBe(200);
    expect(seen).toEqual(['GET /x', 'GET /x', 'GET /x']);
  });

  it('gives the last failure after `retries` retries', async () => {
    expect(await send('GET', [503, 503, 503, 503], 2)).toBe(503);
    expect(seen).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    expect(await send('POST', [503, 200])).toBe(503);
    expect(seen).toEqual(['POST /x']);
  });

  it('does not retry 4xx, nor a 429 asking to wait longer than the longest back-off', async () => {
    expect(await send('GET', [404, 200])).toBe(404);
    expect(await send('GET', [429, 200])).toBe(429);
    expect(seen).toHaveLength(1);
  });
});
