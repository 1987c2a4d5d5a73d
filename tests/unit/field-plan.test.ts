import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planFields } from '../../src/loaders/field-plan.ts';
import { restFields } from '../../src/loaders/records.ts';
import { FIELD_SOURCES_BY_TYPE } from '../../src/schema/field-sources.ts';
import { schema } from '../../src/schema/index.ts';

const plan = (query: string) => planFields(schema, parse(query), FIELD_SOURCES_BY_TYPE);

describe('planFields', () => {
  it('collects the REST fields of each collection from the whole operation, fragments and interfaces included', () => {
    const result = plan(`
      query { posts { nodes { title ...F author { node { name } } } } node(id: "x") { ... on ContentNode { slug } } }
      fragment F on Post { excerpt }`);
    // The author is loaded by the record's `author` id: no `_links` (WordPress computes them per record).
    expect(result.get('posts')).toEqual(['author', 'content.protected', 'excerpt', 'id', 'slug', 'title']);
    expect(result.get('users')).toEqual(['id', 'name']);
    // `slug` on the ContentNode interface reaches every implementing collection.
    expect(result.get('pages')).toEqual(['id', 'slug']);
  });

  it('asks for `_links` only where the link names the collection (a comment on a post, page or attachment)', () => {
    const result = plan(
      '{ comments { nodes { author { node { name } } commentedOn { node { id } } } } mediaItems { nodes { parentId parent { node { id } } } } }',
    );
    expect(result.get('comments')).toEqual(['_links', 'author', 'author_avatar_urls', 'author_name', 'author_url', 'id', 'post']);
    expect(result.get('media')).toEqual(['_links', 'id', 'post']);
    expect(plan('{ pages { nodes { parent { node { id } } featuredImage { node { id } } } } }').get('pages')).toEqual([
      'content.protected',
      'featured_media',
      'id',
      'parent',
    ]);
  });

  it('never sends a nested field beside its parent (WordPress 6.1 then drops the rest of the record)', () => {
    expect(plan('{ posts { nodes { content date } } }').get('posts')).toEqual(['content', 'date', 'id']);
    expect(restFields(['content.protected', 'content', 'excerpt.protected', 'id'])).toEqual(['content', 'excerpt.protected', 'id']);
  });

  it('falls back to whole records for a selected field it has no sources for', () => {
    const result = planFields(schema, parse('{ posts { nodes { title slug } } }'), {
      Post: { collection: 'posts', sources: { title: ['title'] } },
    });
    expect(result.get('posts')).toBeUndefined();
    expect(result.has('posts')).toBe(true);
  });
});
