/**
 * How a discovered post type or taxonomy is named in GraphQL (README "Custom post types and taxonomies").
 *
 * WPGraphQL names a type from `graphql_single_name` / `graphql_plural_name`, which a site's PHP code sets and REST
 * does not carry; the singular label is not readable anonymously either (`/wp/v2/types` gives `labels` only with
 * `context=edit`). So one deterministic rule over what REST always gives:
 *
 * - single name: camelCase of the type's `slug` (`book` → `book`, `event_venue` → `eventVenue`, `my-cpt` → `myCpt`)
 * - plural name: camelCase of its `rest_base` (`books`, `event-venues` → `eventVenues`)
 * - GraphQL type: the single name with its first letter upper-cased (`Book`), as WPGraphQL's `format_type_name`
 * - root fields: `book(id, idType)` and `books(…)`; when single and plural are equal (`rest_base` = slug, as with
 *   `register_post_type('news', …)`), the plural field is `allNews`, WPGraphQL's own rule for that collision
 *   (Type/Connection/PostObjects.php).
 *
 * A names file (`--discovery-names`) overrides it per slug: `{ "book": { "single": "novel", "plural": "novels" } }`.
 */

export interface TypeNames {
  /** camelCase, for the single root field (`book`). */
  single: string;
  /** camelCase, for the connection fields (`books`, `allNews`). */
  plural: string;
  /** PascalCase GraphQL type name (`Book`). */
  type: string;
}

export type NameOverrides = Readonly<Record<string, { single?: string; plural?: string }>>;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `event_venue`, `event-venue`, `Event Venue` → `eventVenue`; characters GraphQL names cannot hold are dropped. */
export function camelCase(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** The names of a post type or taxonomy by {@link camelCase} of slug and rest_base, with any override applied. */
export function deriveNames(slug: string, restBase: string, overrides: NameOverrides = {}): TypeNames {
  const override = overrides[slug] ?? {};
  const single = override.single ?? camelCase(slug);
  let plural = override.plural ?? camelCase(restBase);
  if (plural === single) plural = `all${single.charAt(0).toUpperCase()}${single.slice(1)}`;
  return { single, plural, type: single.charAt(0).toUpperCase() + single.slice(1) };
}

/** Whether a name can be a GraphQL name the gateway may define (not `__`-prefixed, letters, digits and `_`). */
/**
 * WPGraphQL's enum value for a name (WPEnumType::get_safe_name): non-name characters become `_`, upper-cased, `_`
 * first when it would start with a digit. `book` → `BOOK` (ContentTypeEnum), `genre` → `GENRE` (TaxonomyEnum).
 */
export function enumValueName(name: string): string {
  const upper = name.replace(/[^A-Za-z0-9_]+/g, '_').toUpperCase();
  return /^[_A-Za-z]/.test(upper) ? upper : `_${upper}`;
}

export function isUsableName(name: string): boolean {
  return GRAPHQL_NAME.test(name) && !name.startsWith('__');
}

/** Reads and checks a names file's content: `{ "<slug>": { "single"?: string, "plural"?: string } }`. */
export function parseNameOverrides(json: string, source: string): NameOverrides {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${source} must be an object keyed by post type or taxonomy slug`);
  const result: Record<string, { single?: string; plural?: string }> = {};
  for (const [slug, value] of Object.entries(data)) {
    if (!value || typeof value !== 'object') throw new Error(`${source}: "${slug}" must be { "single": "…", "plural": "…" }`);
    const entry: { single?: string; plural?: string } = {};
    for (const key of ['single', 'plural'] as const) {
      const name = (value as Record<string, unknown>)[key];
      if (name === undefined) continue;
      if (typeof name !== 'string' || !isUsableName(name))
        throw new Error(`${source}: "${slug}".${key} must be a GraphQL name, got ${JSON.stringify(name)}`);
      entry[key] = name;
    }
    result[slug] = entry;
  }
  return result;
}
