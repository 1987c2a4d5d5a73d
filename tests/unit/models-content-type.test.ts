import { describe, expect, it } from 'vitest';
import { contentTemplate, toContentTypeModel, toTaxonomyModel } from '../../src/models/content-type.ts';

describe('ContentType (Model/PostType.php)', () => {
  it('post: the blog, on the front page when no page is configured as the posts page', () => {
    expect(toContentTypeModel('post', { pageForPostsId: null })).toMatchObject({
      __typename: 'ContentType',
      id: btoa('post_type:post'),
      name: 'post',
      graphqlSingleName: 'post',
      graphqlPluralName: 'posts',
      hierarchical: false,
      restBase: 'posts',
      uri: '/',
      isPostsPage: true,
      isFrontPage: true,
      isContentNode: false,
      isTermNode: false,
    });
    expect(toContentTypeModel('post', { pageForPostsId: 12 }, true)).toMatchObject({ uri: null, isFrontPage: false, isPostsPage: true });
  });

  it('page and attachment have no archive; other types are not served here', () => {
    expect(toContentTypeModel('page', { pageForPostsId: null })).toMatchObject({
      uri: null,
      hierarchical: true,
      isPostsPage: false,
      isFrontPage: false,
    });
    expect(toContentTypeModel('attachment', { pageForPostsId: null })).toMatchObject({ graphqlSingleName: 'mediaItem', restBase: 'media' });
    expect(toContentTypeModel('book', { pageForPostsId: null })).toBeNull();
  });
});

describe('Taxonomy (Model/Taxonomy.php)', () => {
  it('category and post_tag', () => {
    expect(toTaxonomyModel('category')).toMatchObject({
      id: btoa('taxonomy:category'),
      name: 'category',
      graphqlSingleName: 'category',
      hierarchical: true,
    });
    expect(toTaxonomyModel('post_tag')).toMatchObject({ id: btoa('taxonomy:post_tag'), graphqlPluralName: 'tags', hierarchical: false });
    expect(toTaxonomyModel('genre')).toBeNull();
  });
});

describe('template', () => {
  it("DefaultTemplate for REST's '' (and for a record read without it); null for a theme template", () => {
    expect(contentTemplate('')).toEqual({ __typename: 'DefaultTemplate', templateName: 'Default' });
    expect(contentTemplate(undefined)).toEqual({ __typename: 'DefaultTemplate', templateName: 'Default' });
    expect(contentTemplate('template-full-width.php')).toBeNull();
  });
});
