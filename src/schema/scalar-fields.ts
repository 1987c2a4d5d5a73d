import type { FieldRef, SchemaTypes } from '@pothos/core';
import { restSources } from './rest-sources.ts';
import { scalarShape } from './wpgraphql-reference.ts';

/**
 * Declares scalar fields with WPGraphQL's names and output types (read from the reference SDL), each resolving
 * to the model property of the same name. Models hold exactly what WPGraphQL outputs, so these fields only map.
 * A model property that is `undefined` (trimmed away by `_fields`, or not given by REST) resolves to null.
 *
 * `fields` names them; on record types and their interfaces it maps each to the REST fields it is computed from
 * (see rest-sources.ts), which become the field's `extensions` for the `_fields` planner.
 */
export function scalarFields<Types extends SchemaTypes, Shape extends object>(
  t: PothosSchemaTypes.FieldBuilder<Types, Shape, 'Object' | 'Interface'>,
  typeName: string,
  fields: readonly string[] | Readonly<Record<string, readonly string[]>>,
): Record<string, FieldRef<Types, unknown, 'Object' | 'Interface'>> {
  const made: Record<string, FieldRef<Types, unknown, 'Object' | 'Interface'>> = {};
  const sources = Array.isArray(fields) ? undefined : (fields as Readonly<Record<string, readonly string[]>>);
  for (const name of sources ? Object.keys(sources) : (fields as readonly string[])) {
    const shape = scalarShape(typeName, name);
    // cast: the output type is read from the reference SDL at run time, so Pothos cannot check the options
    // against it; the schema test compares every served field's type with WPGraphQL's.
    made[name] = t.field({
      type: shape.list ? [shape.scalar] : shape.scalar,
      nullable: shape.list ? { list: shape.nullable, items: true } : shape.nullable,
      ...(sources ? { extensions: restSources(...(sources[name] ?? [])) } : {}),
      resolve: (model: Record<string, unknown>) => model[name] ?? null,
    } as never) as FieldRef<Types, unknown, 'Object' | 'Interface'>;
  }
  return made;
}
