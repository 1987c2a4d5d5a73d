import type { WordPressClient } from '../wordpress/client.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestIndex } from '../wordpress/rest-types.ts';

/** One public read the service account is for, and the capability WordPress's REST API asks for it. */
interface ServiceRead {
  capability: string;
  what: string;
  without: string;
  /** Only on sites with the menu routes (WordPress 5.9 and later). */
  menus?: true;
}

/** What the service account (config `service-credentials`) is used for, by capability. */
export const SERVICE_READS: readonly ServiceRead[] = [
  {
    capability: 'edit_posts',
    what: 'menus at theme locations (/wp/v2/menus)',
    without: 'anonymous viewers get no menus',
    menus: true,
  },
  {
    capability: 'edit_theme_options',
    what: "the theme's menu locations (/wp/v2/menu-locations, for MenuLocationEnum)",
    without: 'MenuLocationEnum is a fixed list of common location names',
    menus: true,
  },
  {
    capability: 'manage_options',
    what: 'public settings (/wp/v2/settings: date and time formats, language, reading, writing, discussion)',
    without: 'those settings are null unless the viewer may read them',
  },
  {
    capability: 'list_users',
    what: "public authors' first and last names (/wp/v2/users?context=edit)",
    without: 'User.firstName and lastName are null',
  },
  {
    capability: 'edit_posts',
    what: "users' approved comments (/wp/v2/comments?author=), for viewers WordPress refuses that filter",
    without: 'User.comments is a FORBIDDEN error for anonymous viewers',
  },
];

/** What start-up logs and `check` prints about the service account: one line, and whether it is a warning. */
export interface ServiceAccountReport {
  warning: boolean;
  message: string;
}

const NAME = 'service-credentials (SERVICE_CREDENTIALS)';

/**
 * Reads the service account's capabilities (`/wp/v2/users/me?context=edit&_fields=capabilities`, a user may read
 * their own record in the edit context) and says what the gateway can read with it and what is missing, naming the
 * capability. Undefined `authorization`: what is missing without one. Never prints the credentials: errors are
 * reported by WordPress's code only.
 */
export async function reportServiceAccount(
  client: Pick<WordPressClient, 'get'>,
  index: RestIndex,
  authorization: string | undefined,
): Promise<ServiceAccountReport> {
  const hasMenus = !!index.routes && '/wp/v2/menus' in index.routes;
  const reads = SERVICE_READS.filter((read) => hasMenus || !read.menus);
  const capabilities = [...new Set(reads.map((r) => r.capability))];
  if (authorization === undefined) {
    return {
      warning: true,
      message:
        `${NAME} is not set: ${reads.map((r) => r.without).join('; ')}, because WordPress's REST API shows them only to ` +
        `signed-in users; set it to the application password of an account with ${capabilities.join(', ')} ` +
        '(docs/compatibility.md#the-service-account)',
    };
  }
  let granted: Record<string, unknown>;
  try {
    const { data } = await client.get<{ capabilities?: Record<string, unknown> }>(
      '/wp/v2/users/me',
      { context: 'edit', _fields: 'id,capabilities' },
      { authorization },
    );
    granted = data.capabilities ?? {};
  } catch (error) {
    const why = error instanceof WordPressError ? `${error.status ?? ''} ${error.wpCode ?? error.code}`.trim() : 'no answer';
    return { warning: true, message: `${NAME}: WordPress did not accept them (${why}): ${reads.map((r) => r.without).join('; ')}` };
  }
  const allowed = reads.filter((r) => granted[r.capability] === true);
  const missing = reads.filter((r) => granted[r.capability] !== true);
  const parts = [
    allowed.length ? `reads ${allowed.map((r) => `${r.what} [${r.capability}]`).join(', ')}` : 'reads nothing the gateway needs',
    ...(missing.length ? [`missing ${missing.map((r) => `${r.capability}: ${r.without}`).join('; ')}`] : []),
  ];
  return { warning: missing.length > 0, message: `${NAME}: ${parts.join('; ')}` };
}
