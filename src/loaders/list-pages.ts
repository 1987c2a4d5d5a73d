import type { RestQuery } from '../wordpress/client.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';
import { type Embedded, type EmbedPlan, takeEmbedded } from './embed-plan.ts';
import { restFields, type UpstreamRequestScope } from './records.ts';

/** One page of a collection and WordPress's count of all matching records. */
export interface ListPage<T> {
  records: T[];
  /** `X-WP-Total` */
  total: number;
  /** Related records WordPress embedded (`_embed`), by collection; absent when none were asked. */
  embedded?: Embedded;
}

/**
 * GETs one page of a collection (`/wp/v2/posts?per_page=10&offset=20&…`) with the request's `_fields` for that
 * collection. The request's loaders (./index.ts) turn what comes back into models and prime the record loaders with them. For anonymous requests the
 * entity cache answers the page when it holds the same query and all of its records (no request at all), and
 * keeps what WordPress gives otherwise.
 */
export async function loadListPage<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
  /** REST fields this caller needs beyond the plan (to group records by a parent). */
  alsoFields: readonly string[] = [],
  /** Relations to embed (./embed-plan.ts): `_embed` is sent, and `_fields` gains `_links` and `_embedded`. */
  embed?: EmbedPlan,
): Promise<ListPage<CollectionRecord[C]>> {
  const planned = scope.fieldsFor(collection);
  const fields = restFields(planned && [...planned, ...alsoFields]);
  const cache = scope.entityCache;
  if (cache) {
    const held = await cache.readList(collection, query, fields);
    if (scope.listStats) scope.listStats[held ? 'hits' : 'misses']++;
    if (held) {
      // Stale-while-revalidate: served now, asked again in the background once (EntityCache.claim).
      if (held.stale) {
        const claim = cache.claim(collection, { query });
        if (claim.list)
          void fetchPage(scope, collection, query, fields)
            .catch(() => undefined)
            .finally(claim.done);
      }
      return { records: held.records as unknown as CollectionRecord[C][], total: held.total };
    }
  }
  return fetchPage(scope, collection, query, fields, embed);
}

/** Asks WordPress for the page and keeps what it gave in the entity cache (anonymous requests only). */
async function fetchPage<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
  fields: string[] | undefined,
  embed?: EmbedPlan,
): Promise<ListPage<CollectionRecord[C]>> {
  const cache = scope.entityCache;
  // Embedding needs the links it follows and `_embedded` itself inside `_fields` (WordPress drops both otherwise).
  const sent = embed && fields ? restFields([...fields, '_links', '_embedded']) : fields;
  const answer = await scope.client.get<CollectionRecord[C][]>(
    `/wp/v2/${collection}`,
    { ...query, ...(embed ? { _embed: embed.rels } : {}), _fields: sent },
    { authorization: scope.authorization },
  );
  const records = Array.isArray(answer.data) ? answer.data : [];
  const total = answer.total ?? records.length;
  const embedded = embed
    ? takeEmbedded(records as unknown as Record<string, unknown>[], embed, fields?.includes('_links') ?? true)
    : undefined;
  // What a list brought serves later lookups by id, in this request (the schema primes the loaders) and in
  // the next ones (the entity cache, anonymous requests only). Not awaited: the store never rejects.
  if (cache) {
    void cache.writeList(collection, query, records as unknown as Record<string, unknown>[], total, fields);
    for (const related of Object.keys(embedded?.records ?? {}) as Collection[]) {
      const list = embedded?.records[related];
      // The cache stores records as plain objects, as loadRecordsById hands them over.
      if (list) void cache.write(related, list as unknown as Record<string, unknown>[], restFields(scope.fieldsFor(related)));
    }
  }
  return { records, total, embedded };
}
