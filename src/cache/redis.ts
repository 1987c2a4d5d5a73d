import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { CacheLog } from './log.ts';

// ioredis is loaded only when a Redis URL is configured (~20 MB of a gateway's memory otherwise spent for
// nothing); it is CommonJS, so a synchronous require keeps connectRedis synchronous.
const load = () => (createRequire(import.meta.url)('ioredis') as typeof import('ioredis')).Redis;

/** Where the shared tier stands: `off` (no REDIS_URL), `connecting`, `ready`, or `unreachable` (serving from memory). */
export type RedisState = 'off' | 'connecting' | 'ready' | 'unreachable';

/** A Redis connection the caches share, with what they need to decide, per call, whether to use it. */
export interface RedisLink {
  /** The client; undefined when no Redis is configured. */
  readonly client: Redis | undefined;
  /** The URL without its password, for logs and `/ready`. */
  readonly label: string | undefined;
  /** What the client puts in front of every key. */
  readonly keyPrefix: string;
  state(): RedisState;
  /** True when commands can be sent now; callers use their memory tier otherwise. */
  usable(): boolean;
  /** Called each time the connection becomes ready again after an outage (pending purges are replayed then). */
  onRecover(listener: () => void): void;
  /** Reports a failed command: logged once per outage, and the link counts as unreachable until the next `ready`. */
  failed(error: unknown, operation: string): void;
  /** Closes the connection (waits for pending replies when connected). */
  close(): Promise<void>;
}

/** Options of {@link connectRedis}. */
export interface RedisLinkOptions {
  /**
   * How long one command may take before the caller gives up on Redis and uses its memory tier. Cache reads
   * sit on the request path, so this bounds what a slow Redis can add to an answer.
   * @default 250
   */
  commandTimeoutMs?: number;
  /** @default 1_000 */
  connectTimeoutMs?: number;
  /**
   * Put in front of every key (ioredis `keyPrefix`), so several gateways, or other applications, can share one
   * Redis database. Patterns given to SCAN are not prefixed by ioredis: callers add it themselves.
   * @default 'wpgw:'
   */
  keyPrefix?: string;
}

/** The link when REDIS_URL is not set: every cache stays in memory. */
export const NO_REDIS: RedisLink = {
  client: undefined,
  label: undefined,
  keyPrefix: '',
  state: () => 'off',
  usable: () => false,
  onRecover: () => {},
  failed: () => {},
  close: async () => {},
};

/**
 * Connects to Redis for the shared caches. Redis is an optimisation, never a dependency: commands are not
 * queued while disconnected (`enableOfflineQueue: false`), so a cache call fails at once and the caller falls
 * back to memory instead of waiting; ioredis keeps reconnecting in the background, and the state change is
 * logged once each way (not once per request).
 */
export function connectRedis(url: string | undefined, log: CacheLog, options: RedisLinkOptions = {}): RedisLink {
  if (!url) return NO_REDIS;
  const label = redact(url);
  const keyPrefix = options.keyPrefix ?? 'wpgw:';
  const RedisClient = load();
  const client = new RedisClient(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: options.connectTimeoutMs ?? 1_000,
    // Reconnect forever, backing off to one attempt every 2 s: the gateway serves from memory meanwhile.
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
    lazyConnect: false,
  });
  let outage = false;
  let closing = false;
  const listeners: (() => void)[] = [];
  const down = (reason: string) => {
    if (outage || closing) return;
    outage = true;
    log.warn({ redis: label, reason }, 'Redis unreachable: caches and persisted queries are served from memory until it is back');
  };
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash on the first one.
  client.on('error', (error: Error) => down(error.message));
  client.on('end', () => down('connection closed'));
  client.on('ready', () => {
    if (outage) log.info({ redis: label }, 'Redis reachable again: shared caches back in use');
    outage = false;
    for (const listener of listeners) listener();
  });

  return {
    client,
    label,
    keyPrefix,
    state() {
      if (client.status === 'ready' && !outage) return 'ready';
      return outage ? 'unreachable' : 'connecting';
    },
    usable: () => client.status === 'ready' && !outage,
    onRecover: (listener) => void listeners.push(listener),
    failed(error, operation) {
      down(`${operation}: ${error instanceof Error ? error.message : String(error)}`);
      // A timed-out command leaves the socket up ('ready'): probe it so the link recovers without a reconnect.
      if (client.status === 'ready') {
        client.ping().then(
          () => {
            if (outage && !closing) {
              outage = false;
              log.info({ redis: label }, 'Redis answering again: shared caches back in use');
              for (const listener of listeners) listener();
            }
          },
          () => {},
        );
      }
    },
    async close() {
      closing = true;
      if (client.status === 'ready') {
        await client.quit().catch(() => client.disconnect());
      } else {
        client.disconnect();
      }
    },
  };
}

/** `redis://user:secret@host:6379/0` → `redis://user:***@host:6379/0`. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis';
  }
}
