/**
 * `WP_REST_Server::dispatch()` for the demo routes: match the route (case-insensitive, trailing slash
 * ignored, `HEAD` served by `GET`), validate and sanitise parameters, run the permission callback, then the
 * callback; add the `Allow` header from every endpoint's permission (`rest_send_allow_header`) and apply
 * `_fields` at the record level (done by each handler). Produces status, headers and the JSON body.
 */
import type { Viewer } from './auth.ts';
import { commentRoutes } from './comments.ts';
import { DEMO_ORIGIN } from '../content-types.ts';
import { describeRoute, discoveryRoutes } from './discovery.ts';
import { forbidden, noRoute, WpError } from './errors.ts';
import { checkParams, type Params } from './params.ts';
import { phpJsonEncode, type PhpArray } from './php.ts';
import { postTypeRoutes } from './post-types.ts';
import type { Site } from './site.ts';
import { termRoutes } from './terms.ts';
import type { Endpoint, RestRequest, RestResponse, Route } from './types.ts';
import { userRoutes } from './users.ts';
import { menuRoutes } from './menus.ts';
import { settingsRoutes } from './settings.ts';

const ROUTES: Route[] = [];
ROUTES.push(
  ...discoveryRoutes(() => ROUTES),
  ...postTypeRoutes,
  ...termRoutes,
  ...userRoutes,
  ...commentRoutes,
  ...menuRoutes,
  ...settingsRoutes,
);

const compiled = ROUTES.map((route) => ({
  route,
  regex: new RegExp(`^${route.pattern.replace(/\(\?P</g, '(?<')}$`, 'i'),
}));

/** A serialised answer. */
export interface Served {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or `null` for `HEAD`. */
  body: string | null;
}

function match(method: string, path: string): { route: Route; endpoint: Endpoint; urlParams: Record<string, string> } | null {
  const checked = method === 'HEAD' ? 'GET' : method;
  for (const { route, regex } of compiled) {
    const m = regex.exec(path);
    if (!m) continue;
    const endpoint = route.endpoints.find((e) => e.methods.includes(checked) || e.methods.includes(method));
    if (!endpoint) continue;
    return { route, endpoint, urlParams: { ...(m.groups ?? {}) } };
  }
  return null;
}

/** Parameters good enough to ask permission callbacks for `Allow` when validation failed. */
function looseParams(endpoint: Endpoint, query: PhpArray): Params {
  const params: Params = new Map();
  for (const [k, a] of Object.entries(endpoint.args)) if (a.default !== undefined) params.set(k, a.default);
  for (const [k, v] of query) params.set(k, v);
  return params;
}

function allowHeader(route: Route, req: RestRequest): string | null {
  const allowed: string[] = [];
  for (const endpoint of route.endpoints) {
    let ok = false;
    try {
      ok = endpoint.permission({ ...req, params: req.params }) === true;
    } catch {
      ok = false;
    }
    for (const m of endpoint.methods) if (ok && !allowed.includes(m)) allowed.push(m);
  }
  return allowed.length > 0 ? allowed.join(', ') : null;
}

function errorResponse(error: WpError): RestResponse {
  return { status: error.status, data: error.toJSON(), headers: {} };
}

/** The route an `OPTIONS` request is answered from: only routes with a schema (the custom collections). */
function optionsRoute(path: string): Route | null {
  for (const { route, regex } of compiled) if (route.schema && regex.test(path)) return route;
  return null;
}

function optionsData(site: Site, route: Route): Record<string, unknown> {
  const { _links, ...described } = describeRoute(site, route);
  const schema = JSON.parse(JSON.stringify(route.schema).replaceAll(DEMO_ORIGIN, site.origin)) as Record<string, unknown>;
  return { ...described, schema, ...(_links ? { _links } : {}) };
}

/** Runs one REST request for `viewer` (`null`: anonymous). */
export function dispatch(site: Site, input: { method: string; route: string; query: PhpArray; viewer: Viewer | null }): Served {
  const apiLink = `<${site.restUrl('')}>; rel="https://api.w.org/"`;
  const path = input.route.replace(/\/+$/, '') || '/';
  let response: RestResponse;
  let allow: string | null = null;
  // `?_method=` overrides the HTTP method (`WP_REST_Server::serve_request()`); discovery sends OPTIONS that way.
  const override = input.query.get('_method');
  const method = typeof override === 'string' && override !== '' ? override.toUpperCase() : input.method;
  const options = method === 'OPTIONS' ? optionsRoute(path) : null;
  const found = match(input.method, path);
  if (options) {
    // `rest_handle_options_request()`: the route as the index describes it, with its schema.
    response = { status: 200, data: optionsData(site, options), headers: {} };
  } else if (!found) {
    response = errorResponse(noRoute());
  } else {
    const base: RestRequest = {
      method: input.method,
      route: path,
      query: input.query,
      params: new Map(),
      urlParams: found.urlParams,
      viewer: input.viewer,
      site,
    };
    let req = base;
    try {
      const checked = checkParams(found.endpoint.args, input.query, input.viewer);
      req = { ...base, params: checked instanceof WpError ? looseParams(found.endpoint, input.query) : checked };
      if (checked instanceof WpError) {
        response = errorResponse(checked);
      } else {
        const permission = found.endpoint.permission(req);
        if (permission instanceof WpError) response = errorResponse(permission);
        else if (permission === false) response = errorResponse(forbidden(input.viewer));
        else {
          const result = found.endpoint.callback(req);
          response = result instanceof WpError ? errorResponse(result) : result;
        }
      }
    } catch (error) {
      // A bug here must still look like a WordPress failure, not a dropped connection.
      response = errorResponse(new WpError('demo_internal_error', error instanceof Error ? error.message : String(error), { status: 500 }));
    }
    allow = allowHeader(found.route, req);
  }
  const headers: Record<string, string> = {
    'X-Robots-Tag': 'noindex',
    Link: apiLink,
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    ...response.headers,
  };
  if (allow) headers.Allow = allow;
  if (input.viewer) {
    // Signed-in answers are never cacheable (wp_get_nocache_headers()).
    headers.Expires = 'Wed, 11 Jan 1984 05:00:00 GMT';
    headers['Cache-Control'] = 'no-cache, must-revalidate, max-age=0';
  }
  headers['Content-Type'] = 'application/json; charset=UTF-8';
  const pretty = input.query.has('_pretty');
  return { status: response.status, headers, body: input.method === 'HEAD' ? null : phpJsonEncode(response.data, pretty) };
}
