import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/plugins/query-cost.ts';
import { schema } from '../../src/schema/index.ts';

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), variables, operationName);

describe('operationCost: records WordPress must produce', () => {
  it.each([
    ['the settings node', '{ generalSettings { url } }', 1],
    ['one record', '{ post(id: "1", idType: DATABASE_ID) { title } }', 1],
    ['a record and a related one', '{ post(id: "1", idType: DATABASE_ID) { title author { node { name } } } }', 2],
    ['a default page (10)', '{ posts { nodes { id } } }', 10],
    ['`first`', '{ posts(first: 25) { nodes { id } } }', 25],
    ['`last`', '{ posts(last: 7) { nodes { id } } }', 7],
    ['`offsetPagination.size`', '{ posts(where: { offsetPagination: { offset: 40, size: 30 } }) { nodes { id } } }', 30],
    ['page info only still costs a page', '{ posts(first: 0) { pageInfo { total } } }', 0],
    ['a 100-post list of 100-comment lists', '{ posts(first: 100) { nodes { comments(first: 100) { nodes { id } } } } }', 100 * (1 + 100)],
    ['edges count like nodes', '{ posts(first: 5) { edges { node { id } } } }', 5],
    ['relations per item', '{ posts(first: 10) { nodes { author { node { name } } featuredImage { node { sourceUrl } } } } }', 10 * 3],
  ])('%s', (_label, query, expected) => {
    expect(cost(query).cost).toBe(expected);
  });

  it('expands fragments and inline fragments', () => {
    const query = `{ posts(first: 4) { nodes { ...P } } }
      fragment P on Post { author { node { ...U } } categories(first: 3) { nodes { name } } }
      fragment U on User { name }`;
    expect(cost(query).cost).toBe(4 * (1 + 1 + 3));
    expect(cost('{ node(id: "x") { ... on Post { categories(first: 20) { nodes { name } } } } }').cost).toBe(1 + 20);
  });

  it('reads variables and their defaults', () => {
    const query = 'query Q($n: Int = 5) { posts(first: $n) { nodes { comments(first: $n) { nodes { id } } } } }';
    expect(cost(query).cost).toBe(5 * (1 + 5));
    expect(cost(query, { n: 50 }).cost).toBe(50 * (1 + 50));
  });

  it('leaves out what @skip/@include leave out', () => {
    const query =
      'query Q($big: Boolean!) { posts(first: 2) { nodes { id } } more: posts(first: 100) @include(if: $big) { nodes { id } } }';
    expect(cost(query, { big: false }).cost).toBe(2);
    expect(cost(query, { big: true }).cost).toBe(102);
  });

  it('costs only the operation asked for', () => {
    const query = 'query A { posts(first: 3) { nodes { id } } } query B { posts(first: 60) { nodes { id } } }';
    expect(cost(query, {}, 'A').cost).toBe(3);
    expect(cost(query, {}, 'B').cost).toBe(60);
  });

  it('reports bad page sizes with the field and the value; first/last over 100 count as the 100 served', () => {
    const capped = cost('{ posts(first: 5) { nodes { comments(first: 500) { nodes { id } } } } }');
    expect(capped.pageSizeViolations).toEqual([]);
    expect(capped.cost).toBe(cost('{ posts(first: 5) { nodes { comments(first: 100) { nodes { id } } } } }').cost);
    expect(cost('{ posts(last: -3) { nodes { id } } }').pageSizeViolations).toEqual([
      { field: 'RootQuery.posts', argument: 'last', value: -3 },
    ]);
    expect(
      cost('query Q($s: Int) { posts(where: { offsetPagination: { size: $s } }) { nodes { id } } }', { s: 101 }).pageSizeViolations,
    ).toEqual([{ field: 'RootQuery.posts', argument: 'offsetPagination.size', value: 101 }]);
    expect(cost('{ posts(first: 100) { nodes { id } } }').pageSizeViolations).toEqual([]);
  });

  it('refuses to walk a fragment bomb', () => {
    const levels = Array.from(
      { length: 8 },
      (_, i) => `fragment F${i} on Post { ${Array.from({ length: 6 }, () => `...F${i + 1}`).join(' ')} }`,
    );
    const query = `{ posts { nodes { ...F0 } } } ${levels.join(' ')} fragment F8 on Post { id }`;
    expect(() => cost(query)).toThrow(/maximum allowed number of nodes/);
  });
});
