import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function restOne<T>(path: string): Promise<T> {
  const list = (await (await fetch(`${h.demo.url}/wp-json/wp/v2/${path}`)).json()) as T[];
  return list[0]!;
}
const b64 = (s: string) => Buffer.from(s).toString('base64');
const path = (link: string) => new URL(link).pathname;

describe('lookups by every idType', () => {
  it('finds a post by ID, DATABASE_ID, SLUG and URI', async () => {
    const post = await restOne<{ id: number; slug: string; link: string }>('posts?per_page=1&offset=3');
    const answer = await h.query<Record<string, { databaseId: number } | null>>(
      `query($id: ID!, $db: ID!, $slug: ID!, $uri: ID!) {
        a: post(id: $id) { databaseId } b: post(id: $db, idType: DATABASE_ID) { databaseId }
        c: post(id: $slug, idType: SLUG) { databaseId } d: post(id: $uri, idType: URI) { databaseId } }`,
      { id: b64(`post:${post.id}`), db: String(post.id), slug: post.slug, uri: path(post.link) },
    );
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data!)).toEqual(Array(4).fill({ databaseId: post.id }));
  });

  it('finds a category by SLUG, NAME and URI, and a user by SLUG and URI', async () => {
    const category = await restOne<{ id: number; slug: string; name: string; link: string }>(
      'categories?per_page=1&parent=0&hide_empty=true',
    );
    const user = await restOne<{ id: number; slug: string; link: string }>('users?per_page=1');
    const answer = await h.query<Record<string, { databaseId: number } | null>>(
      `query($slug: ID!, $name: ID!, $uri: ID!, $user: ID!, $userUri: ID!) {
        a: category(id: $slug, idType: SLUG) { databaseId } b: category(id: $name, idType: NAME) { databaseId }
        c: category(id: $uri, idType: URI) { databaseId }
        d: user(id: $user, idType: SLUG) { databaseId } e: user(id: $userUri, idType: URI) { databaseId } }`,
      {
        slug: category.slug,
        name: category.name.replace(/&amp;/g, '&'),
        uri: path(category.link),
        user: user.slug,
        userUri: path(user.link),
      },
    );
    expect(answer.errors).toBeUndefined();
    expect([answer.data!.a, answer.data!.b, answer.data!.c]).toEqual(Array(3).fill({ databaseId: category.id }));
    expect([answer.data!.d, answer.data!.e]).toEqual(Array(2).fill({ databaseId: user.id }));
  });
});

describe('nodeByUri and node', () => {
  it('routes post, page, category, tag and author URIs to their types', async () => {
    const post = await restOne<{ id: number; link: string }>('posts?per_page=1');
    const page = await restOne<{ id: number; link: string }>('pages?per_page=1&parent=0');
    const category = await restOne<{ id: number; link: string }>('categories?per_page=1&hide_empty=true');
    const tag = await restOne<{ id: number; link: string }>('tags?per_page=1&hide_empty=true');
    const user = await restOne<{ id: number; link: string }>('users?per_page=1');
    const cases: [string, string, number][] = [
      [path(post.link), 'Post', post.id],
      [path(page.link), 'Page', page.id],
      [path(category.link), 'Category', category.id],
      [path(tag.link), 'Tag', tag.id],
      [path(user.link), 'User', user.id],
      [post.link, 'Post', post.id],
    ];
    for (const [uri, typename, id] of cases) {
      const answer = await h.query<{ nodeByUri: { __typename: string; databaseId: number } | null }>(
        'query($uri: String!) { nodeByUri(uri: $uri) { __typename ... on DatabaseIdentifier { databaseId } } }',
        { uri },
      );
      expect(answer.errors, uri).toBeUndefined();
      expect(answer.data!.nodeByUri, uri).toEqual({ __typename: typename, databaseId: id });
    }
  });

  it('answers null for a URI that names nothing', async () => {
    const answer = await h.query('{ nodeByUri(uri: "/no/such/thing/") { id } }');
    expect(answer.data).toEqual({ nodeByUri: null });
  });

  it('resolves global ids of every kind through node(id)', async () => {
    const page = await restOne<{ id: number }>('pages?per_page=1');
    const tag = await restOne<{ id: number }>('tags?per_page=1&hide_empty=true');
    const comment = await restOne<{ id: number }>('comments?per_page=1');
    const answer = await h.query<Record<string, { __typename: string } | null>>(
      `{ p: node(id: "${b64(`post:${page.id}`)}") { __typename } t: node(id: "${b64(`term:${tag.id}`)}") { __typename }
         c: node(id: "${b64(`comment:${comment.id}`)}") { __typename } s: node(id: "${b64('setting_group:general')}") { __typename } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      p: { __typename: 'Page' },
      t: { __typename: 'Tag' },
      c: { __typename: 'Comment' },
      s: { __typename: 'GeneralSettings' },
    });
  });
});

describe('relations', () => {
  it('threads comments: replies and parents match WordPress', async () => {
    const reply = await restOne<{ id: number; parent: number; post: number }>('comments?per_page=1&parent_exclude=0');
    const answer = await h.query<{
      comment: {
        parent: { node: { databaseId: number; replies: { nodes: { databaseId: number }[] } } };
        commentedOn: { node: { databaseId: number } };
      };
    }>(
      `{ comment(id: "${reply.id}", idType: DATABASE_ID) { parent { node { databaseId replies { nodes { databaseId } } } } commentedOn { node { databaseId } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.comment.parent.node.databaseId).toBe(reply.parent);
    expect(answer.data!.comment.parent.node.replies.nodes.map((n) => n.databaseId)).toContain(reply.id);
    expect(answer.data!.comment.commentedOn.node.databaseId).toBe(reply.post);
  });

  it('walks page ancestors and category children', async () => {
    const child = await restOne<{ id: number; parent: number }>('pages?per_page=1&parent_exclude=0');
    const answer = await h.query<{ page: { parent: { node: { databaseId: number } }; ancestors: { nodes: { databaseId: number }[] } } }>(
      `{ page(id: "${child.id}", idType: DATABASE_ID) { parent { node { databaseId } } ancestors { nodes { databaseId } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.page.parent.node.databaseId).toBe(child.parent);
    expect(answer.data!.page.ancestors.nodes[0]!.databaseId).toBe(child.parent);
  });
});
