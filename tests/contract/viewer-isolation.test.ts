/**
 * Two signed-in viewers (an editor and an author) and an anonymous one, their requests interleaved and
 * concurrent through one gateway with its caches on: none ever sees another's data. The truth for each viewer
 * comes from a second gateway with every cache off, asked one request at a time; the three truths differ, so a
 * leak in any direction changes an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { loadBundledContent } from '../../demo/rest/site.ts';
import { NO_CACHES, startTestGateway, type Answer, type TestGateway } from '../support/gateway.ts';
import { seeded } from '../support/prng.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const content = loadBundledContent();
const editor = content.credentials[0]!;
// A second application password, for the author Mei-Lin (id 3), so two different viewers can sign in.
const author = { user_id: 3, username: 'meilin', application_password: 'wxyz ABCD efgh IJKL mnop QRST', name: 'isolation-test' };
content.credentials.push(author as (typeof content.credentials)[number]);

const VIEWERS = {
  anonymous: {},
  editor: { authorization: basic(editor.username, editor.application_password) },
  author: { authorization: basic(author.username, author.application_password) },
} as const;
type Viewer = keyof typeof VIEWERS;

const QUERIES = {
  viewer: '{ viewer { databaseId name } }',
  drafts:
    '{ posts(first: 20, where: { stati: [DRAFT, PENDING, PRIVATE, PUBLISH] }) { nodes { databaseId status title author { node { databaseId name } } } } }',
  byId: `{ a: post(id: "2810", idType: DATABASE_ID) { databaseId title } b: post(id: "2801", idType: DATABASE_ID) { databaseId title author { node { name } } }
           c: node(id: "${b64('post:2811')}") { id } d: page(id: "23", idType: DATABASE_ID) { databaseId title } }`,
  mine: '{ user(id: "3", idType: DATABASE_ID) { posts(first: 10, where: { stati: [DRAFT, PUBLISH] }) { nodes { databaseId status } } } }',
} as const;
type QueryName = keyof typeof QUERIES;

let demo: DemoSite;
let cached: TestGateway;
let truthGateway: TestGateway;
const truth = new Map<string, string>();

/** What a test compares: data and error codes (messages may name the request's own path). */
const fingerprint = (answer: Answer) =>
  JSON.stringify({ status: answer.status, data: answer.data, errors: answer.errors?.map((e) => [e.path, e.extensions?.code]) });

beforeAll(async () => {
  demo = await createDemoSite({ content });
  [cached, truthGateway] = await Promise.all([
    startTestGateway({ wordpressUrl: demo.url }),
    startTestGateway({ wordpressUrl: demo.url, config: NO_CACHES }),
  ]);
  for (const viewer of Object.keys(VIEWERS) as Viewer[]) {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      truth.set(`${viewer}:${name}`, fingerprint(await truthGateway.query(QUERIES[name], undefined, VIEWERS[viewer])));
    }
  }
});

afterAll(async () => {
  await Promise.all([cached?.close(), truthGateway?.close()]);
  await demo?.close();
});

describe('viewer isolation', () => {
  it('each viewer’s answers differ from the others’ (so a leak would show)', () => {
    for (const name of ['viewer', 'drafts', 'byId'] as QueryName[]) {
      const answers = new Set((Object.keys(VIEWERS) as Viewer[]).map((v) => truth.get(`${v}:${name}`)));
      expect(answers.size, name).toBe(3);
    }
    expect(truth.get('editor:byId')).toContain('2810');
    expect(truth.get('author:byId')).not.toContain('2810');
    expect(truth.get('anonymous:byId')).not.toContain('2801');
  });

  it('interleaved and concurrent, through the caches, every viewer gets exactly their own answers', async () => {
    const random = seeded(5);
    const jobs = random.shuffle(
      Array.from({ length: 12 }, () =>
        (Object.keys(VIEWERS) as Viewer[]).flatMap((viewer) => (Object.keys(QUERIES) as QueryName[]).map((name) => ({ viewer, name }))),
      ).flat(),
    );
    const mismatches: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { viewer, name } = jobs[next++]!;
        const got = fingerprint(await cached.query(QUERIES[name], undefined, VIEWERS[viewer]));
        if (got !== truth.get(`${viewer}:${name}`)) mismatches.push(`${viewer} ${name}: ${got.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(jobs).toHaveLength(144);
    expect(mismatches).toEqual([]);
  });

  it('one batched HTTP request per viewer: loaders of one request never serve another', async () => {
    const batch = (Object.keys(QUERIES) as QueryName[]).map((name) => ({ query: QUERIES[name] }));
    const answers = await Promise.all(
      (Object.keys(VIEWERS) as Viewer[]).map(async (viewer) => {
        const response = await fetch(`${cached.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...VIEWERS[viewer] },
          body: JSON.stringify(batch),
        });
        return { viewer, results: (await response.json()) as { data?: unknown; errors?: Answer['errors'] }[] };
      }),
    );
    for (const { viewer, results } of answers) {
      (Object.keys(QUERIES) as QueryName[]).forEach((name, i) => {
        const result = results[i]!;
        const got = fingerprint({
          status: 200,
          data: result.data as Answer['data'],
          errors: result.errors,
          headers: new Headers(),
          text: '',
        });
        expect(got, `${viewer} ${name}`).toBe(truth.get(`${viewer}:${name}`));
      });
    }
  });
});
