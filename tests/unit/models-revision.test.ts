import { describe, expect, it } from 'vitest';
import { toPageModel } from '../../src/models/page.ts';
import { toPostModel } from '../../src/models/post.ts';
import { automaticExcerpt, latestRevisionId, toPagePreviewModel, toPostPreviewModel } from '../../src/models/revision.ts';
import type { RestRevision } from '../../src/wordpress/rest-types.ts';
import { gid, site } from './models-fixtures.ts';

const links = (id: number) => ({
  'version-history': [{ href: 'https://example.org/wp-json/wp/v2/posts/7/revisions', count: 2 }],
  'predecessor-version': [{ href: `https://example.org/wp-json/wp/v2/posts/7/revisions/${id}`, id }],
});

const parent = toPostModel(
  {
    id: 7,
    type: 'post',
    status: 'publish',
    slug: 'hello',
    link: 'https://example.org/2024/01/02/hello/',
    title: { rendered: 'Hello' },
    content: { rendered: '<p>Published</p>\n', protected: false },
    excerpt: { rendered: '<p>Published</p>\n', protected: false },
    author: 3,
    featured_media: 12,
    sticky: true,
    categories: [4],
    tags: [5, 6],
    comment_status: 'open',
    ping_status: 'open',
    _links: links(9),
  },
  site,
);

const revision: RestRevision = {
  id: 9,
  date: '2024-02-03T10:00:00',
  date_gmt: '2024-02-03T09:00:00',
  modified: '2024-02-03T10:00:00',
  modified_gmt: '2024-02-03T09:00:00',
  slug: '7-autosave-v1',
  guid: { rendered: 'https://example.org/?p=9' },
  title: { rendered: 'Caf&eacute; &#8211; draft' },
  content: { rendered: '<p>Autosaved <em>text</em>.</p>\n' },
  excerpt: { rendered: '' },
};

describe('latestRevisionId', () => {
  it("reads `predecessor-version`'s id; null when the record has no revisions or its links were not read", () => {
    expect(latestRevisionId(links(9))).toBe(9);
    expect(latestRevisionId({ 'version-history': [{ href: 'x', count: 0 }] })).toBeNull();
    expect(latestRevisionId(undefined)).toBeNull();
    expect(latestRevisionId({ 'predecessor-version': [{ href: 'x', id: 0 }] })).toBeNull();
  });
});

describe('toPostPreviewModel', () => {
  it("is the revision's content under the parent's author, image, terms and preview link", () => {
    const model = toPostPreviewModel(revision, parent, site);
    expect(model).toMatchObject({
      __typename: 'Post',
      id: gid('post', 9),
      databaseId: 9,
      postId: 9,
      contentTypeName: 'revision',
      title: 'Café – draft',
      content: '<p>Autosaved <em>text</em>.</p>\n',
      excerpt: '<p>Autosaved text.</p>\n',
      date: '2024-02-03T10:00:00',
      dateGmt: '2024-02-03T09:00:00',
      slug: '7-autosave-v1',
      status: 'inherit',
      link: 'https://example.org/2024/01/02/hello/?preview=true',
      uri: '/2024/01/02/hello/?preview=true',
      guid: 'https://example.org/?p=9',
      isPreview: true,
      isRevision: true,
      previewRevisionDatabaseId: null,
      authorDatabaseId: 3,
      featuredImageDatabaseId: 12,
      categoryDatabaseIds: [4],
      tagDatabaseIds: [5, 6],
      isSticky: false,
      commentStatus: 'closed',
      pingStatus: 'closed',
      _contentTypeOf: 'post',
    });
  });

  it('keeps a written excerpt, and adds preview=true after a query string', () => {
    const draft = { ...parent, link: 'https://example.org/?p=7' };
    const model = toPostPreviewModel({ ...revision, excerpt: { rendered: '<p>Written</p>\n' } }, draft, site, false);
    expect(model.excerpt).toBe('<p>Written</p>\n');
    expect(model.link).toBe('https://example.org/?p=7&preview=true');
    expect(model.isPreview).toBe(false);
  });
});

describe('toPagePreviewModel', () => {
  it("has the page as its parent, and the parent's template", () => {
    const page = toPageModel(
      {
        id: 20,
        type: 'page',
        status: 'publish',
        link: 'https://example.org/about/',
        author: 1,
        parent: 0,
        menu_order: 3,
        template: 'wide.php',
        _links: links(21),
      },
      site,
    );
    const model = toPagePreviewModel({ ...revision, id: 21, slug: '20-revision-v1' }, page, site);
    expect(model).toMatchObject({
      __typename: 'Page',
      databaseId: 21,
      pageId: 21,
      parentDatabaseId: 20,
      parentId: gid('post', 20),
      menuOrder: null,
      link: 'https://example.org/about/?preview=true',
      _template: 'wide.php',
      isFrontPage: false,
    });
  });
});

describe('automaticExcerpt', () => {
  it("is WordPress's wp_trim_excerpt(): tags stripped, 55 words then [&hellip;], in a paragraph", () => {
    expect(automaticExcerpt(null)).toBe('');
    // Words are split on any whitespace and joined by one space.
    expect(automaticExcerpt('<p>One <strong>two</strong></p>\n<p>three</p>')).toBe('<p>One two three</p>\n');
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(automaticExcerpt(`<p>${long}</p>`)).toBe(`<p>${Array.from({ length: 55 }, (_, i) => `w${i}`).join(' ')} [&hellip;]</p>\n`);
    expect(automaticExcerpt('<p>a</p><script>x()</script>')).toBe('<p>a</p>\n');
  });
});
