import { isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planFields, sourcesInSchema } from '../../src/loaders/field-plan.ts';
import { restFields } from '../../src/loaders/records.ts';
import { schema } from '../../src/schema/index.ts';

const plan = (query: string) => planFields(schema, parse(query));

/** The REST fields `Type.field` declares in the schema (its extensions, or its type's override). */
function sources(typeName: string, field: string): readonly string[] | undefined {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return sourcesInSchema(type, field)?.sources;
}

describe('REST sources declared on the schema fields', () => {
  it('Post: each GraphQL field names the REST fields it needs', () => {
    expect(sources('Post', 'title')).toEqual(['title']);
    expect(sources('Post', 'uri')).toEqual(['link']);
    expect(sources('Post', 'featuredImage')).toContain('featured_media');
    expect(sources('Post', 'isSticky')).toEqual(['sticky']);
    expect(sources('Post', 'hasPassword')).toEqual(['content.protected']);
    // fields that restriction can null need to know whether the post is protected
    expect(sources('Post', 'date')).toContain('content.protected');
  });

  it('MediaItem: sized fields read the attachment facts; no content.protected on attachments', () => {
    expect(sources('MediaItem', 'srcSet')).toEqual(['source_url', 'media_type', 'media_details']);
    expect(sources('MediaItem', 'date')).toEqual(['date']);
  });

  it('Category and Tag', () => {
    expect(sources('Tag', 'name')).toEqual(['name']);
    expect(sources('Category', 'parentDatabaseId')).toEqual(['parent']);
    expect(sources('Category', 'tagId')).toBeUndefined();
  });
});

describe('planFields', () => {
  it('collects the REST fields of each collection from the whole operation, fragments and interfaces included', () => {
    const result = plan(`
      query { posts { nodes { title ...F author { node { name } } } } node(id: "x") { ... on ContentNode { slug } } }
      fragment F on Post { excerpt }`);
    // The author is loaded by the record's `author` id: no `_links` (WordPress computes them per record).
    // `excerpt` reads `content` too (an automatic excerpt past a more tag is trimmed from it: src/models/excerpt.ts).
    expect(result.get('posts')).toEqual(['author', 'content', 'excerpt', 'id', 'slug', 'title']);
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

  it("reads what a post's term connections sort by, even when the terms' own selection does not name it", () => {
    expect(plan('{ posts { nodes { categories { nodes { id } } tags { nodes { __typename } } } } }')).toEqual(
      new Map([
        ['posts', ['categories', 'id', 'tags']],
        ['categories', ['id', 'name']],
        ['tags', ['id', 'name']],
      ]),
    );
    const terms = plan('{ posts { nodes { terms { nodes { id } } } } }');
    expect(terms.get('categories')).toEqual(['count', 'description', 'id', 'name', 'slug']);
    expect(terms.get('tags')).toEqual(['count', 'description', 'id', 'name', 'slug']);
  });

  it('adds `_links` for asPreview (the newest revision is named there), given literally true or as a variable', () => {
    expect(plan('{ post(id: 1, idType: DATABASE_ID, asPreview: true) { title } }').get('posts')).toEqual(['_links', 'id', 'title']);
    expect(plan('query($p: Boolean) { page(id: 1, idType: DATABASE_ID, asPreview: $p) { title } }').get('pages')).toEqual([
      '_links',
      'id',
      'title',
    ]);
    // contentNode may answer any content type: every content collection reads its links.
    const node = plan('{ contentNode(id: 1, idType: DATABASE_ID, asPreview: true) { id } }');
    expect(node.get('posts')).toEqual(['_links', 'id']);
    expect(node.get('pages')).toEqual(['_links', 'id']);
    // A literal false (or no argument) costs nothing: WordPress computes `_links` per record.
    expect(plan('{ post(id: 1, idType: DATABASE_ID, asPreview: false) { title } }').get('posts')).toEqual(['id', 'title']);
    expect(plan('{ post(id: 1, idType: DATABASE_ID) { title } }').get('posts')).toEqual(['id', 'title']);
  });

  it('never sends a nested field beside its parent (WordPress 6.1 then drops the rest of the record)', () => {
    expect(plan('{ posts { nodes { content date } } }').get('posts')).toEqual(['content', 'date', 'id']);
    expect(restFields(['content.protected', 'content', 'excerpt.protected', 'id'])).toEqual(['content', 'excerpt.protected', 'id']);
  });

  it('falls back to whole records for a selected field it has no sources for', () => {
    // A schema whose Post declares sources for `title` only.
    const result = planFields(schema, parse('{ posts { nodes { title slug } } }'), (type, field) =>
      type.name === 'Post' ? { collection: 'posts', sources: field === 'title' ? ['title'] : undefined } : undefined,
    );
    expect(result.get('posts')).toBeUndefined();
    expect(result.has('posts')).toBe(true);
  });
});
