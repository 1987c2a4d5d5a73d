import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledContent } from '../../demo/rest/site.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * Reference collections (#11): categories, tags and users held whole in the entity cache, loaded in the
 * background at start-up, so a page view asks WordPress for its posts and media only.
 */
const HOME = readFileSync(new URL('../operations/home-page.graphql', import.meta.url), 'utf8');

const route = (request: string) => request.split('?')[0]!.replace('GET ', '');

/** Waits until the demo site has answered `count` requests to each of `routes` (the background load). */
async function loaded(h: Harness, routes: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const requests = h.upstream();
    // Discovery's OPTIONS of /wp/v2/users (its registered meta) is not the load.
    if (routes.every((r) => requests.some((request) => route(request) === r && !request.includes('_method=OPTIONS')))) return requests;
    if (Date.now() > deadline) throw new Error(`background load not seen; requests: ${JSON.stringify(requests)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A request of the load, not of start-up's discovery (the REST index, `/types`, `/taxonomies`, OPTIONS schemas). */
const isLoad = (request: string) => /^\/wp\/v2\/(categories|tags|users)$/.test(route(request)) && !request.includes('_method=OPTIONS');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('reference collections', () => {
  it('are loaded once at start-up, one page each, with every field the schema reads, and the home query then asks only for posts and media', async () => {
    h = await startHarness({ referenceCollectionsMax: 500, cacheTtlMs: 0 }, { keepStartRequests: true });
    const load = (await loaded(h, ['/wp/v2/categories', '/wp/v2/tags', '/wp/v2/users'])).filter(isLoad);
    // Exactly one request per collection (each holds fewer than 100 records), ordered by id, `_fields` being the
    // union of what every GraphQL field of the type reads (src/loaders/field-plan.ts fieldsOfCollection).
    expect([...load].sort()).toEqual([
      'GET /wp/v2/categories?_fields=count,description,id,link,name,parent,slug,taxonomy&order=asc&orderby=id&page=1&per_page=100',
      'GET /wp/v2/tags?_fields=count,description,id,link,name,slug,taxonomy&order=asc&orderby=id&page=1&per_page=100',
      'GET /wp/v2/users?_fields=avatar_urls,description,id,link,name,slug,url&order=asc&orderby=id&page=1&per_page=100',
    ]);

    h.demo.resetRequests();
    const answer = await h.query<{ posts: { nodes: { author: unknown; categories: { nodes: unknown[] }; tags: { nodes: unknown[] } }[] } }>(
      HOME,
      {
        first: 10,
      },
    );
    expect(answer.errors).toBeUndefined();
    const posts = answer.data!.posts.nodes;
    expect(posts.every((p) => p.author !== null)).toBe(true);
    expect(posts.some((p) => p.categories.nodes.length > 0 && p.tags.nodes.length > 0)).toBe(true);
    // One round trip fewer in kind: the second level asks only for the featured images.
    expect(h.upstream().map(route).sort()).toEqual(['/wp/v2/media', '/wp/v2/posts']);
  });

  it('leave a collection larger than reference-collections-max to per-request loading', async () => {
    // The demo site has 19 categories, 25 tags and fewer users with posts: a bound of 20 holds categories and
    // users, not tags.
    h = await startHarness({ referenceCollectionsMax: 20, cacheTtlMs: 0 }, { keepStartRequests: true });
    const load = (await loaded(h, ['/wp/v2/categories', '/wp/v2/tags', '/wp/v2/users'])).filter(isLoad);
    expect(load.map(route).sort()).toEqual(['/wp/v2/categories', '/wp/v2/tags', '/wp/v2/users']);

    h.demo.resetRequests();
    const answer = await h.query(HOME, { first: 10 });
    expect(answer.errors).toBeUndefined();
    expect(h.upstream().map(route).sort()).toEqual(['/wp/v2/media', '/wp/v2/posts', '/wp/v2/tags']);
  });

  it('serve only anonymous requests: a signed-in viewer still asks WordPress for the records', async () => {
    h = await startHarness({ referenceCollectionsMax: 500, cacheTtlMs: 0 }, { keepStartRequests: true });
    await loaded(h, ['/wp/v2/categories', '/wp/v2/tags', '/wp/v2/users']);
    h.demo.resetRequests();
    const editor = loadBundledContent().credentials[0]!;
    const authorization = `Basic ${Buffer.from(`${editor.username}:${editor.application_password}`).toString('base64')}`;
    const answer = await h.query(HOME, { first: 10 }, { authorization });
    expect(answer.errors).toBeUndefined();
    expect(h.upstream().map(route).sort()).toEqual(['/wp/v2/categories', '/wp/v2/media', '/wp/v2/posts', '/wp/v2/tags', '/wp/v2/users']);
  });

  it('are not loaded when the entity cache is off or the bound is 0', async () => {
    for (const overrides of [{ referenceCollectionsMax: 500, entityCacheTtlMs: 0 }, { referenceCollectionsMax: 0 }]) {
      h = await startHarness(overrides);
      await h.query('{ generalSettings { title } }');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.upstream().filter((r) => /\/wp\/v2\/(categories|tags|users)\b/.test(r))).toEqual([]);
      await h.close();
      h = undefined;
    }
  });
});
