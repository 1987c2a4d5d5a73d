import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { localLimit, type RateLimit, sharedLimit } from './auth/rate-limit.ts';
import { basicFromClaims, TOKEN_PREFIX, TokenError, type TokenSealer } from './auth/tokens.ts';
import type { EntityCache } from './cache/entity-cache.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import type { UpstreamRequestScope } from './loaders/records.ts';
import { UpstreamLedger } from './loaders/upstream-ledger.ts';
import { createWrites, type PurgeTarget, type Writes } from './loaders/writes.ts';
import type { SiteContext } from './models/site.ts';
import type { WordPressClient } from './wordpress/client.ts';
import type { RemoteFileOptions } from './wordpress/remote-file.ts';
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
  /** Every write to WordPress (src/loaders/writes.ts): the mutations' only way there. */
  writes: Writes;
  /**
   * The address the request came from: the connection's, or with `trust-proxy` the last `X-Forwarded-For`
   * entry (what the proxy in front saw). Keys the rate limits; never sent to WordPress.
   */
  clientAddress: string;
  /** Sign-in tokens and the gateway's rate limits, shared by every request of this instance. */
  guards: Guards;
}

/** What the mutations check before writing: shared by the requests of one gateway instance. */
export interface Guards {
  /** Seals and opens login tokens; undefined when `auth-secret` is not set (login is off). */
  tokens: TokenSealer | undefined;
  /** Anonymous comments per client address (`comment-rate-limit` per minute). */
  comments: RateLimit;
  /** Failed sign-ins per user name: 5 per 15 minutes. */
  loginsPerUser: RateLimit;
  /** Failed sign-ins per client address: 20 per 15 minutes. */
  loginsPerAddress: RateLimit;
}

/**
 * The guards of one instance, from its settings. With `redis` (the caches' connection, when `redis-url` is set)
 * the rate limits are counted in Redis, shared by every instance using it; otherwise per instance.
 */
export function createGuards(settings: { tokens: TokenSealer | undefined; commentsPerMinute: number; redis?: Redis | undefined }): Guards {
  const limit = (name: string, count: number, windowMs: number) =>
    settings.redis ? sharedLimit(settings.redis, name, count, windowMs) : localLimit(count, windowMs);
  return {
    tokens: settings.tokens,
    comments: limit('comments', settings.commentsPerMinute, 60_000),
    loginsPerUser: limit('login-user', 5, 15 * 60_000),
    loginsPerAddress: limit('login-address', 20, 15 * 60_000),
  };
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
   * Invalidates cached answers and records after a write (src/cache/purge.ts).
   * @default nothing to purge (no caches)
   */
  purge?: ((targets: readonly PurgeTarget[]) => Promise<void>) | undefined;
  /** @default no tokens, 5 anonymous comments per address per minute */
  guards?: Guards | undefined;
  /**
   * Take the client address from `X-Forwarded-For` (config `trust-proxy`).
   * @default false
   */
  trustProxy?: boolean | undefined;
  /**
   * The `Authorization` header of the service account (config `service-credentials`): menus, settings, public user names and users' approved comments (for viewers REST refuses the author filter) are read with it (src/loaders/menus.ts, settings.ts, user-names.ts, user-comments.ts), nothing else.
   * @default undefined: the viewer's own credentials (anonymous viewers then get no menus)
   */
  /**
   * How createMediaItem downloads its `filePath` (config `media-fetch-private`).
   * @default public addresses only (src/wordpress/remote-file.ts MEDIA_FETCH_DEFAULTS)
   */
  mediaFetch?: RemoteFileOptions | undefined;
  serviceAuthorization?: string | undefined;
}

/** The Node request under Yoga's fetch Request, when served by node:http (absent under `yoga.fetch`). */
export interface ServerContext {
  req?: { socket?: { remoteAddress?: string | undefined } } | undefined;
}

const DEFAULT_GUARDS = createGuards({ tokens: undefined, commentsPerMinute: 5 });

/** The smallest field set a record fetch can use: collections nobody selected fields of still need ids. */
const ID_ONLY = ['id'] as const;

/** `UNAUTHENTICATED` with HTTP 401: the request is refused as a whole, never served as anonymous. */
function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * The `Authorization` sent to WordPress for this request: the header as given, except a gateway token
 * (`Bearer wpgw1.…`, issued by `login`), which becomes the HTTP Basic credential sealed inside it. A gateway token
 * that is expired, altered, or cannot be opened (no `auth-secret`) refuses the request with UNAUTHENTICATED:
 * answering it as anonymous would show a signed-in reader a public page as if it were theirs.
 */
function upstreamAuthorization(header: string | undefined, tokens: TokenSealer | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) return header;
  if (!tokens) throw unauthenticated('This gateway does not accept its sign-in tokens: the auth-secret setting (AUTH_SECRET) is not set.');
  try {
    return basicFromClaims(tokens.open(token, 'auth'));
  } catch (error) {
    if (error instanceof TokenError) throw unauthenticated(error.message);
    throw error;
  }
}

/** The client address: the connection's, or the last X-Forwarded-For entry when the proxy in front is trusted. */
function clientAddressOf(request: Request, server: ServerContext | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return server?.req?.socket?.remoteAddress ?? 'unknown';
}

/** Builds a request's context from its HTTP request. */
export function createContext(deps: ContextDependencies, request: Request, server?: ServerContext): GatewayContext {
  const guards = deps.guards ?? DEFAULT_GUARDS;
  const authorization = upstreamAuthorization(request.headers.get('authorization') ?? undefined, guards.tokens);
  const upstream = new UpstreamLedger();
  const fieldPlan: GatewayContext['fieldPlan'] = { current: undefined };
  const scope: UpstreamRequestScope = {
    client: upstream.watch(deps.client),
    authorization,
    likeOf: (collection) => deps.site.collections?.get(collection)?.like,
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
  const purge = deps.purge ?? (async () => {});
  return {
    site: deps.site,
    authorization,
    fieldPlan,
    loaders: createLoaders(scope, deps.site, { serviceAuthorization: deps.serviceAuthorization }),
    upstream,
    writes: createWrites({ client: scope.client, authorization, site: deps.site, purge, mediaFetch: deps.mediaFetch }),
    clientAddress: clientAddressOf(request, server, deps.trustProxy ?? false),
    guards,
  };
}
