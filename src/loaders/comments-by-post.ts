import DataLoader from 'dataloader';
import type { RestQuery } from '../wordpress/client.ts';
import type { RestComment } from '../wordpress/rest-types.ts';
import { loadListPage } from './list-pages.ts';
import { MAX_PER_PAGE, type UpstreamRequestScope } from './records.ts';

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
