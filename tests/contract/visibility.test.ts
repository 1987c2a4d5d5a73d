import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const credential = content.credentials[0]!;
const AUTH = { authorization: `Basic ${Buffer.from(`${credential.username}:${credential.application_password}`).toString('base64')}` };
const draft = content.posts.find((p) => p.status === 'draft')!;
const privatePost = content.posts.find((p) => p.status === 'private')!;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('what anonymous viewers see', () => {
  it('drafts and private posts are null by id, and absent from lists', async () => {
    const answer = await h.query<{ d: null; p: null; n: null; posts: { nodes: { databaseId: number }[] } }>(
      `{ d: post(id: "${draft.id}", idType: DATABASE_ID) { id } p: post(id: "${b64(`post:${privatePost.id}`)}") { id }
         n: node(id: "${b64(`post:${draft.id}`)}") { id }
         posts(first: 100, where: { stati: [DRAFT, PRIVATE] }) { nodes { databaseId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ d: null, p: null, n: null });
    const ids = answer.data!.posts.nodes.map((n) => n.databaseId);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(privatePost.id);
  });

  it('the viewer is null', async () => {
    const answer = await h.query('{ viewer { id } }');
    expect(answer.data).toEqual({ viewer: null });
  });
});

describe('what a signed-in editor sees (Authorization forwarded to WordPress)', () => {
  it('drafts by id and through stati', async () => {
    h.demo.resetRequests();
    const answer = await h.query<{ d: { databaseId: number; status: string }; posts: { nodes: { databaseId: number }[] } }>(
      `{ d: post(id: "${draft.id}", idType: DATABASE_ID) { databaseId status } posts(first: 100, where: { stati: [DRAFT] }) { nodes { databaseId } } }`,
      undefined,
      AUTH,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.d).toEqual({ databaseId: draft.id, status: 'draft' });
    expect(answer.data!.posts.nodes.map((n) => n.databaseId)).toContain(draft.id);
    expect(h.demo.requests.filter((r) => r.path === '/wp/v2/posts').every((r) => r.authenticated)).toBe(true);
  });

  it('the viewer is the signed-in user', async () => {
    const answer = await h.query<{ viewer: { databaseId: number } }>('{ viewer { databaseId } }', undefined, AUTH);
    expect(answer.data!.viewer.databaseId).toBe(credential.user_id);
  });

  it('wrong credentials are UNAUTHENTICATED', async () => {
    const answer = await h.query('{ viewer { id } }', undefined, { authorization: `Basic ${b64('editor:wrong')}` });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
