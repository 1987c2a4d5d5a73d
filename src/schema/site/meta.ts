import {
  GraphQLBoolean,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLType,
} from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { isUsableName } from '../../discovery/names.ts';
import type { MetaField, MetaScalar } from '../../discovery/types.ts';
import { restSources } from '../rest-sources.ts';
import { restOf } from './alias.ts';
import type { SiteBuild } from './build.ts';
import type { ServedReport } from './types.ts';

const SCALAR_TYPES: Record<MetaScalar, GraphQLType> = {
  String: GraphQLString,
  Int: GraphQLInt,
  Float: GraphQLFloat,
  Boolean: GraphQLBoolean,
};

/**
 * Registered meta (`register_meta` with show_in_rest) as a typed `meta` field on each served type that has any;
 * returns what was served or skipped of each type's keys, by slug, for the report.
 */
export function addMeta(b: SiteBuild): Map<string, ServedReport['meta']> {
  const { served, taken, created, warnings, addFields, overrideHint } = b;
  const reportMeta = new Map<string, ServedReport['meta']>();
  for (const item of served.values()) {
    const metaReport: ServedReport['meta'] = item.entry.skippedMeta.map((m) => ({
      key: m.key,
      field: undefined,
      note: `not served: ${m.reason}`,
    }));
    reportMeta.set(item.entry.slug, metaReport);
    if (item.entry.meta.length === 0) continue;
    // `<Type>Meta`, unless WPGraphQL already has that name for something else (`MediaItemMeta` is a media file's
    // EXIF data): then `<Type>RegisteredMeta`.
    const free = (name: string) => !taken.has(name) && !created.has(name);
    const typeName = free(`${item.names.type}Meta`) || !item.builtIn ? `${item.names.type}Meta` : `${item.names.type}RegisteredMeta`;
    if (taken.has(typeName) || created.has(typeName)) {
      warnings.push(
        `Meta of "${item.entry.slug}" skipped: type name ${typeName} collides with an existing type; ${overrideHint(item.entry.slug)}`,
      );
      for (const m of item.entry.meta) metaReport.push({ key: m.key, field: undefined, note: `not served: type ${typeName} collides` });
      continue;
    }
    const metaFields: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
    for (const m of item.entry.meta) {
      const field = metaFieldName(m.key);
      if (!isUsableName(field) || metaFields[field]) {
        metaReport.push({
          key: m.key,
          field: undefined,
          note: `not served: its field name ${field} is not a GraphQL name or is taken by another key`,
        });
        continue;
      }
      metaFields[field] = metaFieldConfig(m, `${typeName}${field.charAt(0).toUpperCase()}${field.slice(1)}`, created);
      metaReport.push({ key: m.key, field: `meta.${field}`, note: 'served' });
    }
    if (Object.keys(metaFields).length === 0) continue;
    const metaType = new GraphQLObjectType({
      name: typeName,
      description: `Registered meta of the ${item.entry.slug} type (register_meta with show_in_rest), typed from its REST schema`,
      fields: metaFields,
    });
    created.set(typeName, metaType);
    addFields(item.names.type, () => ({
      meta: {
        type: metaType,
        description: 'Registered meta (REST `meta`): one field per key registered with show_in_rest',
        extensions: restSources('meta'),
        resolve: (model: unknown) => {
          const meta = restOf(model).meta;
          return meta && typeof meta === 'object' && !Array.isArray(meta) ? meta : null;
        },
      },
    }));
  }
  return reportMeta;
}

/** A meta key as a field name: the key itself when it is a GraphQL name (`page_count`), else camelCased. */
export function metaFieldName(key: string): string {
  if (isUsableName(key)) return key;
  const camel = key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

type GraphQLOutputTypeAlias = GraphQLFieldConfig<unknown, GatewayContext>['type'];

function metaFieldConfig(
  meta: MetaField,
  objectName: string,
  created: Map<string, GraphQLNamedType>,
): GraphQLFieldConfig<unknown, GatewayContext> {
  const { shape } = meta;
  let type: GraphQLOutputTypeAlias;
  if (shape.kind === 'scalar') type = SCALAR_TYPES[shape.scalar] as GraphQLOutputTypeAlias;
  else {
    const object = new GraphQLObjectType({
      name: objectName,
      description: `The ${meta.key} meta object`,
      fields: Object.fromEntries(
        Object.entries(shape.properties).map(([name, scalar]) => [
          metaFieldName(name),
          {
            type: SCALAR_TYPES[scalar] as GraphQLFieldConfig<unknown, unknown>['type'],
            resolve: (o: Record<string, unknown>) => o[name] ?? null,
          },
        ]),
      ),
    });
    created.set(objectName, object);
    type = object;
  }
  return {
    type: shape.list ? new GraphQLList(type) : type,
    description: meta.description,
    resolve: (source: unknown) => {
      const value = (source as Record<string, unknown>)[meta.key];
      if (value === undefined || value === '' ? shape.kind === 'scalar' && shape.scalar !== 'String' : false) return null;
      if (shape.kind === 'object' && !shape.list && (Array.isArray(value) || typeof value !== 'object')) return null;
      return value ?? null;
    },
  };
}
