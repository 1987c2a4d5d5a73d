/**
 * Query limits and request hygiene, through the real server wiring (startGateway with settings): every limit is
 * on by default, configurable, and rejects before any request reaches WordPress, with an error naming the limit
 * and the value found. Also CSRF prevention, the CORS allow-list and the introspection switch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let defaults: Harness;
let strict: Harness;

beforeAll(async () => {
  [defaults, strict] = await Promise.all([
    startHarness(),
    startHarness({
      maxDepth: 4,
      maxAliases: 2,
      maxTokens: 60,
      maxCost: 100,
      maxBatch: 2,
      introspection: false,
      corsOrigins: ['https://app.example', 'https://admin.example'],
    }),
  ]);
});

beforeEach(() => {
  defaults.demo.resetRequests();
  strict.demo.resetRequests();
});

afterAll(async () => {
  await Promise.all([defaults?.close(), strict?.close()]);
});

interface Raw {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | { data?: unknown; errors?: unknown[] }[];
  headers: Headers;
}

async function post(h: Harness, body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const response = await fetch(`${h.gateway.url}/graphql`, {
    method: 'POST',
    // The GraphQL-over-HTTP media type: request errors (parse, validation, limits) are then status 400.
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Raw['body'], headers: response.headers };
}

const firstError = (raw: Raw) => (Array.isArray(raw.body) ? undefined : raw.body.errors?.[0]);

/**
 * `{ posts { nodes { author { node { posts { nodes { … id } } } } } } }` with `pairs` wrappers: each adds two levels
 * and the leaf one, so the depth is 2 × pairs + 1.
 */
function deepQuery(pairs: number): string {
  const wrappers = Array.from({ length: pairs }, (_, i) => (i % 2 === 0 ? 'posts(first: 1) { nodes { %s } }' : 'author { node { %s } }'));
  return `{ ${wrappers.reduceRight((inner, wrapper) => wrapper.replace('%s', inner), 'id')} }`;
}

/** Expects a limit rejection that reached nothing upstream. */
function expectLimit(raw: Raw, h: Harness, limit: string, max: number, found?: number) {
  const error = firstError(raw);
  expect(error?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit, max, ...(found !== undefined ? { found } : {}) });
  expect(error?.message).toContain(String(max));
  expect(error?.message).toContain(limit);
  if (found !== undefined) expect(error?.message).toContain(String(found));
  expect(h.demo.requests).toEqual([]);
}

describe('limits are on by default', () => {
  it('max-depth 15', async () => {
    const ok = await post(defaults, { query: deepQuery(7) }); // 15 levels
    expect(firstError(ok)).toBeUndefined();
    defaults.demo.resetRequests();
    const raw = await post(defaults, { query: deepQuery(8) }); // 17 levels
    expect(raw.status).toBe(400);
    expectLimit(raw, defaults, 'max-depth', 15, 17);
  });

  it('max-aliases 30', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: posts(first: 1) { nodes { id } }`).join(' ')} }`;
    const raw = await post(defaults, { query: aliases(31) });
    expect(raw.status).toBe(400);
    expectLimit(raw, defaults, 'max-aliases', 30, 31);
  });

  it('max-tokens 5000', async () => {
    const raw = await post(defaults, { query: `{ posts { nodes { ${'id '.repeat(5000)} } } }` });
    expect(raw.status).toBe(400);
    expectLimit(raw, defaults, 'max-tokens', 5000);
  });

  it('max-cost 50000: a 100-post list of 100-term lists (10,100) runs, a list of 100 under that does not', async () => {
    const ok = await post(defaults, { query: '{ posts(first: 100) { nodes { categories(first: 100) { nodes { id } } } } }' });
    expect(firstError(ok)).toBeUndefined();
    defaults.demo.resetRequests();
    const raw = await post(defaults, {
      query: '{ posts(first: 100) { nodes { comments(first: 100) { nodes { replies(first: 100) { nodes { id } } } } } } }',
    });
    expect(raw.status).toBe(400);
    expectLimit(raw, defaults, 'max-cost', 50_000, 100 * (1 + 100 * (1 + 100)));
  });

  it('max-cost reads variables: the same document is allowed or refused by its page sizes', async () => {
    const query =
      'query Nested($n: Int) { posts(first: $n) { nodes { comments(first: $n) { nodes { replies(first: $n) { nodes { id } } } } } } }';
    const small = await post(defaults, { query, variables: { n: 3 } });
    expect(firstError(small)).toBeUndefined();
    defaults.demo.resetRequests();
    const large = await post(defaults, { query, variables: { n: 100 } });
    expectLimit(large, defaults, 'max-cost', 50_000, 1_010_100);
    // Estimates are kept per document and variables: each variable set keeps its own verdict.
    expect(firstError(await post(defaults, { query, variables: { n: 3 } }))).toBeUndefined();
    defaults.demo.resetRequests();
    expectLimit(await post(defaults, { query, variables: { n: 100 } }), defaults, 'max-cost', 50_000, 1_010_100);
  });

  it('first/last over 100 are served as 100, as WPGraphQL does; bad page sizes refused before the outer list is fetched', async () => {
    const capped = await post(defaults, { query: '{ posts(first: 10000) { pageInfo { hasNextPage } nodes { databaseId } } }' });
    expect(firstError(capped)).toBeUndefined();
    const data = (capped.body as { data?: { posts: { pageInfo: { hasNextPage: boolean }; nodes: unknown[] } } }).data;
    expect(data?.posts.nodes).toHaveLength(100);
    expect(data?.posts.pageInfo.hasNextPage).toBe(true);
    // The cost estimate counts the page WordPress will serve (100), not the 10,000 asked for.
    const nested = await post(defaults, { query: '{ posts(first: 5) { nodes { comments(first: 500) { nodes { id } } } } }' });
    expect(firstError(nested)).toBeUndefined();
    defaults.demo.resetRequests();
    const negative = await post(defaults, { query: '{ posts(last: -1) { nodes { id } } }' });
    expect(firstError(negative)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'last', found: -1 });
    const offset = await post(defaults, { query: '{ posts(where: { offsetPagination: { offset: 0, size: 1000 } }) { nodes { id } } }' });
    expect(firstError(offset)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'offsetPagination.size', found: 1000 });
    expect(defaults.demo.requests).toEqual([]);
  });

  it('max-batch 10', async () => {
    const op = { query: '{ generalSettings { url } }' };
    const ten = await post(
      defaults,
      Array.from({ length: 10 }, () => op),
    );
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(10);
    const raw = await post(
      defaults,
      Array.from({ length: 11 }, () => op),
    );
    expect(raw.status).toBe(413);
    const error = (raw.body as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];
    expect(error?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'max-batch', max: 10, found: 11 });
    expect(error?.message).toContain('11');
  });

  it('introspection answers', async () => {
    const raw = await post(defaults, { query: '{ __schema { queryType { name } } }' });
    expect(raw.body).toEqual({ data: { __schema: { queryType: { name: 'RootQuery' } } } });
  });
});

describe('limits are configurable', () => {
  it.each([
    ['max-depth', '{ posts { nodes { author { node { name } } } } }', 4, 5],
    ['max-aliases', '{ a: generalSettings { url } b: generalSettings { url } c: generalSettings { url } }', 2, 3],
    ['max-cost', '{ a: posts(first: 60) { nodes { id } } b: posts(first: 60) { nodes { id } } }', 100, 120],
  ] as const)('%s', async (limit, query, max, found) => {
    const raw = await post(strict, { query });
    expectLimit(raw, strict, limit, max, found);
  });

  it('max-tokens', async () => {
    expectLimit(await post(strict, { query: `{ posts { nodes { ${'id '.repeat(60)} } } }` }), strict, 'max-tokens', 60);
  });

  it('max-batch', async () => {
    const raw = await post(
      strict,
      Array.from({ length: 3 }, () => ({ query: '{ generalSettings { url } }' })),
    );
    expect(raw.status).toBe(413);
    expect((raw.body as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toMatchObject({
      limit: 'max-batch',
      max: 2,
      found: 3,
    });
  });
});

describe('introspection can be turned off', () => {
  it.each(['{ __schema { types { name } } }', '{ __type(name: "Post") { fields { name } } }'])('refuses %s', async (query) => {
    const raw = await post(strict, { query });
    expect(raw.status).toBe(400);
    expect(firstError(raw)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(raw)?.message).toMatch(/introspection/i);
  });

  it('keeps __typename', async () => {
    const raw = await post(strict, { query: '{ generalSettings { __typename } }' });
    expect(raw.body).toEqual({ data: { generalSettings: { __typename: 'GeneralSettings' } } });
  });

  it('stops suggesting field names', async () => {
    const on = firstError(await post(defaults, { query: '{ postz { nodes { id } } }' }));
    expect(on?.message).toContain('Did you mean');
    const off = firstError(await post(strict, { query: '{ postz { nodes { id } } }' }));
    expect(off?.message).not.toContain('posts');
    expect(off?.message).not.toContain('Did you mean');
  });
});

describe('CSRF prevention', () => {
  const get = (h: Harness, headers: Record<string, string>) =>
    fetch(`${h.gateway.url}/graphql?query=${encodeURIComponent('{ generalSettings { url } }')}`, {
      headers: { accept: 'application/json', ...headers },
    });

  it('lets anonymous simple GETs through (nothing to forge: the answer is public)', async () => {
    expect((await get(defaults, {})).status).toBe(200);
  });

  it('refuses a simple GET carrying credentials without a CSRF header, before reaching WordPress', async () => {
    const response = await get(defaults, { authorization: 'Basic YWRtaW46c2VjcmV0' });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('YWRtaW46c2VjcmV0');
    expect(defaults.demo.requests).toEqual([]);
    expect((await get(defaults, { cookie: 'wordpress_logged_in=x' })).status).toBe(403);
  });

  it('accepts credentials with a CSRF header, or in a JSON POST (always preflighted)', async () => {
    expect((await get(defaults, { authorization: 'Basic YWRtaW46c2VjcmV0', 'x-graphql-yoga-csrf': '1' })).status).not.toBe(403);
    const raw = await post(defaults, { query: '{ generalSettings { url } }' }, { authorization: 'Basic YWRtaW46c2VjcmV0' });
    expect(raw.status).not.toBe(403);
  });

  it('refuses a form POST carrying credentials', async () => {
    const response = await fetch(`${defaults.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic YWRtaW46c2VjcmV0' },
      body: `query=${encodeURIComponent('{ generalSettings { url } }')}`,
    });
    expect(response.status).toBe(403);
  });
});

describe('CORS allow-list', () => {
  const preflight = (h: Harness, origin: string) =>
    fetch(`${h.gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('allows any origin by default, without credentials', async () => {
    const response = await preflight(defaults, 'https://anywhere.example');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('with a list, echoes a listed origin and gives others no CORS headers at all', async () => {
    const listed = await preflight(strict, 'https://admin.example');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(listed.headers.get('vary')).toContain('Origin');
    const other = await preflight(strict, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const sameOnPost = await post(strict, { query: '{ generalSettings { url } }' }, { origin: 'https://evil.example' });
    expect(sameOnPost.headers.get('access-control-allow-origin')).toBeNull();
    const nullOrigin = await preflight(strict, 'null');
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });
});
