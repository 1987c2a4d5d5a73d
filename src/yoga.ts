import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import pino from 'pino';
import { createGatewayCaches, type GatewayCaches } from './cache/index.ts';
import type { CacheLog } from './cache/log.ts';
import { type Config, serviceAuthorization } from './config.ts';
import type { LiveSchema } from './discovery/live-schema.ts';
import { createMetrics, type GatewayMetrics } from './metrics.ts';
import { createTokenSealer } from './auth/tokens.ts';
import { parsePurgeRequest, purge } from './cache/purge.ts';
import { createContext, createGuards, type ContextDependencies, type GatewayContext, type ServerContext } from './context.ts';
import { schema } from './schema/index.ts';
import { gatewayPlugins } from './plugins/index.ts';
import { corsOptions } from './plugins/browser-requests.ts';
import { maskError } from './plugins/mask-upstream-errors.ts';
import { yogaLogger } from './plugins/yoga-logging.ts';
import { MEDIA_FETCH_DEFAULTS } from './wordpress/remote-file.ts';

/** The query GraphiQL opens on: the nested post data a front end's home page asks for. */
export const EXAMPLE_QUERY = `# The home page of a blog: the latest posts with author, terms and featured image.
# Press the play button (or Ctrl-Enter) to run it.
query HomePage {
  generalSettings {
    url
  }
  posts(first: 5) {
    pageInfo {
      total
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      date
      uri
      excerpt
      author {
        node {
          name
          avatar {
            url
          }
        }
      }
      categories {
        nodes {
          name
          uri
        }
      }
      tags {
        nodes {
          name
        }
      }
      featuredImage {
        node {
          sourceUrl(size: MEDIUM)
          altText
        }
      }
    }
  }
}
`;

/** How many distinct query texts keep their parsed and validated document (least recently used first out). */
const PARSED_DOCUMENTS = 128;

export interface GatewayYogaOptions extends ContextDependencies {
  config: Config;
  /**
   * The response cache, entity cache and persisted-query stores (src/cache/index.ts).
   * @default built from `config` by createGatewayYoga, and closed when the Yoga instance is disposed
   */
  caches: GatewayCaches;
  /**
   * Lifetimes per GraphQL type or field for the response cache, on top of `config.cacheTtlMs`:
   * `{ Comment: 10_000 }`.
   * @default {}
   */
  cacheTtlPerType?: Readonly<Record<string, number>>;
  /** @default a pino logger at `config.logLevel` */
  log: CacheLog;
  /**
   * The Prometheus registry and gateway metrics served at `/metrics` (src/metrics.ts).
   * @default a fresh registry per instance
   */
  metrics: GatewayMetrics;
  /**
   * The site's discovered schema (src/discovery/live-schema.ts), swapped whole on rediscovery.
   * @default none: the built-in schema only
   */
  live?: LiveSchema | undefined;
}

/** Builds the Yoga instance over a connected WordPress client. It does not listen: see src/server.ts. */
export function createGatewayYoga(
  given: Omit<GatewayYogaOptions, 'caches' | 'log' | 'metrics'> & Partial<Pick<GatewayYogaOptions, 'caches' | 'log' | 'metrics'>>,
): YogaServerInstance<Record<string, unknown>, GatewayContext> {
  const log = given.log ?? pino({ name: 'wp-graphql-gateway', level: given.config.logLevel });
  const caches = given.caches ?? createGatewayCaches(given.config, { log });
  const metrics = given.metrics ?? createMetrics();
  const options: GatewayYogaOptions = {
    ...given,
    log,
    caches,
    metrics,
    entityCache: given.entityCache ?? caches.entities,
    // A write's purge (src/loaders/writes.ts): the same as `POST /cache/purge` with those entities, so it reaches
    // Redis, and so every instance, when it is shared (discovered types included). The write is done by then: a purge that fails is logged,
    // not reported as the write failing (the caches' own replay retries what Redis missed).
    purge:
      given.purge ??
      (async (targets) => {
        try {
          const request = parsePurgeRequest({ entities: targets.map(({ type, id }) => ({ type, id })) }, given.live?.kinds() ?? []);
          await purge(request, { responses: caches.responses, entities: caches.entities, typenames: [] });
        } catch (error) {
          log.warn({ err: error, targets }, 'Purge after a write failed');
        }
      }),
    guards:
      given.guards ??
      createGuards({
        tokens: given.config.authSecret ? createTokenSealer(given.config.authSecret) : undefined,
        commentsPerMinute: given.config.commentRateLimit,
        redis: caches.redis.client,
      }),
    trustProxy: given.trustProxy ?? given.config.trustProxy,
    mediaFetch: given.mediaFetch ?? { ...MEDIA_FETCH_DEFAULTS, allowPrivate: given.config.mediaFetchPrivate },
    serviceAuthorization: given.serviceAuthorization ?? serviceAuthorization(given.config),
  };
  // Caches built here are closed here (their Redis connection) when the instance is disposed.
  const ownCaches: Plugin[] = given.caches ? [] : [{ onDispose: () => caches.close() }];
  const documentCache = new LRUCache<string, DocumentNode>({ max: PARSED_DOCUMENTS });
  const errorCache = new LRUCache<string, object>({ max: PARSED_DOCUMENTS });
  const live = options.live;
  // A new schema: documents are parsed and validated again (compiled documents are kept by document object).
  live?.onSwap(() => {
    documentCache.clear();
    errorCache.clear();
  });
  return createYoga<Record<string, unknown>, GatewayContext>({
    // With discovery, each request takes the current generation: its schema here, its site facts in the context.
    schema: live ? () => live.current().schema : schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    context: ({ request, req }: { request: Request } & ServerContext) =>
      createContext(live ? { ...options, site: live.current().site } : options, request, { req }),
    graphiql: { title: 'WordPress GraphQL gateway', defaultQuery: EXAMPLE_QUERY },
    // Loaded on the first GraphiQL page: its bundle is ~35 MB of heap an API-only gateway never needs.
    renderGraphiQL: async (graphiql) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiql),
    maskedErrors: { maskError },
    logging: yogaLogger(options.log),
    // Parsed (and so validated) documents, by query text. With Yoga's default of 1,024, a stream of never-seen
    // documents left the process ~70 MiB larger (RSS after a 20 s soak) and 20 % slower; front ends send a few dozen.
    parserAndValidationCache: { documentCache, errorCache },
    // Limits and browser rules: src/plugins/use-query-limits.ts, src/plugins/browser-requests.ts.
    batching: { limit: options.config.maxBatch },
    cors: corsOptions(options.config.corsOrigins),
    plugins: [...gatewayPlugins(options), ...ownCaches],
  });
}
