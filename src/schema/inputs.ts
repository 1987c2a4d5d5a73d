import type { EnumRef, InputFieldRef, SchemaTypes } from '@pothos/core';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { builder, type BuilderTypes } from '../builder.ts';
import { reference } from './wpgraphql-reference.ts';

/**
 * WPGraphQL's enums and input types, declared from the reference SDL with only the values and fields the REST API
 * can serve (the rest are listed in docs/compatibility.md). An enum value's internal value is its name; the
 * where-mappers (src/schema/where/) turn names into REST parameters.
 */

/** An enum made from the reference: its values are known only at run time, so they are typed as strings. */
type ReferenceEnum = EnumRef<BuilderTypes, string, string>;

const enums = new Map<string, ReferenceEnum>();
const inputs = new Map<string, ReturnType<typeof builder.inputRef>>();

/**
 * WPGraphQL's enum `name`, keeping only the `served` values (all when omitted). A value's internal value is its
 * name unless `internal` maps it (`MediaItemSizeEnum.MEDIUM_LARGE` → `medium_large`).
 */
export function referenceEnum(name: string, served?: readonly string[], internal?: Readonly<Record<string, string>>): ReferenceEnum {
  const existing = enums.get(name);
  if (existing) return existing;
  const type = reference.getType(name);
  if (!type || !isEnumType(type)) throw new Error(`${name} is not an enum of WPGraphQL's schema`);
  const values = type.getValues().filter((v) => !served || served.includes(v.name));
  if (served) {
    for (const v of served) if (!values.some((x) => x.name === v)) throw new Error(`${name}.${v} is not WPGraphQL's`);
  }
  const made = builder.enumType(name, {
    description: type.description ?? undefined,
    values: Object.fromEntries(
      values.map((v) => [v.name, { value: internal?.[v.name] ?? v.name, description: v.description ?? undefined }]),
    ),
  });
  enums.set(name, made);
  return made;
}

/**
 * The served values of the enums input types refer to. An input field whose type is one of these enums, or one
 * of the input types made with `referenceInput`, gets that type.
 */
export const SERVED_ENUM_VALUES: Record<string, readonly string[] | undefined> = {
  OrderEnum: undefined,
  // COMMENT_COUNT: the REST API cannot order posts by comment count.
  PostObjectsConnectionOrderbyEnum: ['AUTHOR', 'DATE', 'IN', 'MENU_ORDER', 'MODIFIED', 'NAME_IN', 'PARENT', 'SLUG', 'TITLE'],
  PostObjectsConnectionDateColumnEnum: undefined,
  PostStatusEnum: ['DRAFT', 'FUTURE', 'PENDING', 'PRIVATE', 'PUBLISH', 'TRASH'],
  MimeTypeEnum: undefined,
  // TERM_ORDER: REST terms cannot be ordered by term_order.
  TermObjectsConnectionOrderbyEnum: ['COUNT', 'DESCRIPTION', 'NAME', 'SLUG', 'TERM_GROUP', 'TERM_ID'],
  // Ordering by agent, author IP, email, karma, approval or content is not offered by REST comments.
  CommentsConnectionOrderbyEnum: [
    'COMMENT_DATE',
    'COMMENT_DATE_GMT',
    'COMMENT_ID',
    'COMMENT_IN',
    'COMMENT_PARENT',
    'COMMENT_POST_ID',
    'COMMENT_TYPE',
  ],
  CommentStatusEnum: undefined,
  // LOGIN, LOGIN_IN: REST users do not expose logins.
  UsersConnectionOrderbyEnum: ['DISPLAY_NAME', 'EMAIL', 'NICE_NAME', 'NICE_NAME_IN', 'REGISTERED', 'URL'],
  TaxonomyEnum: ['CATEGORY', 'TAG'],
  PostObjectFieldFormatEnum: undefined,
  MediaItemSizeEnum: undefined,
  AvatarRatingEnum: undefined,
};

/** The served fields of the input types that where-args nest. */
const SERVED_INPUT_FIELDS: Record<string, readonly string[]> = {
  // compare, relation, week, hour/minute/second matching, inclusive: REST takes only a before/after pair.
  DateQueryInput: ['after', 'before', 'column', 'day', 'month', 'year'],
  DateInput: ['day', 'month', 'year'],
  PostObjectsConnectionOrderbyInput: ['field', 'order'],
  UsersConnectionOrderbyInput: ['field', 'order'],
  // Mutations (src/schema/mutations/term-input.ts): terms named by id, slug or name; a missing one is created
  // (name, slug, description) when the viewer may, as in WPGraphQL.
  PostCategoriesInput: ['append', 'nodes'],
  PostCategoriesNodeInput: ['description', 'id', 'name', 'slug'],
  PostTagsInput: ['append', 'nodes'],
  PostTagsNodeInput: ['description', 'id', 'name', 'slug'],
};

function pothosType(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name;
  if (isEnumType(named)) return referenceEnum(named.name, SERVED_ENUM_VALUES[named.name]);
  if (isInputObjectType(named)) {
    const fields = SERVED_INPUT_FIELDS[named.name];
    if (!fields) throw new Error(`No served fields listed for input ${named.name}`);
    return referenceInput(named.name, fields);
  }
  throw new Error(`Unsupported input type ${String(type)}`);
}

/**
 * WPGraphQL's input type `name` with only the `served` fields, plus `extra` fields of ours (offset pagination).
 * Field types and nullability come from the reference.
 */
export function referenceInput(
  name: string,
  served: readonly string[],
  extra?: (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => Record<string, InputFieldRef<SchemaTypes, unknown>>,
) {
  const existing = inputs.get(name);
  if (existing) return existing;
  const type = reference.getType(name);
  if (!type || !isInputObjectType(type)) throw new Error(`${name} is not an input type of WPGraphQL's schema`);
  const referenceFields = type.getFields();
  const ref = builder.inputRef<Record<string, unknown>>(name);
  inputs.set(name, ref);
  ref.implement({
    description: type.description ?? undefined,
    // cast (three below): field types are read from the reference SDL at run time, so Pothos cannot type them.
    fields: (t) => {
      const fields: Record<string, unknown> = {};
      for (const fieldName of served) {
        const field = referenceFields[fieldName];
        if (!field) throw new Error(`${name}.${fieldName} is not WPGraphQL's`);
        const nullable = getNullableType(field.type);
        const list = isListType(nullable);
        fields[fieldName] = t.field({
          type: (list ? [pothosType(field.type)] : pothosType(field.type)) as never,
          required: (list ? { list: isNonNullType(field.type), items: false } : isNonNullType(field.type)) as never,
          description: field.description ?? undefined,
        });
      }
      return { ...fields, ...(extra ? extra(t as never) : {}) } as never;
    },
  });
  return ref;
}

/** Our offset pagination input (the wp-graphql-offset-pagination extension's shape). */
export const OffsetPagination = builder.inputType('OffsetPagination', {
  description: 'Page-number pagination: skip `offset` items and return `size` (≤ 100). Not in WPGraphQL.',
  fields: (t) => ({
    offset: t.int({ description: 'How many items to skip.' }),
    size: t.int({ description: 'How many items to return (default 10, at most 100).' }),
  }),
});

/** `where.offsetPagination`, added to every list's where-args. */
export function offsetPaginationField(t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) {
  return { offsetPagination: t.field({ type: OffsetPagination, description: 'Paginate by offset and size, with totals.' }) } as Record<
    string,
    InputFieldRef<SchemaTypes, unknown>
  >;
}
