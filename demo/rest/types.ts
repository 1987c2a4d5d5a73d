/**
 * The pieces a route is made of, shaped like WordPress's `register_rest_route()`: each route has endpoints
 * (one per set of methods) with registered args, a permission callback and a callback. The router runs them
 * in WordPress's order: validate → sanitise → permission → callback.
 */
import type { Viewer } from './auth.ts';
import type { WpError } from './errors.ts';
import type { Args, Params } from './params.ts';
import type { PhpArray } from './php.ts';
import type { Site } from './site.ts';

/** What a handler sees of a request. */
export interface RestRequest {
  method: string;
  /** The REST route, e.g. `/wp/v2/posts/12`. */
  route: string;
  /** `$_GET` as PHP parsed it, including `rest_route` when sent that way. */
  query: PhpArray;
  /** Registered args after validation and sanitising, defaults filled; unregistered ones as sent. */
  params: Params;
  /** Named groups of the route pattern (`id`, `type`, …). */
  urlParams: Record<string, string>;
  viewer: Viewer | null;
  site: Site;
}

/** A handler's answer before it is serialised. */
export interface RestResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}

/** One set of methods on a route. */
export interface Endpoint {
  methods: string[];
  args: Args;
  /** `true` to proceed; `false` becomes `rest_forbidden`; an error is answered as is. */
  permission(req: RestRequest): true | false | WpError;
  callback(req: RestRequest): RestResponse | WpError;
}

/** A registered route: a WordPress-style pattern (`/wp/v2/posts/(?P<id>[\d]+)`) and its endpoints. */
export interface Route {
  namespace: string;
  pattern: string;
  endpoints: Endpoint[];
  /** The route's schema, answered to `OPTIONS` (only the custom types' collections carry one in the demo). */
  schema?: Record<string, unknown>;
}

/** A plain 200 answer. */
export function ok(data: unknown, headers: Record<string, string> = {}): RestResponse {
  return { status: 200, data, headers };
}
