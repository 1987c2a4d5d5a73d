import type { ArgBuilder, InputObjectRef, InterfaceRef, ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import { badInput } from './where/args.ts';

/**
 * WPGraphQL's connections, built by hand rather than with the relay plugin's `t.connection`: WPGraphQL names
 * every connection, edge and page-info type after its place (`RootQueryToPostConnection`,
 * `PostToCategoryConnectionEdge`, `CategoryToPostConnectionPageInfo`), each implementing per-kind interfaces
 * (`PostConnection`, `PostConnectionEdge`, `PostConnectionPageInfo`), and front ends write fragments on those
 * names. Ours also carry `pageInfo.total` and `pageInfo.offsetPagination`, which WPGraphQL lacks.
 */

/** The arguments every WPGraphQL connection takes. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  where?: { offsetPagination?: { offset?: number | null; size?: number | null } | null } | null;
}

export interface OffsetPaginationShape {
  total: number | null;
  hasMore: boolean;
  hasPrevious: boolean;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  total: number | null;
  offsetPagination: OffsetPaginationShape;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfoShape;
}

/** WPGraphQL's default page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 10;

/**
 * Which slice of an ordered list a connection asks for. `reverse` means "the last `limit` items": the list is
 * read in the opposite order from its start and turned round, because the total is not known beforehand.
 */
export interface Window {
  offset: number;
  limit: number;
  reverse: boolean;
  /** `first`/`after` (or offset pagination) read forwards; `last`/`before` backwards. */
  backward: boolean;
}

// Cursors are opaque to clients; inside they are the item's position in the ordered list, the scheme
// graphql-relay's array connections use. (WPGraphQL's hold a database id and resume with a WHERE clause, which
// REST cannot express.)
const CURSOR_PREFIX = 'arrayconnection:';

/** The cursor of the item at `offset`. */
export function offsetToCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

/** The position a cursor names; a BAD_USER_INPUT error for anything that is not one of ours. */
export function cursorToOffset(cursor: string, argument: string): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const offset = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw badInput(`\`${argument}\` is not a cursor this gateway gave out: ${JSON.stringify(cursor)}`, argument);
  }
  return offset;
}

/**
 * The page size an argument asks for. `first`/`last` over 100 are served as 100, as WPGraphQL does
 * (`graphql_connection_max_query_amount`: front ends send `first: 10000` to mean "all"); `offsetPagination.size`,
 * our own extension, refuses it with the cap named.
 */
function pageSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw badInput(`\`${argument}\` must be a whole number from 0 to ${MAX_PER_PAGE}, got ${value}`, argument);
  }
  if (value > MAX_PER_PAGE && argument !== 'offsetPagination.size') return MAX_PER_PAGE;
  if (value > MAX_PER_PAGE) {
    throw badInput(
      `\`${argument}\` may be at most ${MAX_PER_PAGE} (WordPress's page cap), got ${value}; page with \`after\` or \`where.offsetPagination\``,
      argument,
    );
  }
  return value;
}

/**
 * Reads `first`/`last`/`after`/`before`/`where.offsetPagination` into a window over the ordered list, checking
 * them as WPGraphQL does (`first` with `last` is an error) and refusing pages over 100 before anything is sent.
 */
export function windowFor(args: ConnectionArgs): Window {
  const { first, last, after, before } = args;
  const offsetPagination = args.where?.offsetPagination;
  if (first != null && last != null) {
    throw badInput(
      'The `first` and `last` connection args cannot be used together. For forward pagination, use `first` & `after`. For backward pagination, use `last` & `before`.',
      'first',
    );
  }
  if (offsetPagination) {
    if (first != null || last != null || after != null || before != null) {
      throw badInput('`where.offsetPagination` cannot be combined with `first`, `last`, `after` or `before`', 'where');
    }
    const offset = offsetPagination.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) {
      throw badInput(`\`offsetPagination.offset\` must be a whole number ≥ 0, got ${offset}`, 'where');
    }
    return {
      offset,
      limit: pageSize(offsetPagination.size ?? DEFAULT_PAGE_SIZE, 'offsetPagination.size'),
      reverse: false,
      backward: false,
    };
  }
  if (last != null || (before != null && first == null)) {
    const limit = pageSize(last ?? DEFAULT_PAGE_SIZE, 'last');
    if (before == null) return { offset: 0, limit, reverse: true, backward: true };
    const end = cursorToOffset(before, 'before');
    const start = Math.max(0, end - limit);
    return { offset: start, limit: end - start, reverse: false, backward: true };
  }
  const limit = pageSize(first ?? DEFAULT_PAGE_SIZE, 'first');
  const offset = after != null ? cursorToOffset(after, 'after') + 1 : 0;
  return { offset, limit, reverse: false, backward: false };
}

/**
 * Assembles a connection from the items of a window (in display order) and the list's total. With `reverse`
 * the window was read from the end, so positions count back from `total`.
 */
export function buildConnection<T>(items: T[], window: Window, total: number | null): ConnectionShape<T> {
  const start = window.reverse ? Math.max(0, (total ?? items.length) - items.length) : window.offset;
  const edges = items.map((node, i) => ({ cursor: offsetToCursor(start + i), node }));
  // Positions this page covers. WordPress pages in SQL and then drops rows the viewer may not read (a comment
  // on a password post), so a page can come back short while more follow: the next page must start after the
  // whole window asked for, not after the last item received, or it repeats an item.
  const covered = window.reverse || total === null ? items.length : Math.max(items.length, Math.min(window.limit, total - start));
  const end = start + covered;
  const hasMore = total !== null ? end < total : items.length === window.limit;
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: window.backward ? total !== null && end < total : hasMore,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: covered > 0 ? offsetToCursor(end - 1) : null,
      total,
      offsetPagination: { total, hasMore, hasPrevious: start > 0 },
    },
  };
}

/** A connection over a list already in memory (a post's term ids, a post's comments). */
export function sliceConnection<T>(all: readonly T[], args: ConnectionArgs): ConnectionShape<T> {
  const window = windowFor(args);
  const offset = window.reverse ? Math.max(0, all.length - window.limit) : window.offset;
  return buildConnection(all.slice(offset, offset + window.limit), { ...window, offset, reverse: false }, all.length);
}

/** One page as a paged source returns it: the items in the order asked for, and the count over all pages. */
export interface SourcePage<T> {
  items: T[];
  total: number;
}

/**
 * A connection over a list WordPress pages for us (a REST collection query). `fetch(offset, limit, flipped)`
 * asks for `limit` items from `offset`, in the opposite order when `flipped` (for `last` without `before`).
 * A window of 0 items still asks for one, because WordPress refuses `per_page=0` and the total is still wanted.
 */
export async function pagedConnection<T>(
  args: ConnectionArgs,
  fetch: (offset: number, limit: number, flipped: boolean) => Promise<SourcePage<T>>,
): Promise<ConnectionShape<T>> {
  const window = windowFor(args);
  const page = await fetch(window.offset, Math.max(1, window.limit), window.reverse);
  let items = page.items.slice(0, window.limit);
  if (window.reverse) items = items.reverse();
  return buildConnection(items, window, page.total);
}

// ---- the GraphQL types ----------------------------------------------------------------------------------

const PageInfoInterface = builder.interfaceRef<PageInfoShape>('PageInfo').implement({
  description: 'Information about pagination in a connection.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { nullable: false }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { nullable: false }),
    startCursor: t.exposeString('startCursor'),
    endCursor: t.exposeString('endCursor'),
  }),
});

const OffsetPaginationPageInfo = builder.objectRef<OffsetPaginationShape>('OffsetPaginationPageInfo').implement({
  description:
    "Page-number pagination facts (the shape of the wp-graphql-offset-pagination extension), from WordPress's X-WP-Total header.",
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many items match, over all pages.' }),
    hasMore: t.exposeBoolean('hasMore', { description: 'Whether items follow this page.' }),
    hasPrevious: t.exposeBoolean('hasPrevious', { description: 'Whether items precede this page.' }),
  }),
});

const WPPageInfo = builder.interfaceRef<PageInfoShape>('WPPageInfo').implement({
  description: 'Information about pagination in a connection.',
  interfaces: [PageInfoInterface],
  fields: (t) => ({
    total: t.exposeInt('total', {
      description: "How many items match, over all pages (WordPress's X-WP-Total). Not in WPGraphQL.",
    }),
    offsetPagination: t.field({
      type: OffsetPaginationPageInfo,
      description: 'Page-number pagination facts, for `where: { offsetPagination: { offset, size } }`.',
      resolve: (info) => info.offsetPagination,
    }),
  }),
});

export const EdgeInterface = builder.interfaceRef<EdgeShape<unknown>>('Edge').implement({
  description: 'Relational context between connected nodes',
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: builder.nodeInterfaceRef(), nullable: false, resolve: (edge) => edge.node }),
  }),
});

export const OneToOneConnection = builder.interfaceRef<EdgeShape<unknown>>('OneToOneConnection').implement({
  description: 'A singular connection from one Node to another, with support for relational data on the "edge" of the connection.',
  interfaces: [EdgeInterface],
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: builder.nodeInterfaceRef(), nullable: false, resolve: (edge) => edge.node }),
  }),
});

const ConnectionInterface = builder.interfaceRef<ConnectionShape<unknown>>('Connection').implement({
  description: 'A plural connection from one Node Type in the Graph to another Node Type',
  fields: (t) => ({
    edges: t.field({ type: [EdgeInterface], nullable: false, resolve: (c) => c.edges }),
    nodes: t.field({ type: [builder.nodeInterfaceRef()], nullable: false, resolve: (c) => c.nodes }),
    pageInfo: t.field({ type: PageInfoInterface, nullable: false, resolve: (c) => c.pageInfo }),
  }),
});

/** The per-kind interfaces (`PostConnection`, `PostConnectionEdge`, `PostConnectionPageInfo`), made once. */
interface KindInterfaces {
  connection: InterfaceRef<BuilderTypes, ConnectionShape<unknown>>;
  edge: InterfaceRef<BuilderTypes, EdgeShape<unknown>>;
  pageInfo: InterfaceRef<BuilderTypes, PageInfoShape>;
}

export type NodeRef = ObjectRef<BuilderTypes, never> | InterfaceRef<BuilderTypes, never> | { name: string };
const kinds = new Map<string, KindInterfaces>();

function kindInterfaces(kind: string, nodeRef: NodeRef): KindInterfaces {
  const existing = kinds.get(kind);
  if (existing) return existing;
  const edge = builder.interfaceRef<EdgeShape<unknown>>(`${kind}ConnectionEdge`).implement({
    description: `Edge between a node and a connected ${kind}`,
    interfaces: [EdgeInterface],
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      // cast: the node ref's shape is not known to these generic helpers (NodeRef), so Pothos cannot check the node.
      node: t.field({ type: nodeRef, nullable: false, resolve: (e: EdgeShape<unknown>) => e.node as never }),
    }),
  });
  const pageInfo = builder.interfaceRef<PageInfoShape>(`${kind}ConnectionPageInfo`).implement({
    description: `Page Info on the connected ${kind}ConnectionEdge`,
    interfaces: [WPPageInfo, PageInfoInterface],
    fields: () => ({}),
  });
  const connection = builder.interfaceRef<ConnectionShape<unknown>>(`${kind}Connection`).implement({
    description: `Connection to ${kind} Nodes`,
    interfaces: [ConnectionInterface],
    fields: (t) => ({
      edges: t.field({ type: [edge], nullable: false, resolve: (c) => c.edges }),
      // cast: as for `node` above.
      nodes: t.field({ type: [nodeRef], nullable: false, resolve: (c: ConnectionShape<unknown>) => c.nodes as never }),
      pageInfo: t.field({ type: pageInfo, nullable: false, resolve: (c) => c.pageInfo }),
    }),
  });
  const made = { connection, edge, pageInfo };
  kinds.set(kind, made);
  return made;
}

/**
 * Declares one WPGraphQL connection: `<name>` with `<name>Edge` and `<name>PageInfo`, over nodes of `kind`
 * (`Post`, `ContentNode`, …) whose GraphQL type is `nodeRef`.
 */
export function defineConnection<T>(name: string, kind: string, nodeRef: NodeRef): ObjectRef<BuilderTypes, ConnectionShape<T>> {
  const iface = kindInterfaces(kind, nodeRef);
  const edge = builder.objectRef<EdgeShape<T>>(`${name}Edge`).implement({
    description: `An edge in a connection`,
    interfaces: [iface.edge, EdgeInterface],
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'A cursor for use in pagination' }),
      // cast: T is the caller's model type, NodeRef's shape is unknown here (see kindInterfaces).
      node: t.field({ type: nodeRef, nullable: false, resolve: (e) => e.node as never }),
    }),
  });
  const pageInfo = builder.objectRef<PageInfoShape>(`${name}PageInfo`).implement({
    description: `Page Info on the "${name}"`,
    interfaces: [iface.pageInfo, WPPageInfo, PageInfoInterface],
    fields: () => ({}),
  });
  return builder.objectRef<ConnectionShape<T>>(name).implement({
    description: `Connection between the ${name.split('To')[0]} type and the ${kind} type`,
    interfaces: [iface.connection, ConnectionInterface],
    fields: (t) => ({
      edges: t.field({ type: [edge], nullable: false, description: 'Edges for the connection', resolve: (c) => c.edges }),
      nodes: t.field({
        type: [nodeRef],
        nullable: false,
        description: 'The nodes of the connection, without the edges',
        // cast: as for the edge's `node` above.
        resolve: (c) => c.nodes as never,
      }),
      pageInfo: t.field({
        type: pageInfo,
        nullable: false,
        description: 'Information about pagination in a connection.',
        resolve: (c) => c.pageInfo,
      }),
    }),
  });
}

/** The shape of a one-to-one edge (`post.author`, `post.featuredImage`, `comment.parent`). */
export function defineOneToOneEdge<T>(name: string, kind: string, nodeRef: NodeRef): ObjectRef<BuilderTypes, EdgeShape<T>> {
  const iface = kindInterfaces(kind, nodeRef);
  return builder.objectRef<EdgeShape<T>>(name).implement({
    description: `Connection between the ${name.split('To')[0]} type and the ${kind} type`,
    interfaces: [OneToOneConnection, EdgeInterface, iface.edge],
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description: 'Opaque reference to the nodes position in the connection. Value can be used with pagination args.',
      }),
      node: t.field({
        type: nodeRef,
        nullable: false,
        description: 'The node of the connection, without the edges',
        // cast: as in defineConnection.
        resolve: (e) => e.node as never,
      }),
    }),
  });
}

/** A one-to-one edge around a loaded node, or null when there is none. */
export function oneToOne<T>(node: T | null | undefined): EdgeShape<T> | null {
  return node == null ? null : { cursor: offsetToCursor(0), node };
}

/**
 * `first`, `last`, `after`, `before` (WPGraphQL's names and descriptions) and, when given, `where` of that input
 * type: the arguments of every connection field.
 */
export function paginationArgs(t: { arg: ArgBuilder<BuilderTypes> }, where?: InputObjectRef<BuilderTypes, Record<string, unknown>>) {
  const arg = t.arg;
  return {
    first: arg.int({ description: 'The number of items to return after the referenced "after" cursor' }),
    last: arg.int({ description: 'The number of items to return before the referenced "before" cursor' }),
    after: arg.string({ description: 'Cursor used along with the "first" argument to reference where in the dataset to get data' }),
    before: arg.string({ description: 'Cursor used along with the "last" argument to reference where in the dataset to get data' }),
    ...(where ? { where: arg({ type: where, description: 'Arguments for filtering the connection' }) } : {}),
  };
}
