/**
 * HTTP Basic authentication with application passwords, as `wp_authenticate_application_password()` does
 * it: the user is found by login (or e-mail), the password is compared with every character that is not a
 * letter or digit removed (so `abcd EFGH …` and `abcdEFGH…` both work), and a failure is a 401 before any
 * route runs. Roles map to the handful of capabilities the read endpoints check.
 */
import type { DemoContent, StoredUser } from '../content-types.ts';
import { WpError } from './errors.ts';

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
  | 'edit_theme_options';

const ROLE_CAPS: Record<string, Capability[]> = {
  administrator: ['edit_posts', 'edit_others_posts', 'read_private_posts', 'publish_posts', 'upload_files', 'moderate_comments', 'manage_categories', 'list_users', 'edit_users', 'edit_theme_options'],
  editor: ['edit_posts', 'edit_others_posts', 'read_private_posts', 'publish_posts', 'upload_files', 'moderate_comments', 'manage_categories'],
  author: ['edit_posts', 'publish_posts', 'upload_files'],
  contributor: ['edit_posts'],
  subscriber: [],
};

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

/** The outcome of reading a request's `Authorization` header. */
export type AuthResult = { viewer: Viewer | null; error: null } | { viewer: null; error: WpError };

const normalise = (password: string) => password.replace(/[^a-z\d]/gi, '');

/** Authenticates a request from its `Authorization` header; anything but `Basic` is anonymous. */
export function authenticate(header: string | undefined, content: DemoContent): AuthResult {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return { viewer: null, error: null };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const isEmail = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(username);
  const user =
    content.users.find((u) => u._demo?.login === username) ??
    (isEmail ? content.users.find((u) => u._demo?.email.toLowerCase() === username.toLowerCase()) : undefined);
  if (!user) {
    const error = isEmail
      ? new WpError('invalid_email', '<strong>Error:</strong> Unknown email address. Check again or try your username.', { status: 401 })
      : new WpError('invalid_username', '<strong>Error:</strong> Unknown username. Check again or try your email address.', { status: 401 });
    return { viewer: null, error };
  }
  const ok = content.credentials.some(
    (c) => c.user_id === user.id && normalise(c.application_password) === normalise(password) && password !== '',
  );
  if (!ok) {
    return { viewer: null, error: new WpError('incorrect_password', 'The provided password is an invalid application password.', { status: 401 }) };
  }
  return { viewer: viewerFor(user), error: null };
}
