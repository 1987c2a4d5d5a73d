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

  it('replies for a single lookup whose comment fields are in the embed context (post is set by the gateway)', () => {
    const withComments = { ...POST_PAGE, comments: ['id', 'content', 'date', 'author', 'author_name', 'post'] };
    expect(planEmbed(scope(withComments), 'posts', { slug: 'x', per_page: 1 })?.rels).toEqual([
      'author',
      'wp:term',
      'wp:featuredmedia',
      'replies',
    ]);
    // A uri lookup may bring several records: one comments query each inside WordPress, so no replies.
    expect(planEmbed(scope(withComments), 'posts', { slug: 'x', per_page: 100 })?.rels).not.toContain('replies');
    // A comment's status is not in the embed context.
    expect(planEmbed(scope({ ...withComments, comments: ['id', 'status'] }), 'posts', { slug: 'x', per_page: 1 })?.rels).not.toContain(
      'replies',
    );
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
    expect(embedded.replies.size).toBe(0);
    expect(embedded.records).toEqual({
      users: [{ id: 2, name: 'Zoé' }],
      categories: [{ id: 5, taxonomy: 'category', name: 'News' }],
      tags: [
        { id: 7, taxonomy: 'post_tag', name: 'php' },
        { id: 8, taxonomy: 'post_tag', name: 'js' },
      ],
    });
    expect(post).toEqual({ id: 1 });
  });

  it('replies: each record’s comments, with `post` set; an error object (not listable) gives no entry', () => {
    const open: Record<string, unknown> = {
      id: 1,
      _embedded: {
        replies: [
          [
            { id: 11, content: 'a' },
            { id: 12, content: 'b' },
          ],
        ],
      },
    };
    const none: Record<string, unknown> = { id: 2, _embedded: { replies: [[]] } };
    const locked: Record<string, unknown> = { id: 3, _embedded: { replies: [{ code: 'rest_cannot_read_post', data: { status: 401 } }] } };
    // WordPress leaves an empty replies collection out: linked, something else embedded, no replies → none.
    const empty: Record<string, unknown> = {
      id: 4,
      _links: { replies: [{ href: 'x', embeddable: true }] },
      _embedded: { author: [{ id: 2 }] },
    };
    // A server that ignored `_embed` (links, no _embedded at all): nothing is known, the comments are asked.
    const ignored: Record<string, unknown> = { id: 5, _links: { replies: [{ href: 'x', embeddable: true }] } };
    const embedded = takeEmbedded([open, none, locked, empty, ignored], { rels: ['replies'], collections: ['comments'] }, false);
    expect([...embedded.replies.keys()]).toEqual([1, 2, 4]);
    expect(embedded.replies.get(4)).toEqual([]);
    expect(embedded.replies.get(1)).toEqual([
      { id: 11, content: 'a', post: 1 },
      { id: 12, content: 'b', post: 1 },
    ]);
    expect(embedded.replies.get(2)).toEqual([]);
    expect(embedded.records.comments?.map((c) => c.id)).toEqual([11, 12]);
  });

  it('keeps the post’s _links when the plan asked for them, and only the plan’s collections', () => {
    const post: Record<string, unknown> = {
      id: 1,
      _links: { up: [] },
      _embedded: { author: [{ id: 2 }], 'wp:featuredmedia': [{ id: 3 }] },
    };
    expect(takeEmbedded([post], { rels: ['author'], collections: ['users'] }, true).records).toEqual({ users: [{ id: 2 }] });
    expect(post).toEqual({ id: 1, _links: { up: [] } });
  });
});
