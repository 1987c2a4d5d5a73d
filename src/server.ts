import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, serviceAuthorization } from './config.ts';
import { reportServiceAccount } from './loaders/service-account.ts';
import { createMetrics } from './metrics.ts';
import { createSiteContext } from './models/site.ts';
import { WordPressClient, type WordPressClientOptions } from './wordpress/client.ts';
import { createGatewayYoga } from './yoga.ts';
import { discoverSite } from './discovery/discover.ts';
import { LiveSchema } from './discovery/live-schema.ts';
import type { SiteDiscovery } from './discovery/types.ts';
import { parseNameOverrides, type NameOverrides } from './discovery/names.ts';
import { schema as baseSchema } from './schema/index.ts';
import { readFileSync } from 'node:fs';
import pino, { type DestinationStream } from 'pino';

export interface GatewayHooks {
  /** Told after every request to WordPress (metrics, tests). */
  onUpstreamRequest?: WordPressClientOptions['onRequest'];
  /** Replaces discovery's reads of the site (tests: a site that changes, or fails). */
  discover?: () => Promise<SiteDiscovery>;
  /** Where the log goes (tests: read what was logged). @default standard output */
  logDestination?: DestinationStream;
}

export interface RunningGateway {
  server: Server;
  url: string;
  client: WordPressClient;
  /** The discovered schema (undefined with `discovery: false`): `refresh()` discovers again and swaps. */
  live: LiveSchema | undefined;
  close(): Promise<void>;
}

/** The names file of `--discovery-names`, read and checked (a bad file stops start-up with its problem). */
export function readNameOverrides(path: string | undefined): NameOverrides {
  if (!path) return {};
  return parseNameOverrides(readFileSync(path, 'utf8'), path);
}

/**
 * Connects to WordPress (reads its REST index once: a site that cannot be reached fails here, with the URL and
 * the reason), then serves the gateway over node:http on `config.host`:`config.port`.
 */
export async function startGateway(config: Config & { wordpressUrl: string }, hooks: GatewayHooks = {}): Promise<RunningGateway> {
  const metrics = createMetrics();
  const client = new WordPressClient({
    url: config.wordpressUrl,
    headersTimeoutMs: config.upstreamTimeoutMs,
    bodyTimeoutMs: config.upstreamTimeoutMs,
    onRequest: (info) => {
      metrics.observeUpstream(info);
      hooks.onUpstreamRequest?.(info);
    },
    retry: { retries: config.upstreamRetries },
    limit: { concurrency: config.upstreamConcurrency, queue: config.upstreamQueue, adaptive: config.upstreamAdaptive },
  });
  if (client.limiter) metrics.watchLimiter(client.limiter);
  const index = await client.connect();
  const site = createSiteContext(index, { baseUrl: client.siteUrl });
  const logOptions = { name: 'wp-graphql-gateway', level: config.logLevel };
  const log = hooks.logDestination ? pino(logOptions, hooks.logDestination) : pino(logOptions);
  // What the service account may read, said once (it never reaches a log itself: see src/loaders/service-account.ts).
  const service = await reportServiceAccount(client, index, serviceAuthorization(config));
  log[service.warning ? 'warn' : 'info']({ setting: 'service-credentials' }, service.message);
  // Discovery at start-up: a failure serves the built-in schema, marks /ready degraded and is tried again later.
  const live = config.discovery
    ? new LiveSchema(
        baseSchema,
        site,
        hooks.discover ?? (() => discoverSite(client, serviceAuthorization(config))),
        readNameOverrides(config.discoveryNames),
        log,
      )
    : undefined;
  await live?.refresh();
  const timer = live && config.discoveryIntervalMs > 0 ? setInterval(() => void live.refresh(), config.discoveryIntervalMs) : undefined;
  timer?.unref();
  const yoga = createGatewayYoga({ client, site, config, metrics, live, log });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    client,
    live,
    url: `http://${address.address}:${address.port}`,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Plugins' resources: the caches' Redis connection.
      await yoga.dispose();
      await client.close();
    },
  };
}
