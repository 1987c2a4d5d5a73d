import { GraphQLError } from 'graphql';
import { builder } from '../../builder.ts';
import type { CommentModel } from '../../models/comment.ts';
import { toGlobalId } from '../../models/global-id.ts';
import { CommentRef } from '../object-refs.ts';
import {
  badInput,
  checkSizes,
  idInput,
  inputNames,
  lowerCase,
  type MutationInput,
  mutation,
  optionalId,
  type PayloadShape,
  restBody,
} from './common.ts';

/**
 * createComment, updateComment, deleteComment, restoreComment (WPGraphQL's Mutation/Comment*.php).
 *
 * A signed-in viewer's comment goes to REST (`POST /wp/v2/comments`) with their credentials. An anonymous
 * reader's goes through WordPress's own comment form (`/wp-comments-post.php`), as WPGraphQL's `wp_new_comment`
 * does inside WordPress: the site's discussion settings decide (comments open, registration required, name and
 * email required, moderation, flood and duplicate checks), where REST would refuse every anonymous comment
 * unless a plugin turned `rest_allow_anonymous_comments` on. WordPress records the gateway's address as the
 * commenter's (REMOTE_ADDR; see README "Writes"), so the gateway limits comments per client address itself.
 */

interface CommentPayload {
  comment: CommentModel | null;
  success?: boolean;
  deletedId?: string;
  restoredId?: string;
}

const payload = (name: string, extra: 'success' | 'deletedId' | 'restoredId') => {
  const ref = builder.objectRef<CommentPayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      comment: t.field({ type: CommentRef, nullable: true, resolve: (p) => p.comment }),
      ...(extra === 'success'
        ? { success: t.boolean({ nullable: true, resolve: (p) => p.success ?? null }) }
        : extra === 'deletedId'
          ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) }
          : { restoredId: t.id({ nullable: true, resolve: (p) => p.restoredId ?? null }) }),
    }),
  });
  return ref;
};

/** WordPress's own column limits for comment fields (`wp_get_comment_fields_max_lengths`). */
const COMMENT_LIMITS = { author: 245, authorEmail: 100, authorUrl: 200, content: 65_525 };

/** Input field → REST field of a comment. */
const COMMENT_FIELDS = {
  author: 'author_name',
  authorEmail: 'author_email',
  authorUrl: 'author_url',
  content: 'content',
  date: 'date',
  status: 'status',
} as const;

mutation(
  'createComment',
  'CreateCommentInput',
  ['author', 'authorEmail', 'authorUrl', 'clientMutationId', 'commentOn', 'content', 'date', 'parent', 'status'],
  payload('CreateCommentPayload', 'success'),
  async (input, context) => {
    checkSizes(input, COMMENT_LIMITS);
    const postId = typeof input.commentOn === 'number' && input.commentOn > 0 ? input.commentOn : undefined;
    if (!postId) throw badInput('commentOn', 'the database ID of the post to comment on is required');
    const parentId = optionalId(input, 'parent') ?? 0;
    if (typeof input.content !== 'string' || input.content.trim() === '') throw badInput('content', 'the comment is empty');

    if (context.authorization) {
      const body = { ...restBody(input, COMMENT_FIELDS, { status: lowerCase }), post: postId, parent: parentId };
      const comment = await context.writes.save('comments', undefined, body, { ...inputNames(COMMENT_FIELDS), post: 'commentOn' });
      return { comment, success: true };
    }

    // Checked and counted in one step (shared by every instance through Redis when it is configured).
    const wait = await context.guards.comments.take(context.clientAddress);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new GraphQLError(`Too many comments from your address: wait ${seconds} s before commenting again.`, {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
      });
    }
    const { id, held } = await context.writes.commentAsReader({
      postId,
      parentId,
      author: typeof input.author === 'string' ? input.author : '',
      email: typeof input.authorEmail === 'string' ? input.authorEmail : '',
      url: typeof input.authorUrl === 'string' ? input.authorUrl : '',
      content: input.content,
    });
    // A held comment is saved but hidden from readers, its author included: WPGraphQL answers success with no
    // comment, for the client to show its own copy while it awaits moderation.
    const comment = held ? null : await context.loaders.load('comments', id);
    return { comment, success: true };
  },
);

mutation(
  'updateComment',
  'UpdateCommentInput',
  ['author', 'authorEmail', 'authorUrl', 'clientMutationId', 'commentOn', 'content', 'date', 'id', 'parent', 'status'],
  payload('UpdateCommentPayload', 'success'),
  async (input, context) => {
    checkSizes(input, COMMENT_LIMITS);
    const id = idInput(input, 'id');
    const body = restBody(input, COMMENT_FIELDS, { status: lowerCase });
    const parent = optionalId(input, 'parent');
    if (parent !== undefined) body.parent = parent;
    if (typeof input.commentOn === 'number') body.post = input.commentOn;
    const comment = await context.writes.save('comments', id, body, { ...inputNames(COMMENT_FIELDS), post: 'commentOn' });
    return { comment, success: true };
  },
);

mutation(
  'deleteComment',
  'DeleteCommentInput',
  ['clientMutationId', 'forceDelete', 'id'],
  payload('DeleteCommentPayload', 'deletedId'),
  async (input: MutationInput, context) => {
    const id = idInput(input, 'id');
    const comment = await context.writes.remove('comments', id, input.forceDelete === true);
    return { comment, deletedId: toGlobalId('comment', id) };
  },
);

mutation(
  'restoreComment',
  'RestoreCommentInput',
  ['clientMutationId', 'id'],
  payload('RestoreCommentPayload', 'restoredId'),
  async (input, context) => {
    const id = idInput(input, 'id');
    // REST's `untrash` is wp_untrash_comment, what WPGraphQL's restoreComment calls: the status before the trash.
    const comment = await context.writes.setCommentStatus(id, 'untrash');
    return { comment, restoredId: toGlobalId('comment', id) };
  },
);
