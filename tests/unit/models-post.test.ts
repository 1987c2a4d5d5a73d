import { describe, expect, it } from 'vitest';
import { commentCountFor } from '../../src/models/content-node.ts';
import { resolveContent as postContent, resolveTitle as postTitle } from '../../src/models/content-node.ts';
import { toPostModel } from '../../src/models/post.ts';
import type { RestPost } from '../../src/wordpress/rest-types.ts';
import { gid, seedPost, seedSite, site } from './models-fixtures.ts';

describe('toPostModel on the seed post', () => {
  const model = toPostModel(seedPost(), seedSite);

  it('maps ids, relations and links', () => {
    expect(model.__typename).toBe('Post');
    expect(model.id).toBe(gid('post', 2786));
    expect(model.databaseId).toBe(2786);
    expect(model.postId).toBe(2786);
    expect(model.authorDatabaseId).toBe(1);
    expect(model.authorId).toBe(gid('user', 1));
    expect(model.featuredImageDatabaseId).toBe(2787);
    expect(model.featuredImageId).toBe(gid('post', 2787));
    expect(model.categoryDatabaseIds).toEqual([39, 42, 76]);
    expect(model.tagDatabaseIds).toEqual([]);
    expect(model.links['wp:featuredmedia']?.[0]?.href).toBe('https://diplomatique.ma/en/wp-json/wp/v2/media/2787');
  });

  it('prints the scalar fields as WPGraphQL does', () => {
    expect(model.title).toBe(
      'When Madrid Chooses Rabat First: Are Moroccan-Spanish Security Relations Entering a New Era of Proactive Coordination?',
    );
    expect(model.date).toBe('2025-04-23T17:53:42');
    expect(model.dateGmt).toBe('2025-04-23T17:53:42');
    expect(model.modified).toBe('2025-04-23T22:58:59');
    expect(model.modifiedGmt).toBe('2025-04-23T22:58:59');
    expect(model.guid).toBe('https://diplomatique.ma/en/?p=2786');
    expect(model.status).toBe('publish');
    expect(model.contentTypeName).toBe('post');
    expect(model.commentStatus).toBe('open');
    expect(model.pingStatus).toBe('open');
    expect(model.isSticky).toBe(false);
    expect(model.hasPassword).toBe(false);
    expect(model.isRestricted).toBe(false);
    expect(model.isPreview).toBe(false);
    expect(model.isRevision).toBe(false);
    expect(model.isFrontPage).toBe(false);
    expect(model.isPostsPage).toBe(false);
    expect(model.password).toBeNull();
    expect(model.desiredSlug).toBeNull();
    expect([model.isComment, model.isContentNode, model.isTermNode]).toEqual([false, true, false]);
  });

  it('strips home_url (with its /en path) from the permalink for uri', () => {
    expect(model.link).toBe(seedPost().link);
    expect(model.uri).toBe(
      '/when-madrid-chooses-rabat-first-are-moroccan-spanish-security-relations-entering-a-new-era-of-proactive-coordination/',
    );
  });

  it('keeps content and excerpt as HTML, entities included', () => {
    expect(model.content?.startsWith('<h4 class="" style="text-align: justify;"')).toBe(true);
    expect(model.excerpt).toContain('[&hellip;]</p>\n');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

function post(overrides: Partial<RestPost>): RestPost {
  return {
    id: 10,
    date: '2025-01-02T03:04:05',
    date_gmt: '2025-01-02T02:04:05',
    slug: 'hello',
    status: 'publish',
    type: 'post',
    link: 'https://example.org/hello/',
    title: { rendered: 'Hello' },
    content: { rendered: '<p>Hi</p>\n', protected: false },
    excerpt: { rendered: '<p>Hi</p>\n', protected: false },
    author: 2,
    featured_media: 0,
    sticky: false,
    categories: [1],
    tags: [],
    ...overrides,
  };
}

describe('post field rules', () => {
  it('decodes entities in the rendered title (HTML 4.01 rules), keeps tags', () => {
    const model = toPostModel(post({ title: { rendered: 'Q&amp;A: What&#8217;s <em>new</em>' } }), site);
    expect(model.title).toBe('Q&A: What\u2019s <em>new</em>');
    expect(postTitle(model, { format: 'RENDERED' })).toBe('Q&A: What\u2019s <em>new</em>');
  });

  it('gives null for RAW formats (context=edit is never requested; WPGraphQL needs edit_posts)', () => {
    const model = toPostModel(post({}), site);
    expect(postTitle(model, { format: 'RAW' })).toBeNull();
    expect(postContent(model, { format: 'RAW' })).toBeNull();
    expect(postContent(model, {})).toBe('<p>Hi</p>\n');
  });

  it('nulls empty strings the way PHP empty() does, "0" included', () => {
    const model = toPostModel(post({ title: { rendered: '0' }, content: { rendered: '', protected: false } }), site);
    expect(model.title).toBeNull();
    expect(model.content).toBeNull();
  });

  it('urldecodes slug and link; uri is built from the decoded link', () => {
    const model = toPostModel(post({ slug: 'caf%c3%a9-cr%c3%a8me', link: 'https://example.org/2025/01/caf%c3%a9-cr%c3%a8me/' }), site);
    expect(model.slug).toBe('café-crème');
    expect(model.link).toBe('https://example.org/2025/01/café-crème/');
    expect(model.uri).toBe('/2025/01/café-crème/');
  });

  it('removes home_url case-insensitively and everywhere (str_ireplace)', () => {
    const model = toPostModel(post({ link: 'HTTPS://EXAMPLE.ORG/?p=10' }), site);
    expect(model.uri).toBe('/?p=10');
  });

  it('treats featured_media 0 and author 0 as none', () => {
    const model = toPostModel(post({ featured_media: 0, author: 0 }), site);
    expect(model.featuredImageDatabaseId).toBeNull();
    expect(model.featuredImageId).toBeNull();
    expect(model.authorDatabaseId).toBeNull();
    expect(model.authorId).toBeNull();
  });

  it('reads isSticky from REST sticky', () => {
    expect(toPostModel(post({ sticky: true }), site).isSticky).toBe(true);
  });

  it('restricts password posts for anonymous viewers, except the allowed fields', () => {
    const model = toPostModel(
      post({
        sticky: true,
        featured_media: 44,
        title: { rendered: 'Members &amp; friends' },
        content: { rendered: '', protected: true },
        excerpt: { rendered: '', protected: true },
      }),
      site,
    );
    expect(model.isRestricted).toBe(true);
    expect(model.hasPassword).toBe(true);
    // allowed: id, databaseId, postId, title, slug, status, link, uri, contentTypeName
    expect(model.id).toBe(gid('post', 10));
    expect(model.postId).toBe(10);
    expect(model.title).toBe('Members & friends');
    expect(model.slug).toBe('hello');
    expect(model.uri).toBe('/hello/');
    expect(model.contentTypeName).toBe('post');
    // everything else is null
    expect(model.content).toBeNull();
    expect(model.excerpt).toBeNull();
    expect(model.date).toBeNull();
    expect(model.authorDatabaseId).toBeNull();
    expect(model.featuredImageDatabaseId).toBeNull();
    expect(model.commentStatus).toBeNull();
    expect(model.isPreview).toBeNull();
    expect(commentCountFor(model, 4)).toBeNull();
    // not copied from WPGraphQL: isSticky (Boolean!) keeps its value instead of erroring
    expect(model.isSticky).toBe(true);
    // term connections still resolve on restricted posts
    expect(model.categoryDatabaseIds).toEqual([1]);
  });

  it('commentCount is 0, not null, when there are no comments', () => {
    expect(commentCountFor(toPostModel(post({}), site), null)).toBe(0);
  });

  it('survives records trimmed by _fields', () => {
    const model = toPostModel({ id: 7 }, site);
    expect(model.id).toBe(gid('post', 7));
    expect(model.title).toBeNull();
    expect(model.uri).toBeNull();
    expect(model.content).toBeNull();
    expect(model.categoryDatabaseIds).toEqual([]);
    expect(model.contentTypeName).toBe('post');
  });
});

describe('password posts read in the edit context', () => {
  it('are not restricted: WordPress answers ?context=edit (with the post password) only to viewers who may edit them', async () => {
    const { toPostModel } = await import('../../src/models/post.ts');
    const { site } = await import('./models-fixtures.ts');
    const protectedView = {
      id: 340,
      content: { rendered: '', protected: true },
      excerpt: { rendered: '', protected: true },
      date: '2024-01-15T10:00:00',
    };
    expect(toPostModel(protectedView, site)).toMatchObject({ isRestricted: true, content: null, date: null, hasPassword: true });
    const edit = {
      ...protectedView,
      password: 'letmein',
      content: { rendered: '<p>Body</p>\n', protected: true },
      excerpt: { rendered: '<p>Excerpt</p>\n', protected: true },
    };
    expect(toPostModel(edit, site)).toMatchObject({
      isRestricted: false,
      content: '<p>Body</p>\n',
      date: '2024-01-15T10:00:00',
      hasPassword: true,
    });
  });
});
