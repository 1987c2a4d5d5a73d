import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { withAlias } from './alias.ts';
import type { AnyResolver, Served, ServedReport } from './types.ts';

type FieldMap = GraphQLFieldConfigMap<unknown, GatewayContext>;
type FieldConfig = GraphQLFieldConfig<unknown, GatewayContext>;

/** How {@link SiteBuild.cloneType} copies a template type. */
export interface CloneOptions {
  /** The built-in collection the template's resolvers read, and the discovered one they should read instead. */
  from?: string;
  to?: string;
  keepField?: (field: string) => boolean;
  keepInterface?: (name: string) => boolean;
  renameField?: Record<string, string>;
  extraFields?: () => FieldMap;
  typename?: string;
  description?: string;
  extensions?: Record<string, unknown>;
}

/**
 * The state one build of the site schema shares between its steps (./served.ts, ./post-types.ts, …): the base
 * schema, the types made so far, the fields to add to existing types, and what is served. A hook that adds to the
 * site schema (mutations of discovered types, say) takes it and calls `addFields` / `cloneType`.
 */
export interface SiteBuild {
  readonly base: GraphQLSchema;
  readonly warnings: string[];
  readonly report: ServedReport[];
  /** Types made by this build, by name. */
  readonly created: Map<string, GraphQLNamedType>;
  /** Type names in use (the base schema's and the served families'). */
  readonly taken: Set<string>;
  /** Root query field names in use. */
  readonly rootFieldsTaken: Set<string>;
  /** Fields to add to existing object types (the base's or created ones), by type name. */
  readonly additions: Map<string, () => FieldMap>;
  /** The post types and taxonomies the schema serves, by slug (./served.ts fills it). */
  readonly served: Map<string, Served>;
  addFields(typeName: string, fields: () => FieldMap): void;
  /** Fields to add to existing input types (the base's), by type name (`CreatePostInput.genres`). */
  readonly inputAdditions: Map<string, () => GraphQLInputFieldConfigMap>;
  addInputFields(typeName: string, fields: () => GraphQLInputFieldConfigMap): void;
  /** Values to add to the base schema's enums (`TaxonomyEnum.GENRE`), by enum name; each value is its own name. */
  readonly enumValues: Map<string, Set<string>>;
  /** A created type, else the base schema's; throws when neither has it (a bug, never site input). */
  typeRef(name: string): GraphQLNamedType;
  /** `field`, its types renamed by `local` and its resolver reading collection `to` for `from`. */
  rewriteField(field: FieldConfig, local: ReadonlyMap<string, string>, from: string, to: string): FieldConfig;
  /** Copies the base type `template` as `name`, its references renamed by `local` (template name → new name). */
  cloneType(template: string, name: string, local: ReadonlyMap<string, string>, options?: CloneOptions): void;
  /** Template → new names for a family: each base type named by a pattern, with `{T}` the template's stem. */
  family(patterns: readonly string[], template: string, name: string): Map<string, string>;
  /** The advice a warning ends with: the names-file entry that fixes it. */
  overrideHint(slug: string): string;
}

/** The suffixes of a connection's types (`…Connection`, `…ConnectionEdge`, `…ConnectionPageInfo`). */
export const CONNECTION = ['', 'Edge', 'PageInfo'];

/** The connection types of `stem` (`RootQueryToBook` → `RootQueryToBookConnection`, …Edge, …PageInfo). */
export const connectionFamily = (stem: string) => CONNECTION.map((suffix) => `${stem}Connection${suffix}`);

/** A new, empty build over `base`. */
export function createSiteBuild(base: GraphQLSchema): SiteBuild {
  const warnings: string[] = [];
  const report: ServedReport[] = [];
  const created = new Map<string, GraphQLNamedType>();
  const taken = new Set<string>(Object.keys(base.getTypeMap()));
  const rootFieldsTaken = new Set<string>(Object.keys(base.getQueryType()?.getFields() ?? {}));
  const additions = new Map<string, () => FieldMap>();
  const addFields = (typeName: string, fields: () => FieldMap) => {
    const previous = additions.get(typeName);
    additions.set(typeName, previous ? () => ({ ...previous(), ...fields() }) : fields);
  };
  const inputAdditions = new Map<string, () => GraphQLInputFieldConfigMap>();
  const addInputFields = (typeName: string, fields: () => GraphQLInputFieldConfigMap) => {
    const previous = inputAdditions.get(typeName);
    inputAdditions.set(typeName, previous ? () => ({ ...previous(), ...fields() }) : fields);
  };
  const typeRef = (name: string): GraphQLNamedType => {
    const type = created.get(name) ?? base.getType(name);
    if (!type) throw new Error(`site schema: no type ${name}`);
    return type;
  };
  const rewrite = <T extends GraphQLType>(type: T, local: ReadonlyMap<string, string>): T => {
    if (isNonNullType(type)) return new GraphQLNonNull(rewrite(type.ofType, local) as never) as unknown as T;
    if (isListType(type)) return new GraphQLList(rewrite(type.ofType, local)) as T;
    const named = type as GraphQLNamedType;
    const target = local.get(named.name);
    return (target ? typeRef(target) : named) as T;
  };
  const rewriteArgs = (args: GraphQLFieldConfigArgumentMap, local: ReadonlyMap<string, string>) =>
    Object.fromEntries(Object.entries(args).map(([name, arg]) => [name, { ...arg, type: rewrite(arg.type, local) }]));
  const rewriteField = (
    field: GraphQLFieldConfig<unknown, GatewayContext>,
    local: ReadonlyMap<string, string>,
    from: string,
    to: string,
  ): GraphQLFieldConfig<unknown, GatewayContext> => ({
    ...field,
    type: rewrite(field.type, local),
    args: field.args ? rewriteArgs(field.args, local) : undefined,
    resolve: withAlias(field.resolve as AnyResolver | undefined, from, to),
  });

  const cloneType = (template: string, name: string, local: ReadonlyMap<string, string>, options: CloneOptions = {}): void => {
    if (created.has(name)) return;
    const source = base.getType(template);
    if (!source) throw new Error(`site schema: no template type ${template}`);
    const { from = '', to = '' } = options;
    const keep = options.keepField ?? (() => true);
    if (isObjectType(source) || isInterfaceType(source)) {
      const config = source.toConfig();
      const fields = () => {
        const out: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
        for (const [fieldName, field] of Object.entries(config.fields)) {
          if (!keep(fieldName)) continue;
          out[options.renameField?.[fieldName] ?? fieldName] = rewriteField(
            field as GraphQLFieldConfig<unknown, GatewayContext>,
            local,
            from,
            to,
          );
        }
        return { ...out, ...options.extraFields?.() };
      };
      const interfaces = () =>
        config.interfaces.filter((i) => options.keepInterface?.(i.name) ?? true).map((i) => rewrite(i, local) as GraphQLInterfaceType);
      const typename = options.typename;
      created.set(
        name,
        isObjectType(source)
          ? new GraphQLObjectType({
              ...(source.toConfig() as ReturnType<GraphQLObjectType['toConfig']>),
              name,
              description: options.description ?? source.description,
              fields,
              interfaces,
              extensions: { ...source.extensions, ...options.extensions },
              isTypeOf: typename ? (value: unknown) => (value as { __typename?: string })?.__typename === typename : source.isTypeOf,
            })
          : new GraphQLInterfaceType({ ...(config as ReturnType<GraphQLInterfaceType['toConfig']>), name, fields, interfaces }),
      );
    } else if (isInputObjectType(source)) {
      const config = source.toConfig();
      created.set(
        name,
        new GraphQLInputObjectType({
          ...config,
          name,
          fields: () =>
            Object.fromEntries(
              Object.entries(config.fields)
                .filter(([field]) => keep(field))
                .map(([field, value]) => [field, { ...value, type: rewrite(value.type, local) }]),
            ),
        }),
      );
    } else if (isEnumType(source)) {
      created.set(name, new GraphQLEnumType({ ...source.toConfig(), name }));
    }
  };

  const family = (patterns: readonly string[], template: string, name: string): Map<string, string> => {
    const map = new Map<string, string>();
    for (const pattern of patterns) {
      const from = pattern.replaceAll('{T}', template);
      if (base.getType(from)) map.set(from, pattern.replaceAll('{T}', name));
    }
    return map;
  };
  const overrideHint = (slug: string) =>
    `set names for it in the discovery names file (--discovery-names): { "${slug}": { "single": "…", "plural": "…" } }`;
  return {
    base,
    enumValues: new Map(),
    warnings,
    report,
    created,
    taken,
    rootFieldsTaken,
    additions,
    served: new Map(),
    addFields,
    inputAdditions,
    addInputFields,
    typeRef,
    rewriteField,
    cloneType,
    family,
    overrideHint,
  };
}
