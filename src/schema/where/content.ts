import type { ListQuery } from '../../loaders/list-query.ts';
import { badInput, databaseId, databaseIds, searchString } from './args.ts';

/**
 * WPGraphQL's where-args for posts, pages and media (`RootQueryToPostConnectionWhereArgs` and kin), turned into
 * REST query parameters of `/wp/v2/posts|pages|media`. Names that WordPress only knows by slug (authorName,
 * categoryName, tag, tagSlugIn/And) cost one lookup each, through `lookupIds`.
 */
export interface ContentWhere {
  search?: string | null;
  id?: number | null;
  in?: readonly unknown[] | null;
  notIn?: readonly unknown[] | null;
  name?: string | null;
  nameIn?: readonly (string | null)[] | null;
  author?: number | null;
  authorIn?: readonly unknown[] | null;
  authorNotIn?: readonly unknown[] | null;
  authorName?: string | null;
  categoryId?: number | null;
  categoryIn?: readonly unknown[] | null;
  categoryNotIn?: readonly unknown[] | null;
  categoryName?: string | null;
  tagId?: string | null;
  tagIn?: readonly unknown[] | null;
  tagNotIn?: readonly unknown[] | null;
  tag?: string | null;
  tagSlugIn?: readonly (string | null)[] | null;
  tagSlugAnd?: readonly (string | null)[] | null;
  isSticky?: boolean | null;
  /** Applied by the connection itself (content-fields.ts `hasPasswordIs`): REST has no such parameter. */
  hasPassword?: boolean | null;
  parent?: unknown;
  parentIn?: readonly unknown[] | null;
  parentNotIn?: readonly unknown[] | null;
  status?: string | null;
  stati?: readonly (string | null)[] | null;
  mimeType?: string | null;
  dateQuery?: DateQuery | null;
  orderby?: readonly ({ field: string; order?: string | null } | null)[] | null;
}

export interface DateInput {
  year?: number | null;
  month?: number | null;
  day?: number | null;
}

export interface DateQuery extends DateInput {
  after?: DateInput | null;
  before?: DateInput | null;
  column?: string | null;
}

/** Finds term or user ids by slug (one request per call). */
export type LookupIds = (collection: 'users' | 'categories' | 'tags', slugs: string[]) => Promise<number[]>;

const ORDERBY: Record<string, string> = {
  AUTHOR: 'author',
  DATE: 'date',
  IN: 'include',
  MENU_ORDER: 'menu_order',
  MODIFIED: 'modified',
  NAME_IN: 'include_slugs',
  PARENT: 'parent',
  SLUG: 'slug',
  TITLE: 'title',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function checkDate(date: DateInput, argumentName: string): void {
  const { year, month, day } = date;
  if (year != null && (!Number.isInteger(year) || year < 1 || year > 9999))
    throw badInput(`\`${argumentName}.year\` must be 1–9999, got ${year}`, argumentName);
  if (month != null && (!Number.isInteger(month) || month < 1 || month > 12))
    throw badInput(`\`${argumentName}.month\` must be 1–12, got ${month}`, argumentName);
  if (day != null && (!Number.isInteger(day) || day < 1 || day > 31))
    throw badInput(`\`${argumentName}.day\` must be 1–31, got ${day}`, argumentName);
  if (year == null && (month != null || day != null)) {
    throw badInput(`\`${argumentName}\` needs a year: the REST API filters by a date range, not by month or day alone`, argumentName);
  }
  if (month == null && day != null) throw badInput(`\`${argumentName}.day\` needs a month`, argumentName);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The latest (`max`) or earliest moment a partial date names, in site-local time as WordPress compares `post_date`:
 * WP_Date_Query fills an `after` date up to its end and a `before` date down to its start.
 */
function bound(date: DateInput, max: boolean): string {
  const year = date.year as number;
  const month = date.month ?? (max ? 12 : 1);
  const day = date.day ?? (max ? daysIn(year, month) : 1);
  if (day > daysIn(year, month)) throw badInput(`${year}-${pad(month)} has no day ${day}`, 'dateQuery');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${max ? '23:59:59' : '00:00:00'}`;
}

/** A local `YYYY-MM-DDTHH:MM:SS` moment moved by some seconds, in the same form. */
function shiftSeconds(local: string, seconds: number): string {
  return new Date(Date.parse(`${local}Z`) + seconds * 1000).toISOString().slice(0, 19);
}

/** dateQuery → REST `after`/`before` (or `modified_after`/`modified_before` for the MODIFIED column). */
function dateParams(query: DateQuery): ListQuery {
  const params: ListQuery = {};
  const afterKey = query.column === 'MODIFIED' ? 'modified_after' : 'after';
  const beforeKey = query.column === 'MODIFIED' ? 'modified_before' : 'before';
  const afters: string[] = [];
  const befores: string[] = [];
  if (query.year != null || query.month != null || query.day != null) {
    checkDate(query, 'dateQuery');
    // The named period itself: after the moment just before it starts, before the moment just after it ends.
    afters.push(shiftSeconds(bound(query, false), -1));
    befores.push(shiftSeconds(bound(query, true), 1));
  }
  if (query.after) {
    checkDate(query.after, 'dateQuery.after');
    if (query.after.year == null) throw badInput('`dateQuery.after` needs a year', 'dateQuery');
    afters.push(bound(query.after, true));
  }
  if (query.before) {
    checkDate(query.before, 'dateQuery.before');
    if (query.before.year == null) throw badInput('`dateQuery.before` needs a year', 'dateQuery');
    befores.push(bound(query.before, false));
  }
  // Several bounds on one side: the tightest one wins (ISO strings of one form sort as dates).
  if (afters.length) params[afterKey] = afters.sort().at(-1);
  if (befores.length) params[beforeKey] = befores.sort()[0];
  return params;
}

function slugs(values: readonly (string | null)[] | null | undefined): string[] {
  return (values ?? []).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Maps content where-args onto REST parameters. `authenticated` says whether the viewer sent credentials:
 * anonymous viewers asking for drafts get published posts only, as in WPGraphQL (which drops stati the viewer
 * may not query rather than failing).
 */
export async function contentWhereToRest(
  where: ContentWhere | null | undefined,
  options: { authenticated: boolean; lookupIds: LookupIds },
): Promise<ListQuery> {
  const q: ListQuery = {};
  if (!where) return q;
  const search = searchString(where.search);
  if (search) q.search = search;

  const include = [...(databaseIds(where.in, 'in') ?? [])];
  if (where.id != null) include.push(databaseId(where.id, 'id'));
  if (include.length) q.include = include;
  const exclude = databaseIds(where.notIn, 'notIn');
  if (exclude?.length) q.exclude = exclude;

  const slugList = [...(where.name ? [where.name] : []), ...slugs(where.nameIn)];
  if (slugList.length) q.slug = slugList;

  const authors = [
    ...(where.author != null ? [databaseId(where.author, 'author')] : []),
    ...(databaseIds(where.authorIn, 'authorIn') ?? []),
  ];
  if (where.authorName) authors.push(...orNone(await options.lookupIds('users', [where.authorName])));
  if (authors.length) q.author = authors;
  const authorExclude = databaseIds(where.authorNotIn, 'authorNotIn');
  if (authorExclude?.length) q.author_exclude = authorExclude;

  // `categoryId`/`categoryName` are WP_Query's `cat`/`category_name`, which take in child categories;
  // `categoryIn` is `category__in`, which does not. REST says which with `categories[include_children]`.
  const withChildren = [...(where.categoryId != null ? [databaseId(where.categoryId, 'categoryId')] : [])];
  if (where.categoryName) withChildren.push(...orNone(await options.lookupIds('categories', [where.categoryName])));
  const exact = databaseIds(where.categoryIn, 'categoryIn') ?? [];
  if (withChildren.length && exact.length) {
    throw badInput('`categoryIn` cannot be combined with `categoryId` or `categoryName` through the REST API', 'categoryIn');
  }
  if (withChildren.length) {
    q['categories[terms]'] = withChildren;
    q['categories[include_children]'] = true;
  } else if (exact.length) q.categories = exact;
  const categoriesExclude = databaseIds(where.categoryNotIn, 'categoryNotIn');
  if (categoriesExclude?.length) q.categories_exclude = categoriesExclude;

  const tags = [...(where.tagId != null ? [databaseId(where.tagId, 'tagId')] : []), ...(databaseIds(where.tagIn, 'tagIn') ?? [])];
  const tagSlugs = [...(where.tag ? where.tag.split(/[,+]/) : []), ...slugs(where.tagSlugIn)].filter(Boolean);
  if (tagSlugs.length) tags.push(...orNone(await options.lookupIds('tags', tagSlugs)));
  const tagsAnd = slugs(where.tagSlugAnd);
  if (tagsAnd.length) {
    const ids = await options.lookupIds('tags', tagsAnd);
    // Every named tag must exist for an AND to match anything.
    q['tags[terms]'] = ids.length === tagsAnd.length ? ids : [-1];
    q['tags[operator]'] = 'AND';
  } else if (tags.length) {
    q.tags = tags;
  }
  const tagsExclude = databaseIds(where.tagNotIn, 'tagNotIn');
  if (tagsExclude?.length) q.tags_exclude = tagsExclude;

  if (where.isSticky != null) q.sticky = where.isSticky;

  const parents = [
    ...(where.parent != null ? [databaseId(where.parent, 'parent')] : []),
    ...(databaseIds(where.parentIn, 'parentIn') ?? []),
  ];
  if (parents.length) q.parent = parents;
  const parentExclude = databaseIds(where.parentNotIn, 'parentNotIn');
  if (parentExclude?.length) q.parent_exclude = parentExclude;

  const stati = [...(where.status ? [where.status] : []), ...slugs(where.stati)].map((s) => s.toLowerCase());
  const allowed = options.authenticated ? stati : stati.filter((s) => s === 'publish');
  if (allowed.length) q.status = allowed;

  if (where.mimeType) q.mime_type = mimeTypeValue(where.mimeType);
  if (where.dateQuery) Object.assign(q, dateParams(where.dateQuery));

  const orderby = where.orderby?.find((o) => o?.field);
  if (orderby) {
    const field = ORDERBY[orderby.field];
    if (!field) throw badInput(`Cannot order by ${orderby.field} through the REST API`, 'orderby');
    q.orderby = field;
    q.order = (orderby.order ?? 'DESC').toLowerCase();
    if (field === 'include' && !q.include) throw badInput('Ordering by IN needs `in`', 'orderby');
    if (field === 'include_slugs' && !q.slug) throw badInput('Ordering by NAME_IN needs `nameIn`', 'orderby');
  } else if (q.include) {
    // WPGraphQL keeps the order of `in` when no other order is asked for.
    q.orderby = 'include';
  }
  return q;
}

/** A slug lookup that found nothing must match nothing, not drop the filter: WordPress matches no post to id -1. */
function orNone(ids: number[]): number[] {
  return ids.length ? ids : [-1];
}

/** `IMAGE_JPEG` → `image/jpeg`; the vendor types keep their dots (`application/vnd.ms-excel`). */
export function mimeTypeValue(name: string): string {
  const [type, ...rest] = name.toLowerCase().split('_');
  return `${type}/${rest.join('-').replace(/^vnd-/, 'vnd.')}`;
}
