import { describe, expect, it } from 'vitest';
import {
  enumSafeName,
  filterMenuItems,
  filterMenus,
  menuItemPath,
  publicMenus,
  sortMenuItems,
  toMenuItemModel,
  toMenuModel,
} from '../../src/models/menu.ts';
import { createSiteContext } from '../../src/models/site.ts';

// Records as WordPress 6.1 prints them for the seeded test site (tests/wordpress, seed 2-menus).
const site = createSiteContext({ home: 'http://127.0.0.1:37555', url: 'http://127.0.0.1:37555' }, { baseUrl: 'http://127.0.0.1:37555' });
const main = toMenuModel({ id: 26, name: 'Main menu', slug: 'main-menu', locations: ['primary', 'primary-menu'] });
const footer = toMenuModel({ id: 27, name: 'Footer menu', slug: 'footer-menu', locations: ['footer'] });
const unassigned = toMenuModel({ id: 28, name: 'Unassigned menu', slug: 'unassigned-menu', locations: [] });

const item = (id: number, menu: number, order: number, extra: Record<string, unknown> = {}) =>
  toMenuItemModel(
    {
      id,
      title: { rendered: `Item ${id}` },
      url: `http://127.0.0.1:37555/item-${id}/`,
      attr_title: '',
      description: '',
      type: 'custom',
      object: 'custom',
      object_id: id,
      parent: 0,
      menu_order: order,
      target: '',
      classes: [''],
      xfn: [''],
      menus: menu,
      ...extra,
    },
    site,
    [main, footer].find((m) => m.databaseId === menu) ?? null,
  );

describe('MenuLocationEnum names (WPEnumType::get_safe_name)', () => {
  it('upper-cases and turns other characters into _', () => {
    expect(enumSafeName('primary')).toBe('PRIMARY');
    expect(enumSafeName('primary-menu')).toBe('PRIMARY_MENU');
    expect(enumSafeName('menu-1')).toBe('MENU_1');
    expect(enumSafeName('1st')).toBe('_1ST');
  });
});

describe('toMenuModel', () => {
  it("maps a /wp/v2/menus record with WPGraphQL's ids and location names", () => {
    expect(main).toMatchObject({
      __typename: 'Menu',
      id: btoa('term:26'),
      databaseId: 26,
      menuId: 26,
      name: 'Main menu',
      slug: 'main-menu',
      locations: ['PRIMARY', 'PRIMARY_MENU'],
      isRestricted: false,
    });
    expect(unassigned.locations).toBeNull();
    expect(toMenuModel({ id: 5, slug: 'caf%c3%a9' }).slug).toBe('café');
  });

  it('keeps only menus assigned to a location (public in WPGraphQL)', () => {
    expect(publicMenus([footer, main, unassigned]).map((m) => m.databaseId)).toEqual([27, 26]);
  });
});

describe('toMenuItemModel', () => {
  it('maps a page item under a parent: label decoded, uri and path relative, parent ids', () => {
    const team = item(3002, 26, 3, {
      title: { rendered: 'Our team &#038; friends' },
      url: 'http://127.0.0.1:37555/about/team/',
      parent: 3001,
      type: 'post_type',
      object: 'page',
      object_id: 1001,
    });
    expect(team).toMatchObject({
      id: btoa('post:3002'),
      databaseId: 3002,
      label: 'Our team & friends',
      url: 'http://127.0.0.1:37555/about/team/',
      uri: '/about/team/',
      path: '/about/team/',
      parentDatabaseId: 3001,
      parentId: btoa('post:3001'),
      order: 3,
      cssClasses: [],
      target: null,
      title: null,
      description: null,
      linkRelationship: null,
      locations: ['PRIMARY', 'PRIMARY_MENU'],
      menuDatabaseId: 26,
      _object: 'page',
      _objectId: 1001,
    });
  });

  it('top-level items have parentDatabaseId 0 and parentId null; external links keep their url as uri and path', () => {
    const external = item(3006, 26, 7, {
      url: 'https://wordpress.org/',
      target: '_blank',
      xfn: ['external', 'noopener'],
      classes: ['external'],
      attr_title: 'WordPress',
      description: 'Elsewhere',
    });
    expect(external).toMatchObject({
      parentDatabaseId: 0,
      parentId: null,
      uri: 'https://wordpress.org/',
      path: 'https://wordpress.org/',
      target: '_blank',
      linkRelationship: 'external noopener',
      cssClasses: ['external'],
      title: 'WordPress',
      description: 'Elsewhere',
    });
  });

  it("path: the site's own URL without a path is null (PHP parse_url has no path); relative links stay as typed", () => {
    expect(menuItemPath('http://127.0.0.1:37555', site)).toBeNull();
    expect(menuItemPath('http://127.0.0.1:37555/?s=x#top', site)).toBe('/');
    expect(menuItemPath('#top', site)).toBe('#top');
    expect(menuItemPath('/privacy/', site)).toBe('/privacy/');
    expect(menuItemPath(null, site)).toBeNull();
  });
});

describe('menu item connections', () => {
  const items = sortMenuItems([
    item(3000, 26, 1),
    item(3001, 26, 2),
    item(3002, 26, 3, { parent: 3001 }),
    item(3010, 27, 1),
    item(3011, 27, 2),
  ]);
  const menus = [footer, main];
  const byGlobalId = (id: string | number) => (typeof id === 'number' ? id : Number(atob(id).split(':')[1]));

  it('orders by menu_order, equal orders (different menus) highest id first, as WPGraphQL answers', () => {
    expect(items.map((i) => i.databaseId)).toEqual([3010, 3000, 3011, 3001, 3002]);
  });

  it('location: the items of the menu at that location only; none for a location without a menu', () => {
    const ids = (where: Parameters<typeof filterMenuItems>[2]) => filterMenuItems(items, menus, where, byGlobalId).map((i) => i.databaseId);
    expect(ids({ location: 'PRIMARY_MENU' })).toEqual([3000, 3001, 3002]);
    expect(ids({ location: 'FOOTER' })).toEqual([3010, 3011]);
    expect(ids({ location: 'SOCIAL' })).toEqual([]);
    expect(ids({ parentDatabaseId: 0, location: 'PRIMARY' })).toEqual([3000, 3001]);
    expect(ids({ parentId: btoa('post:3001') })).toEqual([3002]);
    expect(ids({ id: 3011 })).toEqual([3011]);
    expect(ids(null)).toEqual([3010, 3000, 3011, 3001, 3002]);
  });

  it('menus: by location, slug and id', () => {
    expect(filterMenus(menus, { location: 'PRIMARY' }).map((m) => m.databaseId)).toEqual([26]);
    expect(filterMenus(menus, { slug: 'footer-menu' }).map((m) => m.databaseId)).toEqual([27]);
    expect(filterMenus(menus, { id: 26 }).map((m) => m.databaseId)).toEqual([26]);
    expect(filterMenus(menus, { location: 'SOCIAL' })).toEqual([]);
  });
});
