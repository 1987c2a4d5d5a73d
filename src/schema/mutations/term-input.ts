import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { databaseIdFromId } from '../../models/global-id.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import { badInput, type MutationInput } from './common.ts';

/**
 * A post mutation's term input (`categories: { append, nodes: [{ id | slug | name, description }] }`, and the same
 * for tags and every taxonomy of a discovered post type) as the term ids REST's `/wp/v2/<type>` takes, resolved as
 * WPGraphQL's PostObjectMutation::set_object_terms resolves them:
 *
 * - each node is looked up by `id` (global or database), else `slug`, else `name`, in that taxonomy;
 * - a node that names no term creates one (`name`, or the slug as name, with `slug` and `description`) through
 *   `POST /wp/v2/<taxonomy>` with the viewer's credentials; when WordPress refuses it (the viewer cannot
 *   edit terms) the node is skipped, as WPGraphQL skips it, and the other terms are still set;
 * - `append` defaults to true (WPGraphQL: "append unless `append: false`"): the post's current terms are kept.
 *   WPGraphQL also drops the default category (Uncategorized) when appending categories; the gateway cannot
 *   know which it is (`default_category` is an admin-only setting in REST), so it is kept.
 *
 * WPGraphQL skips a whole taxonomy the viewer cannot assign; REST refuses the write instead (FORBIDDEN, nothing
 * written), which says more.
 */

/** One `nodes` entry, as the input types declare it. */
interface TermNodeInput {
  id?: string | null;
  slug?: string | null;
  name?: string | null;
  description?: string | null;
}

/** The `{ append, nodes }` input. */
interface TermsInput {
  append?: boolean | null;
  nodes?: (TermNodeInput | null)[] | null;
}

/** What resolving needs to know of the taxonomy. */
export interface TermTaxonomy {
  /** Its REST collection (`categories`, `tags`, `genres`). */
  collection: Collection;
  /** Its input field on the post mutation (`categories`, `genres`), for error messages. */
  field: string;
}

/** The `nodes` WPGraphQL accepts in one mutation; more is a mistake (a post has a handful of terms). */
const MAX_NODES = 100;

/** Decoded term name as WordPress compares it (`get_term_by('name')` after sanitize_text_field). */
const sameName = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The term ids to send for `taxonomy`, or undefined when the input does not name the field. `postId`: the post
 * being updated (its present terms are kept when appending), undefined for a new one.
 */
export async function resolveTermInput(
  context: GatewayContext,
  input: MutationInput,
  taxonomy: TermTaxonomy,
  postId: number | undefined,
): Promise<number[] | undefined> {
  const given = input[taxonomy.field] as TermsInput | null | undefined;
  if (!given?.nodes) return undefined;
  if (given.nodes.length > MAX_NODES)
    throw badInput(`${taxonomy.field}.nodes`, `${given.nodes.length} terms is more than the ${MAX_NODES} accepted`);
  const { collection, field } = taxonomy;
  const ids: number[] = [];
  for (const [i, node] of given.nodes.entries()) {
    if (!node) continue;
    const where = `${field}.nodes[${i}]`;
    for (const key of ['id', 'slug', 'name', 'description'] as const) {
      const value = node[key];
      if (typeof value === 'string' && value.length > 1_000) throw badInput(`${where}.${key}`, 'more than 1000 characters; send less');
    }
    let found: number | undefined;
    if (node.id) {
      const id = databaseIdFromId(node.id);
      if (!id) throw badInput(`${where}.id`, `${JSON.stringify(node.id)} is not a valid ID: send a global id or a database id`);
      const term = await context.loaders.load(collection, id);
      found = term ? id : undefined;
    } else if (node.slug) {
      const page = await context.loaders.list(collection, { slug: [node.slug], per_page: 1 }, ['slug']);
      found = (page.models[0] as { databaseId?: number } | undefined)?.databaseId;
    } else if (node.name) {
      const name = node.name;
      const page = await context.loaders.list(collection, { search: name, per_page: 100 }, ['name']);
      found = (page.models as { databaseId: number; name: string | null }[]).find((t) => sameName(t.name, name))?.databaseId;
    } else {
      throw badInput(where, 'name the term by id, slug or name');
    }
    // WPGraphQL creates the term only for a slug or name it could not find; an id that names nothing is skipped.
    if (found === undefined && !node.id) found = await createTerm(context, collection, node);
    if (found !== undefined) ids.push(found);
  }
  if (given.append !== false) {
    if (postId !== undefined) ids.unshift(...(await currentTerms(context, taxonomy.collection, postId)));
  }
  return [...new Set(ids)];
}

/**
 * The post's present terms of a taxonomy, listed (`/wp/v2/<taxonomy>?post=<id>`): the post's own record, as the
 * mutation's selection asked for it, may not carry its term ids.
 */
async function currentTerms(context: GatewayContext, collection: Collection, postId: number): Promise<number[]> {
  const page = await context.loaders.list(collection, { post: postId, per_page: 100 }, []);
  return page.models.map((m) => (m as { databaseId: number }).databaseId);
}

/**
 * Creates the term a node names (WPGraphQL's create_term_to_connect): its id, or undefined when the viewer may
 * not create terms (skipped, as WPGraphQL skips it). A term WordPress says exists already (`term_exists`: the
 * same name under another slug) is looked up and used.
 */
async function createTerm(context: GatewayContext, collection: Collection, node: TermNodeInput): Promise<number | undefined> {
  const name = node.name || node.slug;
  if (!name) return undefined;
  const body: Record<string, unknown> = { name };
  if (node.slug) body.slug = node.slug;
  if (node.description) body.description = node.description;
  try {
    const term = await context.writes.save(collection, undefined, body);
    return (term as { databaseId: number }).databaseId;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = error.extensions.code;
    if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return undefined;
    if (error.extensions.wordpressCode === 'term_exists') {
      const page = await context.loaders.list(collection, { search: name, per_page: 100 }, ['name']);
      return (page.models as { databaseId: number; name: string | null }[]).find((t) => sameName(t.name, name))?.databaseId;
    }
    throw error;
  }
}
