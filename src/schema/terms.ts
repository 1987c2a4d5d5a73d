import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import type { CategoryModel, TagModel } from '../models/term.ts';
import { buildConnection, type ConnectionArgs, defineConnection, paginationArgs, windowFor } from './connections.ts';
import { offsetPaginationField, referenceInput } from './inputs.ts';
import { discoveredTargets } from './discovered-collections.ts';
import { TermNode } from './interfaces.ts';
import type { TermCollection } from './term-fields.ts';
import { badInput } from './where/args.ts';
import { TERM_WHERE_FIELDS, type TermWhere, termWhereToRest } from './where/terms.ts';

/**
 * `terms`: the terms of every served taxonomy (categories, tags and the discovered ones) in one list, as WPGraphQL's
 * TermObjectConnectionResolver answers it (`hide_empty` false, by name ascending). REST lists one taxonomy per
 * route, each already in MySQL's name order: both are read from their start (pages of 100, only as far as the
 * window needs) and merged by name with a collator close to MySQL's `utf8mb4_unicode_ci` (case- and
 * accent-insensitive, punctuation first). Totals are the sum of the routes' `X-WP-Total`.
 */

const COLLECTIONS: Record<string, TermCollection> = { CATEGORY: 'categories', TAG: 'tags' };
/** Pages of 100 read at most per taxonomy. */
const MAX_PAGES = 10;
const byName = new Intl.Collator('en', { sensitivity: 'base' });

type Term = CategoryModel | TagModel;

async function readTerms(context: GatewayContext, collection: TermCollection, query: ListQuery, wanted: number) {
  const terms: Term[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES && terms.length < wanted; page++) {
    // `name` orders the merge, whether or not the operation selects it.
    const read = await context.loaders.list(collection, { ...query, per_page: MAX_PER_PAGE, page }, ['name']);
    terms.push(...(read.models as Term[]));
    total = read.total;
    if (read.models.length < MAX_PER_PAGE || page * MAX_PER_PAGE >= read.total) break;
  }
  return { terms, total };
}

/**
 * MySQL's `utf8mb4_unicode_ci` (UCA 4.0.0) weighs every character outside the Basic Multilingual Plane (emoji) as
 * U+FFFD, after the letters; ICU puts emoji among the symbols, before them. A private-use character sorts after the
 * letters in ICU too.
 */
const collationKey = (name: string) => name.replace(/[\u{10000}-\u{10FFFF}]/gu, '\uE000');

/** Merges lists already in name order into one, by name (as MySQL orders them), then by term id. */
export function mergeByName<T extends { name: string | null; databaseId: number }>(lists: readonly T[][]): T[] {
  return lists.flat().sort((a, b) => compareTermNames(a.name ?? '', b.name ?? '') || a.databaseId - b.databaseId);
}

/** Compares two term names as MySQL's `utf8mb4_unicode_ci` orders them (approximately: see above). */
export function compareTermNames(a: string, b: string): number {
  return byName.compare(collationKey(a), collationKey(b));
}

builder.queryField('terms', (t) =>
  t.field({
    type: defineConnection<Term>('RootQueryToTermNodeConnection', 'TermNode', TermNode),
    description: 'Connection between the RootQuery type and the TermNode type',
    args: paginationArgs(
      t,
      referenceInput(
        'RootQueryToTermNodeConnectionWhereArgs',
        [...TERM_WHERE_FIELDS.filter((f) => f !== 'parent'), 'taxonomies'],
        offsetPaginationField,
      ),
    ),
    resolve: async (_root, rawArgs, context) => {
      const args = rawArgs as ConnectionArgs & { where?: (TermWhere & { taxonomies?: (string | null)[] | null }) | null };
      const where = args.where;
      if (where?.orderby && where.orderby !== 'NAME') {
        throw badInput('`terms` of several taxonomies can only be ordered by NAME through the REST API', 'where');
      }
      const query = termWhereToRest(where, false);
      // The built-in taxonomies, then the discovered ones (site schema adds their TaxonomyEnum values).
      const all = [
        ...Object.entries(COLLECTIONS).map(([value, collection]) => ({ value, collection, context })),
        ...discoveredTargets<TermCollection>(context, 'taxonomy').map((d) => ({ ...d, value: d.facts.enumValue })),
      ];
      // Without `taxonomies`: categories and tags, as before discovery (WPGraphQL: every taxonomy opted into
      // GraphQL; the recorded answers of a site whose custom taxonomies are not opted in list these two).
      const names = new Set(where?.taxonomies?.filter((n): n is string => !!n) ?? Object.keys(COLLECTIONS));
      const targets = all.filter((x) => names.has(x.value));
      const window = windowFor(args);
      const wanted = window.reverse ? Number.POSITIVE_INFINITY : window.offset + window.limit;
      const read = await Promise.all(targets.map((x) => readTerms(x.context, x.collection, query, wanted)));
      let merged = mergeByName(read.map((r) => r.terms));
      if (query.order === 'desc') merged = merged.reverse();
      const total = read.reduce((sum, r) => sum + r.total, 0);
      const offset = window.reverse ? Math.max(0, total - window.limit) : window.offset;
      const items = window.reverse ? merged.slice(-window.limit) : merged.slice(offset, offset + window.limit);
      return buildConnection(items, { ...window, offset, reverse: false }, total);
    },
  }),
);
