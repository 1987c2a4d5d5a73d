/**
 * Automatic persisted queries (the sha256 protocol of Apollo Client and urql): unknown hash →
 * PersistedQueryNotFound (not a 500); the document with its hash registers it; the hash alone then works, over
 * POST and over GET (what lets a CDN cache persisted queries); a document that does not match its hash is refused.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, startCacheHarness, type CacheHarness } from './cache-harness.ts';

let h: CacheHarness;
beforeAll(async () => {
  h = await startCacheHarness({ config: { cacheTtlMs: 0, entityCacheTtlMs: 0 } });
});
afterAll(() => h.close());

const QUERY = '{ posts(first: 2) { nodes { databaseId title } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const send = async (body: Record<string, unknown>) => {
  const response = await h.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
};

describe('automatic persisted queries', () => {
  it('an unknown hash: PersistedQueryNotFound, 404, never cached by a CDN, nothing asked of WordPress', async () => {
    h.demo.resetRequests();
    const answer = await send({ extensions: persisted(sha256('{ never { sent } }')) });
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }),
    ]);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(h.upstream()).toEqual([]);
  });

  it('register with the document, then the hash alone is enough (POST and GET)', async () => {
    const hash = sha256(QUERY);
    const registered = await send({ query: QUERY, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();

    const byHash = await send({ extensions: persisted(hash) });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);

    const params = new URLSearchParams({ extensions: JSON.stringify(persisted(hash)) });
    const get = await h.fetch(`/graphql?${params}`, { headers: { accept: 'application/json', ...CSRF } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: unknown }).data).toEqual(registered.body.data);
  });

  it('a document that does not match its hash: PersistedQueryMismatch, 400, not registered', async () => {
    const wrong = sha256('something else');
    const answer = await send({ query: QUERY, extensions: persisted(wrong) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryMismatch', extensions: { code: 'PERSISTED_QUERY_MISMATCH' } });
    expect((await send({ extensions: persisted(wrong) })).status).toBe(404);
  });
});
