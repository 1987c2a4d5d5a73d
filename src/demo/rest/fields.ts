/**
 * What of a record a response shows: the request's `context` (`view`, `embed`) keeps the schema's fields
 * for that context, then `_fields` trims the result as `rest_filter_response_fields()` does (comma list or
 * `_fields[]=`, nested `a.b`, key order kept), and `_links` is added only when `_fields` is absent or names
 * `_links` (or `_links.…`, which still yields every link: WordPress filters the data before adding links).
 */
import type { RestLinks } from '../../wordpress/rest-types.ts';
import { parseList } from './params.ts';

/** Fields each collection shows in `context=embed` (from the controllers' schemas). */
export const EMBED_FIELDS: Record<string, string[]> = {
  posts: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media'],
  pages: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media'],
  media: ['id', 'date', 'slug', 'type', 'link', 'title', 'author', 'caption', 'alt_text', 'media_type', 'mime_type', 'media_details', 'source_url'],
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

function keepMap(fields: string[]): KeepMap {
  const root: KeepMap = {};
  for (const field of fields) {
    const parts = field.split('.');
    let ref = root;
    let skip = false;
    while (parts.length > 1) {
      const next = parts.shift() as string;
      if (ref[next] === true) {
        skip = true;
        break;
      }
      if (typeof ref[next] !== 'object') ref[next] = {};
      ref = ref[next] as KeepMap;
    }
    if (!skip) ref[parts[0] as string] = true;
  }
  return root;
}

function intersect(value: Record<string, unknown>, keep: KeepMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const rule = keep[k];
    if (rule === undefined) continue;
    out[k] = rule !== true && v !== null && typeof v === 'object' && !Array.isArray(v) ? intersect(v as Record<string, unknown>, rule) : v;
  }
  return out;
}

/** `rest_is_field_included()`. */
export function isFieldIncluded(field: string, fields: string[] | null): boolean {
  if (fields === null) return true;
  return fields.some((f) => f === field || f.startsWith(`${field}.`) || field.startsWith(`${f}.`));
}

/**
 * Shapes one record for the answer: context, `_fields`, then `_links` (computed lazily, only if shown).
 * `record` must already be the `view` record with private data removed.
 */
export function shapeRecord(
  record: Record<string, unknown>,
  collection: string,
  context: string,
  fields: string[] | null,
  links: () => RestLinks,
): Record<string, unknown> {
  let data = record;
  const allowed = EMBED_FIELDS[collection];
  if (context === 'embed' && allowed) {
    data = Object.fromEntries(Object.entries(record).filter(([k]) => allowed.includes(k)));
  }
  if (fields) data = intersect(data, keepMap(fields));
  if (isFieldIncluded('_links', fields)) data = { ...data, _links: links() };
  return data;
}

/** `_fields` applied to a non-record answer (the index, types): plain intersection. */
export function trimObject(value: Record<string, unknown>, fields: string[] | null): Record<string, unknown> {
  return fields ? intersect(value, keepMap(fields)) : value;
}
