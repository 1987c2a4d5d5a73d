/**
 * `/wp/v2/menus`, `/wp/v2/menu-items`, `/wp/v2/menu-locations`: `WP_REST_Menus_Controller`,
 * `WP_REST_Menu_Items_Controller`, `WP_REST_Menu_Locations_Controller` (GET only). WordPress 6.1 answers the first two
 * to users who can edit posts (`check_has_read_only_access()`), the locations to `edit_theme_options` users; anyone
 * else gets `rest_cannot_view` (401 anonymous, 403 signed in). The demo's theme registers `primary`, `footer` and
 * `social`; its menus are built from the site's own pages and categories: a main menu (at `primary`) with a custom
 * home link, pages, a child page and a category; a footer menu (at `footer`); and one at no location, which
 * WPGraphQL (and so the gateway) shows no visitor.
 */
import type { RestLinks } from '../../src/wordpress/rest-types.ts';
import { ids, PAGING_ARGS, paginationHeaders, slicePage } from './common.ts';
import { authCode, WpError } from './errors.ts';
import { requestedFields, shapeRecord, trimObject } from './fields.ts';
import { toInt } from './params.ts';
import type { Site } from './site.ts';
import { ok, type RestRequest, type Route } from './types.ts';

interface DemoMenu {
  id: number;
  name: string;
  slug: string;
  locations: string[];
  /** [item id, what it links to, parent item id (0: top level)] in menu order. */
  items: [number, MenuTarget, number][];
}

type MenuTarget = { custom: string; title: string } | { page: number } | { category: number };

/** The theme's registered locations, in registration order, with their labels. */
const LOCATIONS: [string, string][] = [
  ['primary', 'Primary'],
  ['footer', 'Footer'],
  ['social', 'Social links'],
];

/** Term ids after the bundled terms, item ids after the bundled posts: no collision with real records. */
const MENUS: DemoMenu[] = [
  {
    id: 9001,
    name: 'Main menu',
    slug: 'main-menu',
    locations: ['primary'],
    items: [
      [90001, { custom: '/', title: 'Home' }, 0],
      [90002, { page: 4 }, 0],
      [90003, { page: 7 }, 90002],
      [90004, { page: 15 }, 0],
      [90005, { category: 2 }, 0],
    ],
  },
  {
    id: 9002,
    name: 'Footer menu',
    slug: 'footer-menu',
    locations: ['footer'],
    items: [
      [90011, { page: 21 }, 0],
      [90012, { page: 2 }, 0],
    ],
  },
  { id: 9003, name: 'Drafts of a menu', slug: 'drafts-of-a-menu', locations: [], items: [[90021, { page: 13 }, 0]] },
];

const cannotView = (req: RestRequest, what: string) =>
  new WpError('rest_cannot_view', `Sorry, you are not allowed to view ${what}.`, { status: authCode(req.viewer) });

const canReadMenus = (req: RestRequest) => (req.viewer?.can('edit_posts') || req.viewer?.can('edit_theme_options')) ?? false;

function menuLinks(site: Site, menu: DemoMenu): RestLinks {
  return {
    self: [{ href: site.restUrl(`wp/v2/menus/${menu.id}`) }],
    collection: [{ href: site.restUrl('wp/v2/menus') }],
    about: [{ href: site.restUrl('wp/v2/taxonomies/nav_menu') }],
    'wp:post_type': [{ href: `${site.restUrl('wp/v2/menu-items')}?menus=${menu.id}` }],
    ...(menu.locations.length
      ? { 'wp:menu-location': menu.locations.map((l) => ({ embeddable: true, href: site.restUrl(`wp/v2/menu-locations/${l}`) })) }
      : {}),
    curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
  } as RestLinks;
}

/** A menu item as `wp_setup_nav_menu_item()` makes it, from what it links to. */
function itemRecord(site: Site, menu: DemoMenu, [id, target, parent]: DemoMenu['items'][number], order: number) {
  let fields: { title: string; url: string; type: string; type_label: string; object: string; object_id: number };
  if ('custom' in target) {
    fields = {
      title: target.title,
      url: `${site.origin}${target.custom}`,
      type: 'custom',
      type_label: 'Custom Link',
      object: 'custom',
      object_id: id,
    };
  } else if ('page' in target) {
    const page = site.rows.get(target.page);
    const title = (page?.title as { rendered?: string } | undefined)?.rendered ?? '';
    fields = { title, url: String(page?.link ?? ''), type: 'post_type', type_label: 'Page', object: 'page', object_id: target.page };
  } else {
    const term = site.terms.get(target.category);
    fields = {
      title: term?.name ?? '',
      url: term?.link ?? '',
      type: 'taxonomy',
      type_label: 'Category',
      object: 'category',
      object_id: target.category,
    };
  }
  return {
    id,
    title: { rendered: fields.title },
    status: 'publish',
    url: fields.url,
    attr_title: '',
    description: '',
    type: fields.type,
    type_label: fields.type_label,
    object: fields.object,
    object_id: fields.object_id,
    parent,
    menu_order: order,
    target: '',
    classes: [''],
    xfn: [''],
    invalid: false,
    meta: [],
    menus: menu.id,
  };
}

/** An item's links; `wp:menu-item-object` points at the page or term it links to (not for custom links). */
function itemLinks(site: Site, record: ReturnType<typeof itemRecord>): RestLinks {
  const id = record.id;
  const object =
    record.type === 'post_type'
      ? [{ post_type: record.object, embeddable: true, href: site.restUrl(`wp/v2/pages/${record.object_id}`) }]
      : record.type === 'taxonomy'
        ? [{ taxonomy: record.object, embeddable: true, href: site.restUrl(`wp/v2/categories/${record.object_id}`) }]
        : undefined;
  return {
    self: [{ href: site.restUrl(`wp/v2/menu-items/${id}`) }],
    collection: [{ href: site.restUrl('wp/v2/menu-items') }],
    about: [{ href: site.restUrl('wp/v2/types/nav_menu_item') }],
    'wp:term': [{ taxonomy: 'nav_menu', embeddable: true, href: `${site.restUrl('wp/v2/menus')}?post=${id}` }],
    ...(object ? { 'wp:menu-item-object': object } : {}),
    curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
  } as RestLinks;
}

const LIST_ARGS = {
  ...PAGING_ARGS,
  context: {
    description: 'Scope under which the request is made; determines fields present in response.',
    type: 'string' as const,
    enum: ['view', 'embed', 'edit'],
    default: 'view',
  },
};

const menus = {
  methods: ['GET'],
  args: LIST_ARGS,
  permission: (req: RestRequest) => (canReadMenus(req) ? true : cannotView(req, 'menus')),
  callback: (req: RestRequest) => {
    const perPage = toInt(req.params.get('per_page') ?? 10);
    const page = toInt(req.params.get('page') ?? 1);
    // WP_Term_Query's default order: by name.
    const sorted = [...MENUS].sort((a, b) => a.name.localeCompare(b.name));
    const records = slicePage(sorted, (page - 1) * perPage, perPage).map((menu) =>
      shapeRecord(
        { id: menu.id, description: '', name: menu.name, slug: menu.slug, meta: [], locations: menu.locations, auto_add: false },
        'menus',
        String(req.params.get('context') ?? 'view'),
        requestedFields(req.params.get('_fields')),
        () => menuLinks(req.site, menu),
        'list',
      ),
    );
    return ok(records, paginationHeaders(req, 'wp/v2/menus', sorted.length, perPage, page));
  },
};

const menuItems = {
  methods: ['GET'],
  args: {
    ...LIST_ARGS,
    menus: {
      description: 'Limit result set to items with specific terms assigned in the menus taxonomy.',
      type: 'array' as const,
      items: { type: 'integer' as const },
    },
    order: { description: 'Order sort attribute ascending or descending.', type: 'string' as const, enum: ['asc', 'desc'], default: 'asc' },
    orderby: {
      description: 'Sort collection by object attribute.',
      type: 'string' as const,
      default: 'menu_order',
      enum: ['menu_order', 'id', 'include', 'title', 'slug', 'date'],
    },
  },
  permission: (req: RestRequest) => (canReadMenus(req) ? true : cannotView(req, 'menu items')),
  callback: (req: RestRequest) => {
    const wanted = ids(req.params.get('menus'));
    const all = MENUS.filter((m) => wanted.length === 0 || wanted.includes(m.id)).flatMap((menu) =>
      menu.items.map((item, i) => ({ menu, item, record: itemRecord(req.site, menu, item, i + 1) })),
    );
    const dir = req.params.get('order') === 'desc' ? -1 : 1;
    const sorted = all.sort((a, b) =>
      req.params.get('orderby') === 'id'
        ? dir * (a.record.id - b.record.id)
        : dir * (a.record.menu_order - b.record.menu_order) || a.record.id - b.record.id,
    );
    const perPage = toInt(req.params.get('per_page') ?? 10);
    const page = toInt(req.params.get('page') ?? 1);
    const records = slicePage(sorted, (page - 1) * perPage, perPage).map(({ record }) =>
      shapeRecord(
        record,
        'menu-items',
        String(req.params.get('context') ?? 'view'),
        requestedFields(req.params.get('_fields')),
        () => itemLinks(req.site, record),
        'list',
      ),
    );
    return ok(records, paginationHeaders(req, 'wp/v2/menu-items', sorted.length, perPage, page));
  },
};

const locations = {
  methods: ['GET'],
  args: { context: LIST_ARGS.context },
  permission: (req: RestRequest) => (req.viewer?.can('edit_theme_options') ? true : cannotView(req, 'menu locations')),
  callback: (req: RestRequest) => {
    const data: Record<string, unknown> = {};
    for (const [name, description] of LOCATIONS) {
      const menu = MENUS.find((m) => m.locations.includes(name));
      data[name] = {
        name,
        description,
        menu: menu?.id ?? 0,
        _links: {
          self: [{ href: req.site.restUrl(`wp/v2/menu-locations/${name}`) }],
          collection: [{ href: req.site.restUrl('wp/v2/menu-locations') }],
          ...(menu ? { 'wp:menu': [{ embeddable: true, href: req.site.restUrl(`wp/v2/menus/${menu.id}`) }] } : {}),
          curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
        },
      };
    }
    return ok(trimObject(data, requestedFields(req.params.get('_fields'))));
  },
};

/** The menu routes. */
export const menuRoutes: Route[] = [
  { namespace: 'wp/v2', pattern: '/wp/v2/menus', endpoints: [menus] },
  { namespace: 'wp/v2', pattern: '/wp/v2/menu-items', endpoints: [menuItems] },
  { namespace: 'wp/v2', pattern: '/wp/v2/menu-locations', endpoints: [locations] },
];
