import DataLoader from 'dataloader';
import type { RestQuery } from '../wordpress/client.ts';
import type { Collection, CollectionRecord, RestComment } from '../wordpress/rest-types.ts';
import { MAX_PER_PAGE, restFields, type UpstreamRequestScope } from './records.ts';

/** One page of a collection and WordPress's count of all matching records. */
export interface ListPage<T> {
  records: T[];
  /** `X-WP-Total` */
  total: number;
}

/**
 * GETs one page of a collection (`/wp/v2/posts?per_page=10&offset=20&…`) with the request's `_fields` for that
 * collection. The schema layer primes the record loaders with what comes back. For anonymous requests the
 * entity cache answers the page when it holds the same query and all of its records (no request at all), and
 * keeps what WordPress gives otherwise.
 */
export async function loadListPage<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
  /** REST fields this caller needs beyond the plan (to group records by a parent). */
  alsoFields: readonly string[] = [],
): Promise<ListPage<CollectionRecord[C]>> {
  const planned = scope.fieldsFor(collection);
  const fields = restFields(planned && [...planned, ...alsoFields]);
  const cache = scope.entityCache;
  if (cache) {
    const held = await cache.readList(collection, query, fields);
    if (scope.listStats) scope.listStats[held ? 'hits' : 'misses']++;
    if (held) return { records: held.records as unknown as CollectionRecord[C][], total: held.total };
  }
  const answer = await scope.client.get<CollectionRecord[C][]>(
    `/wp/v2/${collection}`,
    { ...query, _fields: fields },
    { authorization: scope.authorization },
  );
  const records = Array.isArray(answer.data) ? answer.data : [];
  const total = answer.total ?? records.length;
  // What a list brought serves later lookups by id, in this request (the schema primes the loaders) and in
  // the next ones (the entity cache, anonymous requests only). Not awaited: the store never rejects.
  if (cache) void cache.writeList(collection, query, records as unknown as Record<string, unknown>[], total, fields);
  return { records, total };
}

/** A post's comments from the batched query, and whether they are all of them. */
export interface PostComments {
  comments: RestComment[];
  /**
   * False when the batch's comments were more than {@link MAX_COMMENT_PAGES} pages: the caller then asks for that
   * post's window alone, so a post with thousands of comments never makes the gateway read them all.
   */
  complete: boolean;
}

/** The most pages of 100 one comments batch reads (in parallel, after the first told the total). */
export const MAX_COMMENT_PAGES = 5;

/**
 * A Function, which when given an Array of post ids, returns a Promise of an Array of each post's comments
 * (newest first, as WPGraphQL orders them), from one query for all posts — `comments?post=<ids>` takes a list —
 * of at most {@link MAX_COMMENT_PAGES} pages: the cost of a batch is bounded whatever the posts hold.
 */
export function createCommentsByPostLoader(scope: UpstreamRequestScope): DataLoader<number, PostComments> {
  return new DataLoader<number, PostComments>(
    async (postIds) => {
      const query: RestQuery = { post: postIds, orderby: 'date', order: 'desc', per_page: MAX_PER_PAGE };
      const first = await loadListPage(scope, 'comments', query, ['post']);
      const pages = Math.ceil(first.total / MAX_PER_PAGE);
      const complete = pages <= MAX_COMMENT_PAGES;
      const rest =
        complete && pages > 1
          ? await Promise.all(
              Array.from({ length: pages - 1 }, (_, i) => loadListPage(scope, 'comments', { ...query, page: i + 2 }, ['post'])),
            )
          : [];
      const byPost = new Map<number, RestComment[]>(postIds.map((id) => [id, []]));
      for (const comment of [first, ...rest].flatMap((p) => p.records)) {
        if (comment.post !== undefined) byPost.get(comment.post)?.push(comment);
      }
      return postIds.map((id) => ({ comments: complete ? (byPost.get(id) ?? []) : [], complete }));
    },
    { maxBatchSize: MAX_PER_PAGE },
  );
}
