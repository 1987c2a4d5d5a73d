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
      'huge `first` (over the page cap)',
      'query Q($n: Int) { posts(first: $n) { nodes { id } } }',
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
