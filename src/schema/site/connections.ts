import { GraphQLInt, type GraphQLInputObjectType, type GraphQLObjectType, GraphQLString } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import { type ConnectionArgs, sliceConnection } from '../connections.ts';
import { restConnection } from '../rest-connection.ts';
import { restSources } from '../rest-sources.ts';
import { contentWhereToRest, type ContentWhere } from '../where/content.ts';
import { termWhereToRest, type TermWhere } from '../where/terms.ts';
import { restOf } from './alias.ts';
import { CONNECTION, type SiteBuild } from './build.ts';
import { keepsWhereArg, TEMPLATE_OF } from './types.ts';

/**
 * Term ↔ content connections for custom taxonomies and custom post types' taxonomies (`Book.genres`,
 * `Genre.books`); the built-in pairs are hand-written (`Post.categories`, `Category.posts`).
 */
export function addTermConnections(b: SiteBuild): void {
  const { base, served, created, cloneType, addFields, typeRef } = b;
  for (const content of served.values()) {
    if (content.entry.kind !== 'postType') continue;
    for (const taxSlug of content.related) {
      const tax = served.get(taxSlug)!;
      if (content.builtIn && tax.builtIn) continue; // hand-written (Post.categories, Category.posts)
      const C = content.names.type;
      const X = tax.names.type;
      const taxTemplate = TEMPLATE_OF[tax.like];
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
        cloneType(from, to, contentLocal, from.endsWith('WhereArgs') ? { keepField: keepsWhereArg(content.like) } : {});
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
}
