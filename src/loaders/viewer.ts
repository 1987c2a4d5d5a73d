import { GraphQLError } from 'graphql';
import type { SiteContext } from '../models/site.ts';
import type { UserModel } from '../models/user.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestUser } from '../wordpress/rest-types.ts';
import type { UpstreamRequestScope } from './records.ts';
import { toModels } from './to-model.ts';

/**
 * The signed-in viewer: `/wp/v2/users/me` with the viewer's credentials; null when anonymous, as WPGraphQL.
 * Credentials WordPress does not accept are an UNAUTHENTICATED error saying so.
 */
export async function loadViewer(scope: UpstreamRequestScope, site: SiteContext): Promise<UserModel | null> {
  if (!scope.authorization) return null;
  try {
    const { data } = await scope.client.get<RestUser>('/wp/v2/users/me', {}, { authorization: scope.authorization });
    return toModels('users', [data], site)[0]!;
  } catch (error) {
    if (error instanceof WordPressError && error.code === 'UNAUTHENTICATED') {
      throw new GraphQLError('WordPress did not accept the credentials sent in Authorization.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    throw error;
  }
}

/**
 * What WordPress shows a signed-in viewer of their own user record in the edit context, in WPGraphQL's output: a
 * user is never restricted to themself (Model/User.php `is_private()`: `owner_matches_current_user()`), so
 * WPGraphQL gives them these fields of their own record, which REST's view context never carries.
 */
export interface ViewerSelf {
  id: number;
  roles: string[];
  /** `user_login` (REST `username`), `''` → null. */
  username: string | null;
  /** `user_email` (REST `email`). */
  email: string | null;
  /** The `nickname` meta. */
  nickname: string | null;
  /** `user_nicename` (REST `slug`). */
  nicename: string | null;
  /** `get_user_locale()`; REST `locale` is the same call. */
  locale: string | null;
  /** `gmdate( 'c', strtotime( user_registered ) )`; REST `registered_date` is the same expression. */
  registeredDate: string | null;
}

/** The edit-context fields {@link ViewerSelf} reads: nothing else of the viewer's own record is asked for. */
export const VIEWER_SELF_FIELDS = 'id,roles,username,email,nickname,slug,locale,registered_date';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The signed-in viewer's own record: `/wp/v2/users/me?context=edit&_fields=…` with the viewer's own credentials (a
 * user may read their own record in the edit context; nobody else's is read so); null when anonymous or when
 * WordPress refuses.
 */
export async function loadViewerSelf(scope: UpstreamRequestScope): Promise<ViewerSelf | null> {
  if (!scope.authorization) return null;
  try {
    const { data } = await scope.client.get<RestUser & Record<string, unknown>>(
      '/wp/v2/users/me',
      { context: 'edit', _fields: VIEWER_SELF_FIELDS },
      { authorization: scope.authorization },
    );
    return {
      id: data.id,
      roles: Array.isArray(data.roles) ? (data.roles as string[]) : [],
      username: text(data.username),
      email: text(data.email),
      nickname: text(data.nickname),
      nicename: text(data.slug),
      locale: text(data.locale),
      registeredDate: text(data.registered_date),
    };
  } catch (error) {
    if (error instanceof WordPressError) return null;
    throw error;
  }
}
