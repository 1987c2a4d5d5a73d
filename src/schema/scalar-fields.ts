import type { FieldRef, SchemaTypes } from '@pothos/core';
import { scalarShape } from './wpgraphql-reference.ts';

/**
 * Declares scalar fields with WPGraphQL's names and output types (read from the reference SDL), each resolving
 * to the model property of the same name. Models hold exactly what WPGraphQL outputs, so these fields only map.
 * A model property that is `undefined` (trimmed away by `_fields`, or not given by REST) resolves to null.
 */
export function scalarFields<Types extends SchemaTypes, Shape extends object>(
  t: PothosSchemaTypes.FieldBuilder<Types, Shape, 'Object' | 'Interface'>,
  typeName: string,
  names: readonly string[],
): Record<string, FieldRef<Types, unknown, 'Object' | 'Interface'>> {
  const fields: Record<string, FieldRef<Types, unknown, 'Object' | 'Interface'>> = {};
  for (const name of names) {
    const shape = scalarShape(typeName, name);
    // cast: the output type is read from the reference SDL at run time, so Pothos cannot check the options
    // against it; the schema test compares every served field's type with WPGraphQL's.
    fields[name] = t.field({
      type: shape.list ? [shape.scalar] : shape.scalar,
      nullable: shape.list ? { list: shape.nullable, items: true } : shape.nullable,
      resolve: (model: Record<string, unknown>) => model[name] ?? null,
    } as never) as FieldRef<Types, unknown, 'Object' | 'Interface'>;
  }
  return fields;
}
