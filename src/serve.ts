import cluster from 'node:cluster';
import pino from 'pino';
import type { Config } from './config.ts';
import { type RunningGateway, startGateway } from './server.ts';
import { WordPressError } from './wordpress/errors.ts';

/**
 * `serve`: with a WordPress URL, the gateway over that site; without one, over the embedded demo site (started
 * in-process on a free loopback port). With `workers > 1`, node:cluster forks that many processes sharing the
 * port; the primary only supervises (and hosts the demo site, so every worker reads the same one).
 * Resolves with the exit code once the server has shut down.
 */
export async function serve(config: Config): Promise<number> {
  const log = pino({ name: 'wp-graphql-gateway', level: config.logLevel });
  let demo: { url: string; close(): Promise<void> } | undefined;
  let wordpressUrl = config.wordpressUrl;
  if (!wordpressUrl) {
    const { createDemoSite } = await import('../demo/server.ts');
    const site = await createDemoSite();
    demo = site;
    wordpressUrl = demo.url;
    // The demo's administrator is the service account (menus, settings, names) unless one is configured.
    if (!config.serviceCredentials && !config.menusCredentials) config = { ...config, serviceCredentials: site.serviceCredentials };
    log.info({ demo: demo.url }, 'No WORDPRESS_URL given: serving the embedded demo site');
  }
  if (config.workers > 1 && cluster.isPrimary) return supervise(config, wordpressUrl, log, demo);

  let gateway: RunningGateway;
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
    // SIGHUP: discover the site again and swap the new schema in (the last good one stays on failure).
    process.on('SIGHUP', () => {
      log.info({ signal: 'SIGHUP' }, 'Discovering the site again');
      void gateway.live?.refresh();
    });
  });
}

/**
 * The cluster primary: forks the workers with the resolved WordPress URL, restarts one that dies unexpectedly,
 * and on SIGTERM/SIGINT asks each to finish its in-flight requests and waits for them; SIGHUP is passed on.
 */
function supervise(config: Config, wordpressUrl: string, log: pino.Logger, demo: { close(): Promise<void> } | undefined): Promise<number> {
  let stopping = false;
  // The demo's service account travels with its URL (a configured one is in the workers' own environment).
  const service = config.serviceCredentials ? { SERVICE_CREDENTIALS: config.serviceCredentials } : {};
  const fork = () => cluster.fork({ WORDPRESS_URL: wordpressUrl, WORKERS: '1', ...service });
  for (let i = 0; i < config.workers; i++) fork();
  let failedAtStart = 0;
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    // A worker that exits with 1 or 2 failed at start-up (port taken, WordPress unreachable): do not loop.
    if (code === 1 || code === 2) {
      failedAtStart++;
      if (failedAtStart >= config.workers) {
        log.error('Every worker failed to start; stopping');
        process.kill(process.pid, 'SIGTERM');
      }
      return;
    }
    log.warn({ worker: worker.process.pid, code }, 'Worker died; starting another');
    fork();
  });
  log.info({ workers: config.workers, port: config.port }, `Starting ${config.workers} workers`);
  return new Promise<number>((resolve) => {
    const shutdown = () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      const done = () => void Promise.resolve(demo?.close()).finally(() => resolve(failedAtStart >= config.workers ? 1 : 0));
      if (left === 0) return done();
      for (const worker of workers) {
        worker?.once('exit', () => {
          if (--left === 0) done();
        });
        worker?.process.kill('SIGTERM');
      }
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    // SIGHUP: each worker discovers the site again (each serves its own copy of the schema).
    process.on('SIGHUP', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
    });
  });
}
