import {
  type ArgumentNode,
  type DocumentNode,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Collection } from '../wordpress/rest-types.ts';
import { restFields } from './records.ts';

/**
 * The names under which the schema declares what the planner reads (src/schema/rest-sources.ts writes them):
 * on a record type, its REST collection and any per-type replacements of inherited fields' sources; on a field,
 * the REST fields (top-level `_fields` names) it is computed from.
 */
export const REST_EXTENSIONS = {
  collection: 'restCollection',
  sourceOverrides: 'restSourceOverrides',
  sources: 'restSources',
  relatedSources: 'restRelatedSources',
  argumentSources: 'restArgumentSources',
} as const;

/** Where one GraphQL field of a record type reads from: its type's collection, and the field's REST sources. */
export interface FieldSources {
  collection: Collection;
  /** Undefined when the field declares none: that collection then falls back to whole records. */
  sources: readonly string[] | undefined;
}

/** Reads a field's REST sources; undefined for types that are not records of a REST collection. */
export type SourcesOf = (type: GraphQLObjectType, field: string) => FieldSources | undefined;

/**
 * The default {@link SourcesOf}: what the schema declares, where each field is defined (its `extensions`), with
 * the record type's own replacements for fields it inherits from an interface whose sources differ for it.
 */
export const sourcesInSchema: SourcesOf = (type, field) => {
  const collection = type.extensions[REST_EXTENSIONS.collection] as Collection | undefined;
  if (!collection) return undefined;
  const overrides = type.extensions[REST_EXTENSIONS.sourceOverrides] as Readonly<Record<string, readonly string[]>> | undefined;
  const declared = type.getFields()[field]?.extensions[REST_EXTENSIONS.sources] as readonly string[] | undefined;
  return { collection, sources: overrides?.[field] ?? declared };
};

/** Fields every record fetch needs whatever was selected: the id, to map answers back to keys. */
const ALWAYS = ['id'];

/**
 * Works out, from an operation's selection set, which REST fields to ask each collection for (`_fields`).
 * WordPress renders every field of a record unless told otherwise, and rendering content is the expensive part
 * (100 posts: 280 ms in full, 120 ms trimmed), so this is the largest single saving on the upstream.
 *
 * The plan covers the whole document, not one field: every call to a collection in a request uses the same set,
 * so any record a loader holds can serve any resolver of that request. A selected field that declares no
 * sources (a field added to the schema without them) makes that collection fall back to whole records: correct
 * first, fast second.
 */
export function planFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  sourcesOf: SourcesOf = sourcesInSchema,
): Map<Collection, readonly string[] | undefined> {
  const selected = new Map<GraphQLObjectType, Set<string>>();
  // REST fields of other collections a selected field needs whatever its sub-selection (a sort key).
  const related = new Map<Collection, Set<string>>();
  const byArguments = new Map<Collection, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  const note = (type: GraphQLObjectType, field: string) => {
    let set = selected.get(type);
    if (!set) {
      set = new Set();
      selected.set(type, set);
    }
    set.add(field);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = node.name.value;
        if (!parent || field.startsWith('__')) return;
        const needs = typeInfo.getFieldDef()?.extensions[REST_EXTENSIONS.relatedSources] as
          | Readonly<Partial<Record<Collection, readonly string[]>>>
          | undefined;
        for (const [collection, fields] of Object.entries(needs ?? {}) as [Collection, readonly string[]][]) {
          const set = related.get(collection) ?? new Set<string>();
          for (const f of fields) set.add(f);
          related.set(collection, set);
        }
        noteArguments(schema, typeInfo.getFieldDef(), node.arguments, byArguments);
        if (isObjectType(parent)) note(parent, field);
        else if (isInterfaceType(parent)) {
          for (const impl of schema.getPossibleTypes(parent)) note(impl, field);
        }
      },
    }),
  );

  const plan = new Map<Collection, readonly string[] | undefined>();
  const fallback = new Set<Collection>();
  for (const [collection, sources] of byArguments) plan.set(collection, restFields([...ALWAYS, ...sources]) ?? []);
  for (const [type, fields] of selected) {
    for (const field of fields) {
      const found = sourcesOf(type, field);
      if (!found) continue;
      const set = new Set<string>(plan.get(found.collection) ?? ALWAYS);
      if (!found.sources) fallback.add(found.collection);
      else for (const source of found.sources) set.add(source);
      // A nested field beside its parent would cut WordPress's answer short: see restFields.
      plan.set(found.collection, restFields([...set]) ?? []);
    }
  }
  for (const [collection, fields] of related) {
    if (fallback.has(collection)) continue;
    plan.set(collection, restFields([...(plan.get(collection) ?? ALWAYS), ...fields]) ?? []);
  }
  for (const collection of fallback) plan.set(collection, undefined);
  return plan;
}

/**
 * What a field's arguments add to the plan: a field may declare, per argument, REST fields the records it returns
 * need when that argument is given (`asPreview` needs the record's `_links`, to find its newest revision). An
 * argument given as a variable counts as given (the plan is made once per document, before variables are known);
 * a literal `false` or `null` does not.
 */
function noteArguments(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown> | null | undefined,
  args: readonly ArgumentNode[] | undefined,
  into: Map<Collection, Set<string>>,
): void {
  const declared = field?.extensions[REST_EXTENSIONS.argumentSources] as Readonly<Record<string, readonly string[]>> | undefined;
  if (!field || !declared || !args?.length) return;
  const named = getNamedType(field.type);
  const records = isObjectType(named) ? [named] : isAbstractType(named) ? schema.getPossibleTypes(named) : [];
  for (const arg of args) {
    const sources = declared[arg.name.value];
    if (!sources || arg.value.kind === Kind.NULL || (arg.value.kind === Kind.BOOLEAN && !arg.value.value)) continue;
    for (const record of records) {
      const collection = record.extensions[REST_EXTENSIONS.collection] as Collection | undefined;
      if (!collection) continue;
      let set = into.get(collection);
      if (!set) {
        set = new Set();
        into.set(collection, set);
      }
      for (const source of sources) set.add(source);
    }
  }
}

/**
 * Every REST field any GraphQL field of a collection's record types reads: the `_fields` that make one fetched
 * record serve every query (src/loaders/reference-collections.ts holds such records). Undefined (whole records)
 * when some field declares no sources, as {@link planFields} falls back.
 */
export function fieldsOfCollection(
  schema: GraphQLSchema,
  collection: Collection,
  sourcesOf: SourcesOf = sourcesInSchema,
): readonly string[] | undefined {
  const set = new Set<string>(ALWAYS);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      const found = sourcesOf(type, field);
      if (!found || found.collection !== collection) continue;
      if (!found.sources) return undefined;
      for (const source of found.sources) set.add(source);
    }
  }
  return restFields([...set]);
}
