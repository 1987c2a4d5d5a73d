import type { WordPressClient } from '../wordpress/client.ts';
import { discoverMenuLocations } from './menu-locations.ts';
import { type DiscoveredCollection, type MetaField, type MetaScalar, type SiteDiscovery, type SkippedMeta, USERS_SLUG } from './types.ts';

/**
 * Reads what the site registers, with no code on either side (issue #13): `/wp/v2/types`, `/wp/v2/taxonomies`,
 * each served collection's schema (`OPTIONS`, sent as `GET …?_method=OPTIONS`, WordPress's method override, since
 * the client only GETs) and the REST index's namespaces. Anonymous: what the public may see is what is served.
 *
 * Cost: 3 requests plus one per collection (media and users included, for their registered meta and Yoast's fields),
 * at start-up and on each rediscovery only.
 */

interface RestTypeEntry {
  slug?: string;
  name?: string;
  hierarchical?: boolean;
  has_archive?: boolean | string;
  rest_base?: string;
  rest_namespace?: string;
  taxonomies?: string[];
  types?: string[];
}

interface RestSchemaProperty {
  context?: string[];
  type?: string | string[];
  description?: string;
  items?: RestSchemaProperty;
  properties?: Record<string, RestSchemaProperty>;
}

interface OptionsAnswer {
  schema?: { properties?: Record<string, RestSchemaProperty> };
}

/** Post types and taxonomies WordPress uses for itself (the block editor, menus): reported, not served. */
export function internalReason(slug: string): string | undefined {
  if (slug.startsWith('wp_')) return 'WordPress internal (block editor) type';
  if (slug === 'nav_menu_item' || slug === 'nav_menu') return 'WordPress menus (served by the menus fields, not as content)';
  return undefined;
}

const SCALARS: Record<string, MetaScalar> = { string: 'String', integer: 'Int', number: 'Float', boolean: 'Boolean' };

/** One JSON-schema type (WordPress allows `["string","null"]`): the first non-null one. */
function typeOf(property: RestSchemaProperty | undefined): string | undefined {
  const type = property?.type;
  return Array.isArray(type) ? type.find((t) => t !== 'null') : type;
}

/** A registered meta key's GraphQL shape from its REST schema, or why it cannot have one. */
export function metaFieldOf(key: string, property: RestSchemaProperty): MetaField | SkippedMeta {
  const type = typeOf(property);
  const description = property.description || undefined;
  if (type && SCALARS[type]) return { key, description, shape: { kind: 'scalar', scalar: SCALARS[type], list: false } };
  if (type === 'array') {
    const items = typeOf(property.items);
    if (items && SCALARS[items]) return { key, description, shape: { kind: 'scalar', scalar: SCALARS[items], list: true } };
    if (items === 'object') {
      const properties = objectProperties(property.items?.properties);
      if (properties) return { key, description, shape: { kind: 'object', properties, list: true } };
    }
    return { key, reason: 'an array whose items are not scalars or objects with described properties' };
  }
  if (type === 'object') {
    const properties = objectProperties(property.properties);
    if (properties) return { key, description, shape: { kind: 'object', properties, list: false } };
    return { key, reason: 'an object without described scalar properties' };
  }
  return { key, reason: `REST type ${JSON.stringify(property.type ?? null)} has no GraphQL equivalent` };
}

function objectProperties(properties: Record<string, RestSchemaProperty> | undefined): Record<string, MetaScalar> | undefined {
  if (!properties) return undefined;
  const result: Record<string, MetaScalar> = {};
  for (const [name, property] of Object.entries(properties)) {
    const scalar = SCALARS[typeOf(property) ?? ''];
    if (!scalar) return undefined;
    result[name] = scalar;
  }
  return Object.keys(result).length ? result : undefined;
}

/** What one collection's `OPTIONS` schema says: its record fields, registered meta, Yoast's fields. */
export function describeCollection(
  answer: OptionsAnswer | undefined,
): Pick<DiscoveredCollection, 'fields' | 'meta' | 'skippedMeta' | 'seo' | 'seoHead'> | undefined {
  const properties = answer?.schema?.properties;
  if (!properties || typeof properties !== 'object') return undefined;
  const meta: MetaField[] = [];
  const skippedMeta: SkippedMeta[] = [];
  for (const [key, property] of Object.entries(properties.meta?.properties ?? {})) {
    // A key REST shows only in the edit context (WordPress's own `persisted_preferences` of users) never reaches
    // the view context the gateway reads.
    if (Array.isArray(property.context) && !property.context.includes('view')) {
      skippedMeta.push({ key, reason: 'REST shows it only in the edit context' });
      continue;
    }
    const field = metaFieldOf(key, property);
    if ('reason' in field) skippedMeta.push(field);
    else meta.push(field);
  }
  return {
    fields: Object.keys(properties).sort(),
    meta,
    skippedMeta,
    seo: 'yoast_head_json' in properties,
    seoHead: 'yoast_head' in properties,
  };
}

/** Reads the site's post types, taxonomies, their schemas and the REST namespaces. Throws when WordPress fails. */
export async function discoverSite(client: WordPressClient, serviceAuthorization?: string): Promise<SiteDiscovery> {
  const [types, taxonomies, index, menuLocations] = await Promise.all([
    client.get<Record<string, RestTypeEntry>>('/wp/v2/types'),
    client.get<Record<string, RestTypeEntry>>('/wp/v2/taxonomies'),
    client.get<{ namespaces?: string[] }>('/', { _fields: 'namespaces' }),
    // With the service account only (menu locations are not public in REST): one more request.
    discoverMenuLocations(client, serviceAuthorization),
  ]);
  const entries = (data: unknown, kind: 'postType' | 'taxonomy') =>
    Object.entries(data && typeof data === 'object' ? (data as Record<string, RestTypeEntry>) : {}).map(([slug, entry]) => ({
      kind,
      slug: entry.slug ?? slug,
      label: entry.name ?? slug,
      restBase: entry.rest_base ?? '',
      restNamespace: entry.rest_namespace ?? 'wp/v2',
      hierarchical: entry.hierarchical === true,
      hasArchive: typeof entry.has_archive === 'string' && entry.has_archive !== '' ? entry.has_archive : entry.has_archive === true,
      related: (kind === 'postType' ? entry.taxonomies : entry.types) ?? [],
    }));
  const all = [...entries(types.data, 'postType'), ...entries(taxonomies.data, 'taxonomy')];
  const described = await Promise.all(
    all.map(async (entry) => {
      // Internal types are reported, never read; media's schema is not needed (MediaItem is hand-written).
      if (internalReason(entry.slug) || !entry.restBase || entry.restNamespace !== 'wp/v2') return undefined;
      try {
        const { data } = await client.get<OptionsAnswer>(`/${entry.restNamespace}/${entry.restBase}`, { _method: 'OPTIONS' });
        return describeCollection(data);
      } catch {
        return undefined;
      }
    }),
  );
  const collections: DiscoveredCollection[] = all.map((entry, i) => ({
    ...entry,
    ...(described[i] ?? { fields: [], meta: [], skippedMeta: [], seo: false, seoHead: false }),
    described: described[i] !== undefined,
  }));
  const users = await describeUsers(client);
  return {
    postTypes: collections.filter((c) => c.kind === 'postType'),
    taxonomies: collections.filter((c) => c.kind === 'taxonomy'),
    users,
    namespaces: Array.isArray(index.data?.namespaces) ? index.data.namespaces : [],
    menuLocations,
  };
}

/** `/wp/v2/users`: not a post type, so not in `/wp/v2/types`; its schema says its registered meta and Yoast's fields. */
async function describeUsers(client: WordPressClient): Promise<DiscoveredCollection> {
  const base = {
    kind: 'user' as const,
    slug: USERS_SLUG,
    label: 'Users',
    restBase: 'users',
    restNamespace: 'wp/v2',
    hierarchical: false,
    related: [],
  };
  try {
    const { data } = await client.get<OptionsAnswer>('/wp/v2/users', { _method: 'OPTIONS' });
    const described = describeCollection(data);
    if (described) return { ...base, ...described, described: true };
  } catch {
    // Reported as not described, as for a post type whose schema could not be read.
  }
  return { ...base, fields: [], meta: [], skippedMeta: [], seo: false, seoHead: false, described: false };
}
