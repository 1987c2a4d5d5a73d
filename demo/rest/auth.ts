/**
 * HTTP Basic authentication with application passwords, as `wp_authenticate_application_password()` does
 * it: the user is found by login (or e-mail), the password is compared with every character that is not a
 * letter or digit removed (so `abcd EFGH …` and `abcdEFGH…` both work). Credentials that do not authenticate
 * (unknown user, wrong or empty password) leave the request anonymous — what WordPress 6.1 was measured to
 * answer: `/wp/v2/posts` 200 as for anyone, `/wp/v2/users/me` 401 `rest_not_logged_in`, never the
 * `incorrect_password`/`invalid_username` errors its code names. Roles map to the handful of capabilities the
 * read endpoints check.
 */
import type { DemoContent, StoredUser } from '../content-types.ts';

/** The capabilities read endpoints consult. */
export type Capability =
  | 'edit_posts'
  | 'edit_others_posts'
  | 'read_private_posts'
  | 'publish_posts'
  | 'upload_files'
  | 'moderate_comments'
  | 'manage_categories'
  | 'list_users'
  | 'edit_users'
  | 'edit_theme_options'
  | 'manage_options';

const ROLE_CAPS: Record<string, Capability[]> = {
  administrator: [
    'edit_posts',
    'edit_others_posts',
    'read_private_posts',
    'publish_posts',
    'upload_files',
    'moderate_comments',
    'manage_categories',
    'list_users',
    'edit_users',
    'edit_theme_options',
    'manage_options',
  ],
  editor: [
    'edit_posts',
    'edit_others_posts',
    'read_private_posts',
    'publish_posts',
    'upload_files',
    'moderate_comments',
    'manage_categories',
  ],
  author: ['edit_posts', 'publish_posts', 'upload_files'],
  contributor: ['edit_posts'],
  subscriber: [],
};

/** A user's capabilities as `/wp/v2/users?context=edit` prints them (`{ edit_posts: true, …, <role>: true }`). */
export function capabilitiesOf(roles: readonly string[]): Record<string, boolean> {
  const caps: Record<string, boolean> = {};
  for (const role of roles) for (const cap of ROLE_CAPS[role] ?? []) caps[cap] = true;
  for (const role of roles) caps[role] = true;
  return caps;
}

/** The signed-in user a request acts as. */
export interface Viewer {
  userId: number;
  roles: string[];
  can(cap: Capability): boolean;
}

function viewerFor(user: StoredUser): Viewer {
  const roles = user._demo?.roles ?? [];
  const caps = new Set(roles.flatMap((r) => ROLE_CAPS[r] ?? []));
  return { userId: user.id, roles, can: (cap) => caps.has(cap) };
}

const normalise = (password: string) => password.replace(/[^a-z\d]/gi, '');

/** The user a request's `Authorization` header signs in, or `null` (anonymous): no `Basic` credentials, or failing ones. */
export function authenticate(header: string | undefined, content: DemoContent): Viewer | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const isEmail = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(username);
  const user =
    content.users.find((u) => u._demo?.login === username) ??
    (isEmail ? content.users.find((u) => u._demo?.email.toLowerCase() === username.toLowerCase()) : undefined);
  if (!user) return null;
  const ok = content.credentials.some(
    (c) => c.user_id === user.id && normalise(c.application_password) === normalise(password) && password !== '',
  );
  return ok ? viewerFor(user) : null;
}
