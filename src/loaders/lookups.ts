import type { UpstreamRequestScope } from './records.ts';

/**
 * Ids of users or terms by slug, for where-args that name them (`authorName`, `categoryName`, `tag`): one GET
 * of ids only, outside the request's `_fields` plan (the records are not wanted, only what to filter by).
 */
export async function lookupIds(
  scope: UpstreamRequestScope,
  collection: 'users' | 'categories' | 'tags',
  slugs: string[],
): Promise<number[]> {
  const page = await scope.client.get<{ id: number }[]>(
    `/wp/v2/${collection}`,
    { slug: slugs, per_page: Math.min(100, Math.max(1, slugs.length)), _fields: ['id'] },
    { authorization: scope.authorization },
  );
  return Array.isArray(page.data) ? page.data.map((r) => r.id) : [];
}
