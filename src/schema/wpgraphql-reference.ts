import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  type GraphQLField,
} from 'graphql';

/**
 * WPGraphQL 2.20's own SDL for the types we serve (names and types only), kept beside the code as the reference
 * our schema is checked against. Scalar fields are declared from it (see `scalarField`) so a name, a type or a
 * nullability can never drift from WPGraphQL's by a typo; which fields are served, and how each is computed,
 * stays in the type files and the models.
 */
export const reference = buildSchema(readFileSync(new URL('./wpgraphql-reference.graphql', import.meta.url), 'utf8'));

/** The reference definition of `Type.field`; throws when the field is not WPGraphQL's (a typo). */
export function referenceField(typeName: string, fieldName: string): GraphQLField<unknown, unknown> {
  const type = reference.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type))) {
    throw new Error(`${typeName} is not an object or interface type of WPGraphQL's schema`);
  }
  const field = type.getFields()[fieldName];
  if (!field) throw new Error(`${typeName}.${fieldName} is not a field of WPGraphQL's schema`);
  return field;
}

/** What Pothos needs to declare a scalar field with WPGraphQL's exact output type. */
export interface ScalarFieldShape {
  /** `String`, `Int`, `Boolean`, `Float` or `ID`. */
  scalar: 'String' | 'Int' | 'Boolean' | 'Float' | 'ID';
  list: boolean;
  nullable: boolean;
}

/** Reads `Type.field`'s output type from the reference, for fields whose type is a scalar or a list of one. */
export function scalarShape(typeName: string, fieldName: string): ScalarFieldShape {
  const field = referenceField(typeName, fieldName);
  const nullable = !isNonNullType(field.type);
  const inner = getNullableType(field.type);
  const list = isListType(inner);
  const named = getNamedType(field.type);
  if (isEnumType(named) || !isScalarType(named)) {
    throw new Error(`${typeName}.${fieldName} is not a scalar field (it is ${String(field.type)})`);
  }
  const scalar = named.name as ScalarFieldShape['scalar'];
  return { scalar, list, nullable };
}
