import { GraphQLError } from 'graphql';
import { type MenuItemModel, type MenuModel, publicMenus, sortMenuItems, toMenuItemModel, toMenuModel } from '../models/menu.ts';
import type { SiteContext } from '../models/site.ts';
import type { RestQuery } from '../wordpress/client.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestMenu, RestMenuItem } from '../wordpress/rest-types.ts';
import { MAX_PER_PAGE, type UpstreamRequestScope } from './records.ts';

/** The site's public menus and their items, in WPGraphQL's orders (menus by name, items by `menu_order`). */
export interface MenuSite {
  menus: MenuModel[];
  items: MenuItemModel[];
}

/** How many pages of menus or of menu items are read at most (100 each): a site's menus are small. */
const MAX_PAGES = 10;

const ITEM_FIELDS = [
  'id',
  'title',
  'url',
  'attr_title',
  'description',
  'type',
  'object',
  'object_id',
  'parent',
  'menu_order',
  'target',
  'classes',
  'xfn',
  'menus',
].join(',');

async function readAll<T>(scope: UpstreamRequestScope, route: string, query: RestQuery, authorization: string | undefined): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await scope.client.get<T[]>(route, { ...query, per_page: MAX_PER_PAGE, page }, { authorization });
    all.push(...answer.data);
    if (answer.data.length < MAX_PER_PAGE || page >= (answer.totalPages ?? 1)) break;
  }
  return all;
}

/**
 * Every public menu and its items, read once per request: `/wp/v2/menus` (all menus, with their `locations`), then
 * `/wp/v2/menu-items?menus=<located ids>` — two requests however many menu fields the operation has.
 *
 * WordPress 6.1 answers these routes only to users who can edit posts, so they are read with `serviceAuthorization`
 * (the service account, `SERVICE_CREDENTIALS`) when set, else with the viewer's own. Either way only the
 * menus assigned to a theme location are kept ({@link publicMenus}): what WPGraphQL shows every visitor, so the
 * answer may be cached and shared like any anonymous one. Without either (an anonymous viewer, no SERVICE_CREDENTIALS)
 * there are no menus and WordPress is not asked. A WordPress without the routes (before 5.9) has
 * no menus; one that refuses the credentials is a FORBIDDEN error saying what to configure.
 */
export async function loadMenuSite(
  scope: UpstreamRequestScope,
  site: SiteContext,
  serviceAuthorization: string | undefined,
): Promise<MenuSite> {
  const authorization = serviceAuthorization ?? scope.authorization;
  // Anonymous, and no service credentials: WordPress would refuse (401), so it is not asked. Menus are empty, as
  // the issue (#12) and the start-up warning (src/server.ts) and `check` say; not an error, so a front end's page
  // still renders without its menu.
  if (authorization === undefined) return { menus: [], items: [] };
  try {
    const menus = publicMenus(
      (await readAll<RestMenu>(scope, '/wp/v2/menus', { _fields: 'id,name,slug,locations' }, authorization)).map(toMenuModel),
    );
    if (menus.length === 0) return { menus, items: [] };
    const byId = new Map(menus.map((menu) => [menu.databaseId, menu]));
    const records = await readAll<RestMenuItem>(
      scope,
      '/wp/v2/menu-items',
      { menus: menus.map((m) => m.databaseId), orderby: 'menu_order', order: 'asc', _fields: ITEM_FIELDS },
      authorization,
    );
    const items = records
      .filter((record) => typeof record.menus === 'number' && byId.has(record.menus))
      .map((record) => toMenuItemModel(record, site, byId.get(record.menus as number) ?? null));
    return { menus, items: sortMenuItems(items) };
  } catch (error) {
    if (error instanceof WordPressError && error.code === 'NOT_FOUND' && error.wpCode === 'rest_no_route') return { menus: [], items: [] };
    if (error instanceof WordPressError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
      throw new GraphQLError(
        'WordPress shows menus through its REST API only to users who can edit posts: set SERVICE_CREDENTIALS ' +
          '(--service-credentials) to such a user’s application password; the gateway serves only menus assigned to a theme location.',
        { extensions: { code: 'FORBIDDEN' } },
      );
    }
    throw error;
  }
}
