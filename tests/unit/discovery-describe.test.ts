import { describe, expect, it } from 'vitest';
import { describeCollection, metaFieldOf } from '../../src/discovery/discover.ts';

describe('what a collection’s OPTIONS schema says (src/discovery/discover.ts)', () => {
  it('meta keys by REST type, nullable types by their non-null part', () => {
    expect(metaFieldOf('a', { type: ['string', 'null'] })).toMatchObject({ shape: { kind: 'scalar', scalar: 'String', list: false } });
    expect(metaFieldOf('b', { type: 'integer' })).toMatchObject({ shape: { scalar: 'Int' } });
    expect(metaFieldOf('c', { type: 'number' })).toMatchObject({ shape: { scalar: 'Float' } });
    expect(metaFieldOf('d', { type: 'boolean' })).toMatchObject({ shape: { scalar: 'Boolean' } });
    expect(metaFieldOf('e', { type: 'array', items: { type: 'string' } })).toMatchObject({ shape: { scalar: 'String', list: true } });
    expect(
      metaFieldOf('f', { type: 'array', items: { type: 'object', properties: { x: { type: 'number' }, label: { type: 'string' } } } }),
    ).toMatchObject({ shape: { kind: 'object', properties: { x: 'Float', label: 'String' }, list: true } });
  });

  it('what cannot be typed says why', () => {
    expect(metaFieldOf('g', { type: 'object' })).toEqual({ key: 'g', reason: 'an object without described scalar properties' });
    expect(metaFieldOf('h', { type: 'array' })).toMatchObject({ reason: expect.stringMatching(/array/) });
    expect(metaFieldOf('i', {})).toMatchObject({ reason: expect.stringMatching(/no GraphQL equivalent/) });
    expect(metaFieldOf('j', { type: 'object', properties: { nested: { type: 'object' } } })).toMatchObject({ reason: expect.any(String) });
  });

  it('fields, meta and Yoast from the schema; anything else is not a description', () => {
    const described = describeCollection({
      schema: { properties: { id: {}, title: {}, yoast_head_json: {}, meta: { type: 'object', properties: { n: { type: 'integer' } } } } },
    });
    expect(described).toMatchObject({ fields: ['id', 'meta', 'title', 'yoast_head_json'], seo: true, seoHead: false });
    expect(described?.meta.map((m) => m.key)).toEqual(['n']);
    // The demo site (and a REST route that ignores `_method`) answers a list: not a schema.
    expect(describeCollection([] as never)).toBeUndefined();
    expect(describeCollection(undefined)).toBeUndefined();
  });
});
