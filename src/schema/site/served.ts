import { deriveNames, isUsableName, type NameOverrides, type TypeNames } from '../../discovery/names.ts';
import type { DiscoveredCollection, SiteDiscovery } from '../../discovery/types.ts';
import type { SiteBuild } from './build.ts';
import { BUILT_IN, type Like, RESERVED } from './types.ts';

/**
 * What is served, under which names: fills `b.served` with the built-in types and each discovered post type and
 * taxonomy whose names are usable, and reports (with one warning naming the override that fixes it) each one
 * skipped because its names collide, are reserved or are not GraphQL names, or REST does not describe it.
 */
export function chooseServed(b: SiteBuild, discovery: SiteDiscovery, overrides: NameOverrides): void {
  const { served, report, warnings, taken, rootFieldsTaken, overrideHint } = b;
  const notServed = (entry: DiscoveredCollection, note: string, names?: TypeNames) =>
    report.push({ kind: entry.kind, slug: entry.slug, restBase: entry.restBase, typeName: undefined, names, note, meta: [], seo: false });
  for (const entry of [...discovery.postTypes, ...discovery.taxonomies, ...(discovery.users ? [discovery.users] : [])]) {
    const builtIn = BUILT_IN[entry.slug];
    if (builtIn && builtIn.kind === entry.kind) {
      served.set(entry.slug, { entry, builtIn: true, like: builtIn.like, names: builtIn.names, related: [] });
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
}
