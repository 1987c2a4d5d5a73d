import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledContent } from '../../demo/rest/site.ts';
import { type Harness, startHarness } from './harness.ts';

// The demo site serves the custom types of the test WordPress's discovery fixtures (issue #13: book, chapter,
// genre, registered meta, Yoast's yoast_head_json and yoast_head). Discovered types batch like posts: one request
// per REST collection per level, with exactly the `_fields` the selection needs (Yoast's fields only under `seo`).

interface BookNode {
  databaseId: number;
  author: { node: { databaseId: number } };
  genres: { nodes: { databaseId: number }[] };
  meta: Record<string, unknown>;
  seo: { title: string; fullHead: string };
}

const content = loadBundledContent();
const published = content.books.filter((b) => b.status === 'publish');

/** `GET /wp/v2/books?…` → the route and its `_fields`, the rest of the query left aside. */
const shape = (line: string) => {
  const [method, target] = line.split(' ') as [string, string];
  const url = new URL(target, 'http://x');
  return { method, route: url.pathname.replace(/^\/wp-json/, ''), fields: url.searchParams.get('_fields'), query: url.searchParams };
};

describe('discovered types over the demo site', () => {
  let h: Harness;
  beforeAll(async () => {
    // Caches off: every request reaches the site.
    h = await startHarness({ cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('books with author, genres, meta and seo: one request per collection per level, exact _fields', async () => {
    h.demo.resetRequests();
    const { data, errors } = await h.query<{ books: { nodes: BookNode[] } }>(`{
      books(first: 10) {
        nodes {
          databaseId title
          author { node { databaseId name } }
          genres { nodes { databaseId name } }
          meta { isbn page_count rating in_print editions dimensions { width height } }
          seo { title canonical fullHead }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const nodes = data!.books.nodes;
    expect(nodes.map((n) => n.databaseId).sort()).toEqual(published.map((b) => b.id).sort());
    for (const node of nodes) {
      const record = published.find((b) => b.id === node.databaseId)!;
      expect(node.meta).toEqual(record.meta);
      expect(node.author.node.databaseId).toBe(record.author);
      expect(node.genres.nodes.map((g) => g.databaseId).sort()).toEqual([...(record.genres ?? [])].sort());
      expect(node.seo.title).toBe(record.yoast_head_json.title);
      expect(node.seo.fullHead).toContain('<link rel="canonical" href="http://127.0.0.1:');
    }
    const sent = h.upstream().map(shape);
    expect(sent.map((r) => `${r.method} ${r.route} ${r.fields}`).sort()).toEqual([
      'GET /wp/v2/books author,content.protected,genres,id,meta,title,yoast_head,yoast_head_json',
      'GET /wp/v2/genres id,name',
      'GET /wp/v2/users id,name',
    ]);
    // The second level is batched by include: every author and every genre of the page in one request each.
    const users = sent.find((r) => r.route === '/wp/v2/users')!;
    expect(users.query.get('include')!.split(',').sort()).toEqual([...new Set(published.map((b) => String(b.author)))].sort());
    const genres = sent.find((r) => r.route === '/wp/v2/genres')!;
    expect(genres.query.get('include')!.split(',').sort()).toEqual(
      [...new Set(published.flatMap((b) => (b.genres ?? []).map(String)))].sort(),
    );
  });

  it('without seo, neither yoast_head_json nor yoast_head is asked for', async () => {
    h.demo.resetRequests();
    const { errors } = await h.query('{ books(first: 10) { nodes { databaseId meta { isbn } genres { nodes { name } } } } }');
    expect(errors).toBeUndefined();
    const sent = h.upstream().map(shape);
    expect(sent.map((r) => `${r.method} ${r.route} ${r.fields}`).sort()).toEqual([
      'GET /wp/v2/books genres,id,meta',
      'GET /wp/v2/genres id,name',
    ]);
  });
});
