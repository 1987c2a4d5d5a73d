import { builder } from '../../builder.ts';
import { toGlobalId } from '../../models/global-id.ts';
import type { CategoryModel, TagModel } from '../../models/term.ts';
import { CategoryRef, TagRef } from '../object-refs.ts';
import {
  badInput,
  checkSizes,
  idInput,
  inputNames,
  type MutationInput,
  mutation,
  optionalId,
  type PayloadShape,
  restBody,
} from './common.ts';

/**
 * createCategory, updateCategory, deleteCategory, createTag, updateTag, deleteTag (WPGraphQL's
 * Mutation/TermObject*.php), as REST writes to `/wp/v2/categories` and `/wp/v2/tags`. Terms have no trash: a
 * delete is final, as in WPGraphQL. `aliasOf` (term groups) has no REST field and is not served.
 */

const TERM_FIELDS = { description: 'description', name: 'name', slug: 'slug' } as const;
const NAMES = { ...inputNames(TERM_FIELDS), parent: 'parentId' };

function categoryBody(input: MutationInput): Record<string, unknown> {
  checkSizes(input);
  const body = restBody(input, TERM_FIELDS);
  const byId = optionalId(input, 'parentId');
  const byDatabaseId = typeof input.parentDatabaseId === 'number' ? input.parentDatabaseId : undefined;
  if (byId !== undefined && byDatabaseId !== undefined) throw badInput('parentId', 'send parentId or parentDatabaseId, not both');
  const parent = byId ?? byDatabaseId;
  if (parent !== undefined) body.parent = parent;
  return body;
}

function tagBody(input: MutationInput): Record<string, unknown> {
  checkSizes(input);
  return restBody(input, TERM_FIELDS);
}

interface CategoryPayload {
  category: CategoryModel | null;
  deletedId?: string;
}
interface TagPayload {
  tag: TagModel | null;
  deletedId?: string;
}

const categoryPayload = (name: string, deleted: boolean) => {
  const ref = builder.objectRef<CategoryPayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      category: t.field({ type: CategoryRef, nullable: true, resolve: (p) => p.category }),
      ...(deleted ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) } : {}),
    }),
  });
  return ref;
};
const tagPayload = (name: string, deleted: boolean) => {
  const ref = builder.objectRef<TagPayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      tag: t.field({ type: TagRef, nullable: true, resolve: (p) => p.tag }),
      ...(deleted ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) } : {}),
    }),
  });
  return ref;
};

const CATEGORY_INPUT = ['clientMutationId', 'description', 'name', 'parentDatabaseId', 'parentId', 'slug'];
const TAG_INPUT = ['clientMutationId', 'description', 'name', 'slug'];

mutation(
  'createCategory',
  'CreateCategoryInput',
  CATEGORY_INPUT,
  categoryPayload('CreateCategoryPayload', false),
  async (input, context) => ({
    category: await context.writes.save('categories', undefined, categoryBody(input), NAMES),
  }),
);
mutation(
  'updateCategory',
  'UpdateCategoryInput',
  [...CATEGORY_INPUT, 'id'],
  categoryPayload('UpdateCategoryPayload', false),
  async (input, context) => ({ category: await context.writes.save('categories', idInput(input, 'id'), categoryBody(input), NAMES) }),
);
mutation(
  'deleteCategory',
  'DeleteCategoryInput',
  ['clientMutationId', 'id'],
  categoryPayload('DeleteCategoryPayload', true),
  async (input, context) => {
    const id = idInput(input, 'id');
    return { category: await context.writes.remove('categories', id, true), deletedId: toGlobalId('term', id) };
  },
);

mutation('createTag', 'CreateTagInput', TAG_INPUT, tagPayload('CreateTagPayload', false), async (input, context) => ({
  tag: await context.writes.save('tags', undefined, tagBody(input), NAMES),
}));
mutation('updateTag', 'UpdateTagInput', [...TAG_INPUT, 'id'], tagPayload('UpdateTagPayload', false), async (input, context) => ({
  tag: await context.writes.save('tags', idInput(input, 'id'), tagBody(input), NAMES),
}));
mutation('deleteTag', 'DeleteTagInput', ['clientMutationId', 'id'], tagPayload('DeleteTagPayload', true), async (input, context) => {
  const id = idInput(input, 'id');
  return { tag: await context.writes.remove('tags', id, true), deletedId: toGlobalId('term', id) };
});
