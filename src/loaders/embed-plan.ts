import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';
import type { UpstreamRequestScope } from './records.ts';

/**
 * When a lookup asks WordPress to embed a record's relations (`_embed`) instead of one request per related
 * collection afterwards. docs/capacity.md has the measurements behind the rule: every REST request costs a PHP
 * bootstrap (≈ 19 ms of a worker on the test host) while an embedded record costs ≈ 1 ms and the `_links` it
 * needs ≈ 0.65 ms per record. So for a lookup by slug — a post page, one record (a few at most, for a slug shared
 * across dates) — embedding its author, terms and featured image saves three or four bootstraps for ~7 ms, and a
 * round trip. Lists of many records keep one batched request per collection: 100 posts embed ~340 records.
 *
 * A relation is embedded only when every field this operation selects of its collection exists in WordPress's
 * `embed` context (EMBED_CONTEXT_FIELDS); anything else (a category's `count`, a user's `registered_date`) needs
 * the related collection asked as usual.
 */

/**
 * The REST fields WordPress 6.1 gives a record in the `embed` context, per collection (the `context` of each
 * field in the controllers' item schemas). `_links` is always there.
 */
export const EMBED_CONTEXT_FIELDS: Readonly<Partial<Record<Collection, readonly string[]>>> = {
  users: ['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls'],
  categories: ['id', 'link', 'name', 'slug', 'taxonomy'],
  tags: ['id', 'link', 'name', 'slug', 'taxonomy'],
  comments: ['id', 'author', 'author_name', 'author_url', 'date', 'content', 'link', 'parent', 'type', 'author_avatar_urls'],
  media: [
    'id',
    'date',
    'slug',
    'type',
    'link',
    'title',
    'author',
    'caption',
    'alt_text',
    'media_type',
    'mime_type',
    'media_details',
    'source_url',
  ],
};

/** A relation WordPress can embed: its link name and the collections its records belong to. */
interface Relation {
  rel: string;
  collections: readonly Collection[];
}

/** What a post or a page links to that `_embed` can bring. */
const EMBEDDABLE: Readonly<Partial<Record<Collection, readonly Relation[]>>> = {
  posts: [
    { rel: 'author', collections: ['users'] },
    { rel: 'wp:term', collections: ['categories', 'tags'] },
    { rel: 'wp:featuredmedia', collections: ['media'] },
    { rel: 'replies', collections: ['comments'] },
  ],
  pages: [
    { rel: 'author', collections: ['users'] },
    { rel: 'wp:featuredmedia', collections: ['media'] },
    { rel: 'replies', collections: ['comments'] },
  ],
};

/**
 * Fields the gateway sets on embedded records itself: an embedded reply's `post` (not in the comments embed
 * context) is the record it was embedded in.
 */
const SET_HERE: Readonly<Partial<Record<Collection, readonly string[]>>> = { comments: ['post'] };

/**
 * How many records WordPress embeds of a collection link (`replies`): its REST default `per_page`. A post with
 * fewer embedded replies has no more; one with this many may, and its comments are asked as usual.
 */
export const EMBEDDED_PAGE = 10;

/** An embedded term's `taxonomy` → our collection (other taxonomies are not served). */
const TAXONOMY_COLLECTION: Readonly<Record<string, Collection>> = { category: 'categories', post_tag: 'tags' };

/** Records WordPress embedded, by the collection they belong to. */
export type EmbeddedRecords = { [C in Collection]?: CollectionRecord[C][] };

/** What `takeEmbedded` found: the records by collection, and each record's replies where WordPress embedded them. */
export interface Embedded {
  records: EmbeddedRecords;
  /** Post id → its comments (newest first), for records whose `replies` came embedded (not an error). */
  replies: Map<number, CollectionRecord['comments'][]>;
}

/** What to embed in one lookup: the `_embed` relations, and the collections their records fill. */
export interface EmbedPlan {
  rels: string[];
  collections: Collection[];
}

/**
 * The relations to embed in a lookup of `collection` by `query`, or undefined to ask as usual. Only lookups by
 * slug (one record, or a few), only relations this operation selects, and only when each selected field of the
 * related collection is in its embed context.
 */
export function planEmbed(
  scope: UpstreamRequestScope,
  collection: Collection,
  query: Readonly<Record<string, unknown>>,
): EmbedPlan | undefined {
  const relations = EMBEDDABLE[collection];
  if (!relations || query.slug === undefined || !scope.selects) return undefined;
  const rels: string[] = [];
  const collections: Collection[] = [];
  for (const relation of relations) {
    const wanted = relation.collections.filter((c) => scope.selects?.(c));
    if (wanted.length === 0 || !wanted.every((c) => embeddable(c, scope.fieldsFor(c)))) continue;
    // Replies only for a single lookup: WordPress runs one comments query per embedding record.
    if (relation.rel === 'replies' && query.per_page !== 1) continue;
    rels.push(relation.rel);
    collections.push(...wanted);
  }
  return rels.length ? { rels, collections } : undefined;
}

function embeddable(collection: Collection, fields: readonly string[] | undefined): boolean {
  const context = EMBED_CONTEXT_FIELDS[collection];
  // Undefined fields: whole records wanted, which the embed context is not.
  if (!context || !fields) return false;
  const ours = SET_HERE[collection] ?? [];
  return fields.every((field) => {
    const top = field.split('.')[0] as string;
    return context.includes(top) || ours.includes(top);
  });
}

/**
 * Takes the embedded records out of the records WordPress gave (removing `_embedded`, and `_links` unless the
 * plan asked for it), grouped by the collection they belong to; only the plan's collections are kept.
 */
export function takeEmbedded(records: readonly Record<string, unknown>[], plan: EmbedPlan, keepLinks: boolean): Embedded {
  const out: Partial<Record<Collection, Record<string, unknown>[]>> = {};
  const replies = new Map<number, Record<string, unknown>[]>();
  const add = (collection: Collection, record: unknown) => {
    if (!plan.collections.includes(collection) || !isRecord(record) || typeof record.id !== 'number') return;
    delete record._links;
    const list = out[collection] ?? [];
    if (!list.some((r) => r.id === record.id)) list.push(record);
    out[collection] = list;
  };
  for (const record of records) {
    const embedded = record._embedded;
    const links = record._links;
    delete record._embedded;
    if (!keepLinks) delete record._links;
    if (plan.collections.includes('comments') && typeof record.id === 'number') {
      // One array per replies link; an error object (comments this viewer may not list) embeds no replies; a
      // record whose replies link was there but nothing came has none (WordPress leaves empty embeds out) — when
      // something else was embedded, which shows the server honoured `_embed` (a server that ignores it, like the
      // demo site, sends `_links` but no `_embedded`: its comments are asked as usual).
      const groups = isRecord(embedded) ? embedded.replies : undefined;
      const linked = isRecord(links) && Array.isArray(links.replies) && links.replies.length > 0;
      if (Array.isArray(groups) && groups.every(Array.isArray)) {
        const comments = groups.flat().filter((c): c is Record<string, unknown> => isRecord(c) && typeof c.id === 'number');
        for (const comment of comments) {
          comment.post = record.id;
          add('comments', comment);
        }
        replies.set(record.id, comments);
      } else if (groups === undefined && linked && isRecord(embedded)) {
        replies.set(record.id, []);
      }
    }
    if (!isRecord(embedded)) continue;
    for (const user of asArray(embedded.author)) add('users', user);
    for (const media of asArray(embedded['wp:featuredmedia'])) add('media', media);
    // One array per taxonomy of the post, in the order of its `wp:term` links.
    for (const terms of asArray(embedded['wp:term'])) {
      for (const term of asArray(terms)) {
        const collection = isRecord(term) && typeof term.taxonomy === 'string' ? TAXONOMY_COLLECTION[term.taxonomy] : undefined;
        if (collection) add(collection, term);
      }
    }
  }
  // WordPress's embedded records are the same records its collections answer (in the embed context), trusted as
  // typed as every REST answer is (WordPressClient.get<T>).
  return { records: out as EmbeddedRecords, replies: replies as unknown as Map<number, CollectionRecord['comments'][]> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
