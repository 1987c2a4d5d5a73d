import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { UpstreamRequestScope } from '../../src/loaders/records.ts';
import { createUserCommentsLoader, MAX_USER_COMMENT_PAGES, refusedAuthorFilter } from '../../src/loaders/user-comments.ts';
import type { RestAnswer, RestQuery, WordPressClient } from '../../src/wordpress/client.ts';
import { WordPressError } from '../../src/wordpress/errors.ts';

const SERVICE = 'Basic c2VydmljZTpTZWNyZXQ=';

/**
 * A scope over a fake client that records each GET (with the Authorization it was given) and answers `total`
 * comments, newest first, their authors cycling through `authors`.
 */
function scopeWith(total: number, authors: number[], refuse?: WordPressError) {
  const calls: { route: string; query: RestQuery; authorization: string | undefined }[] = [];
  const client = {
    async get<T>(route: string, query: RestQuery, options: { authorization?: string }): Promise<RestAnswer<T>> {
      calls.push({ route, query, authorization: options.authorization });
      if (refuse) throw refuse;
      const page = Number(query.page ?? 1);
      const perPage = Number(query.per_page);
      const count = Math.max(0, Math.min(perPage, total - (page - 1) * perPage));
      const data = Array.from({ length: count }, (_, i) => {
        const n = (page - 1) * perPage + i;
        return { id: 5000 - n, author: authors[n % authors.length], post: 100 + n };
      });
      return { data: data as T, total, totalPages: Math.ceil(total / perPage) };
    },
  } as unknown as WordPressClient;
  // The viewer is anonymous: the service account's Authorization is the only one ever sent.
  const scope: UpstreamRequestScope = { client, authorization: undefined, fieldsFor: () => ['id', 'content'] };
  return { scope, calls };
}

describe("users' comments with the service account", () => {
  it('asks once for every user of the tick, approved only, newest first, with author, post and _links added', async () => {
    const { scope, calls } = scopeWith(7, [2, 3, 4]);
    const loader = createUserCommentsLoader(scope, SERVICE);
    const [a, b, c, none] = await Promise.all([loader.load(2), loader.load(3), loader.load(4), loader.load(9)]);
    expect(calls).toEqual([
      {
        route: '/wp/v2/comments',
        query: {
          author: [2, 3, 4, 9],
          status: 'approve',
          orderby: 'date',
          order: 'desc',
          per_page: 100,
          page: undefined,
          _fields: ['_links', 'author', 'content', 'id', 'post'],
        },
        authorization: SERVICE,
      },
    ]);
    // Split per user, each in the batch's order.
    expect(a!.comments.map((r) => r.id)).toEqual([5000, 4997, 4994]);
    expect(b!.comments.map((r) => r.id)).toEqual([4999, 4996]);
    expect(c!.comments.map((r) => r.id)).toEqual([4998, 4995]);
    expect(none).toEqual({ comments: [], complete: true });
  });

  it('reads the later pages in parallel while the batch fits, and stops after one page when it does not', async () => {
    const fits = scopeWith(250, [1, 2]);
    const [a, b] = await Promise.all([createUserCommentsLoader(fits.scope, SERVICE)].flatMap((l) => [l.load(1), l.load(2)]));
    expect(fits.calls.map((c) => c.query.page ?? 1)).toEqual([1, 2, 3]);
    expect([a!.comments.length, b!.comments.length]).toEqual([125, 125]);

    const large = scopeWith(MAX_USER_COMMENT_PAGES * 100 + 1, [1, 2]);
    const loader = createUserCommentsLoader(large.scope, SERVICE);
    expect(await Promise.all([loader.load(1), loader.load(2)])).toEqual([
      { comments: [], complete: false },
      { comments: [], complete: false },
    ]);
    expect(large.calls).toHaveLength(1);
  });

  it('without a service account: FORBIDDEN naming the setting, nothing asked', async () => {
    const { scope, calls } = scopeWith(3, [1]);
    const error = await createUserCommentsLoader(scope, undefined)
      .load(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'FORBIDDEN', setting: 'service-credentials' });
    expect(calls).toEqual([]);
  });

  it('an account WordPress refuses (bad password, or no edit_posts): the same error, without the credentials', async () => {
    for (const refusal of [
      new WordPressError('refused', 'UNAUTHENTICATED', 401, 'incorrect_password', '/wp/v2/comments'),
      new WordPressError('Query parameter not permitted: author', 'FORBIDDEN', 403, 'rest_forbidden_param', '/wp/v2/comments'),
    ]) {
      const { scope } = scopeWith(3, [1], refusal);
      const error = (await createUserCommentsLoader(scope, SERVICE)
        .load(1)
        .catch((e: unknown) => e)) as GraphQLError;
      expect([error.extensions.code, error.extensions.setting]).toEqual(['FORBIDDEN', 'service-credentials']);
      expect(error.message).not.toContain('c2VydmljZT');
    }
  });

  it('only rest_forbidden_param sends a signed-in viewer to the service account', () => {
    expect(refusedAuthorFilter(new WordPressError('no', 'FORBIDDEN', 403, 'rest_forbidden_param'))).toBe(true);
    expect(refusedAuthorFilter(new WordPressError('no', 'UNAUTHENTICATED', 401, 'incorrect_password'))).toBe(false);
    expect(refusedAuthorFilter(new Error('rest_forbidden_param'))).toBe(false);
  });
});
