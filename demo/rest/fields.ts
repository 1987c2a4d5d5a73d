/**
 * What of a record a response shows: the request's `context` (`view`, `embed`) keeps the schema's fields
 * for that context, then `_fields` trims the result as `rest_filter_response_fields()` does (comma list or
 * `_fields[]=`, nested `a.b`, key order kept, the field tree cut short at a child of a parent already kept),
 * and `_links` is added only when `_fields` is absent or names `_links` (or `_links.…`: a single record then
 * still gets every link, a collection's record only the named ones — see `shapeRecord`).
 */
import type { RestLinks } from '../../src/wordpress/rest-types.ts';
import { parseList } from './params.ts';

/** Fields each collection shows in `context=embed` (from the controllers' schemas). */
export const EMBED_FIELDS: Record<string, string[]> = {
  posts: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media'],
  pages: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media'],
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
  books: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media', 'yoast_head_json', 'yoast_head'],
  chapters: ['id', 'date', 'slug', 'type', 'link', 'title', 'parent', 'menu_order', 'yoast_head_json', 'yoast_head'],
  genres: ['id', 'link', 'name', 'slug', 'taxonomy', 'yoast_head_json', 'yoast_head'],
  categories: ['id', 'link', 'name', 'slug', 'taxonomy'],
  tags: ['id', 'link', 'name', 'slug', 'taxonomy'],
  users: ['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls'],
  comments: ['id', 'post', 'parent', 'author', 'author_name', 'author_url', 'date', 'content', 'link', 'type', 'author_avatar_urls'],
};

/** Nested keep-map built from `_fields` (`true` = keep whole value). */
type KeepMap = { [key: string]: true | KeepMap };

/** The `_fields` list of a request, or `null` when absent or empty (no trimming). */
export function requestedFields(raw: unknown): string[] | null {
  if (raw === undefined) return null;
  const fields = parseList(raw)
    .filter((f): f is string => typeof f === 'string')
    .map((f) => f.trim());
  return fields.length > 0 ? fields : null;
}

/**
 * `rest_filter_response_fields()`'s field tree, built in the order the fields are given. A dotted field whose
 * parent is already kept whole (`content,content.protected`) ends the loop — WordPress 6.1 does `break 2`
 * there — so every field after it is dropped too: `content,content.protected,id` keeps `content` only.
 */
function keepMap(fields: string[]): KeepMap {
  const root: KeepMap = {};
  for (const field of fields) {
    const parts = field.split('.');
    let ref = root;
    while (parts.length > 1) {
      const next = parts.shift() as string;
      if (ref[next] === true) return root;
      if (typeof ref[next] !== 'object') ref[next] = {};
      ref = ref[next] as KeepMap;
    }
    ref[parts[0] as string] = true;
  }
  return root;
}

/**
 * `_rest_array_intersect_key_recursive()`: keys of the data the tree names, in the data's order, recursing
 * where both sides are arrays. A JSON list is a PHP array too: its kept indexes stay a list when they are
 * `0…n-1`, and become an object keyed by index otherwise (as `json_encode` writes such an array).
 */
function intersectValue(value: unknown, keep: KeepMap): unknown {
  if (Array.isArray(value)) {
    const kept = value.map((v, i): [string, unknown] => [String(i), v]).filter(([i]) => keep[i] !== undefined);
    const shaped = kept.map(([i, v]): [string, unknown] => [i, keep[i] === true ? v : intersectValue(v, keep[i] as KeepMap)]);
    return shaped.every(([i], n) => i === String(n)) ? shaped.map(([, v]) => v) : Object.fromEntries(shaped);
  }
  if (value !== null && typeof value === 'object') {
    // A `{}` in the data is a PHP object (left alone); a PHP array left without keys encodes as `[]`.
    if (Object.keys(value).length === 0) return value;
    return phpArray(intersect(value as Record<string, unknown>, keep));
  }
  return value;
}

/** What `json_encode` writes for a PHP array: `[]` once it has no keys. */
const phpArray = (value: Record<string, unknown>): Record<string, unknown> | [] => (Object.keys(value).length > 0 ? value : []);

function intersect(value: Record<string, unknown>, keep: KeepMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const rule = keep[k];
    if (rule === undefined) continue;
    out[k] = rule === true ? v : intersectValue(v, rule);
  }
  return out;
}

/** `rest_is_field_included()`. */
export function isFieldIncluded(field: string, fields: string[] | null): boolean {
  if (fields === null) return true;
  return fields.some((f) => f === field || f.startsWith(`${field}.`) || field.startsWith(`${f}.`));
}

/** A record as answered: an object, or `[]` when `_fields` left nothing (PHP's empty array). */
export type ShapedRecord = Record<string, unknown> | [];

/**
 * Shapes one record for the answer: context, `_links` (computed lazily, only when `_fields` is absent or names
 * them — checked against the whole `_fields` list, as the controllers' `rest_is_field_included()` does), and
 * `_fields`. Where the links go depends on `placement`, as in WordPress: a collection's records get them from
 * `prepare_response_for_collection()` *before* `rest_filter_response_fields()` trims the list, so `_links.self`
 * keeps only `self` and a `_links` after the point where the field tree stops is dropped; a single record gets
 * them after trimming, whole. `record` must already be the `view` record with private data removed.
 */
export function shapeRecord(
  record: Record<string, unknown>,
  collection: string,
  context: string,
  fields: string[] | null,
  links: () => RestLinks,
  placement: 'list' | 'item',
): ShapedRecord {
  let data = record;
  const allowed = EMBED_FIELDS[collection];
  if (context === 'embed' && allowed) {
    data = Object.fromEntries(Object.entries(record).filter(([k]) => allowed.includes(k)));
  }
  const withLinks = isFieldIncluded('_links', fields);
  if (placement === 'list') {
    if (withLinks) data = { ...data, _links: links() };
    return fields ? phpArray(intersect(data, keepMap(fields))) : data;
  }
  if (fields) data = intersect(data, keepMap(fields));
  if (withLinks) data = { ...data, _links: links() };
  return phpArray(data);
}

/** `_fields` applied to a non-record answer (the indexes, keyed type/taxonomy lists): plain intersection. */
export function trimObject(value: Record<string, unknown>, fields: string[] | null): ShapedRecord {
  return fields ? phpArray(intersect(value, keepMap(fields))) : value;
}

/** `response_to_data()`: a response's own links appended after `_fields` trimmed its data. */
export function withLinks(data: ShapedRecord, links: Record<string, unknown>): Record<string, unknown> {
  return { ...(Array.isArray(data) ? {} : data), _links: links };
}
