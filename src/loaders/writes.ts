import { decodeHTML } from 'entities';
import { GraphQLError } from 'graphql';
import type { SiteContext } from '../models/site.ts';
import type { UserModel } from '../models/user.ts';
import type { WordPressClient } from '../wordpress/client.ts';
import { publicMessage, WordPressError } from '../wordpress/errors.ts';
import {
  fetchRemoteFile,
  MEDIA_FETCH_DEFAULTS,
  type RemoteFile,
  RemoteFileError,
  type RemoteFileOptions,
} from '../wordpress/remote-file.ts';
import type { Collection, CollectionRecord, RestUser } from '../wordpress/rest-types.ts';
import { type ModelOf, toModels } from './to-model.ts';

/**
 * Every write of one GraphQL request to WordPress: the mutations' only way there, as the loaders are the
 * queries'. A write goes to REST with the viewer's `Authorization` and nothing else (an anonymous comment takes
 * WordPress's own comment form instead), is never retried, coalesced or cached (src/wordpress/client.ts `write`),
 * and, once WordPress has applied it, purges what it touched from the response cache and the entity cache, on
 * this instance and, through Redis, on every instance sharing it. A refused write purges nothing.
 */
export interface Writes {
  /**
   * Creates (`id` undefined) or updates a record: `POST /wp/v2/<collection>[/<id>]` with `body` (REST field
   * names). `names` maps REST parameter names to the GraphQL input fields they came from, so WordPress's
   * "Invalid parameter(s): status" becomes BAD_USER_INPUT naming `status` as the client sent it.
   */
  save<C extends Collection>(collection: C, id: number | undefined, body: Record<string, unknown>, names?: InputNames): Promise<ModelOf<C>>;
  /**
   * Deletes a record (`DELETE /wp/v2/<collection>/<id>`), to the trash unless `force` (terms and users have no
   * trash: they are always deleted). Returns the record as it was, with status `trash` when trashed.
   */
  remove<C extends Collection>(collection: C, id: number, force: boolean): Promise<ModelOf<C>>;
  /**
   * A new media item from the file at `filePath` (createMediaItem): downloaded by the gateway under
   * src/wordpress/remote-file.ts's rules, then uploaded to `/wp/v2/media` with `fields` (REST names) in the query.
   * Refused downloads are BAD_USER_INPUT naming `filePath`, and nothing is sent to WordPress.
   */
  createMedia(filePath: string, fields: Record<string, string | number | boolean>, names?: InputNames): Promise<ModelOf<'media'>>;
  /** A comment's status change through REST (`untrash`, `approve`, …), for restoreComment. */
  setCommentStatus(id: number, status: string): Promise<ModelOf<'comments'>>;
  /**
   * An anonymous reader's comment, through WordPress's comment form (see WordPressClient.postCommentForm).
   * Resolves with the new comment's id and whether WordPress holds it for moderation (then readers, this one
   * included, cannot see it); rejects with a typed error saying what WordPress refused.
   */
  commentAsReader(comment: ReaderComment): Promise<{ id: number; held: boolean }>;
  /**
   * Whether `username` and `password` (an application password) sign in: `GET /wp/v2/users/me` with them as HTTP
   * Basic. The user, or null for any refusal (unknown user and wrong password alike). Other failures (WordPress
   * down) reject.
   */
  checkCredentials(username: string, password: string): Promise<UserModel | null>;
}

/** REST parameter name → GraphQL input field name. */
export type InputNames = Readonly<Record<string, string>>;

/** An anonymous comment, in WordPress's comment-form fields' terms. */
export interface ReaderComment {
  postId: number;
  parentId: number;
  author: string;
  email: string;
  url: string;
  content: string;
}

/** One thing a write invalidates: a GraphQL type (all its answers and records) or one record of it. */
export interface PurgeTarget {
  type: string;
  id?: number;
}

/** What the request's writes need from the running gateway. */
export interface WriteDependencies {
  client: WordPressClient;
  /** The viewer's `Authorization`, sent with every REST write. */
  authorization: string | undefined;
  site: SiteContext;
  /** Invalidates cached answers and records (src/cache/purge.ts, on both caches). */
  purge(targets: readonly PurgeTarget[]): Promise<void>;
  /**
   * How createMediaItem downloads its file.
   * @default public addresses only, 25 MiB, 30 s
   */
  mediaFetch?: RemoteFileOptions | undefined;
}

/**
 * What else a write to a collection can change, purged with it. Whole types, not single records: a new or
 * changed post can join or leave any list of posts, and moves the counts of its terms; a term's change shows in
 * every post that lists it; a user's name shows in every post and comment of theirs. Writes are rare next to
 * reads, so purging wide costs little, and purging narrow would leave answers that lie.
 */
const TOUCHES: Record<Collection, readonly string[]> = {
  posts: ['Post', 'Category', 'Tag', 'User'],
  pages: ['Page', 'User'],
  media: ['MediaItem', 'Post', 'Page'],
  categories: ['Category', 'Post'],
  tags: ['Tag', 'Post'],
  users: ['User', 'Post', 'Page', 'Comment'],
  comments: ['Comment'],
};

const BUILT_IN_TYPES = new Set(['Post', 'Page', 'Category', 'Tag']);

/**
 * Purge targets of a write to `collection`; a comment also purges the post it is on (its comment count). A
 * discovered collection (a custom post type or taxonomy, known from `site.collections`) purges its own type,
 * every other discovered type and every built-in type listing it (a book's genres, a genre's books, posts given
 * a custom taxonomy: relations are not tracked finer) and, for content, users (their posts' lists).
 */
function touched(collection: Collection, record: { post?: unknown } | undefined, site: SiteContext): PurgeTarget[] {
  const builtIn = TOUCHES[collection] as readonly string[] | undefined;
  const discovered = builtIn ? undefined : site.collections?.get(collection);
  const types = builtIn
    ? builtIn
    : discovered
      ? [
          ...new Set([
            discovered.typename,
            ...[...(site.collections?.values() ?? [])]
              .filter((c) => !BUILT_IN_TYPES.has(c.typename) || c.extras.includes(collection))
              .map((c) => c.typename),
            ...(discovered.like === 'posts' || discovered.like === 'pages' ? ['User'] : []),
          ]),
        ]
      : [];
  const targets: PurgeTarget[] = types.map((type) => ({ type }));
  const postId = collection === 'comments' && typeof record?.post === 'number' ? record.post : undefined;
  if (postId) for (const type of ['Post', 'Page', 'MediaItem']) targets.push({ type, id: postId });
  return targets;
}

/** Statuses WordPress answers a refused write with, when its body says why (see toUserError). */
const REFUSALS: Record<number, 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  // rest_comment_duplicate / comment_duplicate
  409: 'BAD_USER_INPUT',
  // rest_already_trashed: "The post has already been deleted."
  410: 'BAD_USER_INPUT',
  413: 'BAD_USER_INPUT',
  // rest_trash_not_supported: media (and other types without a trash) must be deleted with force.
  501: 'BAD_USER_INPUT',
};

/**
 * A failed write as the client hears it. WordPress's refusals (4xx with its error body) keep its own short
 * message, under the code that says who must act: BAD_USER_INPUT (with `extensions.field`, the input field
 * WordPress named), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. Anything else (timeouts, which say the write may have
 * been applied; WordPress down) stays a WordPressError for the gateway's masking (src/plugins/mask-upstream-errors.ts).
 */
function toUserError(error: unknown, names: InputNames = {}): unknown {
  if (!(error instanceof WordPressError) || error.status === undefined || !error.wpCode) return error;
  const code = REFUSALS[error.status];
  if (!code) return error;
  const extensions: Record<string, unknown> = { code, wordpressCode: error.wpCode };
  let message = error.message;
  const invalid = Object.entries(error.invalidParams ?? {});
  if (invalid.length > 0) {
    const fields = invalid.map(([param]) => names[param] ?? param);
    extensions.field = fields[0];
    if (fields.length > 1) extensions.fields = fields;
    message = invalid.map(([param, why]) => `input.${names[param] ?? param}: ${why}`).join('; ');
  } else if (error.wpCode === 'rest_trash_not_supported') {
    message = `${message} Send forceDelete: true to delete it for good.`;
    extensions.field = 'forceDelete';
  }
  return new GraphQLError(message, { extensions });
}

/** Builds a request's writes. */
export function createWrites(deps: WriteDependencies): Writes {
  const { client, authorization, site } = deps;
  const model = <C extends Collection>(collection: C, record: CollectionRecord[C]): ModelOf<C> => toModels(collection, [record], site)[0]!;
  const send = async <T>(
    method: 'POST' | 'DELETE',
    route: string,
    body: Record<string, unknown> | undefined,
    query: Record<string, string | boolean> | undefined,
    names?: InputNames,
  ): Promise<T> => {
    try {
      return await client.write<T>(method, route, body, { authorization, query });
    } catch (error) {
      throw toUserError(error, names);
    }
  };

  return {
    async save(collection, id, body, names) {
      const record = await send<CollectionRecord[typeof collection]>(
        'POST',
        id === undefined ? `/wp/v2/${collection}` : `/wp/v2/${collection}/${id}`,
        body,
        undefined,
        names,
      );
      await deps.purge(touched(collection, record as { post?: unknown }, site));
      return model(collection, record);
    },

    async remove(collection, id, force) {
      // Terms and users cannot be trashed: WordPress refuses a DELETE without force (501) for them.
      const always = collection === 'categories' || collection === 'tags' || collection === 'users';
      const query: Record<string, string | boolean> = force || always ? { force: true } : {};
      if (collection === 'users') query.reassign = 'false';
      const answer = await send<CollectionRecord[typeof collection] | { deleted: boolean; previous: CollectionRecord[typeof collection] }>(
        'DELETE',
        `/wp/v2/${collection}/${id}`,
        undefined,
        query,
      );
      const record = 'previous' in answer && 'deleted' in answer ? answer.previous : (answer as CollectionRecord[typeof collection]);
      await deps.purge(touched(collection, record as { post?: unknown }, site));
      return model(collection, record);
    },

    async createMedia(filePath, fields, names) {
      let file: RemoteFile;
      try {
        file = await fetchRemoteFile(filePath, deps.mediaFetch ?? MEDIA_FETCH_DEFAULTS);
      } catch (error) {
        if (error instanceof RemoteFileError) {
          throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'filePath' } });
        }
        throw error;
      }
      let record: CollectionRecord['media'];
      try {
        record = await client.upload<CollectionRecord['media']>(
          { bytes: file.bytes, contentType: file.contentType ?? 'application/octet-stream', filename: file.filename },
          fields,
          { authorization },
        );
      } catch (error) {
        throw toUserError(error, names);
      }
      await deps.purge(touched('media', record as { post?: unknown }, site));
      return model('media', record);
    },

    async setCommentStatus(id, status) {
      const record = await send<CollectionRecord['comments']>('POST', `/wp/v2/comments/${id}`, { status }, undefined, { status: 'status' });
      await deps.purge(touched('comments', record, site));
      return model('comments', record);
    },

    async commentAsReader(comment) {
      const answer = await client.postCommentForm({
        comment_post_ID: String(comment.postId),
        comment_parent: String(comment.parentId),
        author: comment.author,
        email: comment.email,
        url: comment.url,
        comment: comment.content,
      });
      const outcome = readCommentForm(answer.status, answer.location, answer.text, comment.postId);
      await deps.purge(touched('comments', { post: comment.postId }, site));
      return outcome;
    },

    async checkCredentials(username, password) {
      const basic = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
      try {
        const { data } = await client.get<RestUser>('/wp/v2/users/me', {}, { authorization: basic });
        return toModels('users', [data], site)[0]!;
      } catch (error) {
        if (error instanceof WordPressError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) return null;
        throw error;
      }
    },
  };
}

/**
 * What WordPress's comment form answered (wp-comments-post.php): a redirect to the post with `#comment-<id>` when
 * the comment was saved (with `unapproved=<id>` in the query when it is held for moderation and an email was
 * given); a `wp_die` page when refused, whose status says why (400 missing or invalid fields, 403 comments closed
 * or sign-in required, 409 duplicate, 429 flood; 200 for a field too long); an empty 200 when the post does not
 * exist or is not open to readers (WordPress exits without a word). Throws the typed error of a refusal.
 */
export function readCommentForm(status: number, location: string | undefined, body: string, postId: number): { id: number; held: boolean } {
  if (status >= 300 && status < 400 && location) {
    const id = /#comment-(\d+)/.exec(location)?.[1];
    if (id) return { id: Number(id), held: /[?&]unapproved=\d+/.test(location) };
  }
  const said = dieMessage(body);
  if (status === 200 && !said) {
    throw new GraphQLError(
      `The post to comment on (${postId}) does not exist, or is not open to readers' comments (a draft, private, password-protected or trashed post).`,
      { extensions: { code: 'NOT_FOUND', field: 'commentOn' } },
    );
  }
  if (said && (status === 200 || status === 400 || status === 409 || status === 413)) {
    const field = /email/i.test(said)
      ? 'authorEmail'
      : /name/i.test(said)
        ? 'author'
        : /required fields/i.test(said)
          ? 'author'
          : /url|website/i.test(said)
            ? 'authorUrl'
            : 'content';
    throw new GraphQLError(said, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
  if (said && status === 403) throw new GraphQLError(said, { extensions: { code: 'FORBIDDEN' } });
  if (said && status === 429) throw new GraphQLError(said, { extensions: { code: 'RATE_LIMITED' } });
  if (status >= 500) {
    throw new WordPressError(`WordPress failed with status ${status} (/wp-comments-post.php)`, 'UPSTREAM_UNAVAILABLE', status);
  }
  if (status === 404) {
    // No such script: nothing was saved. Something in front of WordPress blocks the form, or the URL is not
    // WordPress's root.
    throw new WordPressError(
      'WordPress has no comment form at /wp-comments-post.php (404): nothing was saved; anonymous comments need it reachable',
      'UPSTREAM_BAD_RESPONSE',
      status,
      undefined,
      '/wp-comments-post.php',
    );
  }
  throw new WordPressError(
    `WordPress answered the comment form with status ${status} and no comment id; the comment may have been saved: read the post's comments before sending it again`,
    'UPSTREAM_BAD_RESPONSE',
    status,
    undefined,
    '/wp-comments-post.php',
  );
}

/**
 * The message of a `wp_die` answer, as clients may see it; undefined when none. Asked with `Accept:
 * application/json`, WordPress sends `{ "code": "wp_die", "message": "<p>…</p>" }`; an HTML page
 * (`<div class="wp-die-message">`) is read too, for sites whose plugins answer the form themselves.
 */
function dieMessage(body: string): string | undefined {
  let raw: string | undefined;
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed?.message === 'string') raw = parsed.message;
  } catch {
    raw = (/<div class="wp-die-message">([\s\S]*?)<\/div>/i.exec(body) ?? /<body[^>]*>([\s\S]*?)<\/body>/i.exec(body))?.[1];
  }
  if (!raw) return undefined;
  const text = publicMessage(decodeHTML(raw.replace(/<[^>]*>/g, ' ')))
    .replace(/^Error:\s*/i, '')
    .replace(/\s*« Back$/, '')
    .trim();
  return text || undefined;
}
