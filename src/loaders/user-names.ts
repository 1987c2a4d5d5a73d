import DataLoader from 'dataloader';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestUserNames } from '../wordpress/rest-types.ts';
import { MAX_PER_PAGE, type UpstreamRequestScope } from './records.ts';

/** A public user's names as WPGraphQL prints them (`first_name` / `last_name` user meta, null when empty). */
export interface UserNames {
  firstName: string | null;
  lastName: string | null;
}

/** The query of one batch: only the names, only of users REST lists anonymously (authors of published posts). */
export function userNamesQuery(ids: readonly number[]) {
  return {
    include: [...ids],
    per_page: ids.length,
    context: 'edit',
    has_published_posts: true,
    _fields: 'id,first_name,last_name',
  };
}

/**
 * `User.firstName` / `lastName`: WPGraphQL shows them to every viewer for the users it shows publicly (Model/User.php
 * `$allowed_restricted_fields`), those with published posts; REST prints them only with `context=edit`, which needs
 * `list_users`. So they are read with the service account (config `service-credentials`), batched:
 * `GET /wp/v2/users?include=<ids>&context=edit&has_published_posts=true&_fields=id,first_name,last_name` — one
 * request per batch of up to 100 ids, whatever else the request reads.
 *
 * `has_published_posts=true` narrows the answer to exactly the users WordPress lists to anonymous clients, so the
 * account's `list_users` never reveals anyone else (a user without published posts gets null, as for an anonymous
 * WPGraphQL viewer), and `_fields` keeps everything else `context=edit` would print (email, roles, capabilities) out
 * of the gateway. Without a service account, or when WordPress refuses it, every name is null. The viewer's own
 * credentials are not used: an editor cannot `list_users`, and the answer is the same for every viewer.
 */
export function createUserNamesLoader(
  scope: UpstreamRequestScope,
  serviceAuthorization: string | undefined,
): DataLoader<number, UserNames | null> {
  return new DataLoader<number, UserNames | null>(
    async (ids) => {
      if (serviceAuthorization === undefined) return ids.map(() => null);
      try {
        const { data } = await scope.client.get<RestUserNames[]>('/wp/v2/users', userNamesQuery(ids), {
          authorization: serviceAuthorization,
        });
        const byId = new Map<number, UserNames>();
        for (const record of Array.isArray(data) ? data : []) {
          if (record && typeof record.id === 'number') {
            // WPGraphQL: `! empty( $this->data->first_name ) ? … : null`.
            byId.set(record.id, { firstName: record.first_name || null, lastName: record.last_name || null });
          }
        }
        return ids.map((id) => byId.get(id) ?? null);
      } catch (error) {
        if (error instanceof WordPressError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) return ids.map(() => null);
        throw error;
      }
    },
    { maxBatchSize: MAX_PER_PAGE },
  );
}
