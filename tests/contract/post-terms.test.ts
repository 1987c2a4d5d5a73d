import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

/** `Post.terms(where:)`: WPGraphQL filters and orders a post's categories and tags together. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Slugs {
  nodes: { slug: string }[];
}
interface PostTerms {
  databaseId: number;
  categories: Slugs;
  tags: Slugs;
  terms: Slugs;
}

/** A demo post with at least one category and one tag. */
async function postWithBoth(): Promise<PostTerms> {
  const answer = await h.query<{ posts: { nodes: PostTerms[] } }>(
    '{ posts(first: 50) { nodes { databaseId categories { nodes { slug } } tags { nodes { slug } } terms(first: 100) { nodes { slug } } } } }',
  );
  expect(answer.errors).toBeUndefined();
  const post = answer.data!.posts.nodes.find((p) => p.categories.nodes.length > 0 && p.tags.nodes.length > 0);
  if (!post) throw new Error('the demo site has no post with both a category and a tag');
  return post;
}

describe('Post.terms where-args', () => {
  it('filters by slug across both taxonomies', async () => {
    const post = await postWithBoth();
    const category = post.categories.nodes[0]!.slug;
    const tag = post.tags.nodes[0]!.slug;
    const one = await h.query<{ post: { terms: Slugs } }>(
      'query($id: ID!, $slugs: [String]) { post(id: $id, idType: DATABASE_ID) { terms(where: { slug: $slugs }) { nodes { slug } } } }',
      { id: String(post.databaseId), slugs: [category] },
    );
    expect(one.errors).toBeUndefined();
    // The post has at least two terms; the filter keeps the one named.
    expect(one.data!.post.terms.nodes.map((n) => n.slug)).toEqual([category]);
    const answer = await h.query<{ post: { terms: Slugs } }>(
      'query($id: ID!, $slugs: [String]) { post(id: $id, idType: DATABASE_ID) { terms(where: { slug: $slugs }) { nodes { slug } } } }',
      { id: String(post.databaseId), slugs: [category, tag] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.post.terms.nodes.map((n) => n.slug).sort()).toEqual([category, tag].sort());
    // Without where-args the same post lists every term it has.
    expect(post.terms.nodes.length).toBe(post.categories.nodes.length + post.tags.nodes.length);
  });

  it('orders by the where-args (slug, descending) over both taxonomies', async () => {
    const post = await postWithBoth();
    const answer = await h.query<{ post: { terms: Slugs } }>(
      'query($id: ID!) { post(id: $id, idType: DATABASE_ID) { terms(first: 100, where: { orderby: SLUG, order: DESC }) { nodes { slug } } } }',
      { id: String(post.databaseId) },
    );
    expect(answer.errors).toBeUndefined();
    const slugs = answer.data!.post.terms.nodes.map((n) => n.slug);
    expect(slugs).toEqual(post.terms.nodes.map((n) => n.slug).sort((a, b) => b.localeCompare(a)));
  });
});
