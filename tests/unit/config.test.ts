import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envExample } from '../../scripts/write-env-example.ts';
import { ConfigError, loadConfig, SETTINGS, serviceAuthorization } from '../../src/config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults with nothing set', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({
      wordpressUrl: undefined,
      port: 4000,
      host: '127.0.0.1',
      workers: 1,
      maxDepth: 15,
      cacheTtlMs: 60000,
      introspection: true,
      corsOrigins: ['*'],
      upstreamConcurrency: 6,
      upstreamQueue: 1024,
      upstreamAdaptive: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes flags over environment variables', () => {
    const config = loadConfig({ port: '5000' }, { PORT: '6000', WORDPRESS_URL: 'https://example.com', INTROSPECTION: 'false' });
    expect(config).toMatchObject({ port: 5000, wordpressUrl: 'https://example.com', introspection: false });
  });

  it('lists every bad value at once, each with the expected form', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(
        { port: '99999', 'max-depth': 'deep' },
        { WORDPRESS_URL: 'not a url', INTROSPECTION: 'maybe', LOG_LEVEL: 'loud', UPSTREAM_CONCURRENCY: '-1' },
      );
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      '--wordpress-url / WORDPRESS_URL: expected a URL like https://example.com, got "not a url"',
      '--port / PORT: expected a whole number from 0 to 65535, got "99999"',
      '--log-level / LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      '--upstream-concurrency / UPSTREAM_CONCURRENCY: expected a whole number from 1 to 256, got "-1"',
      '--max-depth / MAX_DEPTH: expected a whole number from 1 to 1000, got "deep"',
      '--introspection / INTROSPECTION: expected true or false, got "maybe"',
    ]);
  });

  it('.env.example documents every setting (run `npm run env:example` after adding one)', () => {
    const committed = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    expect(committed).toBe(envExample());
    for (const setting of Object.values(SETTINGS)) expect(committed).toContain(`# ${setting.env}=`);
  });
});

describe('serviceAuthorization', () => {
  const none = { serviceCredentials: undefined, menusCredentials: undefined };
  it('sends user:application password as HTTP Basic, a value with a scheme as given, nothing when unset', () => {
    expect(serviceAuthorization({ ...none, serviceCredentials: 'reader:abcd efgh ijkl' })).toBe(`Basic ${btoa('reader:abcd efgh ijkl')}`);
    expect(serviceAuthorization({ ...none, serviceCredentials: 'Bearer eyJ0' })).toBe('Bearer eyJ0');
    expect(serviceAuthorization(none)).toBeUndefined();
    expect(loadConfig({}, { SERVICE_CREDENTIALS: 'a:b' }).serviceCredentials).toBe('a:b');
  });

  it('still reads the former name, menus-credentials (MENUS_CREDENTIALS), when service-credentials is unset', () => {
    expect(serviceAuthorization(loadConfig({}, { MENUS_CREDENTIALS: 'old:pw' }))).toBe(`Basic ${btoa('old:pw')}`);
    expect(serviceAuthorization(loadConfig({}, { MENUS_CREDENTIALS: 'old:pw', SERVICE_CREDENTIALS: 'new:pw' }))).toBe(
      `Basic ${btoa('new:pw')}`,
    );
  });
});
