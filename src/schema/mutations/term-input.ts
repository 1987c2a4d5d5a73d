import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { ModelOf } from '../../loaders/to-model.ts';
import type { InputNames } from '../../loaders/writes.ts';
import { databaseIdFromId } from '../../models/global-id.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import { badInput, type MutationInput } from './common.ts';

/**
 * A post mutation's term input (`categories: { append, nodes: [{ id | slug | name, description }] }`, and the same
 * for tags and every taxonomy of a post type, built-in or discovered) as the term ids REST's `/wp/v2/<type>`
 * takes, resolved as WPGraphQL's PostObjectMutation::set_object_terms resolves them:
 *
 * - each node is looked up by `id` (global or database), else `slug`, else `name`, in that taxonomy;
 * - a node that names no term creates one (`name`, or the slug as name, with `slug` and `description`) through
 *   `POST /wp/v2/<taxonomy>` with the viewer's credentials; when WordPress refuses it (the viewer cannot
 *   edit terms) the node is skipped, as WPGraphQL skips it, and the other terms are still set;
 * - `append` defaults to true (WPGraphQL: "append unless `append: false`"): the post's current terms are kept.
 *   WPGraphQL also drops the default category (Uncategorized) when appending categories; the gateway cannot
 *   know which it is (`default_category` is an admin-only setting in REST), so it is kept.
 *
 * Missing terms are created AFTER the post is written, as WPGraphQL creates them after wp_insert_post
 * ({@link writeWithTerms}): the post write goes first with the terms that exist, and only when WordPress saved it
 * are the missing terms created and assigned in a second write of the post. So a post WordPress refuses leaves
 * nothing behind, no new term either. The other order (create first, delete the new terms when the post is
 * refused) was rejected: a delete can fail or be refused too (an author may create terms but not delete them),
 * which would leave terms behind exactly when something already went wrong. Cost: one more request (the second
 * post write) only when a term is created; none otherwise.
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

/** A taxonomy's terms for one post write: the ids that exist and the nodes to create after the write. */
export interface TermPlan {
  taxonomy: TermTaxonomy;
  /** Term ids to send in the post write (the present ones first when appending). */
  ids: number[];
  /** Nodes that named no existing term by slug or name: created once the post is saved. */
  create: TermNodeInput[];
  /** `append: false`: the ids replace the post's terms. */
  replace: boolean;
}

/**
 * What `taxonomy`'s input asks for, looked up without writing anything, or undefined when the input does not name
 * the field. `postId`: the post being updated (its present terms are kept when appending), undefined for a new one.
 */
export async function resolveTermInput(
  context: GatewayContext,
  input: MutationInput,
  taxonomy: TermTaxonomy,
  postId: number | undefined,
): Promise<TermPlan | undefined> {
  const given = input[taxonomy.field] as TermsInput | null | undefined;
  if (!given?.nodes) return undefined;
  if (given.nodes.length > MAX_NODES)
    throw badInput(`${taxonomy.field}.nodes`, `${given.nodes.length} terms is more than the ${MAX_NODES} accepted`);
  const { collection, field } = taxonomy;
  const ids: number[] = [];
  const create: TermNodeInput[] = [];
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
    if (found !== undefined) ids.push(found);
    else if (!node.id) create.push(node);
  }
  const replace = given.append === false;
  if (!replace && postId !== undefined) ids.unshift(...(await currentTerms(context, taxonomy.collection, postId)));
  return { taxonomy, ids: [...new Set(ids)], create, replace };
}

/**
 * Writes the post (`save(collection, id, body)`) with the terms of `plans`, then creates the missing terms and
 * assigns them in a second write (see the file comment for why in this order). When WordPress refuses the first
 * write, nothing was written. When the second write fails, the post is saved without its new terms: the error
 * says so, with the post's id, and the terms just created are deleted again (best effort).
 */
export async function writeWithTerms<C extends Collection>(
  context: GatewayContext,
  collection: C,
  id: number | undefined,
  body: Record<string, unknown>,
  plans: readonly TermPlan[],
  names?: InputNames,
): Promise<ModelOf<C>> {
  const first = { ...body };
  for (const plan of plans) {
    // A new post whose only terms of a taxonomy are to be created sends none of it yet (an empty list would be
    // WordPress's "no terms", and for categories its default category is then set anyway).
    if (plan.ids.length > 0 || plan.create.length === 0 || (id !== undefined && plan.replace)) first[plan.taxonomy.collection] = plan.ids;
  }
  const record = await context.writes.save(collection, id, first, names);
  const pending = plans.filter((plan) => plan.create.length > 0);
  if (pending.length === 0) return record;
  const postId = (record as { databaseId: number }).databaseId;
  const second: Record<string, unknown> = {};
  const made: { collection: Collection; id: number }[] = [];
  try {
    for (const plan of pending) {
      const created: number[] = [];
      for (const node of plan.create) {
        const term = await createTerm(context, plan.taxonomy.collection, node);
        if (term === undefined) continue;
        created.push(term.id);
        if (term.isNew) made.push({ collection: plan.taxonomy.collection, id: term.id });
      }
      if (created.length > 0) second[plan.taxonomy.collection] = [...new Set([...plan.ids, ...created])];
    }
    if (Object.keys(second).length === 0) return record;
    return await context.writes.save(collection, postId, second, names);
  } catch (error) {
    // The post is saved: say so (a client retrying the whole mutation would write it twice), and take back the
    // terms this call made, which nothing uses.
    for (const term of made) await context.writes.remove(term.collection, term.id, true).catch(() => undefined);
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(`The ${collection} record ${postId} was saved, but its new terms could not be assigned: ${error.message}`, {
      extensions: { ...error.extensions, savedId: postId },
    });
  }
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
 * same name under another slug) is looked up and used (`isNew: false`).
 */
async function createTerm(
  context: GatewayContext,
  collection: Collection,
  node: TermNodeInput,
): Promise<{ id: number; isNew: boolean } | undefined> {
  const name = node.name || node.slug;
  if (!name) return undefined;
  const body: Record<string, unknown> = { name };
  if (node.slug) body.slug = node.slug;
  if (node.description) body.description = node.description;
  try {
    const term = await context.writes.save(collection, undefined, body);
    return { id: (term as { databaseId: number }).databaseId, isNew: true };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = error.extensions.code;
    if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return undefined;
    if (error.extensions.wordpressCode === 'term_exists') {
      const page = await context.loaders.list(collection, { search: name, per_page: 100 }, ['name']);
      const id = (page.models as { databaseId: number; name: string | null }[]).find((t) => sameName(t.name, name))?.databaseId;
      return id === undefined ? undefined : { id, isNew: false };
    }
    throw error;
  }
}
