import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema, validateSchema } from 'graphql';
import type { NameOverrides } from '../discovery/names.ts';
import type { SiteDiscovery } from '../discovery/types.ts';
import { addBuiltInInputs } from './site/built-in-inputs.ts';
import { createSiteBuild } from './site/build.ts';
import { addTermConnections } from './site/connections.ts';
import { addMeta } from './site/meta.ts';
import { addMutations } from './site/mutations.ts';
import { addPostTypes } from './site/post-types.ts';
import { finishReport } from './site/report.ts';
import { addNodeLookups } from './site/roots.ts';
import { chooseServed } from './site/served.ts';
import { addSeo } from './site/seo.ts';
import { addTaxonomies } from './site/taxonomies.ts';
import { siteMenuLocationEnum } from './menu-locations.ts';
import type { SiteSchema } from './site/types.ts';

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
 * The steps live in ./site/ (one module each, sharing a {@link createSiteBuild} state); this file runs them in
 * order and assembles the schema.
 *
 * Bad input never breaks the schema: a type whose name collides, is not a GraphQL name, or whose collection REST
 * does not describe is skipped with one warning naming the override that would fix it.
 */

export type { ServedReport, SiteSchema } from './site/types.ts';

/** Builds the site's schema over the base schema; never throws for bad site input (see the file comment). */
export function buildSiteSchema(base: GraphQLSchema, discovery: SiteDiscovery, overrides: NameOverrides = {}): SiteSchema {
  const b = createSiteBuild(base);
  chooseServed(b, discovery, overrides);
  addPostTypes(b);
  addTaxonomies(b);
  addTermConnections(b);
  const reportMeta = addMeta(b);
  addMutations(b);
  addBuiltInInputs(b);
  addSeo(b);
  addNodeLookups(b);
  const { created, additions, inputAdditions } = b;

  // --- the schema -----------------------------------------------------------------------------------------------
  const config = base.toConfig();
  const withTypes = new GraphQLSchema({ ...config, types: [...config.types, ...created.values()] });
  const schema = mapSchema(withTypes, {
    [MapperKind.ENUM_TYPE]: (base) => {
      // The site's registered menu locations, when the service account could read them (./menu-locations.ts).
      const type = base.name === 'MenuLocationEnum' ? siteMenuLocationEnum(base, discovery.menuLocations) : base;
      const extra = [...(b.enumValues.get(type.name) ?? [])].filter((value) => !type.getValue(value));
      if (extra.length === 0) return type;
      const own = type.toConfig();
      return new GraphQLEnumType({ ...own, values: { ...own.values, ...Object.fromEntries(extra.map((v) => [v, { value: v }])) } });
    },
    [MapperKind.INPUT_OBJECT_TYPE]: (type) => {
      const extra = inputAdditions.get(type.name);
      if (!extra) return type;
      const own = type.toConfig();
      return new GraphQLInputObjectType({ ...own, fields: () => ({ ...own.fields, ...extra() }) });
    },
    [MapperKind.OBJECT_TYPE]: (type) => {
      const extra = additions.get(type.name);
      if (!extra) return type;
      const own = type.toConfig();
      return new GraphQLObjectType({ ...own, fields: () => ({ ...own.fields, ...extra() }) });
    },
  });
  const errors = validateSchema(schema);
  if (errors.length > 0) throw new Error(`the site schema is invalid: ${errors.map((e) => e.message).join('; ')}`);

  const collections = finishReport(b, reportMeta);
  return { schema, collections, report: b.report, warnings: b.warnings };
}
