/**
 * The self-describing routes: the REST index `/` (site name, description, URLs, time zone, namespaces,
 * authentication, and a `routes` map built from the routes this server really registers), the namespace
 * index `/wp/v2`, and minimal `/wp/v2/types` and `/wp/v2/taxonomies` (post, page, attachment, book, chapter;
 * category, post_tag, genre — registry.ts) in `view` context.
 */
import { contextArg } from './common.ts';
import { WpError } from './errors.ts';
import { requestedFields, type ShapedRecord, shapeRecord, trimObject, withLinks } from './fields.ts';
import { type Args, describeArgs } from './params.ts';
import { POST_TYPES, TAXONOMIES as TAXONOMY_LIST } from './registry.ts';
import { ok, type RestRequest, type Route } from './types.ts';

const TYPES: Record<string, Record<string, unknown>> = Object.fromEntries(POST_TYPES.map((t) => [t.name, t.listing]));

const TAXONOMIES: Record<string, Record<string, unknown>> = Object.fromEntries(TAXONOMY_LIST.map((t) => [t.name, t.listing]));

const CURIES = [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }];

/** `get_data_for_route()` for a site (what an `OPTIONS` request answers, before the schema). */
export function describeRoute(site: RestRequest['site'], route: Route): Record<string, unknown> {
  return routeData({ site } as RestRequest, route);
}

/** `get_data_for_route()`: a route as the index lists it. */
function routeData(req: RestRequest, route: Route): Record<string, unknown> {
  const path = route.pattern.replace(/\(\?P<(\w+?)>.*?\)/g, '{$1}');
  const data: Record<string, unknown> = {
    namespace: route.namespace,
    methods: route.endpoints.flatMap((e) => e.methods),
    endpoints: route.endpoints.map((e) => ({
      methods: e.methods,
      ...(route.namespace === 'wp/v2' && route.pattern !== '/wp/v2' ? { allow_batch: { v1: true } } : {}),
      // PHP serialises an empty args array as [].
      args: Object.keys(e.args).length > 0 ? describeArgs(e.args) : [],
    })),
  };
  if (!path.includes('{')) data._links = { self: [{ href: req.site.restUrl(path) }] };
  return data;
}

function routesData(req: RestRequest, routes: Route[]): Record<string, unknown> {
  return Object.fromEntries(routes.map((r) => [r.pattern, routeData(req, r)]));
}

const CONTEXT_ONLY: Args = { context: { ...contextArg(['view', 'embed', 'edit']), validate: false, enum: undefined } };

/** Builds the discovery routes; `all` is the full route table (for the index's `routes`). */
export function discoveryRoutes(all: () => Route[]): Route[] {
  const index: Route = {
    namespace: '',
    pattern: '/',
    endpoints: [
      {
        methods: ['GET'],
        args: CONTEXT_ONLY,
        permission: () => true,
        callback: (req) => {
          const info = req.site.content.site;
          const links: Record<string, unknown> = { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] };
          if (req.viewer?.can('edit_posts')) {
            links['wp:active-theme'] = [{ href: req.site.restUrl('wp/v2/themes/twentytwentythree') }];
            links.curies = CURIES;
          }
          const data = {
            name: info.name,
            description: info.description,
            url: info.url,
            home: info.home,
            gmt_offset: req.site.gmtOffset(),
            timezone_string: info.timezone_string,
            namespaces: ['wp/v2'],
            authentication: {
              'application-passwords': { endpoints: { authorization: `${req.site.origin}/wp-admin/authorize-application.php` } },
            },
            routes: routesData(req, all()),
            site_logo: 0,
            site_icon: 0,
            site_icon_url: '',
          };
          // The index's links are response links: added after `_fields` trimmed the data, so always shown.
          return ok(withLinks(trimObject(data, requestedFields(req.params.get('_fields'))), links));
        },
      },
    ],
  };
  const namespaceIndex: Route = {
    namespace: 'wp/v2',
    pattern: '/wp/v2',
    endpoints: [
      {
        methods: ['GET'],
        args: { namespace: { default: 'wp/v2', required: false }, ...CONTEXT_ONLY },
        permission: () => true,
        callback: (req) => {
          const data = {
            namespace: 'wp/v2',
            routes: routesData(
              req,
              all().filter((r) => r.namespace === 'wp/v2'),
            ),
          };
          // As for the index, the links come after `_fields` trimmed the data.
          return ok(withLinks(trimObject(data, requestedFields(req.params.get('_fields'))), { up: [{ href: req.site.restUrl('') }] }));
        },
      },
    ],
  };
  const typeLinks = (req: RestRequest, base: string) => ({
    collection: [{ href: req.site.restUrl('wp/v2/types') }],
    'wp:items': [{ href: req.site.restUrl(`wp/v2/${base}`) }],
    curies: CURIES,
  });
  const taxLinks = (req: RestRequest, base: string) => ({
    collection: [{ href: req.site.restUrl('wp/v2/taxonomies') }],
    'wp:items': [{ href: req.site.restUrl(`wp/v2/${base}`) }],
    curies: CURIES,
  });
  const shapeType = (req: RestRequest, t: Record<string, unknown>, placement: 'list' | 'item') =>
    shapeRecord(
      t,
      'types',
      String(req.params.get('context') ?? 'view'),
      requestedFields(req.params.get('_fields')),
      () => typeLinks(req, String(t.rest_base)),
      placement,
    );
  const shapeTax = (req: RestRequest, t: Record<string, unknown>, placement: 'list' | 'item') =>
    shapeRecord(
      t,
      'taxonomies',
      String(req.params.get('context') ?? 'view'),
      requestedFields(req.params.get('_fields')),
      () => taxLinks(req, String(t.rest_base)),
      placement,
    );
  // Types and taxonomies lists are objects keyed by name: `_fields` trims that object too (`_fields=post`).
  const keyedList = (req: RestRequest, entries: [string, ShapedRecord][]) =>
    entries.length === 0 ? {} : trimObject(Object.fromEntries(entries), requestedFields(req.params.get('_fields')));
  const ctx = { context: contextArg(['view', 'edit', 'embed']) };
  return [
    index,
    namespaceIndex,
    {
      namespace: 'wp/v2',
      pattern: '/wp/v2/types',
      endpoints: [
        {
          methods: ['GET'],
          args: ctx,
          permission: () => true,
          callback: (req) =>
            ok(
              keyedList(
                req,
                Object.entries(TYPES).map(([k, t]) => [k, shapeType(req, t, 'list')]),
              ),
            ),
        },
      ],
    },
    {
      namespace: 'wp/v2',
      pattern: '/wp/v2/types/(?P<type>[\\w-]+)',
      endpoints: [
        {
          methods: ['GET'],
          args: { type: { description: 'An alphanumeric identifier for the post type.', type: 'string' }, ...ctx },
          permission: () => true,
          callback: (req) => {
            const t = TYPES[req.urlParams.type ?? ''];
            return t ? ok(shapeType(req, t, 'item')) : new WpError('rest_type_invalid', 'Invalid post type.', { status: 404 });
          },
        },
      ],
    },
    {
      namespace: 'wp/v2',
      pattern: '/wp/v2/taxonomies',
      endpoints: [
        {
          methods: ['GET'],
          args: { ...ctx, type: { description: 'Limit results to taxonomies associated with a specific post type.', type: 'string' } },
          permission: () => true,
          callback: (req) => {
            const type = req.params.get('type');
            const entries = Object.entries(TAXONOMIES).filter(([, t]) => typeof type !== 'string' || (t.types as string[]).includes(type));
            return ok(
              keyedList(
                req,
                entries.map(([k, t]) => [k, shapeTax(req, t, 'list')]),
              ),
            );
          },
        },
      ],
    },
    {
      namespace: 'wp/v2',
      pattern: '/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)',
      endpoints: [
        {
          methods: ['GET'],
          args: { taxonomy: { description: 'An alphanumeric identifier for the taxonomy.', type: 'string' }, ...ctx },
          permission: () => true,
          callback: (req) => {
            const t = TAXONOMIES[req.urlParams.taxonomy ?? ''];
            return t ? ok(shapeTax(req, t, 'item')) : new WpError('rest_taxonomy_invalid', 'Invalid taxonomy.', { status: 404 });
          },
        },
      ],
    },
  ];
}
