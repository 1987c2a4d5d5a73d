import { inject } from 'vitest';

/** HTTP Basic credentials: a user name and one of its application passwords. */
export interface WordPressCredentials {
  user: string;
  appPassword: string;
}

/**
 * The WordPress the `wordpress` suite runs against, as tests/wordpress/global-setup.ts provides it
 * (`inject('wordpress')`, or {@link wordpressTarget}).
 */
export interface WordPressTarget {
  /** Site URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /**
   * REST root without a trailing slash: `<url>/wp-json`, or `<url>/?rest_route=` for an existing site
   * without pretty permalinks. Build request URLs with {@link restUrl}.
   */
  restRoot: string;
  /** `harness`: installed and started by tests/wordpress/start.sh; `env`: WORDPRESS_TEST_URL. */
  source: 'harness' | 'env';
  /**
   * True when the site carries tests/wordpress/seed.php's content (its description ends with
   * `seed <SEED_VERSION>`): the ids in seed-ids.ts hold. Always true for `harness`.
   */
  seeded: boolean;
  /**
   * An editor's application password (harness: `editor`; env: WORDPRESS_TEST_USER /
   * WORDPRESS_TEST_APP_PASSWORD). Null when an existing site was given without credentials.
   */
  auth: WordPressCredentials | null;
  /** The administrator's application password and login password; harness only. */
  admin: (WordPressCredentials & { password: string }) | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressTarget;
  }
}

/** The target provided by the global setup. Call inside a test file (not in global setup). */
export function wordpressTarget(): WordPressTarget {
  const target = inject('wordpress');
  if (!target) {
    // Without the global setup (e.g. a bare `vitest run` of every project) there is no site to test.
    throw new Error('no WordPress provided: run the wordpress suite with `npm run test:wordpress`');
  }
  return target;
}

/**
 * A REST URL for `route` (e.g. `/wp/v2/posts`) with query parameters, valid for both REST root styles
 * (`/wp-json/wp/v2/posts?x=1` and `/?rest_route=/wp/v2/posts&x=1`).
 */
export function restUrl(
  target: Pick<WordPressTarget, 'restRoot'>,
  route: string,
  query: Record<string, string | number | boolean> = {},
): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  if (target.restRoot.endsWith('?rest_route=')) {
    return `${target.restRoot}${route}${search ? `&${search}` : ''}`;
  }
  return `${target.restRoot}${route}${search ? `?${search}` : ''}`;
}

/** The `Authorization` header value for HTTP Basic with an application password. */
export function basicAuth(credentials: WordPressCredentials): string {
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.appPassword}`).toString('base64')}`;
}
