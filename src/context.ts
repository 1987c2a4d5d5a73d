import type { EntityCache } from './cache/entity-cache.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import type { UpstreamRequestScope } from './loaders/records.ts';
import { UpstreamLedger } from './loaders/upstream-ledger.ts';
import type { SiteContext } from './models/site.ts';
import type { WordPressClient } from './wordpress/client.ts';
import type { Collection } from './wordpress/rest-types.ts';

/**
 * What every resolver of one GraphQL request sees. Built fresh per request, so nothing loaded for one viewer
 * can be read by another: loaders (and what they hold) die with the request.
 */
export interface GatewayContext {
  site: SiteContext;
  /** The viewer's `Authorization` header, forwarded to WordPress and nowhere else; undefined when anonymous. */
  authorization: string | undefined;
  /**
   * `_fields` per collection for this operation, set by the field-plan plugin before execution. A holder object,
   * because Yoga copies the context object this factory returns: the holder is shared by the copies.
   */
  fieldPlan: { current: Map<Collection, readonly string[] | undefined> | undefined };
  /**
   * Every read from WordPress (src/loaders/). The client is not on the context: resolvers reach WordPress only
   * through these, over the client as this request's {@link UpstreamLedger} sees it (every GET is counted).
   */
  loaders: Loaders;
  /** What this request cost upstream, for `extensions.upstream`. */
  upstream: UpstreamLedger;
}

/** What the context factory needs from the running gateway. */
export interface ContextDependencies {
  client: WordPressClient;
  site: SiteContext;
  /**
   * Records shared between anonymous requests (src/cache/entity-cache.ts).
   * @default none: every record lookup asks WordPress
   */
  entityCache?: EntityCache | undefined;
  /**
   * The `Authorization` header menus are read with (config `menus-credentials`, see src/loaders/menus.ts).
   * @default undefined: the viewer's own credentials (anonymous viewers then get no menus)
   */
  menusAuthorization?: string | undefined;
}

/** The smallest field set a record fetch can use: collections nobody selected fields of still need ids. */
const ID_ONLY = ['id'] as const;

/** Builds a request's context from its HTTP request. */
export function createContext(deps: ContextDependencies, request: Request): GatewayContext {
  const authorization = request.headers.get('authorization') ?? undefined;
  const upstream = new UpstreamLedger();
  const fieldPlan: GatewayContext['fieldPlan'] = { current: undefined };
  const scope: UpstreamRequestScope = {
    client: upstream.watch(deps.client),
    authorization,
    fieldsFor(collection) {
      const plan = fieldPlan.current;
      if (!plan) return undefined;
      return plan.has(collection) ? plan.get(collection) : ID_ONLY;
    },
    selects: (collection) => fieldPlan.current?.has(collection) ?? false,
    // A signed-in viewer's records are theirs alone: such a request neither reads nor fills the shared cache.
    entityCache: authorization === undefined ? deps.entityCache : undefined,
    entityStats: upstream.entity,
    listStats: upstream.lists,
  };
  return {
    site: deps.site,
    authorization,
    fieldPlan,
    loaders: createLoaders(scope, deps.site, { menusAuthorization: deps.menusAuthorization }),
    upstream,
  };
}
