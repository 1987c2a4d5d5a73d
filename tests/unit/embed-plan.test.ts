import { describe, expect, it } from 'vitest';
import { planEmbed, takeEmbedded } from '../../src/loaders/embed-plan.ts';
import type { UpstreamRequestScope } from '../../src/loaders/records.ts';
import type { Collection } from '../../src/wordpress/rest-types.ts';

/** A scope whose operation selects these fields per collection (only what planEmbed reads). */
function scope(plan: Partial<Record<Collection, readonly string[] | undefined>>): UpstreamRequestScope {
  return {
    client: undefined as never, // never called: planEmbed only reads the plan
    authorization: undefined,
    fieldsFor: (c) => (c in plan ? plan[c] : ['id']),
    selects: (c) => c in plan,
  };
}

const POST_PAGE = {
  posts: ['id', 'title', 'author', 'categories', 'tags', 'featured_media'],
  users: ['id', 'name', 'link', 'avatar_urls'],
  categories: ['id', 'name', 'link'],
  tags: ['id', 'name', 'link'],
  media: ['id', 'source_url', 'alt_text', 'media_details', 'media_type'],
};

describe('planEmbed', () => {
  it('a post by slug whose relations fit the embed context: author, terms and featured image', () => {
    expect(planEmbed(scope(POST_PAGE), 'posts', { slug: 'hello', per_page: 1 })).toEqual({
      rels: ['author', 'wp:term', 'wp:featuredmedia'],
      collections: ['users', 'categories', 'tags', 'media'],
    });
  });

  it('only relations the operation selects; a page has no terms', () => {
    expect(planEmbed(scope({ posts: ['id', 'author'], users: ['id', 'name'] }), 'posts', { slug: 'x' })).toEqual({
      rels: ['author'],
      collections: ['users'],
    });
    expect(planEmbed(scope(POST_PAGE), 'pages', { slug: 'about' })?.rels).toEqual(['author', 'wp:featuredmedia']);
  });

  it('a field outside the embed context keeps its relation out (a term’s count, a user’s registered date, whole records)', () => {
    expect(planEmbed(scope({ ...POST_PAGE, categories: ['id', 'name', 'count'] }), 'posts', { slug: 'x' })?.rels).toEqual([
      'author',
      'wp:featuredmedia',
    ]);
    expect(planEmbed(scope({ ...POST_PAGE, users: ['id', 'registered_date'] }), 'posts', { slug: 'x' })?.rels).toEqual([
      'wp:term',
      'wp:featuredmedia',
    ]);
    expect(planEmbed(scope({ ...POST_PAGE, media: undefined }), 'posts', { slug: 'x' })?.rels).toEqual(['author', 'wp:term']);
  });

  it('lists (no slug), other collections and unknown selections embed nothing', () => {
    expect(planEmbed(scope(POST_PAGE), 'posts', { per_page: 10 })).toBeUndefined();
    expect(planEmbed(scope(POST_PAGE), 'categories', { slug: 'news' })).toBeUndefined();
    expect(planEmbed(scope({ posts: ['id', 'title'] }), 'posts', { slug: 'x' })).toBeUndefined();
    const unknown = { ...scope(POST_PAGE), selects: undefined };
    expect(planEmbed(unknown, 'posts', { slug: 'x' })).toBeUndefined();
  });
});

describe('takeEmbedded', () => {
  it('groups embedded records by collection (terms by taxonomy), drops errors and other taxonomies, strips _embedded and _links', () => {
    const post: Record<string, unknown> = {
      id: 1,
      _links: { author: [{ href: 'x' }] },
      _embedded: {
        author: [{ id: 2, name: 'Zoé', _links: {} }],
        'wp:term': [
          [{ id: 5, taxonomy: 'category', name: 'News' }],
          [
            { id: 7, taxonomy: 'post_tag', name: 'php' },
            { id: 8, taxonomy: 'post_tag', name: 'js' },
          ],
          [{ id: 9, taxonomy: 'genre', name: 'Jazz' }],
        ],
        'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry', data: { status: 401 } }],
      },
    };
    const embedded = takeEmbedded(
      [post],
      { rels: ['author', 'wp:term', 'wp:featuredmedia'], collections: ['users', 'categories', 'tags', 'media'] },
      false,
    );
    expect(embedded).toEqual({
      users: [{ id: 2, name: 'Zoé' }],
      categories: [{ id: 5, taxonomy: 'category', name: 'News' }],
      tags: [
        { id: 7, taxonomy: 'post_tag', name: 'php' },
        { id: 8, taxonomy: 'post_tag', name: 'js' },
      ],
    });
    expect(post).toEqual({ id: 1 });
  });

  it('keeps the post’s _links when the plan asked for them, and only the plan’s collections', () => {
    const post: Record<string, unknown> = {
      id: 1,
      _links: { up: [] },
      _embedded: { author: [{ id: 2 }], 'wp:featuredmedia': [{ id: 3 }] },
    };
    expect(takeEmbedded([post], { rels: ['author'], collections: ['users'] }, true)).toEqual({ users: [{ id: 2 }] });
    expect(post).toEqual({ id: 1, _links: { up: [] } });
  });
});
