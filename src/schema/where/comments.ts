import type { ListQuery } from '../../loaders/list-query.ts';
import { databaseId, databaseIds, searchString } from './args.ts';

/** WPGraphQL's comment where-args (`RootQueryToCommentConnectionWhereArgs` and kin) → `/wp/v2/comments`. */
export interface CommentWhere {
  search?: string | null;
  authorIn?: readonly unknown[] | null;
  authorNotIn?: readonly unknown[] | null;
  commentIn?: readonly unknown[] | null;
  commentNotIn?: readonly unknown[] | null;
  commentType?: string | null;
  contentId?: unknown;
  contentIdIn?: readonly unknown[] | null;
  parent?: number | null;
  parentIn?: readonly unknown[] | null;
  parentNotIn?: readonly unknown[] | null;
  status?: string | null;
  statusIn?: readonly (string | null)[] | null;
  userId?: unknown;
  order?: string | null;
  orderby?: string | null;
}

export const COMMENT_WHERE_FIELDS = [
  'search',
  'authorIn',
  'authorNotIn',
  'commentIn',
  'commentNotIn',
  'commentType',
  'contentId',
  'contentIdIn',
  'parent',
  'parentIn',
  'parentNotIn',
  'status',
  'statusIn',
  'userId',
  'order',
  'orderby',
] as const;

const ORDERBY: Record<string, string> = {
  COMMENT_DATE: 'date',
  COMMENT_DATE_GMT: 'date_gmt',
  COMMENT_ID: 'id',
  COMMENT_IN: 'include',
  COMMENT_PARENT: 'parent',
  COMMENT_POST_ID: 'post',
  COMMENT_TYPE: 'type',
};

/** REST's comment statuses by WPGraphQL's names (`APPROVE` → `approve`). */
const STATUS = (s: string) => s.toLowerCase();

export function commentWhereToRest(where: CommentWhere | null | undefined, authenticated: boolean): ListQuery {
  const q: ListQuery = {};
  if (!where) return q;
  const search = searchString(where.search);
  if (search) q.search = search;
  const authors = [
    ...(databaseIds(where.authorIn, 'authorIn') ?? []),
    ...(where.userId != null ? [databaseId(where.userId, 'userId')] : []),
  ];
  if (authors.length) q.author = authors;
  const authorExclude = databaseIds(where.authorNotIn, 'authorNotIn');
  if (authorExclude?.length) q.author_exclude = authorExclude;
  const include = databaseIds(where.commentIn, 'commentIn');
  if (include?.length) q.include = include;
  const exclude = databaseIds(where.commentNotIn, 'commentNotIn');
  if (exclude?.length) q.exclude = exclude;
  if (where.commentType) q.type = where.commentType;
  const posts = [
    ...(where.contentId != null ? [databaseId(where.contentId, 'contentId')] : []),
    ...(databaseIds(where.contentIdIn, 'contentIdIn') ?? []),
  ];
  if (posts.length) q.post = posts;
  const parents = [...(where.parent != null ? [where.parent] : []), ...(databaseIds(where.parentIn, 'parentIn') ?? [])];
  if (parents.length) q.parent = parents;
  const parentExclude = databaseIds(where.parentNotIn, 'parentNotIn');
  if (parentExclude?.length) q.parent_exclude = parentExclude;
  // Only approved comments for anonymous viewers, as WPGraphQL: other statuses need moderation rights.
  const statuses = [...(where.status ? [where.status] : []), ...(where.statusIn ?? []).filter((s): s is string => !!s)].map(STATUS);
  const allowed = authenticated ? statuses : statuses.filter((s) => s === 'approve' || s === 'approved');
  if (allowed.length) q.status = allowed;
  if (where.orderby) q.orderby = ORDERBY[where.orderby] ?? 'date';
  if (where.order) q.order = where.order.toLowerCase();
  return q;
}
