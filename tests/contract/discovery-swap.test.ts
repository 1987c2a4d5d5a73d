import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { DiscoveredCollection, SiteDiscovery } from '../../src/discovery/types.ts';
import { type RunningGateway, startGateway } from '../../src/server.ts';

// The schema swap (src/discovery/live-schema.ts): a rediscovery that finds a new type serves it, with every old
// query still answered; one that fails keeps the last good schema and makes /ready say degraded. The site's
// discovery is replaced by a function the test controls (GatewayHooks.discover); querying discovered records is
// tests/wordpress/gateway-discovery.test.ts's job, on the real site.

const entry = (kind: DiscoveredCollection['kind'], slug: string, restBase: string): DiscoveredCollection => ({
  kind,
  slug,
  label: slug,
  restBase,
  restNamespace: 'wp/v2',
  hierarchical: slug === 'page' || slug === 'category',
  related: [],
  described: true,
  fields: ['id', 'title', 'content', 'author'],
  meta: [],
  skippedMeta: [],
  seo: false,
  seoHead: false,
});

const BUILT_IN: SiteDiscovery = {
  namespaces: ['wp/v2'],
  postTypes: [entry('postType', 'post', 'posts'), entry('postType', 'page', 'pages')],
  taxonomies: [entry('taxonomy', 'category', 'categories'), entry('taxonomy', 'post_tag', 'tags')],
};
const WITH_EVENTS: SiteDiscovery = { ...BUILT_IN, postTypes: [...BUILT_IN.postTypes, entry('postType', 'event', 'events')] };

describe('rediscovery swaps the schema whole', () => {
  let demo: DemoSite | undefined;
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    await demo?.close();
  });

  it('a new type after refresh(); failure keeps the last schema and /ready degraded; success clears it', async () => {
    demo = await createDemoSite();
    let next: () => Promise<SiteDiscovery> = async () => BUILT_IN;
    gateway = await startGateway(
      { ...loadConfig({}, {}), logLevel: 'silent', wordpressUrl: demo.url, port: 0 },
      { discover: () => next() },
    );
    const url = gateway.url;
    const query = async (q: string) =>
      (await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: q }),
        })
      ).json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    const ready = async () =>
      (await (await fetch(`${url}/ready`)).json()) as { degraded: boolean; discovery: { state: string; error?: string } };
    const OLD = '{ posts(first: 2) { nodes { title } } }';
    const NEW = '{ __type(name: "Event") { name fields { name } } events { nodes { title } } }';

    expect((await ready()).discovery.state).toBe('ok');
    expect((await query(OLD)).data).toBeDefined();
    expect((await query(NEW)).errors?.[0]?.message).toMatch(/events/);

    next = async () => WITH_EVENTS;
    expect(await gateway.live!.refresh()).toBe(true);
    const introspected = await query('{ __type(name: "Event") { name fields { name } } }');
    expect(introspected.data).toMatchObject({ __type: { name: 'Event' } });
    expect((await query('{ __type(name: "RootQuery") { fields { name } } }')).data).toMatchObject({
      __type: { fields: expect.arrayContaining([{ name: 'event' }, { name: 'events' }]) },
    });
    expect((await query(OLD)).data).toBeDefined();
    expect((await ready()).degraded).toBe(false);

    next = async () => {
      throw new Error('WordPress is down');
    };
    expect(await gateway.live!.refresh()).toBe(false);
    const degraded = await ready();
    expect(degraded.degraded).toBe(true);
    expect(degraded.discovery).toMatchObject({ state: 'degraded', error: 'WordPress is down' });
    // The last good schema: Event still served, old queries too.
    expect((await query('{ __type(name: "Event") { name } }')).data).toEqual({ __type: { name: 'Event' } });
    expect((await query(OLD)).data).toBeDefined();

    next = async () => BUILT_IN;
    expect(await gateway.live!.refresh()).toBe(true);
    expect((await ready()).degraded).toBe(false);
    expect((await query('{ __type(name: "Event") { name } }')).data).toEqual({ __type: null });
  });

  it('a failed discovery at start-up serves the built-in schema, marked degraded', async () => {
    demo = await createDemoSite();
    gateway = await startGateway(
      { ...loadConfig({}, {}), logLevel: 'silent', wordpressUrl: demo.url, port: 0 },
      {
        discover: async () => {
          throw new Error('types route refused');
        },
      },
    );
    const answer = await fetch(`${gateway.url}/ready`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ degraded: true, discovery: { state: 'degraded', error: 'types route refused' } });
  });
});
