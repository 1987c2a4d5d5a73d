import type { ListQuery } from '../../loaders/list-query.ts';
import { databaseIds, searchString } from './args.ts';

/** WPGraphQL's `RootQueryToUserConnectionWhereArgs` → `/wp/v2/users`. Logins are not exposed by REST. */
export interface UserWhere {
  search?: string | null;
  include?: readonly unknown[] | null;
  exclude?: readonly unknown[] | null;
  nicename?: string | null;
  nicenameIn?: readonly (string | null)[] | null;
  orderby?: readonly ({ field: string; order?: string | null } | null)[] | null;
}

export const USER_WHERE_FIELDS = ['search', 'include', 'exclude', 'nicename', 'nicenameIn', 'orderby'] as const;

const ORDERBY: Record<string, string> = {
  DISPLAY_NAME: 'name',
  EMAIL: 'email',
  NICE_NAME: 'slug',
  NICE_NAME_IN: 'include_slugs',
  REGISTERED: 'registered_date',
  URL: 'url',
};

/**
 * Without `orderby`, WPGraphQL lists users as WP_User_Query does by default: by `user_login`, ascending
 * (Data/Connection/UserConnectionResolver.php keeps that default, and sets it explicitly with `search`). REST
 * cannot order by login (it does not expose it) and defaults to `name`; `slug` (`user_nicename`, WordPress's
 * `sanitize_title()` of the login at registration) gives the login's order for every login that is already a
 * lowercase slug — what WordPress itself produces for most sites' users.
 */
const DEFAULT_USER_ORDER: ListQuery = { orderby: 'slug', order: 'asc' };

export function userWhereToRest(where: UserWhere | null | undefined): ListQuery {
  const q: ListQuery = {};
  if (!where) return { ...DEFAULT_USER_ORDER };
  const search = searchString(where.search);
  if (search) q.search = search;
  const include = databaseIds(where.include, 'include');
  if (include?.length) q.include = include;
  const exclude = databaseIds(where.exclude, 'exclude');
  if (exclude?.length) q.exclude = exclude;
  const slugs = [...(where.nicename ? [where.nicename] : []), ...(where.nicenameIn ?? []).filter((s): s is string => !!s)];
  if (slugs.length) q.slug = slugs;
  const orderby = where.orderby?.find((o) => o?.field);
  if (orderby) {
    q.orderby = ORDERBY[orderby.field] ?? 'name';
    q.order = (orderby.order ?? 'ASC').toLowerCase();
  } else {
    Object.assign(q, DEFAULT_USER_ORDER);
  }
  return q;
}
