import type { ObjectRef } from '@pothos/core';
import type { BuilderTypes } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { uriFromLink } from '../models/site.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import type { ModelOf } from '../loaders/to-model.ts';
import { type ConnectionArgs, type ConnectionShape, defineConnection, type NodeRef, paginationArgs } from './connections.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import { filteredRestConnection, restConnection } from './rest-connection.ts';
import { restArgumentSources, restSources } from './rest-sources.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { reference } from './wpgraphql-reference.ts';
import { badInput } from './where/args.ts';
import { contentWhereToRest, type ContentWhere } from './where/content.ts';
import { isInputObjectType } from 'graphql';

/**
 * Fields shared by the three content types (Post, Page, MediaItem): lookups by `idType`, and connections with
 * WPGraphQL's content where-args.
 */

export type ContentCollection = 'posts' | 'pages' | 'media';

/**
 * Where-args each content collection can honour. REST ignores parameters a route does not register, so serving
 * `isSticky` on pages would silently return unfiltered lists: each collection gets only what its route takes.
 */
/** Where-args every content route takes. */
export const COMMON_WHERE = [
  'search',
  'id',
  'in',
  'notIn',
  'name',
  'nameIn',
  'author',
  'authorIn',
  'authorNotIn',
  'authorName',
  'status',
  'stati',
  'dateQuery',
  'orderby',
  // WP_Query's `has_password`; no REST parameter: filteredRestConnection reads and narrows the list.
  'hasPassword',
] as const;

const SERVED_WHERE: Record<ContentCollection, readonly string[]> = {
  // Posts are flat and carry terms and stickiness.
  posts: [
    ...COMMON_WHERE,
    'categoryId',
    'categoryIn',
    'categoryNotIn',
    'categoryName',
    'tagId',
    'tagIn',
    'tagNotIn',
    'tag',
    'tagSlugIn',
    'tagSlugAnd',
    'isSticky',
  ],
  pages: [...COMMON_WHERE, 'parent', 'parentIn', 'parentNotIn'],
  media: [...COMMON_WHERE, 'parent', 'parentIn', 'parentNotIn', 'mimeType'],
};

/** WPGraphQL's where-args input `name`, with the fields `collection` serves plus offset pagination. */
export function contentWhereInput(
  name: string,
  collection: ContentCollection,
  extra?: (t: Parameters<typeof offsetPaginationField>[0]) => ReturnType<typeof offsetPaginationField>,
) {
  const type = reference.getType(name);
  if (!type || !isInputObjectType(type)) throw new Error(`${name} is not an input of WPGraphQL's schema`);
  const available = Object.keys(type.getFields());
  return referenceInput(
    name,
    SERVED_WHERE[collection].filter((f) => available.includes(f)),
    (t) => ({
      ...offsetPaginationField(t),
      ...extra?.(t),
    }),
  );
}

/**
 * `where: { hasPassword }` (WP_Query `has_password`): true keeps the records with a password, false those
 * without. Attachments never have one.
 */
export function hasPasswordIs(model: { hasPassword?: boolean | null }, wanted: boolean): boolean {
  return (model.hasPassword === true) === wanted;
}

/**
 * A connection over a content collection query: `where.hasPassword`, which no REST parameter expresses, narrows
 * the list in the gateway (filteredRestConnection); everything else is the REST query.
 */
export function contentConnection<C extends ContentCollection>(
  context: GatewayContext,
  collection: C,
  args: ConnectionArgs & { where?: ContentWhere | null },
  query: ListQuery,
): Promise<ConnectionShape<ModelOf<C>>> {
  const hasPassword = args.where?.hasPassword;
  if (typeof hasPassword !== 'boolean') return restConnection(context, collection, args, query);
  // `content.protected` is REST's `(bool) post_password`, which the model reads as `hasPassword`.
  return filteredRestConnection(context, collection, args, query, ['content.protected'], (model) =>
    hasPasswordIs(model as { hasPassword?: boolean | null }, hasPassword),
  );
}

/** A path as WPGraphQL's `uri` prints it, from a URI or full URL a client sent. */
export function normaliseUri(uri: string, context: GatewayContext): string {
  let path = uri.trim();
  if (/^https?:\/\//i.test(path)) path = uriFromLink(path, context.site) ?? path;
  if (!path.startsWith('/')) path = `/${path}`;
  return path;
}

const withSlash = (path: string) => (path.endsWith('/') || path.includes('?') || path.includes('#') ? path : `${path}/`);

/**
 * The content record whose `uri` is `uri`: WordPress permalinks end in the slug (`/2024/05/hello-world/`,
 * `/about/team/`), so ask the collection by that slug and keep the record whose uri matches exactly. Plain
 * permalinks (`/?p=12`, `/?page_id=3`) name the id.
 */
export async function contentByUri<C extends ContentCollection>(
  context: GatewayContext,
  collection: C,
  uri: string,
): Promise<ModelOf<C> | null> {
  const path = normaliseUri(uri, context);
  const plain = /[?&](?:p|page_id|attachment_id)=(\d+)/.exec(path);
  if (plain) return context.loaders.load(collection, Number(plain[1]));
  const segments = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  const slug = segments.at(-1);
  if (!slug) return null;
  const { models } = await context.loaders.list(collection, { slug: decodeURIComponentSafe(slug), per_page: 100 }, ['link']);
  return models.find((m) => m.uri !== null && withSlash(m.uri) === withSlash(path)) ?? null;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The database id an `idType: ID` argument names, checked to be a post-type id. */
export function postDatabaseIdFromGlobalId(id: string, typeLabel: string): number {
  const parts = fromGlobalId(id);
  const n = parts && /^\d+$/.test(parts.id) ? Number(parts.id) : Number.NaN;
  if (!parts || !Number.isSafeInteger(n) || n <= 0) {
    throw badInput(
      `\`id\` is not a valid global id: ${JSON.stringify(id)}. Pass the \`id\` field of a ${typeLabel}, or set \`idType\`.`,
      'id',
    );
  }
  if (parts.type !== 'post') {
    throw badInput(`\`id\` is the global id of a ${parts.type}, not of a ${typeLabel}.`, 'id');
  }
  return n;
}

/** A positive database id from an `idType: DATABASE_ID` argument. */
export function databaseIdArgument(id: string): number {
  const n = /^\d+$/.test(id.trim()) ? Number(id.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw badInput(`\`id\` must be a positive database id with idType DATABASE_ID, got ${JSON.stringify(id)}`, 'id');
  return n;
}

/**
 * A content record by database id; for a signed-in viewer, an id REST does not list may be a revision, which
 * WPGraphQL's loader reads like any post row (src/loaders/preview.ts `loadRevisionById`).
 */
export async function byDatabaseId<C extends ContentCollection>(
  context: GatewayContext,
  collection: C,
  id: number,
): Promise<ModelOf<C> | null> {
  const found = await context.loaders.load(collection, id);
  if (found || collection === 'media' || context.authorization === undefined) return found;
  return (await context.loaders.revision(collection, id)) as ModelOf<C> | null;
}

/** One content record by the argument pair (`id`, `idType`), as `post`, `page`, `mediaItem` take it. */
export async function contentById<C extends ContentCollection>(
  context: GatewayContext,
  collection: C,
  id: string,
  idType: string | null | undefined,
  typeLabel: string,
): Promise<ModelOf<C> | null> {
  switch (idType ?? 'ID') {
    case 'ID':
      return byDatabaseId(context, collection, postDatabaseIdFromGlobalId(id, typeLabel));
    case 'DATABASE_ID':
      return byDatabaseId(context, collection, databaseIdArgument(id));
    case 'SLUG':
      return (await context.loaders.list(collection, { slug: id, per_page: 1 })).models[0] ?? null;
    case 'URI':
      return contentByUri(context, collection, id);
    default:
      throw badInput(`idType ${idType} is not served for ${typeLabel}`, 'idType');
  }
}

interface ByIdOptions<C extends ContentCollection> {
  type: ObjectRef<BuilderTypes, ModelOf<C>>;
  collection: C;
  /** WPGraphQL's idType enum for this field (`PostIdType`). */
  idTypeEnum: string;
  /** Values of that enum the REST API can serve. */
  servedIdTypes?: readonly string[];
  description: string;
}

/**
 * `asPreview` of `post`, `page`, `mediaItem` and `contentNode`. In WPGraphQL (Type/ObjectType/RootQuery.php,
 * `Utils::get_post_preview_id()`) it swaps in the node's newest revision or autosave, whoever saved it, when there
 * is one; else the node itself. A revision is private to viewers who may edit its parent: anonymous viewers get
 * null for a node with revisions (src/loaders/preview.ts). Media have no revisions: the node itself.
 */
export function asPreviewArg(t: PothosSchemaTypes.QueryFieldBuilder<BuilderTypes, BuilderTypes['Root']>) {
  return t.arg.boolean({ description: 'Whether to return the node as a preview instance' });
}

/** What a field taking `asPreview` declares: the newest revision's id is in the record's `_links`. */
export const AS_PREVIEW_SOURCES = restArgumentSources({ asPreview: ['_links'] });

/** The node `asPreview` answers for a node found by its id (see {@link asPreviewArg}). */
export async function asPreviewOf<M>(
  context: GatewayContext,
  collection: Collection,
  node: M | null,
  asPreview: boolean | null | undefined,
): Promise<M | null> {
  if (asPreview !== true || node === null) return node;
  const model = node as unknown as { __typename?: string; isRevision?: boolean | null };
  // Media have no revisions; a node that is already a revision is its own preview.
  if (collection === 'media' || model.isRevision === true) return node;
  return (await context.loaders.preview(collection, node as never)) as M | null;
}

/** `post(id, idType, asPreview)`, `page(…)`, `mediaItem(…)`. */
export function contentNodeByIdField<C extends ContentCollection>(
  t: PothosSchemaTypes.QueryFieldBuilder<BuilderTypes, BuilderTypes['Root']>,
  options: ByIdOptions<C>,
) {
  const idTypeEnum = referenceEnum(options.idTypeEnum, options.servedIdTypes);
  return t.field({
    type: options.type,
    description: options.description,
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the object.' }),
      idType: t.arg({ type: idTypeEnum, description: 'Type of unique identifier to fetch by. Default is Global ID' }),
      asPreview: asPreviewArg(t),
    },
    extensions: AS_PREVIEW_SOURCES,
    // cast: Pothos types a resolver's result by a conditional type over the ref's shape, which it cannot
    // resolve for a generic C; every caller passes the ref of C's model.
    resolve: (_root, args, context) =>
      contentById(context, options.collection, String(args.id), args.idType, options.idTypeEnum.replace(/IdType$/, '').toLowerCase()).then(
        (found) => asPreviewOf(context, options.collection, found, args.asPreview),
      ) as never,
  });
}

interface ConnectionFieldOptions<Parent, C extends ContentCollection> {
  connection: string;
  kind: string;
  nodeRef: NodeRef;
  collection: C;
  whereInput: string;
  description: string;
  /** REST parameters the parent fixes (`author` for `User.posts`, `categories` for `Category.posts`). */
  fixed?: (parent: Parent, context: GatewayContext) => ListQuery;
}

/** A connection over a content collection with WPGraphQL's where-args, defaults and pagination. */
export function contentConnectionField<Parent, C extends ContentCollection>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent> | PothosSchemaTypes.QueryFieldBuilder<BuilderTypes, Parent>,
  options: ConnectionFieldOptions<Parent, C>,
) {
  const connection = defineConnection<ModelOf<C>>(options.connection, options.kind, options.nodeRef);
  const where = contentWhereInput(options.whereInput, options.collection);
  return t.field({
    type: connection,
    description: options.description,
    // On a record (`Category.posts`, `User.pages`): the parent's id is all the filter needs.
    extensions: restSources('id'),
    args: paginationArgs(t, where),
    resolve: async (parent, rawArgs, context) => {
      // The where input is built from the reference at run time (inputs.ts), so Pothos types it as a record.
      const args = rawArgs as ConnectionArgs & { where?: ContentWhere | null };
      const query = await contentWhereToRest(args.where, {
        authenticated: context.authorization !== undefined,
        lookupIds: (collection, slugs) => context.loaders.lookupIds(collection, slugs),
      });
      // cast: `t` is an object's or the Query's field builder; only object fields pass `fixed`, with their Parent.
      Object.assign(query, options.fixed?.(parent as never, context));
      return contentConnection(context, options.collection, args, query);
    },
  });
}
