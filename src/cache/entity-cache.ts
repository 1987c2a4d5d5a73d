import type { Collection } from '../wordpress/rest-types.ts';
import type { KeyValueStore } from './stores.ts';

/**
 * The entity cache: REST records fetched anonymously, kept by collection and id for a short time, so a new
 * query shape over records already seen costs at most its list call. Loaders read it before asking WordPress
 * (src/loaders/records.ts) and list pages fill it (src/loaders/list-pages.ts).
 *
 * List pages are kept too, as the ids (and `X-WP-Total`) a collection query gave, without `_fields`: when the
 * same list is asked again within the time to live and every one of its records is held with the fields the
 * new request needs, the list is answered from the cache as well, and the query costs WordPress nothing. If
 * any record is missing or lacks a field, the list call goes to WordPress as usual (never an extra round trip).
 *
 * Records are trimmed by `_fields`, so each entry remembers the field set it was fetched with and serves only
 * requests whose field set it covers. When a request needs more fields of a record it holds, the record is
 * fetched again and the two are merged, keeping the older entry's expiry (no part of an entry is ever older
 * than the time to live).
 *
 * Only anonymous requests reach it: the request context gives an authenticated request no entity cache at all,
 * so nothing a signed-in viewer fetched is stored, and nothing stored is served to one (src/context.ts).
 *
 * Stale-while-revalidate: for `staleMs` past its time to live an entry is still served, reported stale, and the
 * loader that read it refreshes it in the background (src/loaders/records.ts, list-pages.ts); `claim` makes that
 * one refresh per record or list page in this process, however many requests read it meanwhile.
 */
export interface EntityEntry {
  record: Record<string, unknown>;
  /** The `_fields` it holds, sorted; null for the whole record. */
  fields: readonly string[] | null;
  /** Epoch milliseconds after which it is not served. */
  expiresAt: number;
}

/** A list page as WordPress gave it: which records, in which order, and how many match in all. */
export interface ListEntry {
  ids: number[];
  total: number;
  expiresAt: number;
}

/** What the entity cache's store holds: records under `entity:…` keys, list pages under `list:…` keys. */
export type EntityCacheValue = EntityEntry | ListEntry;

/** What a read found: records that serve the request, and entries that exist but lack fields (to merge into). */
export interface EntityLookup {
  hits: Map<number, Record<string, unknown>>;
  partial: Map<number, EntityEntry>;
  /** Ids among `hits` served past their time to live (stale-while-revalidate): refresh them. */
  stale: number[];
}

/** Options of {@link EntityCache}. */
export interface EntityCacheOptions {
  store: KeyValueStore<EntityCacheValue>;
  /**
   * How long a record is served after WordPress gave it. Short, because nothing tells the gateway a record
   * changed except a purge.
   * @default 30_000
   */
  ttlMs?: number;
  /**
   * How long past its time to live an entry is still served while one background request refreshes it.
   * @default 0 (never)
   */
  staleMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
  /** Told when a background write fails (the store already fell back to memory; this is for logs). */
  onError?: (error: unknown) => void;
}

const key = (collection: Collection, id: number) => `entity:${collection}:${id}`;

/** A list query's key: its parameters but `_fields`, sorted (equal queries, equal keys). */
function listKey(collection: Collection, query: Readonly<Record<string, unknown>>): string {
  const params = Object.keys(query)
    .filter((name) => name !== '_fields' && query[name] !== undefined)
    .sort()
    .map((name) => {
      const value = query[name];
      return `${encodeURIComponent(name)}=${encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value))}`;
    });
  return `list:${collection}:${params.join('&')}`;
}

/** Records by collection and id; see the module comment. */
export class EntityCache {
  readonly ttlMs: number;
  readonly staleMs: number;
  /** Keys a background refresh is running for, in this process. */
  private readonly refreshing = new Set<string>();
  private readonly store: KeyValueStore<EntityCacheValue>;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: EntityCacheOptions) {
    this.store = options.store;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.staleMs = options.staleMs ?? 0;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
  }

  /** Where entries live right now (`redis`, or `memory` by choice or because Redis is unreachable). */
  tier(): 'memory' | 'redis' {
    return this.store.tier();
  }

  /**
   * Looks ids up. A record is a hit when its entry is live and holds every field of `fields` (undefined: the
   * request wants whole records, which only a whole-record entry serves).
   */
  async read(collection: Collection, ids: readonly number[], fields: readonly string[] | undefined): Promise<EntityLookup> {
    const hits = new Map<number, Record<string, unknown>>();
    const partial = new Map<number, EntityEntry>();
    const stale: number[] = [];
    if (ids.length === 0) return { hits, partial, stale };
    const entries = (await this.store.getMany(ids.map((id) => key(collection, id)))) as (EntityEntry | undefined)[];
    const now = this.now();
    ids.forEach((id, i) => {
      const entry = entries[i];
      if (!entry || entry.expiresAt + this.staleMs <= now) return;
      const fresh = entry.expiresAt > now;
      if (covers(entry.fields, fields)) {
        hits.set(id, entry.record);
        if (!fresh && !stale.includes(id)) stale.push(id);
      } else if (fresh) partial.set(id, entry);
    });
    return { hits, partial, stale };
  }

  /**
   * Keeps records WordPress just gave for `fields` (undefined: whole records). Records that extend a live entry
   * with other fields are merged into it: `partial` is what {@link read} found for them; without it (list
   * pages, which do not read first) the entries are looked up here. Resolves when stored, never rejects;
   * callers on the request path do not wait for it.
   */
  async write(
    collection: Collection,
    records: readonly Record<string, unknown>[],
    fields: readonly string[] | undefined,
    partial?: ReadonlyMap<number, EntityEntry>,
  ): Promise<void> {
    if (this.ttlMs <= 0 || records.length === 0) return;
    try {
      partial ??= await this.existing(collection, records);
    } catch (error) {
      this.onError(error);
      partial = new Map();
    }
    const now = this.now();
    const entries: [string, EntityEntry, number][] = [];
    for (const record of records) {
      const id = record.id;
      if (typeof id !== 'number') continue;
      const fresh: EntityEntry = { record, fields: fields ? [...fields].sort() : null, expiresAt: now + this.ttlMs };
      const previous = partial.get(id);
      const entry =
        previous && previous.expiresAt > now && !covers(fresh.fields, previous.fields ?? undefined) ? merge(previous, fresh) : fresh;
      entries.push([key(collection, id), entry, entry.expiresAt - now + this.staleMs]);
    }
    try {
      await this.store.setMany(entries);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Live entries of the given records that the new field set would not cover, keyed by id. */
  private async existing(collection: Collection, records: readonly Record<string, unknown>[]): Promise<Map<number, EntityEntry>> {
    const ids = records.map((r) => r.id).filter((id): id is number => typeof id === 'number');
    const entries = (await this.store.getMany(ids.map((id) => key(collection, id)))) as (EntityEntry | undefined)[];
    const found = new Map<number, EntityEntry>();
    ids.forEach((id, i) => {
      const entry = entries[i];
      if (entry) found.set(id, entry);
    });
    return found;
  }

  /**
   * A list page answered from the cache: the page's records in order, when the same query was answered
   * within the time to live and every record is held with `fields`. Undefined otherwise (ask WordPress).
   */
  async readList(
    collection: Collection,
    query: Readonly<Record<string, unknown>>,
    fields: readonly string[] | undefined,
  ): Promise<{ records: Record<string, unknown>[]; total: number; stale: boolean } | undefined> {
    const [list] = (await this.store.getMany([listKey(collection, query)])) as (ListEntry | undefined)[];
    const now = this.now();
    if (!list || list.expiresAt + this.staleMs <= now) return undefined;
    const { hits, stale } = await this.read(collection, list.ids, fields);
    if (hits.size < new Set(list.ids).size) return undefined;
    // Stale when the page or any of its records is: the refresh asks the page again, which renews both.
    return { records: list.ids.map((id) => hits.get(id)!), total: list.total, stale: list.expiresAt <= now || stale.length > 0 };
  }

  /**
   * Claims the background refresh of records (`ids`) or of a list page (`query`): returns what this caller should
   * refresh (nothing already being refreshed here) and a function to call when done.
   */
  claim(
    collection: Collection,
    what: { ids: readonly number[] } | { query: Readonly<Record<string, unknown>> },
  ): {
    ids: number[];
    list: boolean;
    done: () => void;
  } {
    const keys = 'ids' in what ? what.ids.map((id) => key(collection, id)) : [listKey(collection, what.query)];
    const mine = keys.filter((k) => !this.refreshing.has(k));
    for (const k of mine) this.refreshing.add(k);
    const ids = 'ids' in what ? what.ids.filter((_, i) => mine.includes(keys[i] as string)) : [];
    return {
      ids,
      list: !('ids' in what) && mine.length > 0,
      done: () => {
        for (const k of mine) this.refreshing.delete(k);
      },
    };
  }

  /** Keeps a list page WordPress just gave (its ids and total), and its records (see {@link write}). */
  async writeList(
    collection: Collection,
    query: Readonly<Record<string, unknown>>,
    records: readonly Record<string, unknown>[],
    total: number,
    fields: readonly string[] | undefined,
  ): Promise<void> {
    if (this.ttlMs <= 0) return;
    const ids = records.map((r) => r.id).filter((id): id is number => typeof id === 'number');
    if (ids.length !== records.length) return;
    await this.write(collection, records, fields);
    try {
      await this.store.setMany([
        [listKey(collection, query), { ids, total, expiresAt: this.now() + this.ttlMs }, this.ttlMs + this.staleMs],
      ]);
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * Forgets records of a collection: the given ids, or all of them. The collection's list pages go either way:
   * a changed record may have joined or left any of them.
   */
  async purge(collection: Collection, ids?: readonly number[]): Promise<void> {
    await Promise.all([
      ids ? this.store.delete(ids.map((id) => key(collection, id))) : this.store.deletePrefix(`entity:${collection}:`),
      this.store.deletePrefix(`list:${collection}:`),
    ]);
  }

  /** Forgets every record and list page. */
  async clear(): Promise<void> {
    await Promise.all([this.store.deletePrefix('entity:'), this.store.deletePrefix('list:')]);
  }
}

/**
 * Whether an entry fetched with `held` serves a request for `wanted`. `_fields` names nest with dots
 * (`content.protected`): a held `content` covers it, a held `content.protected` does not cover `content`.
 */
export function covers(held: readonly string[] | null, wanted: readonly string[] | undefined): boolean {
  if (held === null) return true;
  if (wanted === undefined) return false;
  const set = new Set(held);
  return wanted.every((field) => {
    const parts = field.split('.');
    for (let i = 1; i <= parts.length; i++) if (set.has(parts.slice(0, i).join('.'))) return true;
    return false;
  });
}

/** An older entry extended with a newer fetch of other fields: fields unioned, the older expiry kept. */
function merge(older: EntityEntry, newer: EntityEntry): EntityEntry {
  const fields = older.fields === null || newer.fields === null ? null : [...new Set([...older.fields, ...newer.fields])].sort();
  return { record: deepMerge(older.record, newer.record), fields, expiresAt: older.expiresAt };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `title: { rendered }` from one fetch and `title: { raw }`, or `content: { protected }` and `content: { rendered,
// protected }` from another must both survive: objects merge key by key, the newer value wins elsewhere.
function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}
