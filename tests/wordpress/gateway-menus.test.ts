import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { authHeaders, rest, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Menus (seed 2-menus, docs/compatibility.md#menus): WordPress 6.1's REST API shows them only to users who can edit
// posts, WPGraphQL to everyone for the menus assigned to a theme location. The gateway reads them with
// the service account, SERVICE_CREDENTIALS (its former name MENUS_CREDENTIALS still works; else the viewer's own),
// and serves the located menus only, to every viewer alike; an anonymous viewer without one gets none (and start-up
// warns: tests/unit/service-account.test.ts).

const wp = wordpressTarget();
const MENUS = `{ menus(first: 100) { nodes { databaseId name locations menuItems(first: 100) { nodes { databaseId parentDatabaseId } } } } }`;
const ITEMS = `query($location: MenuLocationEnum) { menuItems(first: 100, where: { location: $location }) { nodes { databaseId order label uri } } }`;

describe.runIf(wp.seeded && wp.auth !== null)('menus', () => {
  let gw: WordPressGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });
  const credentials = () => `${wp.auth!.user}:${wp.auth!.appPassword}`;

  it('REST: menus need credentials; the editor sees every menu, the unassigned one too', async () => {
    const anonymous = await rest(wp, '/wp/v2/menus', {});
    expect(anonymous.status).toBe(401);
    const editor = await rest(wp, '/wp/v2/menus', { _fields: 'id,locations' }, wp.auth!);
    expect(editor.body.map((m: { id: number }) => m.id).sort()).toEqual([SEED.menus.main, SEED.menus.footer, SEED.menus.unassigned]);
  });

  it('with SERVICE_CREDENTIALS, an anonymous viewer gets the located menus only, in 2 requests', async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: credentials() });
    gw.resetUpstream();
    const { menus } = await gw.data(MENUS);
    expect(menus.nodes.map((m: { databaseId: number }) => m.databaseId)).toEqual([SEED.menus.footer, SEED.menus.main]);
    expect(menus.nodes[1].locations).toEqual(['PRIMARY', 'PRIMARY_MENU']);
    expect(menus.nodes[1].menuItems.nodes.map((i: { databaseId: number }) => i.databaseId)).toEqual([
      4000, 4001, 4002, 4003, 4004, 4005, 4006,
    ]);
    expect(gw.upstream.map((r) => r.route).sort()).toEqual(['/wp/v2/menu-items', '/wp/v2/menus']);
    const all = await gw.data(ITEMS, {});
    expect(all.menuItems.nodes.map((i: { databaseId: number }) => i.databaseId)).not.toContain(SEED.menuItems.unassigned);
    const social = await gw.data(ITEMS, { location: 'SOCIAL' });
    expect(social.menuItems.nodes).toEqual([]);
    const footer = await gw.data(ITEMS, { location: 'FOOTER' });
    expect(footer.menuItems.nodes).toEqual([
      { databaseId: SEED.menuItems.contact, order: 1, label: 'Contact', uri: '/contact/' },
      { databaseId: SEED.menuItems.privacy, order: 2, label: 'Privacy', uri: '/privacy/' },
    ]);
  });

  it('without SERVICE_CREDENTIALS: an anonymous viewer gets no menus and WordPress is not asked; a signed-in editor her own read, narrowed the same way', async () => {
    gw = await startWordPressGateway(wp);
    gw.resetUpstream();
    const anonymous = await gw.query(MENUS);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.menus.nodes).toEqual([]);
    expect(gw.upstream.filter((r) => r.route.startsWith('/wp/v2/menu'))).toEqual([]);
    const editor = await gw.data(MENUS, {}, authHeaders(wp));
    expect(editor.menus.nodes.map((m: { databaseId: number }) => m.databaseId)).toEqual([SEED.menus.footer, SEED.menus.main]);
  });

  it('menu(id, idType) and menuItem(id, idType): located menus only (read with the former name, MENUS_CREDENTIALS)', async () => {
    gw = await startWordPressGateway(wp, { menusCredentials: `Basic ${Buffer.from(credentials()).toString('base64')}` });
    const q = `query($id: ID!, $idType: MenuNodeIdTypeEnum) { menu(id: $id, idType: $idType) { databaseId slug } }`;
    expect((await gw.data(q, { id: 'primary', idType: 'LOCATION' })).menu).toEqual({ databaseId: SEED.menus.main, slug: 'main-menu' });
    expect((await gw.data(q, { id: 'footer-menu', idType: 'SLUG' })).menu).toEqual({ databaseId: SEED.menus.footer, slug: 'footer-menu' });
    expect((await gw.data(q, { id: String(SEED.menus.unassigned), idType: 'DATABASE_ID' })).menu).toBeNull();
    const item = `query($id: ID!) { menuItem(id: $id, idType: DATABASE_ID) { databaseId parentId } }`;
    expect((await gw.data(item, { id: String(SEED.menuItems.team) })).menuItem).toEqual({
      databaseId: SEED.menuItems.team,
      parentId: Buffer.from(`post:${SEED.menuItems.about}`).toString('base64'),
    });
    expect((await gw.data(item, { id: String(SEED.menuItems.unassigned) })).menuItem).toBeNull();
    const linked = await gw.data(
      `{ menuItems(first: 100, where: { location: PRIMARY }) { nodes { databaseId connectedNode { node { __typename databaseId uri } } connectedObject { __typename } } } }`,
    );
    const byId = new Map(linked.menuItems.nodes.map((n: { databaseId: number }) => [n.databaseId, n]));
    expect(byId.get(SEED.menuItems.home)).toMatchObject({ connectedNode: null, connectedObject: null });
    expect(byId.get(SEED.menuItems.about)).toMatchObject({
      connectedNode: { node: { __typename: 'Page', databaseId: SEED.pages.about, uri: '/about/' } },
      connectedObject: { __typename: 'Page' },
    });
    expect(byId.get(SEED.menuItems.news)).toMatchObject({
      connectedNode: { node: { __typename: 'Category', databaseId: SEED.categories.news } },
    });
    expect(byId.get(SEED.menuItems.graphqlTag)).toMatchObject({
      connectedNode: { node: { __typename: 'Tag', databaseId: SEED.tags.graphql } },
    });
    expect(byId.get(SEED.menuItems.post101)).toMatchObject({ connectedNode: { node: { __typename: 'Post', databaseId: 101 } } });
  });
});
