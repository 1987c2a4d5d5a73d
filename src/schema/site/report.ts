import { enumValueName } from '../../discovery/names.ts';
import type { CollectionModelling } from '../../models/site.ts';
import type { SiteBuild } from './build.ts';
import { type ServedReport, TEMPLATE_OF } from './types.ts';

/**
 * What the loaders need to model records of the served collections (the extra REST fields they must ask for),
 * and the served types' report lines (appended to `b.report`).
 */
export function finishReport(b: SiteBuild, reportMeta: ReadonlyMap<string, ServedReport['meta']>): Map<string, CollectionModelling> {
  const { served, report } = b;
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
    // Only discovered post types and taxonomies have facts (users and built-ins are WordPress core's).
    const kind = item.entry.kind;
    const facts =
      item.builtIn || kind === 'user'
        ? undefined
        : {
            kind,
            slug: item.entry.slug,
            enumValue: enumValueName(item.entry.kind === 'postType' ? item.entry.slug : item.names.single),
            graphqlSingleName: item.names.single,
            graphqlPluralName: item.names.plural,
            hierarchical: item.entry.hierarchical,
            restBase: item.entry.restBase,
            hasArchive: item.entry.hasArchive ?? false,
          };
    collections.set(item.entry.restBase, { like: item.like, typename: item.names.type, extras, ...(facts ? { facts } : {}) });
    report.push({
      kind: item.entry.kind,
      slug: item.entry.slug,
      restBase: item.entry.restBase,
      typeName: item.names.type,
      names: item.names,
      note: item.builtIn ? 'built in (hand-written)' : `served as ${item.names.type} (like ${TEMPLATE_OF[item.like]})`,
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
  return collections;
}
