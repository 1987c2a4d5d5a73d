import { describe, expect, it } from 'vitest';
import { toCategoryModel, toTagModel } from '../../src/models/term.ts';
import { gid, site } from './models-fixtures.ts';

describe('toCategoryModel', () => {
  const nested = toCategoryModel(
    {
      id: 42,
      count: 7,
      description: 'Europe &amp; Russia <b>desk</b>',
      link: 'https://example.org/category/world/europe-russia/',
      name: 'Europe &amp; Russia',
      slug: 'europe-russia',
      taxonomy: 'category',
      parent: 39,
      _links: { up: [{ href: 'https://example.org/wp-json/wp/v2/categories/39', embeddable: true }] },
    },
    site,
  );

  it('maps ids and parent', () => {
    expect(nested.__typename).toBe('Category');
    expect(nested.id).toBe(gid('term', 42));
    expect(nested.databaseId).toBe(42);
    expect(nested.categoryId).toBe(42);
    expect(nested.parentDatabaseId).toBe(39);
    expect(nested.parentId).toBe(gid('term', 39));
    expect(nested.links['up']?.[0]?.href).toContain('/categories/39');
  });

  it('decodes the name but not the description', () => {
    expect(nested.name).toBe('Europe & Russia');
    expect(nested.description).toBe('Europe &amp; Russia <b>desk</b>');
  });

  it('keeps the nested category path in uri', () => {
    expect(nested.uri).toBe('/category/world/europe-russia/');
    expect(nested.link).toBe('https://example.org/category/world/europe-russia/');
    expect(nested.taxonomyName).toBe('category');
    expect([nested.isTermNode, nested.isContentNode, nested.isComment, nested.isRestricted]).toEqual([true, false, false, false]);
  });

  it('gives count null (not 0) for an unused term, description null when empty', () => {
    const empty = toCategoryModel({ id: 1, count: 0, description: '', name: 'Uncategorized', parent: 0 }, site);
    expect(empty.count).toBeNull();
    expect(empty.description).toBeNull();
    expect(empty.parentDatabaseId).toBeNull();
    expect(empty.parentId).toBeNull();
  });
});

describe('toTagModel', () => {
  it('urldecodes the slug but keeps the link (and so the uri) percent-encoded', () => {
    const tag = toTagModel(
      {
        id: 5,
        count: 1,
        name: 'Caf&eacute; &amp; cr&egrave;me',
        slug: 'caf%c3%a9-creme',
        link: 'https://example.org/tag/caf%c3%a9-creme/',
        taxonomy: 'post_tag',
      },
      site,
    );
    expect(tag.__typename).toBe('Tag');
    expect(tag.tagId).toBe(5);
    expect(tag.name).toBe('Café & crème');
    expect(tag.slug).toBe('café-creme');
    expect(tag.link).toBe('https://example.org/tag/caf%c3%a9-creme/');
    expect(tag.uri).toBe('/tag/caf%c3%a9-creme/');
    expect(tag.taxonomyName).toBe('post_tag');
  });

  it('survives a trimmed record', () => {
    const tag = toTagModel({ id: 5 }, site);
    expect(tag.name).toBeNull();
    expect(tag.uri).toBeNull();
    expect(tag.taxonomyName).toBe('post_tag');
  });
});
