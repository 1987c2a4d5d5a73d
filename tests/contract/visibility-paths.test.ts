/**
 * Drafts, pending, scheduled and private posts and pages are never visible anonymously, whatever the query path:
 * by id of every kind, by slug and URI, through node/nodeByUri/contentNode, in lists with every filter that
 * names them, and through relations (a term's posts, an author's posts, a comment's post, a page's children).
 * Each path is asked for every non-public record of the bundled content; the answers must not even mention
 * their titles. The same paths are then asked with an editor's credentials, to prove the test can fail: they
 * do find the records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');
const credential = content.credentials[0]!;
const EDITOR = { authorization: `Basic ${b64(`${credential.username}:${credential.application_password}`)}` };

interface Hidden {
  id: number;
  kind: 'post' | 'page';
  status: string;
  slug: string;
  /** The path part of its link, as `nodeByUri` takes it. */
  uri: string;
  title: string;
  author: number;
  categories: number[];
}

const hidden: Hidden[] = [
  ...content.posts.map((p) => ({ ...p, kind: 'post' as const })),
  ...content.pages.map((p) => ({ ...p, kind: 'page' as const, categories: [] as number[] })),
]
  .filter((r) => r.status !== 'publish')
  .map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    slug: r.slug,
    uri: r.link.replace(/^https?:\/\/[^/]+/, ''),
    title: r.title.rendered.replace(/^Private: /, ''),
    author: r.author,
    categories: r.categories ?? [],
  }));

/** Every way of reaching one record, as one document of aliased fields. */
function pathsTo(r: Hidden): string {
  const field = r.kind === 'post' ? 'post' : 'page';
  const global = b64(`post:${r.id}`);
  const slug = r.slug ? `bySlug: ${field}(id: "${r.slug}", idType: ${r.kind === 'post' ? 'SLUG' : 'URI'}) { id title }` : '';
  return `{
    byDatabaseId: ${field}(id: "${r.id}", idType: DATABASE_ID) { id title }
    byGlobalId: ${field}(id: "${global}") { id title }
    byUri: ${field}(id: "${r.uri}", idType: URI) { id title }
    ${slug}
    node: node(id: "${global}") { id ... on NodeWithTitle { title } }
    nodeByUri: nodeByUri(uri: "${r.uri}") { id ... on NodeWithTitle { title } }
    contentNode: contentNode(id: "${r.id}", idType: DATABASE_ID) { id ... on NodeWithTitle { title } }
    listIn: ${field}s(where: { in: ["${r.id}"], stati: [DRAFT, PENDING, PRIVATE, FUTURE, PUBLISH] }) { nodes { databaseId title } }
    listStatus: ${field}s(first: 100, where: { stati: [DRAFT, PENDING, PRIVATE, FUTURE] }) { nodes { databaseId title } }
    listSearch: ${field}s(where: { search: ${JSON.stringify(r.title.split(' ').slice(0, 3).join(' '))} }) { nodes { databaseId title } }
    contentNodes: contentNodes(first: 100, where: { in: ["${r.id}"] }) { nodes { databaseId } }
    author: user(id: "${r.author}", idType: DATABASE_ID) { posts(first: 100, where: { stati: [DRAFT, PENDING, PRIVATE, FUTURE, PUBLISH] }) { nodes { databaseId title } } }
    ${r.categories.map((c, i) => `category${i}: category(id: "${c}", idType: DATABASE_ID) { posts(first: 100) { nodes { databaseId title } } contentNodes(first: 100) { nodes { databaseId } } }`).join('\n')}
  }`;
}

/** Every database id in an answer (`databaseId` fields and decoded global `id`s). */
function idsIn(value: unknown, found = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'databaseId' && typeof v === 'number') found.add(v);
      else if (k === 'id' && typeof v === 'string') {
        const m = /^post:(\d+)$/.exec(Buffer.from(v, 'base64').toString('utf8'));
        if (m) found.add(Number(m[1]));
      } else idsIn(v, found);
    }
  }
  return found;
}

describe('non-public content stays hidden from anonymous viewers', () => {
  it('the bundled content has drafts, pending, scheduled and private posts and pages to hide', () => {
    expect(new Set(hidden.map((r) => `${r.kind}:${r.status}`))).toEqual(
      new Set(['post:draft', 'post:pending', 'post:private', 'post:future', 'page:draft', 'page:private']),
    );
  });

  it.each(hidden.map((r) => [`${r.kind} ${r.id} (${r.status})`, r] as const))('%s: by no path', async (_label, record) => {
    const answer = await h.query(pathsTo(record));
    expect(answer.status).toBe(200);
    expect(idsIn(answer.data)).not.toContain(record.id);
    expect(JSON.stringify(answer)).not.toContain(record.title);
    for (const error of answer.errors ?? []) {
      expect(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN']).toContain(error.extensions?.code);
      expect(error.message).not.toContain(record.title);
    }
  });

  it('comments on hidden posts do not lead to them', async () => {
    const onHidden = content.comments.filter((c) => hidden.some((r) => r.id === c.post));
    expect(onHidden.length).toBeGreaterThan(0);
    const answer = await h.query(
      `{ ${onHidden.map((c, i) => `c${i}: comment(id: "${b64(`comment:${c.id}`)}") { databaseId commentedOn { node { databaseId } } }`).join(' ')}
         comments(first: 100, where: { contentIdIn: [${onHidden.map((c) => `"${c.post}"`).join(',')}] }) { nodes { databaseId } } }`,
    );
    const ids = idsIn(answer.data);
    for (const r of hidden) expect(ids).not.toContain(r.id);
    for (const c of onHidden) expect(ids).not.toContain(c.id);
  });

  it('the same paths find them with an editor’s credentials (so the test above can fail)', async () => {
    const privatePost = hidden.find((r) => r.kind === 'post' && r.status === 'private')!;
    const answer = await h.query(pathsTo(privatePost), undefined, EDITOR);
    const data = answer.data as Record<string, { title?: string } | null>;
    expect(data.byDatabaseId?.title).toContain(privatePost.title);
    expect(data.node?.title).toContain(privatePost.title);
    expect(idsIn(data.listStatus)).toContain(privatePost.id);
    expect(idsIn(data.author)).toContain(privatePost.id);
  });
});
