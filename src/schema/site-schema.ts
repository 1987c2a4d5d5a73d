import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  validateSchema,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import { deriveNames, isUsableName, type NameOverrides, type TypeNames } from '../discovery/names.ts';
import type { DiscoveredCollection, MetaField, MetaScalar, SiteDiscovery } from '../discovery/types.ts';
import type { Loaders } from '../loaders/index.ts';
import { REST_EXTENSIONS } from '../loaders/field-plan.ts';
import type { CollectionModelling } from '../models/site.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { type ConnectionArgs, sliceConnection } from './connections.ts';
import { discoveredMutations } from './mutations/discovered.ts';
import { restConnection } from './rest-connection.ts';
import { restSources } from './rest-sources.ts';
import { contentWhereToRest, type ContentWhere } from './where/content.ts';
import { termWhereToRest, type TermWhere } from './where/terms.ts';
import { siteMenuLocationEnum } from './menu-locations.ts';

/**
 * The site's schema: the hand-written base schema (src/schema/index.ts) plus what discovery found
 * (src/discovery/): each custom post type and taxonomy in REST as WPGraphQL would serve it had its PHP opted in,
 * registered meta as typed fields, and Yoast SEO's `seo` field where records carry `yoast_head_json`.
 *
 * How: a discovered type is a copy of the built-in type it is like — a flat post type of `Post`, a hierarchical
 * one of `Page`, a hierarchical taxonomy of `Category`, a flat one of `Tag` — with WPGraphQL's names for its own
 * family (`Book`, `RootQueryToBookConnection`, `BookIdType`, …), the interfaces its REST fields support, and the
 * same resolvers, which read the built-in collection's name (`pages`) and are handed a context whose loaders read
 * the discovered one (`chapters`) instead. So batching (`include=`, ≤ 100 ids), `_fields` (each type declares its
 * REST collection as the built-ins do), the entity cache, limits and visibility are those of the built-in types,
 * unchanged. Built-in types keep their hand-written fields; discovery only adds to them (a custom taxonomy's
 * connection, `meta`, `seo`).
 *
 * Bad input never breaks the schema: a type whose name collides, is not a GraphQL name, or whose collection REST
 * does not describe is skipped with one warning naming the override that would fix it.
 */

export interface ServedReport {
  kind: 'postType' | 'taxonomy';
  slug: string;
  restBase: string;
  /** The GraphQL type serving it, or undefined when not served. */
  typeName: string | undefined;
  names: TypeNames | undefined;
  /** Why it is not served (or what serves it, for built-ins). */
  note: string;
  meta: { key: string; field: string | undefined; note: string }[];
  seo: boolean;
}

export interface SiteSchema {
  schema: GraphQLSchema;
  /** What the loaders need to model records of discovered collections (SiteContext.collections). */
  collections: ReadonlyMap<string, CollectionModelling>;
  report: ServedReport[];
  warnings: string[];
}

type Like = CollectionModelling['like'];
type AnyResolver = GraphQLFieldResolver<unknown, GatewayContext>;

/** A post type or taxonomy the schema serves: built in (hand-written) or discovered. */
interface Served {
  entry: DiscoveredCollection;
  builtIn: boolean;
  like: Like;
  names: TypeNames;
  /** Taxonomy (for post types) or post type (for taxonomies) slugs it is connected to, among those served. */
  related: string[];
}

const BUILT_IN: Record<string, { like: Like; names: TypeNames }> = {
  post: { like: 'posts', names: { single: 'post', plural: 'posts', type: 'Post' } },
  page: { like: 'pages', names: { single: 'page', plural: 'pages', type: 'Page' } },
  category: { like: 'categories', names: { single: 'category', plural: 'categories', type: 'Category' } },
  post_tag: { like: 'tags', names: { single: 'tag', plural: 'tags', type: 'Tag' } },
};

/** GraphQL's own names, never a type of ours. */
const RESERVED = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation', 'Subscription']);

/** Where-args a discovered post type's connections take: every content route registers these. */
const CONTENT_WHERE = [
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
  'offsetPagination',
];
const HIERARCHICAL_WHERE = ['parent', 'parentIn', 'parentNotIn'];

/** Interfaces a post type implements only when its records carry the REST field (WordPress `supports`). */
const SUPPORT_INTERFACES: Record<string, string> = {
  NodeWithTitle: 'title',
  NodeWithContentEditor: 'content',
  NodeWithExcerpt: 'excerpt',
  NodeWithAuthor: 'author',
  NodeWithFeaturedImage: 'featured_media',
  NodeWithComments: 'comment_status',
  NodeWithTrackbacks: 'ping_status',
  NodeWithPageAttributes: 'menu_order',
};

/** Fields of Post and Page that belong to those types only (terms, stickiness, the privacy page). */
const TEMPLATE_ONLY = new Set(['categories', 'tags', 'terms', 'isSticky', 'isPrivacyPage', 'posts', 'contentNodes', 'pages']);

/** The same context with the loaders reading `to` wherever a resolver asks for `from`. */
const aliased = new WeakMap<object, Map<string, GatewayContext>>();
function aliasContext(context: GatewayContext, from: string, to: string): GatewayContext {
  let byTarget = aliased.get(context);
  if (!byTarget) {
    byTarget = new Map();
    aliased.set(context, byTarget);
  }
  const key = `${from}>${to}`;
  const found = byTarget.get(key);
  if (found) return found;
  const inner = context.loaders;
  const map = <C extends Collection>(collection: C): C => (collection === from ? (to as C) : collection);
  const loaders: Loaders = {
    ...inner,
    load: (collection, id) => inner.load(map(collection), id),
    loadMany: (collection, ids) => inner.loadMany(map(collection), ids),
    list: (collection, query, also) => inner.list(map(collection), query, also),
    window: (collection, query, offset, limit, flipped) => inner.window(map(collection), query, offset, limit, flipped),
    followLink: (links, rel, expected, fallbackId) => inner.followLink(links, rel, expected.map(map), fallbackId),
    preview: (collection, record) => inner.preview(map(collection), record),
    revision: (collection, id) => inner.revision(map(collection), id),
  };
  const result = { ...context, loaders };
  byTarget.set(key, result);
  return result;
}

function withAlias(resolve: AnyResolver | undefined, from: string, to: string): AnyResolver | undefined {
  if (!resolve || from === to) return resolve;
  return (source, args, context, info) => resolve(source, args, aliasContext(context, from, to), info);
}

/** The record fields of a model discovery keeps (src/loaders/to-model.ts). */
function restOf(model: unknown): Record<string, unknown> {
  return ((model as { rest?: Record<string, unknown> }).rest ?? {}) as Record<string, unknown>;
}

const SCALAR_TYPES: Record<MetaScalar, GraphQLType> = {
  String: GraphQLString,
  Int: GraphQLInt,
  Float: GraphQLFloat,
  Boolean: GraphQLBoolean,
};

/** Builds the site's schema over the base schema; never throws for bad site input (see the file comment). */
export function buildSiteSchema(base: GraphQLSchema, discovery: SiteDiscovery, overrides: NameOverrides = {}): SiteSchema {
  const warnings: string[] = [];
  const report: ServedReport[] = [];
  const created = new Map<string, GraphQLNamedType>();
  const taken = new Set<string>(Object.keys(base.getTypeMap()));
  const rootFieldsTaken = new Set<string>(Object.keys(base.getQueryType()?.getFields() ?? {}));
  const additions = new Map<string, () => GraphQLFieldConfigMap<unknown, GatewayContext>>();
  const addFields = (typeName: string, fields: () => GraphQLFieldConfigMap<unknown, GatewayContext>) => {
    const previous = additions.get(typeName);
    additions.set(typeName, previous ? () => ({ ...previous(), ...fields() }) : fields);
  };
  const typeRef = (name: string): GraphQLNamedType => {
    const type = created.get(name) ?? base.getType(name);
    if (!type) throw new Error(`site schema: no type ${name}`);
    return type;
  };
  const rewrite = <T extends GraphQLType>(type: T, local: ReadonlyMap<string, string>): T => {
    if (isNonNullType(type)) return new GraphQLNonNull(rewrite(type.ofType, local) as never) as unknown as T;
    if (isListType(type)) return new GraphQLList(rewrite(type.ofType, local)) as T;
    const named = type as GraphQLNamedType;
    const target = local.get(named.name);
    return (target ? typeRef(target) : named) as T;
  };
  const rewriteArgs = (args: GraphQLFieldConfigArgumentMap, local: ReadonlyMap<string, string>) =>
    Object.fromEntries(Object.entries(args).map(([name, arg]) => [name, { ...arg, type: rewrite(arg.type, local) }]));
  const rewriteField = (
    field: GraphQLFieldConfig<unknown, GatewayContext>,
    local: ReadonlyMap<string, string>,
    from: string,
    to: string,
  ): GraphQLFieldConfig<unknown, GatewayContext> => ({
    ...field,
    type: rewrite(field.type, local),
    args: field.args ? rewriteArgs(field.args, local) : undefined,
    resolve: withAlias(field.resolve as AnyResolver | undefined, from, to),
  });

  /** Copies the base type `template` as `name`, its references renamed by `local` (template name → new name). */
  const cloneType = (
    template: string,
    name: string,
    local: ReadonlyMap<string, string>,
    options: {
      from?: string;
      to?: string;
      keepField?: (field: string) => boolean;
      keepInterface?: (name: string) => boolean;
      renameField?: Record<string, string>;
      extraFields?: () => GraphQLFieldConfigMap<unknown, GatewayContext>;
      typename?: string;
      description?: string;
      extensions?: Record<string, unknown>;
    } = {},
  ): void => {
    if (created.has(name)) return;
    const source = base.getType(template);
    if (!source) throw new Error(`site schema: no template type ${template}`);
    const { from = '', to = '' } = options;
    const keep = options.keepField ?? (() => true);
    if (isObjectType(source) || isInterfaceType(source)) {
      const config = source.toConfig();
      const fields = () => {
        const out: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
        for (const [fieldName, field] of Object.entries(config.fields)) {
          if (!keep(fieldName)) continue;
          out[options.renameField?.[fieldName] ?? fieldName] = rewriteField(
            field as GraphQLFieldConfig<unknown, GatewayContext>,
            local,
            from,
            to,
          );
        }
        return { ...out, ...options.extraFields?.() };
      };
      const interfaces = () =>
        config.interfaces.filter((i) => options.keepInterface?.(i.name) ?? true).map((i) => rewrite(i, local) as GraphQLInterfaceType);
      const typename = options.typename;
      created.set(
        name,
        isObjectType(source)
          ? new GraphQLObjectType({
              ...(source.toConfig() as ReturnType<GraphQLObjectType['toConfig']>),
              name,
              description: options.description ?? source.description,
              fields,
              interfaces,
              extensions: { ...source.extensions, ...options.extensions },
              isTypeOf: typename ? (value: unknown) => (value as { __typename?: string })?.__typename === typename : source.isTypeOf,
            })
          : new GraphQLInterfaceType({ ...(config as ReturnType<GraphQLInterfaceType['toConfig']>), name, fields, interfaces }),
      );
    } else if (isInputObjectType(source)) {
      const config = source.toConfig();
      created.set(
        name,
        new GraphQLInputObjectType({
          ...config,
          name,
          fields: () =>
            Object.fromEntries(
              Object.entries(config.fields)
                .filter(([field]) => keep(field))
                .map(([field, value]) => [field, { ...value, type: rewrite(value.type, local) }]),
            ),
        }),
      );
    } else if (isEnumType(source)) {
      created.set(name, new GraphQLEnumType({ ...source.toConfig(), name }));
    }
  };

  /** Template → new names for a family: each base type named by a pattern, with `{T}` the template's stem. */
  const family = (patterns: readonly string[], template: string, name: string): Map<string, string> => {
    const map = new Map<string, string>();
    for (const pattern of patterns) {
      const from = pattern.replaceAll('{T}', template);
      if (base.getType(from)) map.set(from, pattern.replaceAll('{T}', name));
    }
    return map;
  };
  const CONNECTION = ['', 'Edge', 'PageInfo'];
  const connectionFamily = (stem: string) => CONNECTION.map((suffix) => `${stem}Connection${suffix}`);

  // --- what is served, under which names ---------------------------------------------------------------------
  const served = new Map<string, Served>();
  const notServed = (entry: DiscoveredCollection, note: string, names?: TypeNames) =>
    report.push({ kind: entry.kind, slug: entry.slug, restBase: entry.restBase, typeName: undefined, names, note, meta: [], seo: false });
  const overrideHint = (slug: string) =>
    `set names for it in the discovery names file (--discovery-names): { "${slug}": { "single": "…", "plural": "…" } }`;
  for (const entry of [...discovery.postTypes, ...discovery.taxonomies]) {
    const builtIn = BUILT_IN[entry.slug];
    if (builtIn) {
      served.set(entry.slug, { entry, builtIn: true, like: builtIn.like, names: builtIn.names, related: [] });
      continue;
    }
    if (entry.slug === 'attachment') {
      notServed(entry, 'built in: MediaItem (hand-written; meta and SEO of media are not discovered)');
      continue;
    }
    if (entry.slug.startsWith('wp_') || entry.slug === 'nav_menu_item' || entry.slug === 'nav_menu') {
      notServed(entry, 'WordPress internal type (block editor or menus), not content');
      continue;
    }
    if (entry.restNamespace !== 'wp/v2') {
      notServed(entry, `its REST namespace ${entry.restNamespace} is not read (the gateway reads wp/v2 collections)`);
      continue;
    }
    if (!entry.restBase || !entry.described) {
      const warning = `${entry.kind === 'postType' ? 'Post type' : 'Taxonomy'} "${entry.slug}" skipped: REST does not describe its collection consistently (no rest_base, or its OPTIONS schema could not be read)`;
      warnings.push(warning);
      notServed(entry, warning);
      continue;
    }
    const names = deriveNames(entry.slug, entry.restBase, overrides);
    const family = [names.type, `RootQueryTo${names.type}Connection`, `${names.type}IdType`, `${names.type}Connection`];
    const problem =
      !isUsableName(names.type) || !isUsableName(names.single) || !isUsableName(names.plural)
        ? `its names (${names.single}, ${names.plural}, ${names.type}) are not GraphQL names`
        : RESERVED.has(names.type)
          ? `its type name ${names.type} is reserved by GraphQL`
          : family.find((n) => taken.has(n))
            ? `its type name ${names.type} collides with an existing type`
            : [names.single, names.plural].find((n) => rootFieldsTaken.has(n))
              ? `its root field ${[names.single, names.plural].find((n) => rootFieldsTaken.has(n))} collides with an existing root field`
              : undefined;
    if (problem) {
      const warning = `${entry.kind === 'postType' ? 'Post type' : 'Taxonomy'} "${entry.slug}" skipped: ${problem}; ${overrideHint(entry.slug)}`;
      warnings.push(warning);
      notServed(entry, warning, names);
      continue;
    }
    for (const n of family) taken.add(n);
    rootFieldsTaken.add(names.single);
    rootFieldsTaken.add(names.plural);
    const like: Like = entry.kind === 'postType' ? (entry.hierarchical ? 'pages' : 'posts') : entry.hierarchical ? 'categories' : 'tags';
    served.set(entry.slug, { entry, builtIn: false, like, names, related: [] });
  }
  // Relations between served post types and taxonomies (both sides must be served).
  for (const item of served.values()) {
    item.related = item.entry.related.filter((slug) => served.has(slug));
  }

  const templateOf: Record<Like, string> = { posts: 'Post', pages: 'Page', categories: 'Category', tags: 'Tag' };

  // --- discovered post types ---------------------------------------------------------------------------------
  for (const item of served.values()) {
    if (item.builtIn || item.entry.kind !== 'postType') continue;
    const T = templateOf[item.like];
    const N = item.names.type;
    const fields = new Set(item.entry.fields);
    const local = family(
      [
        '{T}',
        ...connectionFamily('{T}'),
        '{T}IdType',
        ...connectionFamily('RootQueryTo{T}'),
        'RootQueryTo{T}ConnectionWhereArgs',
        ...connectionFamily('{T}ToComment'),
        '{T}ToCommentConnectionWhereArgs',
      ],
      T,
      N,
    );
    const template = base.getType(T) as GraphQLObjectType;
    const keptInterfaces = new Set(
      template
        .getInterfaces()
        .map((i) => i.name)
        .filter((i) => !SUPPORT_INTERFACES[i] || fields.has(SUPPORT_INTERFACES[i]!)),
    );
    const droppedFields = new Set<string>();
    const keptFields = new Set<string>();
    for (const i of template.getInterfaces()) {
      for (const f of Object.keys(i.getFields())) (keptInterfaces.has(i.name) ? keptFields : droppedFields).add(f);
    }
    if (!fields.has('comment_status')) droppedFields.add('comments');
    for (const [from, to] of local) {
      if (from === T) continue;
      const where = from.endsWith('WhereArgs') && from.startsWith('RootQueryTo');
      cloneType(
        from,
        to,
        local,
        where ? { keepField: (f) => CONTENT_WHERE.includes(f) || (item.like === 'pages' && HIERARCHICAL_WHERE.includes(f)) } : {},
      );
    }
    const restBase = item.entry.restBase;
    const extensions = template.extensions as Record<string, unknown>;
    cloneType(T, N, local, {
      from: item.like,
      to: restBase,
      typename: N,
      description: `The ${item.entry.slug} type (discovered: ${item.entry.label})`,
      keepInterface: (i) => keptInterfaces.has(i),
      keepField: (f) => !TEMPLATE_ONLY.has(f) && (keptFields.has(f) || !droppedFields.has(f)),
      renameField: { [`${T.toLowerCase()}Id`]: `${item.names.single}Id` },
      extensions: {
        ...extensions,
        [REST_EXTENSIONS.collection]: restBase,
      },
    });
    const rootQuery = base.getQueryType()!.toConfig().fields;
    const single = rootQuery[T.toLowerCase()]!;
    const plural = rootQuery[`${T.toLowerCase()}s`]!;
    addFields('RootQuery', () => ({
      [item.names.single]: {
        ...rewriteField(single as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `An object of the ${item.entry.slug} Type. `,
      },
      [item.names.plural]: {
        ...rewriteField(plural as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `Connection between the RootQuery type and the ${item.entry.slug} type`,
      },
    }));
  }

  // --- discovered taxonomies ---------------------------------------------------------------------------------
  for (const item of served.values()) {
    if (item.builtIn || item.entry.kind !== 'taxonomy') continue;
    const T = templateOf[item.like];
    const N = item.names.type;
    const local = family(
      [
        '{T}',
        ...connectionFamily('{T}'),
        '{T}IdType',
        ...connectionFamily('RootQueryTo{T}'),
        'RootQueryTo{T}ConnectionWhereArgs',
        ...connectionFamily('{T}To{T}'),
        '{T}To{T}ConnectionWhereArgs',
        ...connectionFamily('{T}ToAncestors{T}'),
        '{T}ToParent{T}ConnectionEdge',
      ],
      T,
      N,
    );
    for (const [from, to] of local) if (from !== T) cloneType(from, to, local);
    const restBase = item.entry.restBase;
    cloneType(T, N, local, {
      from: item.like,
      to: restBase,
      typename: N,
      description: `The ${item.entry.slug} taxonomy (discovered: ${item.entry.label})`,
      keepField: (f) => !TEMPLATE_ONLY.has(f),
      renameField: { [`${T.toLowerCase()}Id`]: `${item.names.single}Id` },
      extensions: { ...(base.getType(T)!.extensions as Record<string, unknown>), [REST_EXTENSIONS.collection]: restBase },
    });
    const rootQuery = base.getQueryType()!.toConfig().fields;
    const single = rootQuery[item.like === 'categories' ? 'category' : 'tag']!;
    const plural = rootQuery[item.like]!;
    addFields('RootQuery', () => ({
      [item.names.single]: {
        ...rewriteField(single as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `An object of the ${item.entry.slug} Type. `,
      },
      [item.names.plural]: {
        ...rewriteField(plural as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `Connection between the RootQuery type and the ${item.entry.slug} type`,
      },
    }));
  }

  // --- term ↔ content connections (custom taxonomies, and custom post types' taxonomies) -----------------------
  for (const content of served.values()) {
    if (content.entry.kind !== 'postType') continue;
    for (const taxSlug of content.related) {
      const tax = served.get(taxSlug)!;
      if (content.builtIn && tax.builtIn) continue; // hand-written (Post.categories, Category.posts)
      const C = content.names.type;
      const X = tax.names.type;
      const taxTemplate = templateOf[tax.like];
      // Content → terms: `Book.genres`, shaped as PostToCategoryConnection (or PostToTagConnection).
      const rename = (local: Map<string, string>, from: string, to: string) => {
        if (from === to) return;
        local.set(from, to);
        for (const suffix of CONNECTION) local.set(`${from}Connection${suffix}`, `${to}Connection${suffix}`);
      };
      const termStem = `PostTo${taxTemplate}`;
      const termLocal = new Map<string, string>();
      for (const suffix of [...CONNECTION.map((x) => `Connection${x}`), 'ConnectionWhereArgs']) {
        if (base.getType(`${termStem}${suffix}`)) termLocal.set(`${termStem}${suffix}`, `${C}To${X}${suffix}`);
      }
      rename(termLocal, taxTemplate, X);
      for (const [from, to] of termLocal) if (from.startsWith(termStem)) cloneType(from, to, termLocal);
      const termConnection = `${C}To${X}Connection`;
      const termWhere = `${C}To${X}ConnectionWhereArgs`;
      const fieldName = tax.names.plural;
      const hierarchicalTax = tax.like === 'categories';
      const taxBase = tax.entry.restBase;
      if (created.has(termConnection) && !(base.getType(C) as GraphQLObjectType | undefined)?.getFields()[fieldName]) {
        addFields(C, () => ({
          [fieldName]: {
            type: typeRef(termConnection) as GraphQLObjectType,
            description: `Connection between the ${C} type and the ${X} type`,
            extensions: restSources(taxBase),
            args: {
              first: { type: GraphQLInt },
              last: { type: GraphQLInt },
              after: { type: GraphQLString },
              before: { type: GraphQLString },
              ...(created.has(termWhere) ? { where: { type: typeRef(termWhere) as GraphQLInputObjectType } } : {}),
            },
            resolve: async (model: unknown, rawArgs: Record<string, unknown>, context: GatewayContext) => {
              const { where, ...paging } = rawArgs as ConnectionArgs & { where?: TermWhere | null };
              const filters = termWhereToRest(where, hierarchicalTax);
              const databaseId = (model as { databaseId: number }).databaseId;
              if (Object.keys(filters).length > 0) {
                return restConnection(context, taxBase as Collection, paging, { ...filters, post: databaseId });
              }
              // The ids on the record go to the batched loader: one request for every record of the level.
              const ids = restOf(model)[taxBase];
              const terms = await context.loaders.loadMany(taxBase as Collection, Array.isArray(ids) ? (ids as number[]) : []);
              const named = terms as unknown as { name: string | null }[];
              return sliceConnection(
                [...named].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
                paging,
              );
            },
          },
        }));
      }
      // Terms → content: `Genre.books`, shaped as CategoryToPostConnection (or TagToPostConnection).
      const contentStem = `${taxTemplate}ToPost`;
      const contentLocal = new Map<string, string>();
      for (const suffix of [...CONNECTION.map((x) => `Connection${x}`), 'ConnectionWhereArgs']) {
        if (base.getType(`${contentStem}${suffix}`)) contentLocal.set(`${contentStem}${suffix}`, `${X}To${C}${suffix}`);
      }
      rename(contentLocal, taxTemplate, X);
      rename(contentLocal, 'Post', C);
      for (const [from, to] of contentLocal) {
        if (!from.startsWith(contentStem)) continue;
        cloneType(
          from,
          to,
          contentLocal,
          from.endsWith('WhereArgs')
            ? { keepField: (f) => CONTENT_WHERE.includes(f) || (content.like === 'pages' && HIERARCHICAL_WHERE.includes(f)) }
            : {},
        );
      }
      const contentBase = content.entry.restBase;
      const contentField = content.names.plural;
      const contentConnection = `${X}To${C}Connection`;
      if (created.has(contentConnection) && !(base.getType(X) as GraphQLObjectType | undefined)?.getFields()[contentField]) {
        addFields(X, () => ({
          [contentField]: {
            type: typeRef(contentConnection) as GraphQLObjectType,
            description: `Connection between the ${X} type and the ${C} type`,
            extensions: restSources('id'),
            args: {
              first: { type: GraphQLInt },
              last: { type: GraphQLInt },
              after: { type: GraphQLString },
              before: { type: GraphQLString },
              where: { type: typeRef(`${X}To${C}ConnectionWhereArgs`) as GraphQLInputObjectType },
            },
            resolve: async (term: unknown, rawArgs: Record<string, unknown>, context: GatewayContext) => {
              const args = rawArgs as ConnectionArgs & { where?: ContentWhere | null };
              const query = await contentWhereToRest(args.where, {
                authenticated: context.authorization !== undefined,
                lookupIds: (collection, slugs) => context.loaders.lookupIds(collection, slugs),
              });
              const id = (term as { databaseId: number }).databaseId;
              const fixed = hierarchicalTax ? { [`${taxBase}[terms]`]: [id], [`${taxBase}[include_children]`]: true } : { [taxBase]: [id] };
              return restConnection(context, contentBase as Collection, args, { ...query, ...fixed });
            },
          },
        }));
      }
    }
  }

  // --- registered meta ----------------------------------------------------------------------------------------
  const reportMeta = new Map<string, ServedReport['meta']>();
  for (const item of served.values()) {
    const metaReport: ServedReport['meta'] = item.entry.skippedMeta.map((m) => ({
      key: m.key,
      field: undefined,
      note: `not served: ${m.reason}`,
    }));
    reportMeta.set(item.entry.slug, metaReport);
    if (item.entry.meta.length === 0) continue;
    const typeName = `${item.names.type}Meta`;
    if (taken.has(typeName) || created.has(typeName)) {
      warnings.push(
        `Meta of "${item.entry.slug}" skipped: type name ${typeName} collides with an existing type; ${overrideHint(item.entry.slug)}`,
      );
      for (const m of item.entry.meta) metaReport.push({ key: m.key, field: undefined, note: `not served: type ${typeName} collides` });
      continue;
    }
    const metaFields: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
    for (const m of item.entry.meta) {
      const field = metaFieldName(m.key);
      if (!isUsableName(field) || metaFields[field]) {
        metaReport.push({
          key: m.key,
          field: undefined,
          note: `not served: its field name ${field} is not a GraphQL name or is taken by another key`,
        });
        continue;
      }
      metaFields[field] = metaFieldConfig(m, `${typeName}${field.charAt(0).toUpperCase()}${field.slice(1)}`, created);
      metaReport.push({ key: m.key, field: `meta.${field}`, note: 'served' });
    }
    if (Object.keys(metaFields).length === 0) continue;
    const metaType = new GraphQLObjectType({
      name: typeName,
      description: `Registered meta of the ${item.entry.slug} type (register_meta with show_in_rest), typed from its REST schema`,
      fields: metaFields,
    });
    created.set(typeName, metaType);
    addFields(item.names.type, () => ({
      meta: {
        type: metaType,
        description: 'Registered meta (REST `meta`): one field per key registered with show_in_rest',
        extensions: restSources('meta'),
        resolve: (model: unknown) => {
          const meta = restOf(model).meta;
          return meta && typeof meta === 'object' && !Array.isArray(meta) ? meta : null;
        },
      },
    }));
  }

  // --- mutations of discovered types (src/schema/mutations/discovered.ts) ------------------------------------
  const writes = discoveredMutations({ served, typeRef, isTaken: (n) => taken.has(n) || created.has(n), metaFieldName });
  for (const type of writes.types) created.set(type.name, type);
  warnings.push(...writes.warnings);
  if (base.getMutationType()) addFields(base.getMutationType()!.name, () => writes.fields);

  // --- Yoast SEO ------------------------------------------------------------------------------------------------
  const anySeo = [...served.values()].some((item) => item.entry.seo);
  if (anySeo) {
    for (const type of seoTypes()) created.set(type.name, type);
    for (const item of served.values()) {
      if (!item.entry.seo) continue;
      const sources = item.entry.seoHead ? ['yoast_head_json', 'yoast_head'] : ['yoast_head_json'];
      const postType = item.entry.kind === 'postType';
      addFields(item.names.type, () => ({
        seo: {
          type: typeRef(postType ? 'PostTypeSEO' : 'TaxonomySEO') as GraphQLObjectType,
          description: 'The Yoast SEO data of the node (from its `yoast_head_json`)',
          extensions: restSources(...sources),
          resolve: (model: unknown) => {
            const rest = restOf(model);
            const head = rest.yoast_head_json;
            return head && typeof head === 'object' ? { head, html: typeof rest.yoast_head === 'string' ? rest.yoast_head : null } : null;
          },
        },
      }));
    }
  }

  // --- node, nodeByUri, contentNode, termNode: also the discovered collections ---------------------------------
  const discoveredContent = [...served.values()].filter((i) => !i.builtIn && i.entry.kind === 'postType');
  const discoveredTerms = [...served.values()].filter((i) => !i.builtIn && i.entry.kind === 'taxonomy');
  if (discoveredContent.length + discoveredTerms.length > 0) {
    const root = base.getQueryType()!.toConfig().fields;
    const node = root.node!;
    const nodeByUri = root.nodeByUri!;
    const contentNode = root.contentNode!;
    // A discovered post type's lookups are the page's, reading its own collection.
    const lookupIn = (
      c: Served,
      id: unknown,
      idType: unknown,
      source: unknown,
      context: GatewayContext,
      info: Parameters<AnyResolver>[3],
    ) =>
      (withAlias(root.page!.resolve as AnyResolver, 'pages', c.entry.restBase) as AnyResolver)(
        source,
        { id, idType },
        context,
        info,
      ) as Promise<unknown>;
    addFields('RootQuery', () => ({
      node: {
        ...(node as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (node.resolve as AnyResolver)(source, args, context, info);
          if (found) return found;
          const decoded = decodeNodeId(String(args.id ?? ''));
          if (!decoded) return null;
          const candidates = decoded.type === 'post' ? discoveredContent : decoded.type === 'term' ? discoveredTerms : [];
          return firstFound(candidates.map((c) => context.loaders.load(c.entry.restBase as Collection, decoded.id) as Promise<unknown>));
        },
      },
      contentNode: {
        ...(contentNode as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (contentNode.resolve as AnyResolver)(source, args, context, info);
          if (found || discoveredContent.length === 0) return found;
          return firstFound(discoveredContent.map((c) => lookupIn(c, args.id, args.idType ?? 'ID', source, context, info)));
        },
      },
      nodeByUri: {
        ...(nodeByUri as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (nodeByUri.resolve as AnyResolver)(source, args, context, info);
          if (found) return found;
          // The same lookups as for pages and categories, reading the discovered collections.
          const term = root.category!.resolve as AnyResolver;
          return firstFound([
            ...discoveredContent.map((c) => lookupIn(c, args.uri, 'URI', source, context, info)),
            ...discoveredTerms.map(
              (c) =>
                (withAlias(term, 'categories', c.entry.restBase) as AnyResolver)(
                  source,
                  { id: args.uri, idType: 'URI' },
                  context,
                  info,
                ) as Promise<unknown>,
            ),
          ]);
        },
      },
    }));
  }

  // --- the schema -----------------------------------------------------------------------------------------------
  const config = base.toConfig();
  const withTypes = new GraphQLSchema({ ...config, types: [...config.types, ...created.values()] });
  const schema = mapSchema(withTypes, {
    // The site's registered menu locations, when the service account could read them (./menu-locations.ts).
    [MapperKind.ENUM_TYPE]: (type) => (type.name === 'MenuLocationEnum' ? siteMenuLocationEnum(type, discovery.menuLocations) : type),
    [MapperKind.OBJECT_TYPE]: (type) => {
      const extra = additions.get(type.name);
      if (!extra) return type;
      const own = type.toConfig();
      return new GraphQLObjectType({ ...own, fields: () => ({ ...own.fields, ...extra() }) });
    },
  });
  const errors = validateSchema(schema);
  if (errors.length > 0) throw new Error(`the site schema is invalid: ${errors.map((e) => e.message).join('; ')}`);

  // --- what loaders need, and the report ------------------------------------------------------------------------
  const collections = new Map<string, CollectionModelling>();
  for (const item of served.values()) {
    const extras = [
      ...(item.entry.meta.length ? ['meta'] : []),
      ...(item.entry.seo ? ['yoast_head_json'] : []),
      ...(item.entry.seo && item.entry.seoHead ? ['yoast_head'] : []),
      ...(item.entry.kind === 'postType'
        ? item.related.filter((slug) => !(item.builtIn && served.get(slug)!.builtIn)).map((slug) => served.get(slug)!.entry.restBase)
        : []),
    ];
    if (item.builtIn && extras.length === 0) continue;
    collections.set(item.entry.restBase, { like: item.like, typename: item.names.type, extras });
    report.push({
      kind: item.entry.kind,
      slug: item.entry.slug,
      restBase: item.entry.restBase,
      typeName: item.names.type,
      names: item.names,
      note: item.builtIn ? 'built in (hand-written)' : `served as ${item.names.type} (like ${templateOf[item.like]})`,
      meta: reportMeta.get(item.entry.slug) ?? [],
      seo: item.entry.seo,
    });
  }
  for (const item of served.values()) {
    if (collections.has(item.entry.restBase)) continue;
    report.push({
      kind: item.entry.kind,
      slug: item.entry.slug,
      restBase: item.entry.restBase,
      typeName: item.names.type,
      names: item.names,
      note: 'built in (hand-written)',
      meta: reportMeta.get(item.entry.slug) ?? [],
      seo: false,
    });
  }
  return { schema, collections, report, warnings };
}

/** A meta key as a field name: the key itself when it is a GraphQL name (`page_count`), else camelCased. */
export function metaFieldName(key: string): string {
  if (isUsableName(key)) return key;
  const camel = key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

type GraphQLOutputTypeAlias = GraphQLFieldConfig<unknown, GatewayContext>['type'];

function metaFieldConfig(
  meta: MetaField,
  objectName: string,
  created: Map<string, GraphQLNamedType>,
): GraphQLFieldConfig<unknown, GatewayContext> {
  const { shape } = meta;
  let type: GraphQLOutputTypeAlias;
  if (shape.kind === 'scalar') type = SCALAR_TYPES[shape.scalar] as GraphQLOutputTypeAlias;
  else {
    const object = new GraphQLObjectType({
      name: objectName,
      description: `The ${meta.key} meta object`,
      fields: Object.fromEntries(
        Object.entries(shape.properties).map(([name, scalar]) => [
          metaFieldName(name),
          {
            type: SCALAR_TYPES[scalar] as GraphQLFieldConfig<unknown, unknown>['type'],
            resolve: (o: Record<string, unknown>) => o[name] ?? null,
          },
        ]),
      ),
    });
    created.set(objectName, object);
    type = object;
  }
  return {
    type: shape.list ? new GraphQLList(type) : type,
    description: meta.description,
    resolve: (source: unknown) => {
      const value = (source as Record<string, unknown>)[meta.key];
      if (value === undefined || value === '' ? shape.kind === 'scalar' && shape.scalar !== 'String' : false) return null;
      if (shape.kind === 'object' && !shape.list && (Array.isArray(value) || typeof value !== 'object')) return null;
      return value ?? null;
    },
  };
}

async function firstFound(lookups: Promise<unknown>[]): Promise<unknown> {
  const found = await Promise.all(lookups);
  return found.find((x) => x != null) ?? null;
}

function decodeNodeId(id: string): { type: string; id: number } | null {
  try {
    const decoded = Buffer.from(id, 'base64').toString('utf8');
    const [type, raw] = decoded.split(':');
    const n = Number(raw);
    return type && Number.isSafeInteger(n) && n > 0 ? { type, id: n } : null;
  } catch {
    return null;
  }
}

// --- Yoast SEO: WPGraphQL Yoast SEO's types, answered from `yoast_head_json` ----------------------------------------

interface YoastHead {
  title?: string;
  description?: string;
  robots?: Record<string, string>;
  canonical?: string;
  og_type?: string;
  og_title?: string;
  og_description?: string;
  og_url?: string;
  og_site_name?: string;
  article_publisher?: string;
  article_author?: string;
  article_published_time?: string;
  article_modified_time?: string;
  twitter_title?: string;
  twitter_description?: string;
  twitter_misc?: Record<string, string>;
  schema?: { '@graph'?: { '@type'?: string | string[]; itemListElement?: { name?: string; item?: string }[] }[] };
}

interface SeoSource {
  head: YoastHead;
  html: string | null;
}

const str = (read: (head: YoastHead) => unknown) => ({
  type: GraphQLString,
  resolve: (source: SeoSource) => {
    const value = read(source.head);
    return typeof value === 'string' ? value : null;
  },
});

/** PostTypeSEO, TaxonomySEO and their parts, as the WPGraphQL Yoast SEO extension names them. */
function seoTypes(): GraphQLNamedType[] {
  const breadcrumbs = new GraphQLObjectType({
    name: 'SEOPostTypeBreadcrumbs',
    fields: { url: { type: GraphQLString }, text: { type: GraphQLString } },
  });
  const schemaFields = {
    raw: {
      type: GraphQLString,
      description: 'The schema.org graph, as JSON',
      resolve: (head: YoastHead) => (head.schema ? JSON.stringify(head.schema) : null),
    },
  };
  const postSchema = new GraphQLObjectType({ name: 'SEOPostTypeSchema', description: 'The Schema for post type', fields: schemaFields });
  const taxonomySchema = new GraphQLObjectType({ name: 'SEOTaxonomySchema', description: 'The Schema for taxonomy', fields: schemaFields });
  const base = {
    title: str((h) => h.title),
    metaDesc: str((h) => h.description),
    metaRobotsNoindex: str((h) => h.robots?.index),
    metaRobotsNofollow: str((h) => h.robots?.follow),
    opengraphTitle: str((h) => h.og_title),
    opengraphUrl: str((h) => h.og_url),
    opengraphSiteName: str((h) => h.og_site_name),
    opengraphType: str((h) => h.og_type),
    opengraphAuthor: str((h) => h.article_author),
    opengraphPublisher: str((h) => h.article_publisher),
    opengraphPublishedTime: str((h) => h.article_published_time),
    opengraphModifiedTime: str((h) => h.article_modified_time),
    opengraphDescription: str((h) => h.og_description),
    twitterTitle: str((h) => h.twitter_title),
    twitterDescription: str((h) => h.twitter_description),
    canonical: str((h) => h.canonical),
    breadcrumbs: {
      type: new GraphQLList(breadcrumbs),
      resolve: (source: SeoSource) => {
        const list = source.head.schema?.['@graph']?.find((node) => node['@type'] === 'BreadcrumbList');
        return list?.itemListElement?.map((item) => ({ text: item.name ?? null, url: item.item ?? null })) ?? null;
      },
    },
    fullHead: {
      type: GraphQLString,
      description: 'The head HTML Yoast prints (REST `yoast_head`)',
      resolve: (source: SeoSource) => source.html,
    },
  };
  const postTypeSeo = new GraphQLObjectType<SeoSource>({
    name: 'PostTypeSEO',
    fields: {
      ...base,
      readingTime: {
        type: GraphQLFloat,
        description: "Estimated reading time in minutes (Yoast's `Est. reading time`)",
        resolve: (source: SeoSource) => {
          const text = source.head.twitter_misc?.['Est. reading time'];
          const minutes = text ? Number.parseFloat(text) : Number.NaN;
          return Number.isFinite(minutes) ? minutes : null;
        },
      },
      schema: { type: postSchema, resolve: (source: SeoSource) => source.head },
    },
  });
  const taxonomySeo = new GraphQLObjectType<SeoSource>({
    name: 'TaxonomySEO',
    fields: { ...base, schema: { type: taxonomySchema, resolve: (source: SeoSource) => source.head } },
  });
  return [breadcrumbs, postSchema, taxonomySchema, postTypeSeo, taxonomySeo];
}
