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
 * The signed-in viewer's id and roles: `/wp/v2/users/me?context=edit&_fields=id,roles` (a user may read their own
 * record in the edit context); null when anonymous or when WordPress refuses.
 */
export async function loadViewerRoles(scope: UpstreamRequestScope): Promise<{ id: number; roles: string[] } | null> {
  if (!scope.authorization) return null;
  try {
    const { data } = await scope.client.get<RestUser & { roles?: string[] }>(
      '/wp/v2/users/me',
      { context: 'edit', _fields: 'id,roles' },
      { authorization: scope.authorization },
    );
    return { id: data.id, roles: Array.isArray(data.roles) ? data.roles : [] };
  } catch (error) {
    if (error instanceof WordPressError) return null;
    throw error;
  }
}
