/**
 * Bad input, as literals and as variables (how real clients send it): each is a BAD_USER_INPUT error (or, for a
 * document that does not fit the schema, GRAPHQL_VALIDATION_FAILED) that says what to fix, and reaches nothing
 * upstream that it does not need.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('input errors say what to fix', () => {
  it.each([
    [
      'huge `first` (over Int)',
      'query Q($n: Int) { posts(first: $n) { nodes { id } } }',
      { n: 2 ** 40 },
      /non 32-bit signed integer value: 1099511627776/,
    ],
    [
      'huge `offsetPagination.size` (over the page cap)',
      'query Q($n: Int) { posts(where: { offsetPagination: { offset: 0, size: $n } }) { nodes { id } } }',
      { n: 1_000_000 },
      /at most 100.*got 1000000/,
    ],
    ['negative `last`', 'query Q($n: Int) { posts(last: $n) { nodes { id } } }', { n: -5 }, /from 0 to 100, got -5/],
    [
      'a string for an Int',
      'query Q($n: Int) { posts(first: $n) { nodes { id } } }',
      { n: 'ten' },
      /Int cannot represent non-integer value: "ten"/,
    ],
    [
      'an enum value that does not exist',
      'query Q($o: OrderEnum!) { posts(where: { orderby: [{ field: DATE, order: $o }] }) { nodes { id } } }',
      { o: 'SIDEWAYS' },
      /Value "SIDEWAYS" does not exist in "OrderEnum" enum/,
    ],
    [
      'a status that does not exist',
      'query Q($s: [PostStatusEnum]) { posts(where: { stati: $s }) { nodes { id } } }',
      { s: ['PUBLISHED'] },
      /"PUBLISHED" does not exist in "PostStatusEnum"/,
    ],
    [
      'month 13',
      'query Q($m: Int) { posts(where: { dateQuery: { year: 2024, month: $m } }) { nodes { id } } }',
      { m: 13 },
      /month` must be 1–12, got 13/,
    ],
    ['30 February', '{ posts(where: { dateQuery: { year: 2023, month: 2, day: 30 } }) { nodes { id } } }', {}, /2023-02 has no day 30/],
    ['a day without a year', '{ posts(where: { dateQuery: { day: 3 } }) { nodes { id } } }', {}, /needs a year/],
    [
      'an over-long search',
      'query Q($s: String) { posts(where: { search: $s }) { nodes { id } } }',
      { s: 'x'.repeat(5000) },
      /at most 200 characters, got 5000/,
    ],
    ['a malformed global id', 'query Q($id: ID!) { node(id: $id) { id } }', { id: 'not-an-id!!' }, /not a valid global id/],
    [
      'a global id of the wrong type',
      'query Q($id: ID!) { post(id: $id) { id } }',
      { id: b64('term:12') },
      /global id of a term, not of a post/,
    ],
    ['a negative database id', '{ post(id: "-4", idType: DATABASE_ID) { id } }', {}, /positive database id/],
    [
      'a cursor not given out by the gateway',
      '{ posts(after: "bm90LWEtY3Vyc29y") { nodes { id } } }',
      {},
      /not a cursor this gateway gave out/,
    ],
  ])('%s → BAD_USER_INPUT', async (_label, query, variables, says) => {
    h.demo.resetRequests();
    const answer = await h.query(query, variables);
    expect(answer.status).toBeLessThan(500);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(says);
    // The input was refused before WordPress was asked anything.
    expect(h.upstream()).toEqual([]);
  });

  it('an enum literal that does not exist is a validation error naming the value', async () => {
    const answer = await h.query('{ posts(where: { stati: [PUBLISHED] }) { nodes { id } } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toContain('PUBLISHED');
  });
});

describe('page sizes WPGraphQL caps', () => {
  it('`first: 1000000` as a variable is served as 100, as WPGraphQL does (front ends send it to mean "all")', async () => {
    const answer = await h.query('query Q($n: Int) { posts(first: $n) { pageInfo { hasNextPage } nodes { databaseId } } }', {
      n: 1_000_000,
    });
    expect(answer.errors).toBeUndefined();
    const posts = (answer.data as { posts: { pageInfo: { hasNextPage: boolean }; nodes: unknown[] } }).posts;
    expect(posts.nodes).toHaveLength(100);
    expect(posts.pageInfo.hasNextPage).toBe(true);
  });
});

describe('a document sent again (graphql-jit executes it from its second sight)', () => {
  it('bad variables get graphql-js’s messages, with locations, every time', async () => {
    const document =
      'query Again($n: Int, $o: OrderEnum!) { posts(first: $n, where: { orderby: [{ field: DATE, order: $o }] }) { nodes { id } } }';
    await h.query(document, { n: 1, o: 'ASC' });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await h.query(document, { n: 'abc', o: 'NOPE' }));
    for (const answer of answers) {
      expect(answer.errors?.map((e) => e.message)).toEqual([
        'Variable "$n" got invalid value "abc"; Int cannot represent non-integer value: "abc"',
        'Variable "$o" got invalid value "NOPE"; Value "NOPE" does not exist in "OrderEnum" enum.',
      ]);
      expect(answer.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
      expect(answer.errors?.[0]).toHaveProperty('locations');
    }
  });

  it('the same answers as the first execution, for new variables too', async () => {
    // No caches: every answer is executed, none replayed.
    const cold = await startHarness({ cacheTtlMs: 0, entityCacheTtlMs: 0 });
    try {
      const document = `query Page($first: Int!) {
        posts(first: $first) { pageInfo { hasNextPage endCursor } nodes { databaseId title uri author { node { name } } categories { nodes { name } } } }
      }`;
      const body = async (variables: Record<string, unknown>) => {
        const { data, errors } = await cold.query(document, variables);
        return { data, errors };
      };
      const first = [await body({ first: 3 }), await body({ first: 5 })];
      const again = [await body({ first: 3 }), await body({ first: 5 })];
      expect(first[0]!.errors).toBeUndefined();
      expect(first[0]!.data).toBeTruthy();
      expect(again).toEqual(first);
    } finally {
      await cold.close();
    }
  });
});
