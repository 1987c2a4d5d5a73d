import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { startHarness, type Harness } from './harness.ts';

// `asPreview` on the demo site, which models revisions only as WordPress's links show them (each record's
// `version-history` count and `predecessor-version` id) and serves no revision records: an anonymous viewer gets
// null for a post with revisions and the post itself otherwise, with one request and no revision route asked; a
// signed-in viewer's revision request finds no route there, and the answer is null (docs/compatibility.md).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const credential = content.credentials[0]!;
const EDITOR = { authorization: `Basic ${Buffer.from(`${credential.username}:${credential.application_password}`).toString('base64')}` };
const revisionsOf = (id: number) => content.posts.find((p) => p.id === id)?._demo?.revisions;
const WITH_REVISIONS = content.posts.find((p) => p.status === 'publish' && (p._demo?.revisions?.count ?? 0) > 0)!.id;
const WITHOUT_REVISIONS = content.posts.find((p) => p.status === 'publish' && !p._demo?.revisions?.count)!.id;
const PREVIEW = `query($id: ID!) { post(id: $id, idType: DATABASE_ID, asPreview: true) { databaseId isPreview isRevision } }`;

describe('asPreview on the demo site', () => {
  it('anonymous: null for a post with revisions, one request (the post with its _links), no revision asked', async () => {
    expect(revisionsOf(WITH_REVISIONS)!.latest_id).toBeGreaterThan(0);
    h.demo.resetRequests();
    const answer = await h.query(PREVIEW, { id: String(WITH_REVISIONS) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ post: null });
    expect(h.upstream()).toEqual([`GET /wp/v2/posts?_fields=_links,content.protected,id&include=${WITH_REVISIONS}&per_page=1`]);
  });

  it('anonymous: the post itself when it has no revisions', async () => {
    const answer = await h.query(PREVIEW, { id: String(WITHOUT_REVISIONS) });
    expect(answer.data).toEqual({ post: { databaseId: WITHOUT_REVISIONS, isPreview: false, isRevision: false } });
  });

  it('signed in: the revision is asked for under its parent with the credentials; the demo has none to give', async () => {
    h.demo.resetRequests();
    const answer = await h.query(PREVIEW, { id: String(WITH_REVISIONS) }, EDITOR);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ post: null });
    const latest = revisionsOf(WITH_REVISIONS)!.latest_id;
    expect(h.upstream()).toEqual([
      `GET /wp/v2/posts?_fields=_links,content.protected,id&include=${WITH_REVISIONS}&per_page=1&status=any`,
      `GET /wp/v2/posts/${WITH_REVISIONS}/revisions/${latest}?_fields=id`,
    ]);
  });
});

const REVISIONS = `query($id: ID!) {
  post(id: $id, idType: DATABASE_ID) { databaseId revisions { nodes { databaseId } } preview { node { databaseId } } revisionOf { node { id } } }
}`;

describe('revisions, preview and revisionOf on the demo site', () => {
  it('anonymous: no revisions, no preview, and no revision route asked', async () => {
    h.demo.resetRequests();
    const answer = await h.query(REVISIONS, { id: String(WITH_REVISIONS) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ post: { databaseId: WITH_REVISIONS, revisions: { nodes: [] }, preview: null, revisionOf: null } });
    // The record itself may come from the anonymous entity cache (the tests above read it); no revision is asked.
    expect(
      h.upstream().filter((r) => !r.startsWith(`GET /wp/v2/posts?_fields=_links,content.protected,id&include=${WITH_REVISIONS}&`)),
    ).toEqual([]);
  });

  it('signed in: the list is asked for under its parent (one request); the demo has none to give', async () => {
    h.demo.resetRequests();
    const answer = await h.query(REVISIONS, { id: String(WITH_REVISIONS) }, EDITOR);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ post: { databaseId: WITH_REVISIONS, revisions: { nodes: [] }, preview: null, revisionOf: null } });
    const latest = revisionsOf(WITH_REVISIONS)!.latest_id;
    expect([...h.upstream()].sort()).toEqual([
      `GET /wp/v2/posts/${WITH_REVISIONS}/revisions/${latest}?_fields=id`,
      `GET /wp/v2/posts/${WITH_REVISIONS}/revisions?_fields=author,id&per_page=100`,
      `GET /wp/v2/posts?_fields=_links,content.protected,id&include=${WITH_REVISIONS}&per_page=1&status=any`,
    ]);
  });

  it('a where-arg REST cannot serve is BAD_USER_INPUT', async () => {
    const answer = await h.query(
      `{ post(id: "${WITH_REVISIONS}", idType: DATABASE_ID) { revisions(where: { orderby: [{ field: AUTHOR, order: ASC }] }) { nodes { databaseId } } } }`,
      {},
      EDITOR,
    );
    expect(answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Cannot order revisions by AUTHOR through the REST API (DATE, IN, MODIFIED, SLUG or TITLE)'],
    ]);
  });
});

describe('enqueuedScripts and enqueuedStylesheets', () => {
  it('validate with WPGraphQL’s arguments and answer empty connections, asking WordPress nothing more', async () => {
    h.demo.resetRequests();
    const answer = await h.query(
      `query($id: ID!) {
      post(id: $id, idType: DATABASE_ID) {
        enqueuedScripts(first: 5, where: { handlesIn: ["jquery"] }) { nodes { id handle src strategy groupLocation dependencies { handle } } pageInfo { hasNextPage } }
        enqueuedStylesheets { edges { node { handle media isRtl } } nodes { ... on EnqueuedAsset { src } } }
      }
      contentNode(id: $id, idType: DATABASE_ID) { enqueuedStylesheets { nodes { handle } } }
    }`,
      { id: String(WITHOUT_REVISIONS) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      post: { enqueuedScripts: { nodes: [], pageInfo: { hasNextPage: false } }, enqueuedStylesheets: { edges: [], nodes: [] } },
      contentNode: { enqueuedStylesheets: { nodes: [] } },
    });
    // Only the records' lookups by id (`contentNode` tries each type; cached ones are not asked again): the assets
    // ask nothing of WordPress.
    expect(h.upstream().length).toBeGreaterThan(0);
    for (const request of h.upstream()) {
      expect(request).toMatch(new RegExp(`^GET /wp/v2/(posts|pages|media)\\?_fields=id&include=${WITHOUT_REVISIONS}&per_page=1$`));
    }
  });

  it('terms and users have them too, empty', async () => {
    const answer = await h.query(`{
      categories(first: 1) { nodes { enqueuedScripts { nodes { handle } } enqueuedStylesheets(last: 2) { nodes { handle } } } }
      tags(first: 1) { nodes { enqueuedStylesheets { nodes { handle } } } }
      users(first: 1) { nodes { enqueuedScripts(where: { handlesIn: ["a"] }) { nodes { handle } } enqueuedStylesheets { nodes { handle } } } }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      categories: { nodes: [{ enqueuedScripts: { nodes: [] }, enqueuedStylesheets: { nodes: [] } }] },
      tags: { nodes: [{ enqueuedStylesheets: { nodes: [] } }] },
      users: { nodes: [{ enqueuedScripts: { nodes: [] }, enqueuedStylesheets: { nodes: [] } }] },
    });
  });

  it('a negative page size is BAD_USER_INPUT, as on every connection', async () => {
    const answer = await h.query(`{ posts(first: 1) { nodes { enqueuedScripts(first: -1) { nodes { handle } } } } }`);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
