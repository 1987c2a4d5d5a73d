import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('bad input ends in a clear GraphQL error, never a 500', () => {
  it.each([
    ['malformed global id', `{ post(id: "%%%not-base64") { id } }`, /not a valid global id/],
    ['a global id of another type', `{ post(id: "${b64('term:5')}") { id } }`, /global id of a term, not of a post/],
    ['a non-numeric database id', `{ post(id: "abc", idType: DATABASE_ID) { id } }`, /positive database id/],
    ['offsetPagination.size over 100', `{ posts(where: { offsetPagination: { offset: 0, size: 101 } }) { nodes { id } } }`, /at most 100/],
    ['negative first', `{ posts(first: -1) { nodes { id } } }`, /whole number from 0 to 100/],
    ['first with last', `{ posts(first: 1, last: 1) { nodes { id } } }`, /cannot be used together/],
    ['a cursor we did not give out', `{ posts(after: "garbage") { nodes { id } } }`, /not a cursor/],
    ['an invalid date', `{ posts(where: { dateQuery: { year: 2024, month: 13 } }) { nodes { id } } }`, /month/],
    ['an over-long search', `{ posts(where: { search: "${'x'.repeat(500)}" }) { nodes { id } } }`, /at most 200 characters/],
    ['a node id of an unknown kind', `{ node(id: "${b64('plugin:1')}") { id } }`, /does not serve/],
  ])('%s → BAD_USER_INPUT', async (_label, query, message) => {
    h.demo.resetRequests();
    const answer = await h.query(query);
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    // Rejected before anything reached WordPress.
    expect(h.upstream()).toEqual([]);
  });

  // With `accept: application/json`, GraphQL over HTTP answers request errors with 200 and the errors.
  it('an unknown enum value is a validation error naming it', async () => {
    const answer = await h.query('{ post(id: "1", idType: NOPE) { id } }');
    expect(answer.status).toBe(200);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.message).toMatch(/NOPE/);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a missing id is null, as WPGraphQL answers "not found"', async () => {
    const answer = await h.query<{ post: null; byId: null; user: null }>(
      `{ post(id: "999999", idType: DATABASE_ID) { id } byId: post(id: "${b64('post:999998')}") { id } user(id: "${b64('user:9999')}") { id } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ post: null, byId: null, user: null });
  });

  it('a query that is not GraphQL is a syntax error', async () => {
    const answer = await h.query('{ posts { nodes { id }');
    expect(answer.status).toBe(200);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
