import type { WordPressClient } from '../wordpress/client.ts';

/**
 * The theme's registered menu locations (`primary`, `footer`), for `MenuLocationEnum` (src/schema/menu-locations.ts):
 * `GET /wp/v2/menu-locations` with the service account (config `service-credentials`), which WordPress answers only
 * to users who can `edit_theme_options`. Only the locations' keys are kept. Undefined when there is no account, the
 * site has no such route (before 5.9), or WordPress refuses: the schema then keeps its fixed list of common names.
 */
export async function discoverMenuLocations(
  client: WordPressClient,
  serviceAuthorization: string | undefined,
): Promise<string[] | undefined> {
  if (serviceAuthorization === undefined) return undefined;
  try {
    // No `_fields`: the answer is an object keyed by location, which `_fields` would empty.
    const { data } = await client.get<Record<string, { name?: string }>>(
      '/wp/v2/menu-locations',
      {},
      { authorization: serviceAuthorization },
    );
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    return Object.entries(data).map(([key, location]) => (typeof location?.name === 'string' ? location.name : key));
  } catch {
    // Refused, or no route: the fixed list stays (start-up and `check` report the account's capabilities).
    return undefined;
  }
}
