import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { RestQuery } from '../wordpress/client.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestComment } from '../wordpress/rest-types.ts';
import type { ListPage } from './list-pages.ts';
import { loadWindow } from './list-windows.ts';
import { MAX_PER_PAGE, restFields, type UpstreamRequestScope } from './records.ts';

/** The most pages of 100 one batch of users' comments reads (in parallel, after the first told the total). */
export const MAX_USER_COMMENT_PAGES = 5;

/**
 * REST fields every service-account read of comments carries beyond the operation's plan: `author` to split a batch
 * per user, `post` and `_links` (its `up` relation names the post, page or attachment) to check, through the viewer's
 * own loaders, that the viewer may see what the comment is on.
 */
export const USER_COMMENT_FIELDS = ['author', 'post', '_links'] as const;

/** One user's approved comments from a batch, newest first, and whether the batch held all of them. */
export interface UserComments {
  comments: RestComment[];
  /**
   * False when the batch's comments were more than {@link MAX_USER_COMMENT_PAGES} pages: the caller then reads that
   * user's window alone ({@link loadUserCommentsWindow}), so a prolific commenter never makes the gateway read them all.
   */
  complete: boolean;
}

/**
 * The query of one batch: the approved comments of all these users, newest first (WPGraphQL's `status => approve`,
 * `orderby => comment_date`, DESC), 100 a page. REST's `author` takes a list; one list sorted by date, split per user,
 * keeps each user's own order, so the split is exact.
 */
export function userCommentsQuery(userIds: readonly number[]): RestQuery {
  return { author: [...userIds], status: 'approve', orderby: 'date', order: 'desc', per_page: MAX_PER_PAGE };
}

/** The error for viewers REST refuses `comments?author=` to, when the service account cannot read it either. */
export function userCommentsUnavailable(): GraphQLError {
  return new GraphQLError(
    "A user's comments need the service account for this viewer: WordPress's REST API filters comments by author only " +
      'for users who can edit posts. Set SERVICE_CREDENTIALS (--service-credentials) to the application password of such a user ' +
      '(docs/compatibility.md#the-service-account), or send Authorization of a user who can edit posts.',
    { extensions: { code: 'FORBIDDEN', setting: 'service-credentials' } },
  );
}

/** WordPress refused the service account (bad credentials, or no `edit_posts`): the same error as without one. */
function refusedAsUnavailable(error: unknown): never {
  if (
    error instanceof WordPressError &&
    (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.wpCode === 'rest_forbidden_param')
  ) {
    throw userCommentsUnavailable();
  }
  throw error;
}

/**
 * The scope of service-account reads: its `Authorization` instead of the viewer's, no entity cache (its answers hold
 * comments on posts only the account may see, which must never be kept where anonymous requests read), and
 * {@link USER_COMMENT_FIELDS} added to the comments' `_fields`.
 */
function serviceScope(scope: UpstreamRequestScope, serviceAuthorization: string): UpstreamRequestScope {
  return {
    client: scope.client,
    authorization: serviceAuthorization,
    ...(scope.likeOf ? { likeOf: scope.likeOf } : {}),
    fieldsFor: (collection) => {
      const planned = scope.fieldsFor(collection);
      return planned && collection === 'comments' ? [...planned, ...USER_COMMENT_FIELDS] : planned;
    },
  };
}

/**
 * A Function, which when given an Array of user ids, returns a Promise of an Array of each user's approved comments
 * (newest first), read with the service account (config `service-credentials`) in one query for all users —
 * `GET /wp/v2/comments?author=<ids>&status=approve&orderby=date&order=desc&per_page=100&_fields=<plan>,author,post,_links`
 * — of at most {@link MAX_USER_COMMENT_PAGES} pages. What it returns is everything the account may read: the caller
 * must drop comments on content the viewer may not see before anything reaches an answer. Never cached across
 * requests, never primed into the request's comment loader. Without a service account, or when WordPress refuses it,
 * every load rejects with {@link userCommentsUnavailable}.
 */
export function createUserCommentsLoader(
  scope: UpstreamRequestScope,
  serviceAuthorization: string | undefined,
): DataLoader<number, UserComments> {
  return new DataLoader<number, UserComments>(
    async (userIds) => {
      if (serviceAuthorization === undefined) throw userCommentsUnavailable();
      const planned = scope.fieldsFor('comments');
      const fields = restFields(planned && [...planned, ...USER_COMMENT_FIELDS]);
      const query = userCommentsQuery(userIds);
      const read = async (page: number) => {
        const answer = await scope.client
          .get<RestComment[]>(
            '/wp/v2/comments',
            { ...query, page: page > 1 ? page : undefined, _fields: fields },
            { authorization: serviceAuthorization },
          )
          .catch(refusedAsUnavailable);
        const records = Array.isArray(answer.data) ? answer.data : [];
        return { records, total: answer.total ?? records.length };
      };
      const first = await read(1);
      const pages = Math.ceil(first.total / MAX_PER_PAGE);
      const complete = pages <= MAX_USER_COMMENT_PAGES;
      const rest = complete && pages > 1 ? await Promise.all(Array.from({ length: pages - 1 }, (_, i) => read(i + 2))) : [];
      const byUser = new Map<number, RestComment[]>(userIds.map((id) => [id, []]));
      for (const comment of [first, ...rest].flatMap((p) => p.records)) {
        if (typeof comment.author === 'number') byUser.get(comment.author)?.push(comment);
      }
      return userIds.map((id) => ({ comments: complete ? (byUser.get(id) ?? []) : [], complete }));
    },
    // A DataLoader batch error rejects every key of the batch with it, which is what the error means.
    { maxBatchSize: MAX_PER_PAGE },
  );
}

/**
 * One user's comments window with the service account, for where-arguments or a batch too large to hold them all:
 * `query` (the connection's filters, `author` and `status=approve` fixed by the caller) read as any connection window
 * (./list-windows.ts), through {@link serviceScope}. As with the batch, the caller filters by the viewer's visibility.
 */
export async function loadUserCommentsWindow(
  scope: UpstreamRequestScope,
  serviceAuthorization: string | undefined,
  query: RestQuery,
  offset: number,
  limit: number,
  flipped: boolean,
): Promise<ListPage<RestComment>> {
  if (serviceAuthorization === undefined) throw userCommentsUnavailable();
  return loadWindow(serviceScope(scope, serviceAuthorization), 'comments', query, offset, limit, flipped).catch(refusedAsUnavailable);
}

/**
 * True when WordPress refused a viewer's own `comments?author=` (`rest_forbidden_param`: the viewer cannot edit
 * posts), the one refusal after which a user's comments are read with the service account instead.
 */
export function refusedAuthorFilter(error: unknown): boolean {
  return error instanceof WordPressError && error.wpCode === 'rest_forbidden_param';
}
