import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import { buildConnection, type ConnectionArgs, type ConnectionShape, windowFor } from './connections.ts';
import { type ContentCollection, contentConnection } from './content-fields.ts';
import { discoveredTargets } from './discovered-collections.ts';
import type { ContentNodeModel } from './object-refs.ts';
import { badInput } from './where/args.ts';
import type { ContentWhere } from './where/content.ts';

/**
 * `contentNodes(where: { contentTypes })`: the content of one type is that type's REST collection, as its own
 * connection; of several types, each collection read newest first (REST's default order, pages of 100, only as far
 * as the window needs) and merged by date, as WP_Query orders one query over several post types (`post_date DESC`).
 * Totals are the sum of the routes' `X-WP-Total`. Without `contentTypes`, posts (see the field in ./node.ts).
 */

/** WPGraphQL's ContentTypeEnum for the built-in types; the site schema adds the discovered ones (`BOOK`). */
export const ContentTypeEnum = builder.enumType('ContentTypeEnum', {
  description: 'Allowed Content Types',
  values: {
    POST: { description: 'The Type of Content object' },
    PAGE: { description: 'The Type of Content object' },
    ATTACHMENT: { description: 'The Type of Content object' },
  },
});

const BUILT_IN: Record<string, ContentCollection> = { POST: 'posts', PAGE: 'pages', ATTACHMENT: 'media' };
/** Pages of 100 read at most per content type. */
const MAX_PAGES = 10;

type Where = ContentWhere & { contentTypes?: (string | null)[] | null };

/** The connection over the content types `where.contentTypes` names. */
export async function contentNodesOfTypes(
  context: GatewayContext,
  args: ConnectionArgs & { where?: Where | null },
  query: ListQuery,
  names: readonly string[],
): Promise<ConnectionShape<ContentNodeModel>> {
  const all = [
    ...Object.entries(BUILT_IN).map(([value, collection]) => ({ value, collection, context })),
    ...discoveredTargets<'posts' | 'pages'>(context, 'postType').map((d) => ({ ...d, value: d.facts.enumValue })),
  ];
  const targets = all.filter((x) => names.includes(x.value));
  if (targets.length === 1) {
    const [only] = targets;
    return contentConnection(only!.context, only!.collection, args, query) as Promise<ConnectionShape<ContentNodeModel>>;
  }
  if (args.where?.orderby?.length || typeof args.where?.hasPassword === 'boolean') {
    throw badInput(
      '`contentNodes` of several content types can only be listed newest first, without `orderby` or `hasPassword`, through the REST API',
      'where',
    );
  }
  const window = windowFor(args);
  const wanted = window.reverse ? Number.POSITIVE_INFINITY : window.offset + window.limit;
  const read = await Promise.all(targets.map((x) => readNewestFirst(x.context, x.collection, query, wanted)));
  const merged = mergeNewestFirst(read.map((r) => r.models));
  const total = read.reduce((sum, r) => sum + r.total, 0);
  const offset = window.reverse ? Math.max(0, total - window.limit) : window.offset;
  const items = window.reverse ? merged.slice(-window.limit) : merged.slice(offset, offset + window.limit);
  return buildConnection(items, { ...window, offset, reverse: false }, total);
}

async function readNewestFirst(context: GatewayContext, collection: ContentCollection, query: ListQuery, wanted: number) {
  const models: ContentNodeModel[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES && models.length < wanted; page++) {
    // `date_gmt` orders the merge, whether or not the operation selects it.
    const list = await context.loaders.list(collection, { ...query, orderby: 'date', order: 'desc', per_page: MAX_PER_PAGE, page }, [
      'date_gmt',
    ]);
    models.push(...(list.models as ContentNodeModel[]));
    total = list.total;
    if (list.models.length < MAX_PER_PAGE || page * MAX_PER_PAGE >= list.total) break;
  }
  return { models, total };
}

/**
 * Merges lists each already newest first (as REST ordered them) into one, newest first. Records of the same date
 * keep the order REST gave them, the earlier type first: MySQL leaves ties in no defined order, so the gateway keeps
 * the one each route chose rather than invent another.
 */
export function mergeNewestFirst<T extends { dateGmt: string | null }>(lists: readonly T[][]): T[] {
  const heads = lists.map(() => 0);
  const out: T[] = [];
  for (;;) {
    let pick = -1;
    for (const [i, list] of lists.entries()) {
      const item = list[heads[i]!];
      if (item === undefined) continue;
      const best = pick === -1 ? undefined : lists[pick]![heads[pick]!];
      if (!best || (item.dateGmt ?? '') > (best.dateGmt ?? '')) pick = i;
    }
    if (pick === -1) return out;
    out.push(lists[pick]![heads[pick]!]!);
    heads[pick]!++;
  }
}
