import { describe, expect, it } from 'vitest';
import { toPageModel } from '../../src/models/page.ts';
import type { RestPage } from '../../src/wordpress/rest-types.ts';
import { gid, site } from './models-fixtures.ts';

function page(overrides: Partial<RestPage>): RestPage {
  return {
    id: 20,
    slug: 'about',
    status: 'publish',
    type: 'page',
    link: 'https://example.org/about/',
    title: { rendered: 'About' },
    content: { rendered: '<p>About us</p>\n', protected: false },
    author: 1,
    featured_media: 0,
    parent: 0,
    menu_order: 0,
    ...overrides,
  };
}

describe('toPageModel', () => {
  it('maps a plain page', () => {
    const model = toPageModel(page({}), site);
    expect(model.__typename).toBe('Page');
    expect(model.pageId).toBe(20);
    expect(model.uri).toBe('/about/');
    expect(model.isFrontPage).toBe(false);
    expect(model.isPostsPage).toBe(false);
    expect(model.isPrivacyPage).toBe(false);
    expect(model.menuOrder).toBeNull();
    expect(model.parentDatabaseId).toBeNull();
    expect(model.parentId).toBeNull();
    expect(model.contentTypeName).toBe('page');
  });

  it('recognises the static front page by its permalink (home_url("/")) and gives it uri "/"', () => {
    const model = toPageModel(page({ id: 2, link: 'https://example.org/' }), site);
    expect(model.isFrontPage).toBe(true);
    expect(model.uri).toBe('/');
  });

  it('gives the configured posts page uri null, and flags the privacy page', () => {
    const postsPage = toPageModel(page({ id: 12, link: 'https://example.org/blog/' }), site);
    expect(postsPage.isPostsPage).toBe(true);
    expect(postsPage.uri).toBeNull();
    expect(postsPage.link).toBe('https://example.org/blog/');
    expect(toPageModel(page({ id: 3 }), site).isPrivacyPage).toBe(true);
  });

  it('maps nested pages, menu order and featured image', () => {
    const model = toPageModel(page({ parent: 20, menu_order: 3, featured_media: 501, link: 'https://example.org/about/team/' }), site);
    expect(model.parentDatabaseId).toBe(20);
    expect(model.parentId).toBe(gid('post', 20));
    expect(model.menuOrder).toBe(3);
    expect(model.featuredImageDatabaseId).toBe(501);
    expect(model.uri).toBe('/about/team/');
  });

  it('restricts password pages but keeps the page flags', () => {
    const model = toPageModel(page({ id: 2, link: 'https://example.org/', parent: 5, content: { rendered: '', protected: true } }), site);
    expect(model.isRestricted).toBe(true);
    expect(model.isFrontPage).toBe(true);
    expect(model.uri).toBe('/');
    expect(model.parentDatabaseId).toBeNull();
    expect(model.content).toBeNull();
  });
});
