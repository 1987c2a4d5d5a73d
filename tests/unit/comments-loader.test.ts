import { describe, expect, it } from 'vitest';
import { createCommentsByPostLoader, MAX_COMMENT_PAGES } from '../../src/loaders/comments-by-post.ts';
import type { UpstreamRequestScope } from '../../src/loaders/records.ts';
import type { RestAnswer, RestQuery, WordPressClient } from '../../src/wordpress/client.ts';

/** A scope over a fake client that records each GET and answers from `total` comments spread over posts. */
function scopeWith(total: number, postIds: number[]) {
  const calls: { route: string; query: RestQuery }[] = [];
  const client = {
    async get<T>(route: string, query: RestQuery): Promise<RestAnswer<T>> {
      calls.push({ route, query });
      const page = Number(query.page ?? 1);
      const perPage = Number(query.per_page);
      const count = Math.max(0, Math.min(perPage, total - (page - 1) * perPage));
      const data = Array.from({ length: count }, (_, i) => {
        const n = (page - 1) * perPage + i;
        return { id: 1000 + n, post: postIds[n % postIds.length] };
      });
      return { data: data as T, total, totalPages: Math.ceil(total / perPage) };
    },
  } as unknown as WordPressClient;
  const scope: UpstreamRequestScope = { client, authorization: undefined, fieldsFor: () => ['id', 'content'] };
  return { scope, calls };
}

describe('comments by post', () => {
  it('asks once for every post of the tick, with the post field added to the plan', async () => {
    const { scope, calls } = scopeWith(7, [1, 2, 3]);
    const loader = createCommentsByPostLoader(scope);
    const [a, b, c] = await Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
    expect(calls).toEqual([
      {
        route: '/wp/v2/comments',
        query: { post: [1, 2, 3], orderby: 'date', order: 'desc', per_page: 100, _fields: ['content', 'id', 'post'] },
      },
    ]);
    expect([a!.comments.length, b!.comments.length, c!.comments.length]).toEqual([3, 2, 2]);
    expect(a!.complete).toBe(true);
  });

  it('reads the later pages in parallel while the batch fits in a few pages', async () => {
    const { scope, calls } = scopeWith(250, [1, 2]);
    const loader = createCommentsByPostLoader(scope);
    const [a, b] = await Promise.all([loader.load(1), loader.load(2)]);
    expect(calls.map((c) => c.query.page ?? 1)).toEqual([1, 2, 3]);
    expect(a!.comments.length + b!.comments.length).toBe(250);
  });

  it('stops after one page when a batch holds more, and says the lists are incomplete', async () => {
    const { scope, calls } = scopeWith(MAX_COMMENT_PAGES * 100 + 1, [1, 2]);
    const loader = createCommentsByPostLoader(scope);
    const [a] = await Promise.all([loader.load(1), loader.load(2)]);
    expect(calls).toHaveLength(1);
    expect(a).toEqual({ comments: [], complete: false });
  });
});
