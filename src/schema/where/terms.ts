import type { ListQuery } from '../../loaders/list-query.ts';
import { badInput, databaseIds, searchString } from './args.ts';

/** WPGraphQL's term where-args (`RootQueryToCategoryConnectionWhereArgs` and kin) → `/wp/v2/categories|tags`. */
export interface TermWhere {
  search?: string | null;
  include?: readonly unknown[] | null;
  exclude?: readonly unknown[] | null;
  slug?: readonly (string | null)[] | null;
  hideEmpty?: boolean | null;
  parent?: number | null;
  order?: string | null;
  orderby?: string | null;
}

/** The served fields of every term where-args input. */
export const TERM_WHERE_FIELDS = ['search', 'include', 'exclude', 'slug', 'hideEmpty', 'parent', 'order', 'orderby'] as const;

const ORDERBY: Record<string, string> = {
  COUNT: 'count',
  DESCRIPTION: 'description',
  NAME: 'name',
  SLUG: 'slug',
  TERM_GROUP: 'term_group',
  TERM_ID: 'id',
};

export function termWhereToRest(where: TermWhere | null | undefined, hierarchical: boolean): ListQuery {
  const q: ListQuery = {};
  if (!where) return q;
  const search = searchString(where.search);
  if (search) q.search = search;
  const include = databaseIds(where.include, 'include');
  if (include?.length) q.include = include;
  const exclude = databaseIds(where.exclude, 'exclude');
  if (exclude?.length) q.exclude = exclude;
  const slugs = (where.slug ?? []).filter((s): s is string => !!s);
  if (slugs.length) q.slug = slugs;
  if (where.hideEmpty != null) q.hide_empty = where.hideEmpty;
  if (where.parent != null) {
    if (!hierarchical) throw badInput('`parent` applies to hierarchical taxonomies (categories) only', 'parent');
    q.parent = where.parent;
  }
  if (where.orderby) q.orderby = ORDERBY[where.orderby] ?? 'name';
  // WPGraphQL: ascending by name unless told; descending for other orders unless told.
  if (where.order) q.order = where.order.toLowerCase();
  else if (where.orderby && where.orderby !== 'NAME') q.order = 'desc';
  return q;
}
