import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheHarness, EDITOR_AUTH, type CacheHarness } from './cache-harness.ts';
import { startHarness, type Harness } from './harness.ts';

describe('/metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(() => h.close());

  it('reports GraphQL requests by operation, upstream requests by collection and status, and batch sizes', async () => {
    const answer = await h.query('query HomeMetrics { posts(first: 4) { nodes { title author { node { name } } } } }');
    expect(answer.errors).toBeUndefined();
    const response = await fetch(`${h.gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^graphql_envelop_request_duration_count\{[^}]*operationName="HomeMetrics"[^}]*\} 1$/m);
    expect(text).toMatch(/^wpgql_upstream_requests_total\{collection="posts",status="200"\} 1$/m);
    expect(text).toMatch(/^wpgql_upstream_requests_total\{collection="users",status="200"\} 1$/m);
    expect(text).toMatch(/^wpgql_loader_batch_size_count\{collection="users"\} 1$/m);
    expect(text).toMatch(/^wpgql_cache_events_total\{cache="response",result="miss"\} 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('counts GraphQL errors by operation', async () => {
    await h.query('query Broken { post(id: "not-an-id") { id } }');
    const text = await (await fetch(`${h.gateway.url}/metrics`)).text();
    expect(text).toMatch(/^graphql_envelop_error_result\{[^}]*operationName="Broken"[^}]*\} 1$/m);
  });
});

describe('request logs', () => {
  const lines: Record<string, unknown>[] = [];
  let h: CacheHarness;
  beforeAll(async () => {
    h = await startCacheHarness({
      log: {
        info: (details) => lines.push(details as Record<string, unknown>),
        warn: (details) => lines.push(details as Record<string, unknown>),
      },
    });
  });
  afterAll(() => h.close());

  it('one line per request with a request id, echoed in x-request-id; the caller may set it', async () => {
    lines.length = 0;
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
      body: JSON.stringify({ query: '{ generalSettings { url } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(lines).toContainEqual(expect.objectContaining({ reqId: 'abc-123', method: 'POST', path: '/graphql', status: 200 }));
  });

  it('never logs credentials', async () => {
    lines.length = 0;
    await h.post('{ viewer { name } }', undefined, EDITOR_AUTH);
    const secret = EDITOR_AUTH.authorization.split(' ')[1]!;
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(JSON.stringify(lines).toLowerCase()).not.toContain('authorization');
  });
});
