import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLEnumType,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { isUsableName, type TypeNames } from '../../discovery/names.ts';
import type { DiscoveredCollection, MetaField, MetaScalar } from '../../discovery/types.ts';
import { toGlobalId } from '../../models/global-id.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import { badInput, checkSizes, idInput, inputNames, lowerCase, type MutationInput, optionalId, restBody } from './common.ts';
import { resolveTermInput, type TermPlan, type TermTaxonomy, writeWithTerms } from './term-input.ts';

/**
 * Mutations of the discovered custom post types and taxonomies (src/schema/site-schema.ts), in the shapes
 * WPGraphQL registers for a type with `show_in_graphql` (Mutation/PostObjectCreate.php, PostObjectUpdate.php,
 * PostObjectDelete.php, TermObjectCreate.php, TermObjectUpdate.php, TermObjectDelete.php):
 *
 * - a post type `book`: `createBook(input: CreateBookInput!): CreateBookPayload { clientMutationId book }`,
 *   `updateBook` (the same with `id: ID!`), `deleteBook(input: { id, forceDelete }): { deletedId book }`. The
 *   input has WPGraphQL's always-present fields (`date`, `password`, `slug`, `status`) and those its `supports`
 *   give, read from which fields its REST records carry (title, editor → `content`, excerpt, author →
 *   `authorId`, comments → `commentStatus`, trackbacks → `pingStatus`, page-attributes → `menuOrder`), plus
 *   `parentId` for a hierarchical type, and one field per taxonomy of the type (`genres: BookGenresInput`, with
 *   WPGraphQL's `{ append, nodes: [BookGenresNodeInput { id slug name description }] }`, ./term-input.ts);
 * - a taxonomy `genre`: `createGenre(input: { name!, slug, description, parentId, parentDatabaseId })`,
 *   `updateGenre`, `deleteGenre` (terms have no trash), payloads `{ clientMutationId genre }` (+ `deletedId`).
 *
 * Registered meta: WPGraphQL has no standard for writing meta (it serves none; plugins such as WPGraphQL for
 * ACF add their own). The gateway takes it as it serves it: `meta: BookMetaInput`, one field per key that
 * `Book.meta` serves, with the same names and types (an object key as an input object), sent as REST's `meta`
 * object, so WordPress validates it against the registered schema and refuses what does not fit
 * (BAD_USER_INPUT naming `meta`).
 *
 * Written through src/loaders/writes.ts like every mutation; a name that collides with an existing type or root
 * field skips that type's mutations with one warning.
 */

/** What the schema builder knows of a served collection, as this module needs it. */
export interface WritableCollection {
  entry: DiscoveredCollection;
  builtIn: boolean;
  names: TypeNames;
  /** The taxonomies of a post type (or post types of a taxonomy) among the served, by slug. */
  related: readonly string[];
}

/** What the builder hands over. */
export interface DiscoveredMutationsOptions {
  /** Every served collection by slug (built-in ones too: a custom post type may use categories). */
  served: ReadonlyMap<string, WritableCollection>;
  /** The schema's type by name (built or base). */
  typeRef: (name: string) => GraphQLNamedType;
  /** Whether a type name is already used. */
  isTaken: (name: string) => boolean;
  /** A meta key's field name, as `<Type>.meta` serves it. */
  metaFieldName: (key: string) => string;
}

export interface DiscoveredMutations {
  types: GraphQLNamedType[];
  fields: GraphQLFieldConfigMap<unknown, GatewayContext>;
  warnings: string[];
}

const SCALARS: Record<MetaScalar, GraphQLInputType> = {
  String: GraphQLString,
  Int: GraphQLInt,
  Float: GraphQLFloat,
  Boolean: GraphQLBoolean,
};

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Post type input field → REST field, served when the type's records carry the REST field (its `supports`). */
const CONTENT_FIELDS: readonly [input: string, rest: string, type: GraphQLInputType][] = [
  ['title', 'title', GraphQLString],
  ['content', 'content', GraphQLString],
  ['excerpt', 'excerpt', GraphQLString],
  ['commentStatus', 'comment_status', GraphQLString],
  ['pingStatus', 'ping_status', GraphQLString],
  ['menuOrder', 'menu_order', GraphQLInt],
  ['date', 'date', GraphQLString],
  ['password', 'password', GraphQLString],
  ['slug', 'slug', GraphQLString],
];

const ALWAYS = new Set(['date', 'password', 'slug']);

/** Builds the mutations of every discovered (not built-in) collection in `served`. */
export function discoveredMutations(options: DiscoveredMutationsOptions): DiscoveredMutations {
  const types: GraphQLNamedType[] = [];
  const fields: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
  const warnings: string[] = [];
  const made = new Set<string>();
  const free = (name: string) => !options.isTaken(name) && !made.has(name);
  const add = <T extends GraphQLNamedType>(type: T): T => {
    made.add(type.name);
    types.push(type);
    return type;
  };

  for (const item of options.served.values()) {
    if (item.builtIn) continue;
    const { entry, names } = item;
    const T = names.type;
    const wanted = [...VERBS.map((v) => `${upper(v)}${T}Input`), ...VERBS.map((v) => `${upper(v)}${T}Payload`)];
    const clash = wanted.find((n) => !free(n)) ?? VERBS.map((v) => `${v}${T}`).find((n) => fields[n]);
    if (clash) {
      warnings.push(`Mutations of "${entry.slug}" skipped: the name ${clash} is taken`);
      continue;
    }
    const metaInput = metaInputType(item, options, free, add);
    const payload = (verb: string, deleted: boolean) =>
      add(
        new GraphQLObjectType({
          name: `${upper(verb)}${T}Payload`,
          description: `The payload for the ${verb}${T} mutation.`,
          fields: () => ({
            clientMutationId: {
              type: GraphQLString,
              description:
                "If a 'clientMutationId' input is provided to the mutation, it will be returned as output on the mutation. This ID can be used by the client to track the progress of mutations and catch possible duplicate mutation submissions.",
            },
            [names.single]: { type: options.typeRef(T) as GraphQLObjectType, description: `The ${names.single} object mutated` },
            ...(deleted ? { deletedId: { type: GraphQLID, description: 'The ID of the deleted object' } } : {}),
          }),
        }),
      );
    const collection = entry.restBase as Collection;
    const build =
      entry.kind === 'postType'
        ? postTypeMutations(item, options, collection, metaInput, free, add)
        : taxonomyMutations(item, collection, metaInput, options.metaFieldName);
    if (!build) continue;
    for (const verb of VERBS) fields[`${verb}${T}`] = mutationField(verb, T, payload(verb, verb === 'delete'), build);
  }
  return { types, fields, warnings };
}

type Verb = 'create' | 'update' | 'delete';
/** What a post type's or taxonomy's mutations differ in: their input fields and what they send, per verb. */
type Builder = {
  inputFields: (verb: Verb) => GraphQLInputFieldConfigMap;
  resolve: (verb: Verb, input: MutationInput, context: GatewayContext) => Promise<Record<string, unknown>>;
};

const VERBS: readonly Verb[] = ['create', 'update', 'delete'];

/** `<verb><T>(input: <Verb><T>Input!): <Verb><T>Payload`, the shape of every WPGraphQL mutation. */
function mutationField(verb: Verb, T: string, payload: GraphQLObjectType, build: Builder) {
  return {
    type: payload,
    description: `The ${verb}${T} mutation`,
    args: {
      input: {
        type: new GraphQLNonNull(
          new GraphQLInputObjectType({
            name: `${upper(verb)}${T}Input`,
            description: `Input for the ${verb}${T} mutation.`,
            fields: () => build.inputFields(verb),
          }),
        ),
      },
    },
    resolve: (_root: unknown, args: { input: MutationInput }, context: GatewayContext) => build.resolve(verb, args.input, context),
  };
}

/** The `clientMutationId` echoed into a payload, as every mutation does. */
const echo = (input: MutationInput) => (typeof input.clientMutationId === 'string' ? input.clientMutationId : null);

/**
 * `meta: <Type>MetaInput`, from the keys the type's `meta` field serves; undefined when it serves none or the
 * name is taken.
 */
export function metaInputType(
  item: WritableCollection,
  options: DiscoveredMutationsOptions,
  free: (name: string) => boolean,
  add: <T extends GraphQLNamedType>(type: T) => T,
): { type: GraphQLInputObjectType; keys: ReadonlyMap<string, MetaField> } | undefined {
  const name = `${item.names.type}MetaInput`;
  if (item.entry.meta.length === 0 || !free(name)) return undefined;
  const keys = new Map<string, MetaField>();
  const config: GraphQLInputFieldConfigMap = {};
  for (const meta of item.entry.meta) {
    const field = options.metaFieldName(meta.key);
    if (!isUsableName(field) || keys.has(field)) continue;
    let type: GraphQLInputType;
    if (meta.shape.kind === 'scalar') type = SCALARS[meta.shape.scalar];
    else {
      const objectName = `${name}${upper(field)}`;
      if (!free(objectName)) continue;
      type = add(
        new GraphQLInputObjectType({
          name: objectName,
          description: `The ${meta.key} meta object`,
          fields: Object.fromEntries(
            Object.entries(meta.shape.properties).map(([prop, scalar]) => [options.metaFieldName(prop), { type: SCALARS[scalar] }]),
          ),
        }),
      );
    }
    keys.set(field, meta);
    config[field] = { type: meta.shape.list ? new GraphQLList(type) : type, description: meta.description };
  }
  if (keys.size === 0) return undefined;
  return {
    type: add(
      new GraphQLInputObjectType({
        name,
        description: `Registered meta of the ${item.entry.slug} type to write (REST \`meta\`)`,
        fields: config,
      }),
    ),
    keys,
  };
}

/** The REST `meta` object from `meta` input: field names back to meta keys (and object properties back). */
export function metaBody(
  input: MutationInput,
  meta: { keys: ReadonlyMap<string, MetaField> } | undefined,
  metaFieldName: (key: string) => string,
): Record<string, unknown> | undefined {
  const given = input.meta as Record<string, unknown> | null | undefined;
  if (!given || !meta) return undefined;
  checkSizes(given);
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(given)) {
    const key = meta.keys.get(field);
    if (!key || value === undefined) continue;
    if (key.shape.kind === 'object' && value !== null) {
      const back = (o: Record<string, unknown>) =>
        Object.fromEntries(
          Object.keys((key.shape as { properties: Record<string, unknown> }).properties)
            .filter((p) => o[metaFieldName(p)] !== undefined)
            .map((p) => [p, o[metaFieldName(p)]]),
        );
      body[key.key] = Array.isArray(value)
        ? value.map((v) => (v ? back(v as Record<string, unknown>) : v))
        : back(value as Record<string, unknown>);
    } else body[key.key] = value;
  }
  return body;
}

/** createBook / updateBook / deleteBook of a discovered post type; undefined when a term input's name is taken. */
function postTypeMutations(
  item: WritableCollection,
  options: DiscoveredMutationsOptions,
  collection: Collection,
  meta: { type: GraphQLInputObjectType; keys: ReadonlyMap<string, MetaField> } | undefined,
  free: (name: string) => boolean,
  add: <T extends GraphQLNamedType>(type: T) => T,
): Builder | undefined {
  const { entry, names } = item;
  const has = new Set(entry.fields);
  // date, password, slug: WPGraphQL's always-present fields, which every REST post type takes.
  const served = CONTENT_FIELDS.filter(([, rest]) => ALWAYS.has(rest) || has.has(rest));
  const restFields: Record<string, string> = { ...Object.fromEntries(served.map(([input, rest]) => [input, rest])), status: 'status' };
  const NAMES = { ...inputNames(restFields), author: 'authorId', parent: 'parentId', meta: 'meta' };

  const terms = termInputFields(item, options, free, add);
  if (!terms) return undefined;
  const { fields: termInputs, taxonomies } = terms;

  const inputFields = (verb: Verb): GraphQLInputFieldConfigMap => {
    if (verb === 'delete') {
      return {
        clientMutationId: { type: GraphQLString },
        forceDelete: {
          type: GraphQLBoolean,
          description: 'Whether the object should be force deleted instead of being moved to the trash',
        },
        id: { type: new GraphQLNonNull(GraphQLID), description: `The ID of the ${names.single} to delete` },
      };
    }
    return {
      ...(has.has('author') ? { authorId: { type: GraphQLID, description: 'The userId to assign as the author of the object' } } : {}),
      clientMutationId: { type: GraphQLString },
      ...Object.fromEntries(served.map(([input, , type]) => [input, { type }])),
      ...(entry.hierarchical ? { parentId: { type: GraphQLID, description: 'The ID of the parent object' } } : {}),
      status: { type: options.typeRef('PostStatusEnum') as GraphQLEnumType, description: 'The status of the object' },
      ...termInputs,
      ...(meta
        ? { meta: { type: meta.type, description: 'Registered meta to set (REST `meta`: keys registered with show_in_rest)' } }
        : {}),
      ...(verb === 'update' ? { id: { type: new GraphQLNonNull(GraphQLID), description: `The ID of the ${names.single} object` } } : {}),
    };
  };

  const body = async (input: MutationInput, context: GatewayContext, id: number | undefined) => {
    checkSizes(input);
    const out = restBody(input, restFields, { status: lowerCase });
    const author = optionalId(input, 'authorId');
    if (author !== undefined) out.author = author;
    const parent = optionalId(input, 'parentId');
    if (parent !== undefined) out.parent = parent;
    const plans: TermPlan[] = [];
    for (const tax of taxonomies) {
      const plan = await resolveTermInput(context, input, tax, id);
      if (plan) plans.push(plan);
    }
    const metaOut = metaBody(input, meta, options.metaFieldName);
    if (metaOut) out.meta = metaOut;
    return { out, plans };
  };

  return {
    inputFields,
    resolve: async (verb, input, context) => {
      if (verb === 'delete') {
        const id = idInput(input, 'id');
        const record = await context.writes.remove(collection, id, input.forceDelete === true);
        return { clientMutationId: echo(input), [names.single]: record, deletedId: toGlobalId('post', id) };
      }
      const id = verb === 'update' ? idInput(input, 'id') : undefined;
      const { out, plans } = await body(input, context, id);
      const record = await writeWithTerms(context, collection, id, out, plans, NAMES);
      return { clientMutationId: echo(input), [names.single]: record };
    },
  };
}

/**
 * One `{ append, nodes }` input per taxonomy of a post type (WPGraphQL's TypeRegistry: `<Type><Taxonomies>Input`
 * and `<Type><Taxonomies>NodeInput`), skipping the fields `skip` names (a built-in input's own `categories`);
 * undefined when a name is taken.
 */
export function termInputFields(
  item: WritableCollection,
  options: DiscoveredMutationsOptions,
  free: (name: string) => boolean,
  add: <T extends GraphQLNamedType>(type: T) => T,
  skip: (field: string) => boolean = () => false,
): { fields: GraphQLInputFieldConfigMap; taxonomies: TermTaxonomy[] } | undefined {
  const { names } = item;
  const T = names.type;
  const taxonomies: TermTaxonomy[] = [];
  const termInputs: GraphQLInputFieldConfigMap = {};
  for (const slug of item.related) {
    const tax = options.served.get(slug);
    if (tax?.entry.kind !== 'taxonomy' || skip(tax.names.plural)) continue;
    const stem = `${T}${upper(tax.names.plural)}`;
    if (!free(`${stem}Input`) || !free(`${stem}NodeInput`)) return undefined;
    const node = add(
      new GraphQLInputObjectType({
        name: `${stem}NodeInput`,
        description: `List of ${tax.names.plural} to connect the ${names.single} to. If an ID is set, it will be used to create the connection. If not, it will look for a slug. If neither are valid existing terms, a term will be created using the Name if it exists in the input, then fallback to the slug if it exists.`,
        fields: {
          description: { type: GraphQLString, description: 'The description of the term object, used when it is created' },
          id: { type: GraphQLID, description: 'The ID of the term object (global or database ID)' },
          name: { type: GraphQLString, description: 'The name of the term object' },
          slug: { type: GraphQLString, description: 'The slug of the term object' },
        },
      }),
    );
    const wrapper = add(
      new GraphQLInputObjectType({
        name: `${stem}Input`,
        description: `Set relationships between the ${names.single} to ${tax.names.plural}`,
        fields: {
          append: {
            type: GraphQLBoolean,
            description:
              'If true, this will append the terms to existing related terms (the default); if false, this will replace existing relationships.',
          },
          nodes: { type: new GraphQLList(node), description: 'The input list of items to set.' },
        },
      }),
    );
    termInputs[tax.names.plural] = { type: wrapper, description: `Set connections between the ${names.single} and ${tax.names.plural}` };
    taxonomies.push({ field: tax.names.plural, collection: tax.entry.restBase as Collection });
  }

  return { fields: termInputs, taxonomies };
}

/** createGenre / updateGenre / deleteGenre of a discovered taxonomy. */
function taxonomyMutations(
  item: WritableCollection,
  collection: Collection,
  meta: { type: GraphQLInputObjectType; keys: ReadonlyMap<string, MetaField> } | undefined,
  metaFieldName: (key: string) => string,
): Builder {
  const { entry, names } = item;
  const TERM_FIELDS = { description: 'description', name: 'name', slug: 'slug' };
  const NAMES = { ...inputNames(TERM_FIELDS), parent: 'parentId', meta: 'meta' };
  const inputFields = (verb: Verb): GraphQLInputFieldConfigMap => {
    if (verb === 'delete') {
      return {
        clientMutationId: { type: GraphQLString },
        id: { type: new GraphQLNonNull(GraphQLID), description: `The ID of the ${names.single} to delete` },
      };
    }
    return {
      clientMutationId: { type: GraphQLString },
      description: { type: GraphQLString, description: `The description of the ${names.single} object` },
      name: {
        type: verb === 'create' ? new GraphQLNonNull(GraphQLString) : GraphQLString,
        description: `The name of the ${names.single} object to mutate`,
      },
      ...(entry.hierarchical
        ? {
            parentDatabaseId: {
              type: GraphQLInt,
              description: `The database ID of the ${names.single} that should be set as the parent. This field cannot be used in conjunction with parentId`,
            },
            parentId: {
              type: GraphQLID,
              description: `The ID of the ${names.single} that should be set as the parent. This field cannot be used in conjunction with parentDatabaseId`,
            },
          }
        : {}),
      slug: { type: GraphQLString, description: 'If this argument exists, set the slug of the term' },
      ...(meta
        ? { meta: { type: meta.type, description: 'Registered meta to set (REST `meta`: keys registered with show_in_rest)' } }
        : {}),
      ...(verb === 'update'
        ? { id: { type: new GraphQLNonNull(GraphQLID), description: `The ID of the ${names.single} object to update` } }
        : {}),
    };
  };
  const body = (input: MutationInput) => {
    checkSizes(input);
    const out = restBody(input, TERM_FIELDS);
    const byId = optionalId(input, 'parentId');
    const byDatabaseId = typeof input.parentDatabaseId === 'number' ? input.parentDatabaseId : undefined;
    if (byId !== undefined && byDatabaseId !== undefined) throw badInput('parentId', 'send parentId or parentDatabaseId, not both');
    const parent = byId ?? byDatabaseId;
    if (parent !== undefined) out.parent = parent;
    const metaOut = metaBody(input, meta, metaFieldName);
    if (metaOut) out.meta = metaOut;
    return out;
  };
  return {
    inputFields,
    resolve: async (verb, input, context) => {
      if (verb === 'delete') {
        const id = idInput(input, 'id');
        // Terms have no trash: WordPress refuses a DELETE without force.
        const record = await context.writes.remove(collection, id, true);
        return { clientMutationId: echo(input), [names.single]: record, deletedId: toGlobalId('term', id) };
      }
      const id = verb === 'update' ? idInput(input, 'id') : undefined;
      const record = await context.writes.save(collection, id, body(input), NAMES);
      return { clientMutationId: echo(input), [names.single]: record };
    },
  };
}
