import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSiteContext } from './models/site.ts';
import { WordPressClient, type WordPressClientOptions } from './wordpress/client.ts';
import { createGatewayYoga } from './yoga.ts';

export interface GatewayServerOptions {
  /** The WordPress site URL. */
  wordpressUrl: string;
  /** @default 4000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Upstream timeouts in ms. @default 15_000 */
  upstreamTimeoutMs?: number;
  /** Told after every request to WordPress (metrics, tests). */
  onUpstreamRequest?: WordPressClientOptions['onRequest'];
}

export interface RunningGateway {
  server: Server;
  url: string;
  client: WordPressClient;
  close(): Promise<void>;
}

/**
 * Connects to WordPress (reads its REST index once: a site that cannot be reached fails here, with the URL and
 * the reason), then serves the gateway over node:http.
 */
export async function startGateway(options: GatewayServerOptions): Promise<RunningGateway> {
  const client = new WordPressClient({
    url: options.wordpressUrl,
    headersTimeoutMs: options.upstreamTimeoutMs,
    bodyTimeoutMs: options.upstreamTimeoutMs,
    onRequest: options.onUpstreamRequest,
  });
  const index = await client.connect();
  const site = createSiteContext(index, { baseUrl: client.siteUrl });
  const yoga = createGatewayYoga({ client, site });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    client,
    url: `http://${address.address}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await client.close();
    },
  };
}
