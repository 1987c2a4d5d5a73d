import type { GatewayContext } from '../context.ts';
import { fromGlobalId } from '../models/global-id.ts';
import type { ModelOf } from '../loaders/to-model.ts';
import { databaseIdArgument, normaliseUri } from './content-fields.ts';
import { badInput } from './where/args.ts';

/** Lookups shared by Category and Tag: by global id, database id, slug, name or uri. */

export type TermCollection = 'categories' | 'tags';

/** The database id a term's global id names, checked to be a term id. */
export function termDatabaseIdFromGlobalId(id: string): number {
  const parts = fromGlobalId(id);
  const n = parts && /^\d+$/.test(parts.id) ? Number(parts.id) : Number.NaN;
  if (!parts || !Number.isSafeInteger(n) || n <= 0) {
    throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}. Pass a term's \`id\` field, or set \`idType\`.`, 'id');
  }
  if (parts.type !== 'term') throw badInput(`\`id\` is the global id of a ${parts.type}, not of a term.`, 'id');
  return n;
}

async function findTerms<C extends TermCollection>(
  context: GatewayContext,
  collection: C,
  query: Record<string, string | number>,
): Promise<ModelOf<C>[]> {
  const { models } = await context.loaders.list(collection, { ...query, per_page: 100, hide_empty: false }, ['name', 'link', 'slug']);
  return models;
}

/** One term by (`id`, `idType`) as `category(id, idType)` and `tag(id, idType)` take them. */
export async function termById<C extends TermCollection>(
  context: GatewayContext,
  collection: C,
  id: string,
  idType: string | null | undefined,
): Promise<ModelOf<C> | null> {
  switch (idType ?? 'ID') {
    case 'ID':
      return context.loaders.load(collection, termDatabaseIdFromGlobalId(id));
    case 'DATABASE_ID':
      return context.loaders.load(collection, databaseIdArgument(id));
    case 'SLUG':
      return (await findTerms(context, collection, { slug: id }))[0] ?? null;
    case 'NAME': {
      // REST terms have no name filter: search, then keep the exact (decoded) name, as get_term_by('name').
      // WordPress stores names HTML-escaped (`Arts &amp; Culture`) and searches the stored form.
      const stored = id.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return (await findTerms(context, collection, { search: stored })).find((t) => t.name === id) ?? null;
    }
    case 'URI': {
      const path = normaliseUri(id, context);
      const slug = path.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1);
      if (!slug) return null;
      const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);
      return (
        (await findTerms(context, collection, { slug: decodeURIComponent(slug) })).find(
          (t) => t.uri !== null && withSlash(t.uri) === withSlash(path),
        ) ?? null
      );
    }
    default:
      throw badInput(`idType ${idType} is not served for terms`, 'idType');
  }
}
