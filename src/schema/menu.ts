import type { GraphQLEnumType, GraphQLSchema } from 'graphql';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { databaseIdFromId, fromGlobalId } from '../models/global-id.ts';
import {
  enumSafeName,
  filterMenuItems,
  filterMenus,
  type MenuItemModel,
  type MenuItemWhere,
  type MenuModel,
  type MenuWhere,
} from '../models/menu.ts';
import {
  type ConnectionArgs,
  defineConnection,
  defineOneToOneEdge,
  EdgeInterface,
  type EdgeShape,
  OneToOneConnection,
  oneToOne,
  paginationArgs,
  sliceConnection,
} from './connections.ts';
import { referenceEnum, referenceInput } from './inputs.ts';
import { DatabaseIdentifier, MenuItemLinkable, Node } from './interfaces.ts';
import { CategoryRef, PageRef, PostRef, TagRef } from './object-refs.ts';
import { restSources } from './rest-sources.ts';
import { scalarFields } from './scalar-fields.ts';
import { badInput } from './where/args.ts';

/**
 * `Menu`, `MenuItem`, `menus`, `menu(id, idType)`, `menuItems`, `menuItem(id, idType)`: `/wp/v2/menus` and
 * `/wp/v2/menu-items`, read once per request with the configured menu credentials and narrowed to the menus
 * assigned to a theme location, as WPGraphQL shows them to every visitor (src/loaders/menus.ts, src/models/menu.ts).
 * Connections are sliced from that one read: a site's menus are small.
 */

/**
 * WPGraphQL's enum has the site's registered locations. The built-in schema's is a fixed list of common names (see
 * wpgraphql-reference.graphql); a site's schema has the site's own when the service account can read them
 * (./menu-locations.ts, from discovery). A location outside the served enum cannot be asked for by name
 * (`menus(where: { slug })` still finds its menu) and is left out of `locations`.
 */
const MenuLocationEnum = referenceEnum('MenuLocationEnum');
const servedEnums = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The enum values the schema being executed serves (the built-in list, or the site's). */
function servedLocationNames(schema: GraphQLSchema): ReadonlySet<string> {
  let names = servedEnums.get(schema);
  if (!names) {
    names = new Set((schema.getType('MenuLocationEnum') as GraphQLEnumType | undefined)?.getValues().map((v) => v.name) ?? []);
    servedEnums.set(schema, names);
  }
  return names;
}

function servedLocations(locations: string[] | null, schema: GraphQLSchema): string[] | null {
  const served = servedLocationNames(schema);
  const known = locations?.filter((l) => served.has(l)) ?? [];
  return known.length ? known : null;
}

const MenuRef = builder.objectRef<MenuModel>('Menu');
const MenuItemRef = builder.objectRef<MenuItemModel>('MenuItem');

const MENU_ITEM_WHERE = ['id', 'location', 'parentDatabaseId', 'parentId'] as const;

/** A `parentId` where-argument: a global id (`post:12`) or a database id. */
function parentDatabaseId(id: string | number): number | null {
  const parts = typeof id === 'string' ? fromGlobalId(id) : null;
  if (parts && /^\d+$/.test(parts.id)) return Number(parts.id);
  return databaseIdFromId(id);
}

async function menuItemsConnection(
  context: GatewayContext,
  args: ConnectionArgs & { where?: MenuItemWhere | null },
  scope: (items: MenuItemModel[]) => MenuItemModel[] = (items) => items,
) {
  const { menus, items } = await context.loaders.menuSite();
  return sliceConnection(filterMenuItems(scope(items), menus, args.where, parentDatabaseId), args);
}

MenuRef.implement({
  description:
    'Menus are the containers for navigation items. Menus can be assigned to menu locations, which are typically registered by the active theme.',
  interfaces: [DatabaseIdentifier, Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Menu',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources() }),
    ...scalarFields(t, 'Menu', { isRestricted: [], menuId: [], name: [], slug: [] }),
    locations: t.field({
      type: [MenuLocationEnum],
      nullable: { list: true, items: true },
      description: 'The locations a menu is assigned to',
      extensions: restSources(),
      resolve: (menu, _args, _context, info) => servedLocations(menu.locations, info.schema) as never,
    }),
    menuItems: t.field({
      type: defineConnection<MenuItemModel>('MenuToMenuItemConnection', 'MenuItem', MenuItemRef),
      description: 'Connection between the Menu type and the MenuItem type',
      args: paginationArgs(t, referenceInput('MenuToMenuItemConnectionWhereArgs', MENU_ITEM_WHERE)),
      extensions: restSources(),
      resolve: (menu, args, context) =>
        menuItemsConnection(context, args as never, (items) => items.filter((item) => item.menuDatabaseId === menu.databaseId)),
    }),
  }),
});

MenuItemRef.implement({
  description: 'Navigation menu items are the individual items assigned to a menu. These are rendered as the links in a navigation menu.',
  interfaces: [DatabaseIdentifier, Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'MenuItem',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources() }),
    ...scalarFields(t, 'MenuItem', {
      cssClasses: [],
      description: [],
      isRestricted: [],
      label: [],
      linkRelationship: [],
      menuItemId: [],
      order: [],
      parentDatabaseId: [],
      parentId: [],
      path: [],
      target: [],
      title: [],
      uri: [],
      url: [],
    }),
    locations: t.field({
      type: [MenuLocationEnum],
      nullable: { list: true, items: true },
      description: 'The locations the menu item&#039;s Menu is assigned to',
      extensions: restSources(),
      resolve: (item, _args, _context, info) => servedLocations(item.locations, info.schema) as never,
    }),
    menu: t.field({
      type: defineOneToOneEdge<MenuModel>('MenuItemToMenuConnectionEdge', 'Menu', MenuRef),
      description: 'The Menu a MenuItem is part of',
      extensions: restSources(),
      resolve: async (item, _args, context) => {
        const { menus } = await context.loaders.menuSite();
        return oneToOne(menus.find((menu) => menu.databaseId === item.menuDatabaseId));
      },
    }),
    connectedNode: t.field({
      type: MenuItemToMenuItemLinkableConnectionEdge,
      description: 'Connection from MenuItem to it&#039;s connected node',
      extensions: restSources(),
      resolve: async (item, _args, context) => oneToOne(await connectedNode(context, item)),
    }),
    connectedObject: t.field({
      type: MenuItemObjectUnion,
      description: 'The object connected to this menu item.',
      deprecationReason: 'Deprecated in favor of the connectedNode field',
      extensions: restSources(),
      resolve: (item, _args, context) => connectedNode(context, item) as never,
    }),
    childItems: t.field({
      type: defineConnection<MenuItemModel>('MenuItemToMenuItemConnection', 'MenuItem', MenuItemRef),
      description: 'Connection between the MenuItem type and the MenuItem type',
      args: paginationArgs(t, referenceInput('MenuItemToMenuItemConnectionWhereArgs', MENU_ITEM_WHERE)),
      extensions: restSources(),
      resolve: (item, args, context) =>
        menuItemsConnection(context, args as never, (items) => items.filter((child) => child.parentDatabaseId === item.databaseId)),
    }),
  }),
});

/** The collection of what a menu item links to: posts, pages, categories and tags; null for custom links and others. */
function linkedCollection(item: MenuItemModel): 'posts' | 'pages' | 'categories' | 'tags' | null {
  if (item._type === 'post_type') return item._object === 'post' ? 'posts' : item._object === 'page' ? 'pages' : null;
  if (item._type === 'taxonomy') return item._object === 'category' ? 'categories' : item._object === 'post_tag' ? 'tags' : null;
  return null;
}

/**
 * `connectedNode` (Type/ObjectType/MenuItem.php): the post, page or term the item links to (`object`, `object_id`),
 * loaded for this viewer — null when WordPress does not show it to them, and for custom links.
 */
async function connectedNode(context: GatewayContext, item: MenuItemModel): Promise<unknown> {
  const collection = linkedCollection(item);
  if (!collection || item._objectId === null) return null;
  return context.loaders.load(collection, item._objectId);
}

// WPGraphQL has the edge interface of MenuItemLinkable but no connection or page-info interfaces for it, which
// defineOneToOneEdge would declare: the edge is built here.
const MenuItemLinkableConnectionEdge = builder.interfaceRef<EdgeShape<unknown>>('MenuItemLinkableConnectionEdge').implement({
  description: 'Edge between a node and a connected MenuItemLinkable',
  interfaces: [EdgeInterface],
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: MenuItemLinkable, nullable: false, resolve: (e) => e.node as never }),
  }),
});

const MenuItemToMenuItemLinkableConnectionEdge = builder
  .objectRef<EdgeShape<unknown>>('MenuItemToMenuItemLinkableConnectionEdge')
  .implement({
    description: 'Connection between the MenuItem type and the MenuItemLinkable type',
    interfaces: [EdgeInterface, MenuItemLinkableConnectionEdge, OneToOneConnection],
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque reference to the nodes position in the connection.' }),
      node: t.field({
        type: MenuItemLinkable,
        nullable: false,
        description: 'The node of the connection',
        resolve: (e) => e.node as never,
      }),
    }),
  });

const MenuItemObjectUnion = builder.unionType('MenuItemObjectUnion', {
  description: 'Deprecated in favor of MenuItemLinkeable Interface',
  types: [CategoryRef, PageRef, PostRef, TagRef],
  resolveType: (value) => (value as { __typename: string }).__typename as never,
});

/** `menu(id, idType)`: by global id (`term:<id>`), database id, location, name or slug; only public menus. */
async function menuByArgs(context: GatewayContext, id: string, idType: string | null | undefined): Promise<MenuModel | null> {
  const { menus } = await context.loaders.menuSite();
  switch (idType ?? 'ID') {
    case 'DATABASE_ID': {
      const databaseId = databaseIdFromId(id);
      return menus.find((m) => m.databaseId === databaseId) ?? null;
    }
    case 'LOCATION':
      // WPGraphQL reads `get_nav_menu_locations()[ $id ]`: the location as WordPress names it (`primary`).
      return menus.find((m) => m._locations.includes(id) || m.locations?.includes(enumSafeName(id))) ?? null;
    case 'NAME':
      return menus.find((m) => m.name === id) ?? null;
    case 'SLUG':
      return menus.find((m) => m.slug === id) ?? null;
    default: {
      const parts = fromGlobalId(id);
      if (!parts || !/^\d+$/.test(parts.id)) throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}`, 'id');
      return menus.find((m) => m.databaseId === Number(parts.id)) ?? null;
    }
  }
}

builder.queryFields((t) => ({
  menus: t.field({
    type: defineConnection<MenuModel>('RootQueryToMenuConnection', 'Menu', MenuRef),
    description: 'Connection between the RootQuery type and the Menu type',
    args: paginationArgs(t, referenceInput('RootQueryToMenuConnectionWhereArgs', ['id', 'location', 'slug'])),
    resolve: async (_root, args, context) => {
      const { menus } = await context.loaders.menuSite();
      return sliceConnection(filterMenus(menus, args.where as MenuWhere | null), args as ConnectionArgs);
    },
  }),
  menu: t.field({
    type: MenuRef,
    description: 'A WordPress navigation menu',
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the menu.' }),
      idType: t.arg({
        type: referenceEnum('MenuNodeIdTypeEnum'),
        description: 'Type of unique identifier to fetch a menu by. Default is Global ID',
      }),
    },
    resolve: (_root, args, context) => menuByArgs(context, String(args.id), args.idType),
  }),
  menuItems: t.field({
    type: defineConnection<MenuItemModel>('RootQueryToMenuItemConnection', 'MenuItem', MenuItemRef),
    description: 'Connection between the RootQuery type and the MenuItem type',
    args: paginationArgs(t, referenceInput('RootQueryToMenuItemConnectionWhereArgs', MENU_ITEM_WHERE)),
    resolve: (_root, args, context) => menuItemsConnection(context, args as never),
  }),
  menuItem: t.field({
    type: MenuItemRef,
    description: 'A WordPress navigation menu item',
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the menu item.' }),
      idType: t.arg({
        type: referenceEnum('MenuItemNodeIdTypeEnum'),
        description: 'Type of unique identifier to fetch a menu item by. Default is Global ID',
      }),
    },
    resolve: async (_root, args, context) => {
      const { items } = await context.loaders.menuSite();
      const id = String(args.id);
      const databaseId = args.idType === 'DATABASE_ID' ? databaseIdFromId(id) : parentDatabaseId(id);
      if (databaseId === null) throw badInput(`\`id\` is not a valid id: ${JSON.stringify(id)}`, 'id');
      return items.find((item) => item.databaseId === databaseId) ?? null;
    },
  }),
}));
