import { fromGlobalId, toGlobalId } from '../models/global-id.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import type { EntityCache } from './entity-cache.ts';
import type { CacheEntity, ResponseStore } from './response-store.ts';

/**
 * Purges: what `POST /cache/purge` does to the response cache and the entity cache. A purge names records the
 * way either side knows them — a GraphQL type (`Post`) or a WordPress object kind (`post`, `post_tag`,
 * `attachment`…) and a database id (or a global id) — or asks for everything. The WordPress snippet in
 * docs/caching.md sends `{ "type": "post", "id": 123 }` from `save_post`.
 */

/** One kind of record: its GraphQL type, its REST collection, and the type its global ids carry. */
export interface Kind {
  typename: string;
  collection: Collection;
  globalIdType: string;
  /** A discovered kind's post type or taxonomy slug. */
  slug?: string;
}

const KINDS: readonly Kind[] = [
  { typename: 'Post', collection: 'posts', globalIdType: 'post' },
  { typename: 'Page', collection: 'pages', globalIdType: 'post' },
  { typename: 'MediaItem', collection: 'media', globalIdType: 'post' },
  { typename: 'Category', collection: 'categories', globalIdType: 'term' },
  { typename: 'Tag', collection: 'tags', globalIdType: 'term' },
  { typename: 'User', collection: 'users', globalIdType: 'user' },
  { typename: 'Comment', collection: 'comments', globalIdType: 'comment' },
];

// What a purge may call a kind: the GraphQL type, the REST collection, or WordPress's own names (post types,
// taxonomies, `user`, `comment`), case-insensitively.
const ALIASES: Record<string, Kind> = {};
for (const kind of KINDS) {
  ALIASES[kind.typename.toLowerCase()] = kind;
  ALIASES[kind.collection] = kind;
}
Object.assign(ALIASES, {
  attachment: ALIASES.mediaitem,
  post_tag: ALIASES.tag,
  category: ALIASES.category,
});

/** A request to purge: everything, or a list of targets (a kind, and optionally one record of it). */
export type PurgeRequest = { all: true } | { targets: { kind: Kind; id?: number }[] };

/** Why a purge body was refused, for the 400 answer. */
export class PurgeInputError extends Error {
  override readonly name = 'PurgeInputError';
}

/**
 * Reads a purge body: `{ "all": true }`, one target `{ "type": "post", "id": 123 }`, or
 * `{ "entities": [{ "type": "Post", "id": 123 }, { "type": "Tag" }] }`. `id` is a database id or a global id;
 * without it the whole type is purged (what a newly published post needs: lists that did not hold it change).
 */
export function parsePurgeRequest(body: unknown, discovered: readonly Kind[] = []): PurgeRequest {
  if (typeof body !== 'object' || body === null) throw new PurgeInputError('expected a JSON object');
  const input = body as { all?: unknown; entities?: unknown; type?: unknown; id?: unknown };
  if (input.all === true) return { all: true };
  const list = Array.isArray(input.entities) ? input.entities : input.type !== undefined ? [input] : undefined;
  if (!list || list.length === 0) {
    throw new PurgeInputError('expected { "all": true }, { "type": "post", "id": 123 } or { "entities": [{ "type": …, "id"?: … }] }');
  }
  if (list.length > 1_000) throw new PurgeInputError('at most 1000 entities per purge');
  return {
    targets: list.map((item, i) => {
      const { type, id } = (item ?? {}) as { type?: unknown; id?: unknown };
      // Discovered types (a custom post type `book`: `Book`, `books` or `book`) as well as the built-in ones.
      const name = typeof type === 'string' ? type.toLowerCase() : undefined;
      const kind =
        name === undefined
          ? undefined
          : (ALIASES[name] ?? discovered.find((k) => k.typename.toLowerCase() === name || k.collection === name || k.slug === name));
      if (!kind) {
        throw new PurgeInputError(
          `entities[${i}].type: expected one of ${KINDS.map((k) => k.typename).join(', ')} (or post, page, attachment, category, post_tag, user, comment), got ${JSON.stringify(type)}`,
        );
      }
      if (id === undefined || id === null) return { kind };
      const databaseId = toDatabaseId(id);
      if (databaseId === undefined)
        throw new PurgeInputError(`entities[${i}].id: expected a database id or a global id, got ${JSON.stringify(id)}`);
      return { kind, id: databaseId };
    }),
  };
}

function toDatabaseId(id: unknown): number | undefined {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  if (typeof id !== 'string') return undefined;
  if (/^\d+$/.test(id)) return toDatabaseId(Number(id));
  const parts = fromGlobalId(id);
  return parts && /^\d+$/.test(parts.id) ? toDatabaseId(Number(parts.id)) : undefined;
}

/** What a purge did, as the endpoint reports it. */
export interface PurgeReport {
  all: boolean;
  /** The response-cache entities invalidated (`Post:cG9zdDoxMjM=` or a bare type). */
  entities: string[];
}

/** Applies a purge to both caches. Every object type of the schema is needed to clear Redis entirely. */
export async function purge(
  request: PurgeRequest,
  caches: { responses: ResponseStore | undefined; entities: EntityCache | undefined; typenames: readonly string[] },
): Promise<PurgeReport> {
  if ('all' in request) {
    await Promise.all([caches.responses?.clear(caches.typenames), caches.entities?.clear()]);
    return { all: true, entities: [] };
  }
  const entities: CacheEntity[] = request.targets.map(({ kind, id }) =>
    id === undefined ? { typename: kind.typename } : { typename: kind.typename, id: toGlobalId(kind.globalIdType, id) },
  );
  await Promise.all([
    caches.responses?.invalidate(entities as never),
    ...request.targets.map(({ kind, id }) => caches.entities?.purge(kind.collection, id === undefined ? undefined : [id])),
  ]);
  return { all: false, entities: entities.map((e) => (e.id === undefined ? e.typename : `${e.typename}:${e.id}`)) };
}
