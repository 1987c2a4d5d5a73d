/**
 * `Menu` and `MenuItem` from `/wp/v2/menus` and `/wp/v2/menu-items` records. Rules: plugins/wp-graphql/src/Model/Menu.php,
 * Model/MenuItem.php, Data/Connection/MenuConnectionResolver.php, MenuItemConnectionResolver.php,
 * Type/WPEnumType.php (`get_safe_name`).
 *
 * Visibility: WPGraphQL makes a menu, and each of its items, public when the menu is assigned to a theme location
 * (`get_nav_menu_locations()`), and private otherwise unless the viewer can `edit_theme_options`. REST shows
 * menus only to users who can edit posts (WordPress 6.1 `check_has_read_only_access()`), every menu with its
 * `locations`; {@link publicMenus} keeps the located ones, so what the gateway serves is what WPGraphQL shows
 * every visitor, whoever's credentials read it.
 */
import type { RestMenu, RestMenuItem } from '../wordpress/rest-types.ts';
import { toGlobalId } from './global-id.ts';
import { phpHtmlEntityDecode } from './html.ts';
import { nonEmptyString, phpEmpty, phpUrldecode } from './php.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/**
 * `WPEnumType::get_safe_name()`: `graphql_format_name( $value, '_' )` (every run of characters other than
 * letters, digits and `_` becomes `_`), upper-cased, `_`-prefixed when it would start with a digit.
 */
export function enumSafeName(value: string): string {
  const formatted = value.replace(/[^A-Za-z0-9_]+/g, '_');
  const upper = (formatted || value).toUpperCase();
  return /^[_A-Za-z]/.test(upper) ? upper : `_${upper}`;
}

/** What WPGraphQL outputs for a `Menu`. */
export interface MenuModel {
  __typename: 'Menu';
  /** Relay::toGlobalId( 'term', term_id ). */
  id: string;
  databaseId: number;
  /** Deprecated `menuId`: the database id. */
  menuId: number;
  /** `name`, `''` → null (not decoded). */
  name: string | null;
  /** `urldecode( slug )`, `''` → null. */
  slug: string | null;
  /** The theme locations the menu is assigned to, as MenuLocationEnum names; null when none. */
  locations: string[] | null;
  isRestricted: false;
  /** The locations as WordPress names them (`primary-menu`), for `where: { location }`. */
  _locations: string[];
}

/** What WPGraphQL outputs for a `MenuItem`. */
export interface MenuItemModel {
  __typename: 'MenuItem';
  /** Relay::toGlobalId( 'post', ID ). */
  id: string;
  databaseId: number;
  /** Deprecated `menuItemId`. */
  menuItemId: number;
  /** `html_entity_decode( title )`, null when empty. */
  label: string | null;
  /** `url`, `''` → null. */
  url: string | null;
  /** `str_ireplace( home_url(), '', url )`; null without a url. */
  uri: string | null;
  /** The url's path when its host is the site's, else the url itself. */
  path: string | null;
  /** `target` (`_blank`), `''` → null. */
  target: string | null;
  /** The title attribute (`attr_title`), `''` → null. */
  title: string | null;
  /** `description`, `''` → null. */
  description: string | null;
  /** `classes`, `[]` when none (or only `''`). */
  cssClasses: string[];
  /** `xfn` (the link's `rel`), `''` → null. */
  linkRelationship: string | null;
  /** `menu_order`. */
  order: number;
  /** `menu_item_parent`: 0 for a top-level item. */
  parentDatabaseId: number;
  /** Relay::toGlobalId( 'post', parent ), null for a top-level item. */
  parentId: string | null;
  /** The locations of the item's menu, as MenuLocationEnum names; null when none. */
  locations: string[] | null;
  isRestricted: false;
  /** The menu's term id. */
  menuDatabaseId: number | null;
  /** What the item links to: `post_type` / `taxonomy` / `custom`, the object (`page`, `category`…) and its id. */
  _type: string | null;
  _object: string | null;
  _objectId: number | null;
}

/** Maps a `/wp/v2/menus` record to {@link MenuModel}. */
export function toMenuModel(record: RestMenu): MenuModel {
  const locations = Array.isArray(record.locations) ? record.locations.filter((l): l is string => typeof l === 'string') : [];
  return {
    __typename: 'Menu',
    id: toGlobalId('term', record.id),
    databaseId: record.id,
    menuId: record.id,
    name: nonEmptyString(record.name),
    slug: phpEmpty(record.slug) ? null : phpUrldecode(record.slug as string),
    locations: locations.length ? locations.map(enumSafeName) : null,
    isRestricted: false,
    _locations: locations,
  };
}

/**
 * PHP `wp_parse_url( $url )['host']` and `['path']`: the host without user info or port; the path up to the query
 * or fragment, absent when the URL has none (`https://example.org`).
 */
function parseHostAndPath(url: string): { host: string | undefined; path: string | undefined } {
  const match = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (!match) {
    const path = /^[^?#]*/.exec(url)?.[0];
    return { host: undefined, path: path || undefined };
  }
  const authority = (match[1] ?? '').replace(/^[^@]*@/, '');
  const host = authority.startsWith('[') ? authority.replace(/\]:\d*$/, ']') : authority.replace(/:\d*$/, '');
  return { host: host || undefined, path: match[2] || undefined };
}

/**
 * `MenuItem.path`: when the url's host appears in `home_url()` after its first character
 * (`strpos( home_url(), $host )`, so always for the site's own host), the url's path (null when it has none);
 * otherwise — another site, a relative link, `#top` — the url as it is.
 */
export function menuItemPath(url: string | null, site: Pick<SiteContext, 'homeUrl'>): string | null {
  if (phpEmpty(url)) return url;
  const { host, path } = parseHostAndPath(url as string);
  if (host !== undefined && site.homeUrl.indexOf(host) > 0) return path ?? null;
  return url;
}

/** Maps a `/wp/v2/menu-items` record to {@link MenuItemModel}; `menu` is the item's menu (for `locations`). */
export function toMenuItemModel(record: RestMenuItem, site: SiteContext, menu: MenuModel | null): MenuItemModel {
  const url = nonEmptyString(record.url);
  const classes = Array.isArray(record.classes) ? record.classes : [];
  const xfn = Array.isArray(record.xfn) ? record.xfn.join(' ') : (record.xfn ?? '');
  const parent = typeof record.parent === 'number' ? record.parent : Number(record.parent ?? 0) || 0;
  const title = record.title?.rendered;
  return {
    __typename: 'MenuItem',
    id: toGlobalId('post', record.id),
    databaseId: record.id,
    menuItemId: record.id,
    // REST prints the title through `the_title` (texturized, `&` as `&#038;`); decoded, it is the stored title.
    label: phpEmpty(title) ? null : phpHtmlEntityDecode(title as string),
    url,
    uri: url === null ? null : uriFromLink(url, site),
    path: menuItemPath(url, site),
    target: nonEmptyString(record.target),
    title: nonEmptyString(record.attr_title),
    description: nonEmptyString(record.description),
    cssClasses: classes.length === 0 || phpEmpty(classes[0]) ? [] : classes,
    linkRelationship: nonEmptyString(xfn),
    order: record.menu_order ?? 0,
    parentDatabaseId: parent,
    parentId: parent ? toGlobalId('post', parent) : null,
    locations: menu?.locations ?? null,
    isRestricted: false,
    menuDatabaseId: typeof record.menus === 'number' ? record.menus : null,
    _type: nonEmptyString(record.type),
    _object: nonEmptyString(record.object),
    _objectId: typeof record.object_id === 'number' && record.object_id > 0 ? record.object_id : null,
  };
}

/** Menus WPGraphQL shows every viewer: those assigned to at least one theme location (Model/Menu.php `is_private`). */
export function publicMenus(menus: readonly MenuModel[]): MenuModel[] {
  return menus.filter((menu) => menu._locations.length > 0);
}

/**
 * The order of `menuItems` connections: `orderby => menu_order`, ascending (MenuItemConnectionResolver), items of
 * the same `menu_order` (from different menus) newest id first, as WPGraphQL's cursor tie-break answers them.
 */
export function sortMenuItems(items: readonly MenuItemModel[]): MenuItemModel[] {
  return [...items].sort((a, b) => a.order - b.order || b.databaseId - a.databaseId);
}

/** `where` of the menu item connections (`RootQueryToMenuItemConnectionWhereArgs` and the others). */
export interface MenuItemWhere {
  id?: number | null;
  /** A MenuLocationEnum name (`PRIMARY_MENU`). */
  location?: string | null;
  parentDatabaseId?: number | null;
  /** A global id or a database id. */
  parentId?: string | number | null;
}

/**
 * MenuItemConnectionResolver's filters over the public items: `location` keeps the items of the menu at that
 * location (none when no menu is there), `parentDatabaseId` / `parentId` the items under that parent (0: top level),
 * `id` one item.
 */
export function filterMenuItems(
  items: readonly MenuItemModel[],
  menus: readonly MenuModel[],
  where: MenuItemWhere | null | undefined,
  parentIdToDatabaseId: (id: string | number) => number | null,
): MenuItemModel[] {
  let out = [...items];
  if (!where) return out;
  if (where.location) {
    const menu = menus.find((m) => m.locations?.includes(where.location as string));
    out = menu ? out.filter((item) => item.menuDatabaseId === menu.databaseId) : [];
  }
  if (where.parentDatabaseId !== undefined && where.parentDatabaseId !== null) {
    out = out.filter((item) => item.parentDatabaseId === where.parentDatabaseId);
  }
  if (where.parentId !== undefined && where.parentId !== null && where.parentId !== '') {
    const parent = parentIdToDatabaseId(where.parentId) ?? 0;
    out = out.filter((item) => item.parentDatabaseId === parent);
  }
  if (where.id) out = out.filter((item) => item.databaseId === where.id);
  return out;
}

/** `where` of `menus`: RootQueryToMenuConnectionWhereArgs. */
export interface MenuWhere {
  id?: number | null;
  location?: string | null;
  slug?: string | null;
}

/** MenuConnectionResolver's filters over the public menus (`location`, `slug`, `id`), in REST's order (by name). */
export function filterMenus(menus: readonly MenuModel[], where: MenuWhere | null | undefined): MenuModel[] {
  let out = [...menus];
  if (!where) return out;
  if (where.location) out = out.filter((m) => m.locations?.includes(where.location as string));
  if (where.slug) out = out.filter((m) => m.slug === where.slug);
  if (where.id) out = out.filter((m) => m.databaseId === where.id);
  return out;
}
