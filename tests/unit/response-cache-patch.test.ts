/**
 * patches/@envelop+response-cache+9.3.1.patch: the response cache strips its metadata fields from every answer it
 * stores by walking the result, and 9.3.1 walks each array twice (an array is also an `object`), so a list of
 * lists is walked four times, a list of lists of lists eight. The patch walks each value once. This test fails
 * if `npm ci` did not apply it (postinstall: patch-package) or a new version brings the double walk back.
 */
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';

/** A plain object whose own keys are listed through a proxy that counts how often they are. */
function counted(value: Record<string, unknown>, visits: { n: number }): Record<string, unknown> {
  return new Proxy(value, {
    ownKeys(target) {
      visits.n++;
      return Reflect.ownKeys(target);
    },
  });
}

describe('the patched response cache', () => {
  it('walks each record of a list of lists once when it stores an answer', async () => {
    const visits = { n: 0 };
    // Runs its onExecuteDone before the response cache's: the cache then walks this data.
    const swapData: Plugin = {
      onExecute: () => ({
        onExecuteDone({ result }) {
          (result as { data: unknown }).data = {
            outer: [{ __typename: 'Outer', inner: [counted({ __typename: 'Inner', id: '1' }, visits)] }],
          };
        },
      }),
    };
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
      plugins: [swapData, useResponseCache({ session: () => null, ttl: 60_000 })],
      logging: false,
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(await response.json()).toEqual({ data: { outer: [{ __typename: 'Outer', inner: [{ __typename: 'Inner', id: '1' }] }] } });
    // 9.3.1 unpatched: 4 (the outer list twice, each time the inner list twice).
    expect(visits.n).toBe(1);
  });
});
