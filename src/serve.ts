import pino from 'pino';
import type { Config } from './config.ts';
import { startGateway } from './server.ts';
import { WordPressError } from './wordpress/errors.ts';

/**
 * `serve`: with a WordPress URL, the gateway over that site; without one, over the embedded demo site (started
 * in-process on a free loopback port). Resolves with the exit code once the server has shut down.
 */
export async function serve(config: Config): Promise<number> {
  const log = pino({ name: 'wp-graphql-gateway', level: config.logLevel });
  let demo: { url: string; close(): Promise<void> } | undefined;
  let wordpressUrl = config.wordpressUrl;
  if (!wordpressUrl) {
    const { createDemoSite } = await import('./demo/server.ts');
    demo = await createDemoSite();
    wordpressUrl = demo.url;
    log.info({ demo: demo.url }, 'No WORDPRESS_URL given: serving the embedded demo site');
  }
  let gateway;
  try {
    gateway = await startGateway({ ...config, wordpressUrl });
  } catch (error) {
    await demo?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${config.port} on ${config.host} is already in use: stop the other server or pass --port.\n`);
    } else if (error instanceof WordPressError) {
      process.stderr.write(`Cannot use WordPress at ${wordpressUrl}: ${error.message}\n`);
    } else {
      process.stderr.write(`Cannot start: ${(error as Error).message}\n`);
    }
    return 1;
  }
  log.info({ url: `${gateway.url}/graphql`, wordpress: wordpressUrl }, `GraphQL gateway ready at ${gateway.url}/graphql`);

  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'Shutting down: finishing in-flight requests');
      void gateway
        .close()
        .then(() => demo?.close())
        .then(() => resolve(0));
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
