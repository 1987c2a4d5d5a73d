import type { BuilderTypes } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { uriFromLink } from '../models/site.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import { defineConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import { restConnection } from './rest-connection.ts';
import { reference } from './wpgraphql-reference.ts';
import type { ContentNodeModel } from './object-refs.ts';
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
const COMMON_WHERE = [
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
export function contentWhereInput(name: string, collection: ContentCollection) {
  const type = reference.getType(name);
  if (!type || !isInputObjectType(type)) throw new Error(`${name} is not an input of WPGraphQL's schema`);
  const available = Object.keys(type.getFields());
  return referenceInput(
    name,
    SERVED_WHERE[collection].filter((f) => available.includes(f)),
    offsetPaginationField,
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
export async function contentByUri(context: GatewayContext, collection: ContentCollection, uri: string): Promise<ContentNodeModel | null> {
  const path = normaliseUri(uri, context);
  const plain = /[?&](?:p|page_id|attachment_id)=(\d+)/.exec(path);
  if (plain) return context.loaders.load(collection, Number(plain[1])) as Promise<ContentNodeModel | null>;
  const segments = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  const slug = segments.at(-1);
  if (!slug) return null;
  const { models } = await context.loaders.list(collection, { slug: decodeURIComponentSafe(slug), per_page: 100 }, ['link']);
  return (models as ContentNodeModel[]).find((m) => m.uri !== null && withSlash(m.uri) === withSlash(path)) ?? null;
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

/** One content record by the argument pair (`id`, `idType`), as `post`, `page`, `mediaItem` take it. */
export async function contentById(
  context: GatewayContext,
  collection: ContentCollection,
  id: string,
  idType: string | null | undefined,
  typeLabel: string,
): Promise<ContentNodeModel | null> {
  switch (idType ?? 'ID') {
    case 'ID':
      return context.loaders.load(collection, postDatabaseIdFromGlobalId(id, typeLabel)) as Promise<ContentNodeModel | null>;
    case 'DATABASE_ID':
      return context.loaders.load(collection, databaseIdArgument(id)) as Promise<ContentNodeModel | null>;
    case 'SLUG':
      return ((await context.loaders.list(collection, { slug: id, per_page: 1 })).models[0] as ContentNodeModel | undefined) ?? null;
    case 'URI':
      return contentByUri(context, collection, id);
    default:
      throw badInput(`idType ${idType} is not served for ${typeLabel}`, 'idType');
  }
}

interface ByIdOptions {
  type: unknown;
  collection: ContentCollection;
  /** WPGraphQL's idType enum for this field (`PostIdType`). */
  idTypeEnum: string;
  /** Values of that enum the REST API can serve. */
  servedIdTypes?: readonly string[];
  description: string;
}

/** `post(id, idType)`, `page(id, idType)`, `mediaItem(id, idType)`. */
export function contentNodeByIdField(t: PothosSchemaTypes.QueryFieldBuilder<BuilderTypes, object>, options: ByIdOptions) {
  const idTypeEnum = referenceEnum(options.idTypeEnum, options.servedIdTypes);
  return t.field({
    type: options.type as never,
    description: options.description,
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the object.' }),
      idType: t.arg({ type: idTypeEnum, description: 'Type of unique identifier to fetch by. Default is Global ID' }),
    } as never,
    resolve: (_root, args, context) => {
      const { id, idType } = args as unknown as { id: string; idType?: string | null };
      return contentById(
        context as GatewayContext,
        options.collection,
        String(id),
        idType,
        options.idTypeEnum.replace(/IdType$/, '').toLowerCase(),
      ) as never;
    },
  });
}

interface ConnectionFieldOptions {
  connection: string;
  kind: string;
  nodeRef: unknown;
  collection: ContentCollection;
  whereInput: string;
  description: string;
  /** REST parameters the parent fixes (`author` for `User.posts`, `categories` for `Category.posts`). */
  fixed?: (parent: never, context: GatewayContext) => ListQuery;
}

/** A connection over a content collection with WPGraphQL's where-args, defaults and pagination. */
export function contentConnectionField(t: PothosSchemaTypes.FieldBuilder<BuilderTypes, never>, options: ConnectionFieldOptions) {
  const connection = defineConnection(options.connection, options.kind, options.nodeRef as never);
  const where = contentWhereInput(options.whereInput, options.collection);
  const builderT = t as unknown as PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, object>;
  return builderT.field({
    type: connection as never,
    description: options.description,
    args: paginationArgs(builderT, where) as never,
    resolve: async (parent, rawArgs, rawContext) => {
      const context = rawContext as GatewayContext;
      const args = rawArgs as ConnectionArgs & { where?: ContentWhere | null };
      const query = await contentWhereToRest(args.where, {
        authenticated: context.authorization !== undefined,
        lookupIds: (collection, slugs) => context.loaders.lookupIds(collection, slugs),
      });
      Object.assign(query, options.fixed?.(parent as never, context));
      return restConnection(context, options.collection, args, query) as never;
    },
  });
}
