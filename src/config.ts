/**
 * Settings from command-line flags, falling back to environment variables, validated once into a frozen
 * Config. One ConfigError lists every bad value with what was expected.
 */

export interface Config {
  /** The WordPress site URL (`--wordpress-url`, `WORDPRESS_URL`); undefined → the embedded demo site. */
  readonly wordpressUrl: string | undefined;
  /** @default 4000 (`--port`, `PORT`) */
  readonly port: number;
  /** @default '127.0.0.1' (`--host`, `HOST`); use 0.0.0.0 to listen on every interface */
  readonly host: string;
  /** Upstream header/body timeout in ms. @default 15000 (`--upstream-timeout-ms`, `UPSTREAM_TIMEOUT_MS`) */
  readonly upstreamTimeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The settings, by flag name, with their environment variable. */
export const SETTINGS = {
  'wordpress-url': { env: 'WORDPRESS_URL', help: 'WordPress site URL, e.g. https://example.com (unset: the embedded demo site)' },
  port: { env: 'PORT', help: 'port to listen on (default 4000; 0 picks a free one)' },
  host: { env: 'HOST', help: 'address to listen on (default 127.0.0.1)' },
  'upstream-timeout-ms': { env: 'UPSTREAM_TIMEOUT_MS', help: 'how long to wait for WordPress, in ms (default 15000)' },
} as const;

export type SettingName = keyof typeof SETTINGS;

function integer(raw: string, name: string, min: number, max: number, problems: string[]): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return min;
  }
  return n;
}

/** Builds the Config from flags (already parsed) and the environment; throws ConfigError listing every problem. */
export function loadConfig(flags: Partial<Record<SettingName, string>>, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = (name: SettingName) => flags[name] ?? env[SETTINGS[name].env] ?? undefined;
  const label = (name: SettingName) => `--${name} / ${SETTINGS[name].env}`;

  let wordpressUrl = value('wordpress-url');
  if (wordpressUrl === '') wordpressUrl = undefined;
  if (wordpressUrl !== undefined) {
    try {
      const url = new URL(wordpressUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      problems.push(`${label('wordpress-url')}: expected an http(s) URL like https://example.com, got ${JSON.stringify(wordpressUrl)}`);
    }
  }
  const port = integer(value('port') ?? '4000', label('port'), 0, 65535, problems);
  const host = value('host') ?? '127.0.0.1';
  if (!host.trim()) problems.push(`${label('host')}: expected an address like 127.0.0.1 or 0.0.0.0`);
  const upstreamTimeoutMs = integer(value('upstream-timeout-ms') ?? '15000', label('upstream-timeout-ms'), 100, 600_000, problems);

  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({ wordpressUrl, port, host, upstreamTimeoutMs });
}
