import { REST_EXTENSIONS } from '../loaders/field-plan.ts';
import type { Collection } from '../wordpress/rest-types.ts';

/**
 * How a field declares, where it is defined, the REST fields (top-level `_fields` names) it is computed from:
 * `extensions: restSources('title')`. The `_fields` planner (src/loaders/field-plan.ts) reads them from the
 * built schema. `content.protected` marks what a password can restrict (the model reads it to null such fields);
 * `_links` a relation read from the record's links. A field with none (`restSources()`) needs only the id.
 *
 * `_links` only where the link names the collection: a comment's `up` may be a post, a page or an attachment,
 * and so may an attachment's parent. Where the collection is fixed (a post's author is a user, its featured image
 * a media item, a page's parent a page), the record's own id field (`author`, `featured_media`, `parent`) names
 * the very record the link points to, and asking for `_links` makes WordPress run `prepare_links()` for every
 * record of the page — a revision count per post, a children count per comment. Measured on WordPress 6.1
 * (tests/wordpress): the home page's posts list takes 16 ms without `_links` vs 21 ms with, for 10 posts, and
 * 33 vs 75 ms for 100.
 */
export function restSources(...fields: string[]): { [REST_EXTENSIONS.sources]: readonly string[] } {
  return { [REST_EXTENSIONS.sources]: fields };
}

/**
 * How a record type declares its REST collection (`extensions: restRecord('posts')`), and, for fields it inherits
 * from an interface, the sources that differ for it (an attachment has no `content.protected`; a page's `uri`
 * also needs its id, to tell the posts page).
 */
export function restRecord(
  collection: Collection,
  overrides: Readonly<Record<string, readonly string[]>> = {},
): { [REST_EXTENSIONS.collection]: Collection; [REST_EXTENSIONS.sourceOverrides]: Readonly<Record<string, readonly string[]>> } {
  return { [REST_EXTENSIONS.collection]: collection, [REST_EXTENSIONS.sourceOverrides]: overrides };
}

/**
 * REST fields of OTHER collections a field needs whatever the operation selects under it: a post's term
 * connections sort the terms by name (WPGraphQL's order), so the terms' `_fields` must carry `name` even when only
 * `{ id }` is selected. `extensions: { ...restSources('categories'), ...restRelated({ categories: ['name'] }) }`.
 */
export function restRelated(related: Readonly<Partial<Record<Collection, readonly string[]>>>): {
  [REST_EXTENSIONS.relatedSources]: Readonly<Partial<Record<Collection, readonly string[]>>>;
} {
  return { [REST_EXTENSIONS.relatedSources]: related };
}

/**
 * How a field declares REST fields the records it returns need when one of its arguments is given
 * (`extensions: restArgumentSources({ asPreview: ['_links'] })`): the `_fields` planner adds them to the
 * collection of every record type the field can return.
 */
export function restArgumentSources(byArgument: Readonly<Record<string, readonly string[]>>): {
  [REST_EXTENSIONS.argumentSources]: Readonly<Record<string, readonly string[]>>;
} {
  return { [REST_EXTENSIONS.argumentSources]: byArgument };
}
