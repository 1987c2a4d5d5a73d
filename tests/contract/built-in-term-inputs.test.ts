import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { discoverSite } from '../../src/discovery/discover.ts';
import type { SiteDiscovery } from '../../src/discovery/types.ts';
import { loadConfig } from '../../src/config.ts';
import { type RunningGateway, startGateway } from '../../src/server.ts';
import { WordPressClient } from '../../src/wordpress/client.ts';
import { startFaultServer, type FaultRequest, type FaultServer } from '../support/fault-server.ts';

// Issue #14: a custom taxonomy registered on the built-in post types gives createPost/updatePost (and the page
// mutations) WPGraphQL's term input for it (`genres: PostGenresInput`), and registered meta on posts gives them
// `meta`, as the discovered types' mutations have it. The demo site keeps `genre` on books (as the test
// WordPress's fixture does), so discovery's answer is widened here as a site registering `genre` on posts and
// pages (register_taxonomy_for_object_type) and a `subtitle` meta key on posts would answer. The demo is read
// only: each test answers the writes as WordPress would, through the fault server, and checks every request.

const EDITOR = `Basic ${Buffer.from('editor:abcd efgh ijkl mnop qrst uvwx').toString('base64')}`;

let demo: DemoSite;
let fault: FaultServer;
let gateway: RunningGateway;
let post: Record<string, unknown>;
let genre: Record<string, unknown>;

/** The site as discovery reads it, with `genre` on posts and pages and `subtitle` registered on posts. */
async function widened(url: string): Promise<SiteDiscovery> {
  const client = new WordPressClient({ url });
  await client.connect();
  const site = await discoverSite(client);
  const bySlug = (slug: string) => [...site.postTypes, ...site.taxonomies].find((c) => c.slug === slug)!;
  bySlug('post').related = [...bySlug('post').related, 'genre'];
  bySlug('page').related = [...bySlug('page').related, 'genre'];
  bySlug('genre').related = [...bySlug('genre').related, 'post', 'page'];
  bySlug('post').meta = [{ key: 'subtitle', description: 'Subtitle', shape: { kind: 'scalar', scalar: 'String', list: false } }];
  return site;
}

/** The writes sent, as `METHOD route body`. */
const writes = () =>
  fault.requests
    .filter((r: FaultRequest) => r.method !== 'GET' && r.method !== 'OPTIONS')
    .map((r) => `${r.method} ${r.route}${r.query.get('force') ? `?force=${r.query.get('force')}` : ''} ${r.body}`);

beforeAll(async () => {
  demo = await createDemoSite();
  fault = await startFaultServer({ upstream: demo.url });
  const discovery = await widened(demo.url);
  gateway = await startGateway(
    {
      ...loadConfig({}, {}),
      logLevel: 'silent',
      referenceCollectionsMax: 0,
      cacheTtlMs: 0,
      entityCacheTtlMs: 0,
      wordpressUrl: fault.url,
      port: 0,
    },
    { discover: async () => discovery },
  );
  post = ((await (await fetch(`${demo.url}/wp-json/wp/v2/posts?per_page=1`)).json()) as Record<string, unknown>[])[0]!;
  genre = ((await (await fetch(`${demo.url}/wp-json/wp/v2/genres?slug=poetry`)).json()) as Record<string, unknown>[])[0]!;
});

afterEach(() => {
  fault.setRule(undefined);
  fault.resetRequests();
});

afterAll(async () => {
  await gateway?.close();
  await fault?.close();
  await demo?.close();
});

/** An input type's fields, as introspection answers (or a mutation's payload: only compared whole). */
type Introspected = { inputFields: { name: string; type: { name: string | null } }[] } | null;

const query = async (document: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: EDITOR },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, Introspected>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
};

const NEW_ID = 9001;
const saved = (status: number, body: unknown) => ({ kind: 'status' as const, status, body: JSON.stringify(body) });
/** WordPress saving every write: the post as it was, a new genre as id 9001. */
const wordpressSaves = (r: FaultRequest) => {
  if (r.method !== 'POST') return undefined;
  if (r.route === '/wp/v2/genres') return saved(201, { ...genre, id: NEW_ID, name: JSON.parse(r.body).name, slug: 'new-genre' });
  if (r.route.startsWith('/wp/v2/posts')) return saved(r.route === '/wp/v2/posts' ? 201 : 200, post);
  return undefined;
};

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { clientMutationId post { databaseId } } }`;
const WITH_GENRES = {
  title: 'With genres',
  genres: { nodes: [{ slug: 'fiction' }, { name: 'New Genre', description: 'made by createPost' }] },
  meta: { subtitle: 'Sub' },
};

describe('createPost and updatePost take the site taxonomies and meta', () => {
  it('the site schema adds genres and meta to the post inputs, genres to the page inputs, with WPGraphQL names', async () => {
    const { data } = await query(`{
      a: __type(name: "CreatePostInput") { inputFields { name type { name } } }
      b: __type(name: "UpdatePostInput") { inputFields { name type { name } } }
      c: __type(name: "CreatePageInput") { inputFields { name type { name } } }
      d: __type(name: "PostGenresInput") { inputFields { name type { name kind ofType { name } } } }
      e: __type(name: "PostGenresNodeInput") { inputFields { name } }
      f: __type(name: "PostMetaInput") { inputFields { name type { name } } }
    }`);
    const field = (type: string, name: string) => data![type]!.inputFields.find((f) => f.name === name)?.type.name;
    expect([field('a', 'genres'), field('a', 'meta'), field('a', 'categories')]).toEqual([
      'PostGenresInput',
      'PostMetaInput',
      'PostCategoriesInput',
    ]);
    expect([field('b', 'genres'), field('b', 'meta')]).toEqual(['PostGenresInput', 'PostMetaInput']);
    expect([field('c', 'genres'), field('c', 'meta')]).toEqual(['PageGenresInput', undefined]);
    expect(data!.d!.inputFields).toEqual([
      { name: 'append', type: { name: 'Boolean', kind: 'SCALAR', ofType: null } },
      { name: 'nodes', type: { name: null, kind: 'LIST', ofType: { name: 'PostGenresNodeInput' } } },
    ]);
    expect(data!.e!.inputFields.map((f) => f.name)).toEqual(['description', 'id', 'name', 'slug']);
    expect(data!.f!.inputFields).toEqual([{ name: 'subtitle', type: { name: 'String' } }]);
  });

  it('an existing genre goes with the post write; a missing one is created after it and assigned in a second write', async () => {
    fault.setRule(wordpressSaves);
    const answer = await query(CREATE, { input: { ...WITH_GENRES, clientMutationId: 'g1' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ createPost: { clientMutationId: 'g1', post: { databaseId: post.id } } });
    expect(writes()).toEqual([
      `POST /wp/v2/posts {"title":"With genres","meta":{"subtitle":"Sub"},"genres":[47]}`,
      `POST /wp/v2/genres {"name":"New Genre","description":"made by createPost"}`,
      `POST /wp/v2/posts/${post.id} {"genres":[47,${NEW_ID}]}`,
    ]);
  });

  it('without a term to create, one write (as before)', async () => {
    fault.setRule(wordpressSaves);
    const answer = await query(
      `mutation { updatePost(input: { id: "${post.id}", genres: { append: false, nodes: [{ slug: "poetry" }, { id: "47" }] } }) { post { databaseId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(writes()).toEqual([`POST /wp/v2/posts/${post.id} {"genres":[49,47]}`]);
  });

  it('a post WordPress refuses creates no term: the refusal is the only write', async () => {
    fault.setRule((r) =>
      r.method === 'POST' && r.route === '/wp/v2/posts'
        ? saved(400, {
            code: 'rest_invalid_author',
            message: 'Invalid author ID.',
            data: { status: 400 },
          })
        : wordpressSaves(r),
    );
    const answer = await query(CREATE, { input: { ...WITH_GENRES, authorId: '999999' } });
    expect(answer.data?.createPost ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message: 'Invalid author ID.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(writes()).toEqual([`POST /wp/v2/posts {"title":"With genres","author":999999,"meta":{"subtitle":"Sub"},"genres":[47]}`]);
  });

  it('a genre the viewer may not create is skipped after the post is saved, as WPGraphQL skips it: no second write', async () => {
    fault.setRule((r) =>
      r.method === 'POST' && r.route === '/wp/v2/genres'
        ? saved(403, {
            code: 'rest_cannot_create',
            message: 'Sorry, you are not allowed to create terms in this taxonomy.',
            data: { status: 403 },
          })
        : wordpressSaves(r),
    );
    const answer = await query(CREATE, { input: { title: 'Only new', genres: { nodes: [{ name: 'New Genre' }] } } });
    expect(answer.errors).toBeUndefined();
    expect(writes()).toEqual([`POST /wp/v2/posts {"title":"Only new"}`, `POST /wp/v2/genres {"name":"New Genre"}`]);
  });

  it('when the second write fails, the error says the post was saved, and the new term is deleted again', async () => {
    fault.setRule((r) =>
      r.method === 'POST' && r.route === `/wp/v2/posts/${post.id}`
        ? saved(403, {
            code: 'rest_cannot_assign_term',
            message: 'Sorry, you are not allowed to assign the provided terms.',
            data: { status: 403 },
          })
        : r.method === 'DELETE'
          ? saved(200, { deleted: true, previous: { ...genre, id: NEW_ID } })
          : wordpressSaves(r),
    );
    const answer = await query(CREATE, { input: { title: 'Half', genres: { nodes: [{ name: 'New Genre' }] } } });
    expect(answer.errors?.[0]).toMatchObject({
      message: `The posts record ${post.id} was saved, but its new terms could not be assigned: Sorry, you are not allowed to assign the provided terms.`,
      extensions: { code: 'FORBIDDEN', savedId: post.id },
    });
    expect(writes()).toEqual([
      `POST /wp/v2/posts {"title":"Half"}`,
      `POST /wp/v2/genres {"name":"New Genre"}`,
      `POST /wp/v2/posts/${post.id} {"genres":[${NEW_ID}]}`,
      `DELETE /wp/v2/genres/${NEW_ID}?force=true `,
    ]);
  });

  it('createPage takes genres the same way', async () => {
    const page = ((await (await fetch(`${demo.url}/wp-json/wp/v2/pages?per_page=1`)).json()) as Record<string, unknown>[])[0]!;
    fault.setRule((r) => (r.method === 'POST' && r.route === '/wp/v2/pages' ? saved(201, page) : undefined));
    const answer = await query(
      `mutation { createPage(input: { title: "P", genres: { nodes: [{ slug: "poetry" }] } }) { page { databaseId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(writes()).toEqual([`POST /wp/v2/pages {"title":"P","genres":[49]}`]);
  });
});
