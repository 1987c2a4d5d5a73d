import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../src/context.ts';
import type { RestQuery } from '../../src/wordpress/client.ts';
import { hasPasswordIs } from '../../src/schema/content-fields.ts';
import { filteredRestConnection } from '../../src/schema/rest-connection.ts';

// A list of 250 posts, every tenth with a password, read through a fake `loaders.list` that records its calls.
function fakeContext() {
  const all = Array.from({ length: 250 }, (_, i) => ({ databaseId: i + 1, hasPassword: (i + 1) % 10 === 0 }));
  const calls: { query: RestQuery; alsoFields: readonly string[] }[] = [];
  const context = {
    loaders: {
      async list(_collection: string, query: RestQuery, alsoFields: readonly string[] = []) {
        calls.push({ query, alsoFields });
        const offset = Number(query.offset ?? 0);
        return { models: all.slice(offset, offset + Number(query.per_page)), total: all.length };
      },
    },
  } as unknown as GatewayContext;
  return { context, calls };
}

describe('where: { hasPassword } (filteredRestConnection)', () => {
  it('hasPasswordIs: true keeps protected records, false the others', () => {
    expect(hasPasswordIs({ hasPassword: true }, true)).toBe(true);
    expect(hasPasswordIs({ hasPassword: false }, true)).toBe(false);
    expect(hasPasswordIs({ hasPassword: null }, false)).toBe(true);
  });

  it('fills a first page of 100 without the protected records, reading on past the first REST page', async () => {
    const { context, calls } = fakeContext();
    const keep = (m: { hasPassword: boolean }) => hasPasswordIs(m, false);
    const page = await filteredRestConnection(context, 'posts', { first: 100 }, { author: [1] }, ['content.protected'], keep as never);
    expect(page.nodes.length).toBe(100);
    expect(page.nodes.some((n) => (n as { hasPassword: boolean }).hasPassword)).toBe(false);
    expect((page.nodes.at(-1) as { databaseId: number }).databaseId).toBe(111);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(calls.map((c) => c.query)).toEqual([
      { author: [1], per_page: 100, offset: undefined },
      { author: [1], per_page: 100, offset: 100 },
    ]);
    expect(calls[0]!.alsoFields).toEqual(['content.protected']);
  });

  it('reads to the end when the list is short enough: exact totals and the last page by cursor', async () => {
    const { context } = fakeContext();
    const keep = (m: { hasPassword: boolean }) => hasPasswordIs(m, true);
    const page = await filteredRestConnection(context, 'posts', { first: 10 }, {}, ['content.protected'], keep as never);
    expect(page.nodes.map((n) => (n as { databaseId: number }).databaseId)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const next = await filteredRestConnection(context, 'posts', { first: 10, after: page.pageInfo.endCursor }, {}, [], keep as never);
    expect(next.nodes.map((n) => (n as { databaseId: number }).databaseId)).toEqual([110, 120, 130, 140, 150, 160, 170, 180, 190, 200]);
    const last = await filteredRestConnection(context, 'posts', { last: 2 }, {}, [], keep as never);
    expect(last.nodes.map((n) => (n as { databaseId: number }).databaseId)).toEqual([240, 250]);
    expect(last.pageInfo.total).toBe(25);
  });
});
