/**
 * Settings from command-line flags, falling back to environment variables, validated once into a frozen
 * Config. One ConfigError lists every bad value with what was expected. Every setting is declared once in
 * SETTINGS (flag name, variable, kind, default, help): the CLI help, `.env.example` and the README table are
 * read off it.
 */

type Kind =
  | { type: 'url' }
  | { type: 'string' }
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'list' }
  | { type: 'ttls' }
  | { type: 'enum'; values: readonly string[] };

interface Setting {
  env: string;
  kind: Kind;
  /** The default as it would be typed; undefined for "unset". */
  default: string | undefined;
  help: string;
}

const int = (min: number, max: number): Kind => ({ type: 'int', min, max });

/** Every setting, by flag name (`--wordpress-url`). */
export const SETTINGS = {
  'wordpress-url': {
    env: 'WORDPRESS_URL',
    kind: { type: 'url' },
    default: undefined,
    help: 'WordPress site URL, e.g. https://example.com (unset: the embedded demo site)',
  },
  port: { env: 'PORT', kind: int(0, 65535), default: '4000', help: 'port to listen on (0 picks a free one)' },
  host: { env: 'HOST', kind: { type: 'string' }, default: '127.0.0.1', help: 'address to listen on (0.0.0.0 for every interface)' },
  workers: { env: 'WORKERS', kind: int(1, 64), default: '1', help: 'processes serving the same port (node:cluster)' },
  'log-level': {
    env: 'LOG_LEVEL',
    kind: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    default: 'info',
    help: 'pino log level',
  },
  'upstream-timeout-ms': {
    env: 'UPSTREAM_TIMEOUT_MS',
    kind: int(100, 600_000),
    default: '15000',
    help: 'how long to wait for WordPress, in ms',
  },
  'upstream-concurrency': {
    env: 'UPSTREAM_CONCURRENCY',
    kind: int(1, 256),
    default: '6',
    help: "most requests WordPress is asked to serve at once (set it at or below the site's PHP workers); the rest wait in the gateway's queue",
  },
  'upstream-queue': {
    env: 'UPSTREAM_QUEUE',
    kind: int(1, 1_000_000),
    default: '1024',
    help: 'most requests waiting for WordPress; more are refused with UPSTREAM_OVERLOADED',
  },
  'upstream-adaptive': {
    env: 'UPSTREAM_ADAPTIVE',
    kind: { type: 'bool' },
    default: 'true',
    help: 'lower the upstream concurrency when WordPress shows overload (429, 502-504, timeouts), raise it back on success',
  },
  'upstream-retries': { env: 'UPSTREAM_RETRIES', kind: int(0, 10), default: '2', help: 'retries of a failed idempotent GET to WordPress' },
  'max-depth': { env: 'MAX_DEPTH', kind: int(1, 1000), default: '15', help: 'deepest selection a query may have' },
  'max-aliases': { env: 'MAX_ALIASES', kind: int(0, 10_000), default: '30', help: 'most aliases in one operation' },
  'max-tokens': { env: 'MAX_TOKENS', kind: int(10, 1_000_000), default: '5000', help: 'most tokens in one document' },
  'max-cost': {
    env: 'MAX_COST',
    kind: int(1, 100_000_000),
    default: '50000',
    help: 'most estimated cost (records WordPress must produce) per operation',
  },
  'max-batch': { env: 'MAX_BATCH', kind: int(1, 1000), default: '10', help: 'most operations in one batched HTTP request' },
  introspection: {
    env: 'INTROSPECTION',
    kind: { type: 'bool' },
    default: 'true',
    help: 'answer introspection queries (turn off in production if you like)',
  },
  'cors-origins': {
    env: 'CORS_ORIGINS',
    kind: { type: 'list' },
    default: '*',
    help: 'comma-separated origins allowed by CORS (* for any)',
  },
  'redis-url': {
    env: 'REDIS_URL',
    kind: { type: 'url' },
    default: undefined,
    help: 'Redis for the shared caches and persisted queries (unset: in memory)',
  },
  'cache-ttl-ms': {
    env: 'CACHE_TTL_MS',
    kind: int(0, 86_400_000),
    default: '60000',
    help: 'response cache lifetime (0 turns the response cache off)',
  },
  'cache-ttl-per-type': {
    env: 'CACHE_TTL_PER_TYPE',
    kind: { type: 'ttls' },
    default: undefined,
    help: 'response cache lifetimes per GraphQL type, e.g. Comment=10000,GeneralSettings=600000',
  },
  'entity-cache-ttl-ms': {
    env: 'ENTITY_CACHE_TTL_MS',
    kind: int(0, 86_400_000),
    default: '30000',
    help: 'lifetime of records kept by collection and id (0: off)',
  },
  'reference-collections-max': {
    env: 'REFERENCE_COLLECTIONS_MAX',
    kind: int(0, 10_000),
    default: '500',
    help: 'hold categories, tags and users whole in the entity cache when a collection has at most this many records (0: off)',
  },
  'stale-if-error-ms': {
    env: 'STALE_IF_ERROR_MS',
    kind: int(0, 604_800_000),
    default: '300000',
    help: 'how old a cached answer may be when served because WordPress is failing',
  },
  'stale-while-revalidate-ms': {
    env: 'STALE_WHILE_REVALIDATE_MS',
    kind: int(0, 86_400_000),
    default: '60000',
    help: 'how long past its lifetime a cached answer or record is still served while it is refreshed once in the background (0: off)',
  },
  'purge-secret': {
    env: 'PURGE_SECRET',
    kind: { type: 'string' },
    default: undefined,
    help: 'bearer secret for POST /cache/purge (unset: purge endpoint off)',
  },
  'auth-secret': {
    env: 'AUTH_SECRET',
    kind: { type: 'string' },
    default: undefined,
    help: 'secret (32+ characters) that seals the tokens of the login mutation (unset: login and refreshJwtAuthToken are off)',
  },
  'comment-rate-limit': {
    env: 'COMMENT_RATE_LIMIT',
    kind: int(0, 10_000),
    default: '5',
    help: "anonymous comments accepted per client address per minute, across the instances sharing redis-url (0: no limit; WordPress's own flood check still applies)",
  },
  'trust-proxy': {
    env: 'TRUST_PROXY',
    kind: { type: 'bool' },
    default: 'false',
    help: "take the client address from the last X-Forwarded-For entry (only behind a proxy that sets it); else the connection's address",
  },
  'media-fetch-private': {
    env: 'MEDIA_FETCH_PRIVATE',
    kind: { type: 'bool' },
    default: 'false',
    help: "let createMediaItem's filePath name loopback and private addresses (off: only public ones, against server-side request forgery)",
  },
  'service-credentials': {
    env: 'SERVICE_CREDENTIALS',
    kind: { type: 'string' },
    default: undefined,
    help: "credentials of a service account for the public reads REST keeps behind a login (menus at a theme location: edit_posts; general, reading, writing and discussion settings: manage_options; public authors' first and last names: list_users; users' approved comments for viewers REST refuses the author filter: edit_posts): 'user:application password' (HTTP Basic) or a whole Authorization value ('Bearer …'); never forwarded for anything else (unset: menus are read with the viewer's own, those settings and names are null, User.comments is FORBIDDEN for anonymous viewers)",
  },
  'menus-credentials': {
    env: 'MENUS_CREDENTIALS',
    kind: { type: 'string' },
    default: undefined,
    help: 'former name of --service-credentials, still read when that is unset',
  },
  'execution-jit': {
    env: 'EXECUTION_JIT',
    kind: { type: 'bool' },
    default: 'true',
    help: 'run a document with graphql-jit from its second sight (graphql-js runs the first, and bad variables)',
  },
  'debug-upstream': {
    env: 'DEBUG_UPSTREAM',
    kind: { type: 'bool' },
    default: 'false',
    help: 'always add extensions.upstream (else only with header x-gateway-debug: 1)',
  },
  discovery: {
    env: 'DISCOVERY',
    kind: { type: 'bool' },
    default: 'true',
    help: "serve the site's custom post types, taxonomies, registered meta and Yoast SEO fields, discovered from REST at start-up and on SIGHUP",
  },
  'discovery-interval-ms': {
    env: 'DISCOVERY_INTERVAL_MS',
    kind: int(0, 86_400_000),
    default: '0',
    help: 'discover again this often, in ms, swapping the new schema in (0: only at start-up and on SIGHUP)',
  },
  'discovery-names': {
    env: 'DISCOVERY_NAMES',
    kind: { type: 'string' },
    default: undefined,
    help: 'JSON file of GraphQL names per post type or taxonomy slug: {"book": {"single": "book", "plural": "books"}}',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** The validated settings. */
export interface Config {
  /** undefined → the embedded demo site. */
  readonly wordpressUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly workers: number;
  readonly logLevel: string;
  readonly upstreamTimeoutMs: number;
  readonly upstreamRetries: number;
  readonly upstreamConcurrency: number;
  readonly upstreamQueue: number;
  readonly upstreamAdaptive: boolean;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly maxBatch: number;
  readonly introspection: boolean;
  /** `['*']` allows any origin. */
  readonly corsOrigins: readonly string[];
  readonly redisUrl: string | undefined;
  readonly cacheTtlMs: number;
  /** `{ Comment: 10000 }`: lifetimes per GraphQL type, over `cacheTtlMs`. */
  readonly cacheTtlPerType: Readonly<Record<string, number>> | undefined;
  readonly entityCacheTtlMs: number;
  readonly referenceCollectionsMax: number;
  readonly staleIfErrorMs: number;
  readonly staleWhileRevalidateMs: number;
  readonly purgeSecret: string | undefined;
  /** Seals login tokens; undefined turns `login` and `refreshJwtAuthToken` off. */
  readonly authSecret: string | undefined;
  readonly commentRateLimit: number;
  readonly trustProxy: boolean;
  /** createMediaItem may fetch from loopback and private addresses (src/wordpress/remote-file.ts). */
  readonly mediaFetchPrivate: boolean;
  /** `user:application password`, or a whole `Authorization` value; see {@link serviceAuthorization}. */
  readonly serviceCredentials: string | undefined;
  /** The former name of {@link serviceCredentials}, used when that is unset. */
  readonly menusCredentials: string | undefined;
  readonly executionJit: boolean;
  readonly debugUpstream: boolean;
  readonly discovery: boolean;
  readonly discoveryIntervalMs: number;
  /** A JSON file of name overrides (src/discovery/names.ts). */
  readonly discoveryNames: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function parse(name: SettingName, raw: string, problems: string[]): unknown {
  const setting: Setting = SETTINGS[name];
  const label = `--${name} / ${setting.env}`;
  const kind = setting.kind;
  switch (kind.type) {
    case 'url':
      try {
        const url = new URL(raw);
        if (!['http:', 'https:', 'redis:', 'rediss:'].includes(url.protocol)) throw new Error('protocol');
        return raw;
      } catch {
        problems.push(
          `${label}: expected a URL like ${name === 'redis-url' ? 'redis://127.0.0.1:6379' : 'https://example.com'}, got ${JSON.stringify(raw)}`,
        );
        return undefined;
      }
    case 'int': {
      const n = /^\s*\d+\s*$/.test(raw) ? Number(raw.trim()) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < kind.min || n > kind.max) {
        problems.push(`${label}: expected a whole number from ${kind.min} to ${kind.max}, got ${JSON.stringify(raw)}`);
        return kind.min;
      }
      return n;
    }
    case 'bool':
      if (/^(true|1|yes|on)$/i.test(raw)) return true;
      if (/^(false|0|no|off)$/i.test(raw)) return false;
      problems.push(`${label}: expected true or false, got ${JSON.stringify(raw)}`);
      return false;
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'ttls': {
      const ttls: Record<string, number> = {};
      for (const pair of raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\d+)$/.exec(pair);
        if (!match) {
          problems.push(`${label}: expected Type=milliseconds pairs like Comment=10000,Post=60000, got ${JSON.stringify(pair)}`);
          continue;
        }
        ttls[match[1]!] = Number(match[2]);
      }
      return ttls;
    }
    case 'enum':
      if (!kind.values.includes(raw)) problems.push(`${label}: expected one of ${kind.values.join(', ')}, got ${JSON.stringify(raw)}`);
      return raw;
    case 'string':
      if (!raw.trim()) problems.push(`${label}: expected a non-empty value`);
      return raw;
  }
}

/** Builds the Config from flags (already parsed) and the environment; throws ConfigError listing every problem. */
export function loadConfig(flags: Partial<Record<SettingName, string>> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const setting: Setting = SETTINGS[name];
    const given = flags[name] ?? env[setting.env];
    const raw = given === '' ? undefined : (given ?? setting.default);
    config[camel(name)] = raw === undefined ? undefined : parse(name, raw, problems);
  }
  const secret = config.authSecret as string | undefined;
  if (secret !== undefined && secret.length < 32) {
    problems.push(`--auth-secret / AUTH_SECRET: expected at least 32 characters (e.g. openssl rand -base64 32), got ${secret.length}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config) as unknown as Config;
}

/**
 * The `Authorization` header of `service-credentials` (or its former name `menus-credentials`): a value with a
 * scheme (`Basic …`, `Bearer …`) as given, `user:application password` as HTTP Basic; undefined when unset.
 */
export function serviceAuthorization(config: Pick<Config, 'serviceCredentials' | 'menusCredentials'>): string | undefined {
  const value = (config.serviceCredentials ?? config.menusCredentials)?.trim();
  if (!value) return undefined;
  if (/^(basic|bearer)\s+\S/i.test(value)) return value;
  return `Basic ${Buffer.from(value, 'utf8').toString('base64')}`;
}
