import type { EntityCache, EntityEntry } from '../cache/entity-cache.ts';
import type { RestQuery, WordPressClient } from '../wordpress/client.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';
import { withoutRefusedStatus } from './status-fallback.ts';

/** WordPress refuses `per_page` over 100 with a 400, so no batch may ask for more ids than that. */
export const MAX_PER_PAGE = 100;

/**
 * `_fields` as WordPress can take it: a field named together with one of its own sub-fields (`content` and
 * `content.protected`) is sent once, as the parent. WordPress 6.1 answers `_fields=content,content.protected,id`
 * with `content` alone — every other field dropped — so the pair must never reach it. Sorted, so equal sets give
 * equal URLs (in-flight coalescing and caches key on them). Undefined stays undefined (whole records).
 */
export function restFields(fields: readonly string[] | undefined): string[] | undefined {
  if (!fields) return undefined;
  const set = new Set(fields);
  return [...set]
    .filter((field) => {
      const parts = field.split('.');
      for (let i = 1; i < parts.length; i++) if (set.has(parts.slice(0, i).join('.'))) return false;
      return true;
    })
    .sort();
}

/** What every request to WordPress made on behalf of one GraphQL request shares. */
export interface UpstreamRequestScope {
  client: WordPressClient;
  /** The viewer's `Authorization` header, forwarded to WordPress only. */
  authorization: string | undefined;
  /**
   * The built-in collection a discovered one (a custom post type or taxonomy, src/discovery/) behaves like: a
   * flat post type like `posts`, a hierarchical one like `pages`, taxonomies like `categories` or `tags`. Default
   * order, offsets and statuses follow it. Absent or undefined: the collection is built in.
   */
  likeOf?(collection: Collection): Collection | undefined;
  /** The `_fields` to send for each collection (undefined: the whole record). */
  fieldsFor(collection: Collection): readonly string[] | undefined;
  /**
   * Whether the operation selects any field of a collection's records (the `_embed` planner embeds only
   * those). Absent: unknown, so nothing is embedded.
   */
  selects?(collection: Collection): boolean;
  /**
   * Records kept across requests by collection and id, read before asking WordPress and filled with what it
   * gives. Undefined for authenticated requests (their records are private to them) and when the cache is off.
   */
  entityCache?: EntityCache | undefined;
  /** Counts what the entity cache saved this request, in records (for `extensions.upstream`). */
  entityStats?: { hits: number; misses: number };
  /** The same, in list pages. */
  listStats?: { hits: number; misses: number };
}

/**
 * The batch function behind each collection's per-request DataLoader (./record-loaders.ts wraps it in one
 * DataLoader per collection per request).
 *
 * A Function, which when given an Array of record ids of one collection, returns a Promise of an Array of the
 * records in the same order, with `null` for each id WordPress did not return (missing, or hidden from this
 * viewer: WordPress silently drops those from `include`). At most one GET per call, for the ids the entity
 * cache (anonymous requests only) does not hold with the fields this request needs:
 * `/wp/v2/<collection>?include=<ids>&per_page=<n>&_fields=…`. Ids WordPress did not return are not cached.
 */
export async function loadRecordsById<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  ids: readonly number[],
): Promise<(CollectionRecord[C] | null)[]> {
  if (ids.length > MAX_PER_PAGE) {
    throw new RangeError(`loadRecordsById takes at most ${MAX_PER_PAGE} ids, got ${ids.length}`);
  }
  const fields = restFields(scope.fieldsFor(collection));
  const cache = scope.entityCache;
  const byId = new Map<number, CollectionRecord[C]>();
  let missing = ids;
  let partial: Map<number, EntityEntry> | undefined;
  if (cache) {
    const found = await cache.read(collection, ids, fields);
    for (const [id, record] of found.hits) byId.set(id, record as unknown as CollectionRecord[C]);
    missing = ids.filter((id) => !found.hits.has(id));
    partial = found.partial;
    if (found.stale.length) refreshInBackground(scope, collection, found.stale, fields);
    if (scope.entityStats) {
      scope.entityStats.hits += found.hits.size;
      scope.entityStats.misses += missing.length;
    }
  }
  if (missing.length === 0) return ids.map((id) => byId.get(id) ?? null);
  const query: RestQuery = { include: missing, per_page: missing.length, _fields: fields };
  const data = await getIncluded<C>(scope, collection, query);
  const fetched: CollectionRecord[C][] = [];
  if (Array.isArray(data)) {
    for (const record of data) {
      if (record && typeof record.id === 'number') {
        byId.set(record.id, record);
        fetched.push(record);
      }
    }
  }
  // Not awaited: the answer does not wait for the cache (its store never rejects).
  if (cache) void cache.write(collection, fetched as unknown as Record<string, unknown>[], fields, partial);
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Stale-while-revalidate: records the entity cache served past their time to live are asked of WordPress again,
 * once each however many requests read them meanwhile (EntityCache.claim), without the answer waiting for it.
 * Anonymous only (only anonymous requests have an entity cache). A failure keeps the stale entry until its window
 * ends; the request is counted in the ledger of the request that found the records stale.
 */
function refreshInBackground<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  ids: readonly number[],
  fields: readonly string[] | undefined,
): void {
  const cache = scope.entityCache;
  if (!cache) return;
  const claim = cache.claim(collection, { ids });
  if (claim.ids.length === 0) return;
  void getIncluded<C>(scope, collection, { include: claim.ids, per_page: claim.ids.length, _fields: fields })
    .then((data) => {
      const records = Array.isArray(data) ? data.filter((r) => r && typeof r.id === 'number') : [];
      return cache.write(collection, records as unknown as Record<string, unknown>[], fields);
    })
    .catch(() => undefined)
    .finally(claim.done);
}

/** Statuses a signed-in viewer may read by id, beyond `publish` (WordPress lists only `publish` by default). */
const ANY_STATUS_COLLECTIONS: ReadonlySet<Collection> = new Set(['posts', 'pages']);

/**
 * GETs `include=…`. WordPress lists only published posts unless asked for other statuses, so for a signed-in
 * viewer posts and pages are asked with `status=any` (what they may read: drafts for an editor, as WPGraphQL
 * shows them). A viewer WordPress refuses other statuses to (a subscriber) is asked again without
 * (./status-fallback.ts), so lookups still find what everyone may read.
 */
async function getIncluded<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
): Promise<CollectionRecord[C][]> {
  const route = `/wp/v2/${collection}`;
  const options = { authorization: scope.authorization };
  const asked =
    scope.authorization && ANY_STATUS_COLLECTIONS.has(scope.likeOf?.(collection) ?? collection) ? { ...query, status: 'any' } : query;
  return withoutRefusedStatus(asked, async (q) => (await scope.client.get<CollectionRecord[C][]>(route, q, options)).data);
}
