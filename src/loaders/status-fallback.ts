import type { RestQuery } from '../wordpress/client.ts';
import { WordPressError } from '../wordpress/errors.ts';

/**
 * Whether WordPress refused the `status` a request named. Credentials WordPress does not honour for other
 * statuses (a subscriber's, or ones it ignores) make it refuse them: a 400 `rest_invalid_param` when the
 * `status` argument fails validation, `rest_forbidden_status` (401/403) from controllers that check it
 * themselves. Written once for both readers of non-public statuses (lookups by id, list windows).
 */
function refusedStatus(error: unknown): boolean {
  if (!(error instanceof WordPressError)) return false;
  return error.code === 'BAD_USER_INPUT' || error.wpCode === 'rest_forbidden_status' || error.wpCode === 'rest_invalid_param';
}

/**
 * Sends `query`; when it names a `status` WordPress refuses to this viewer, asks again without it, for what
 * everyone may read (published records) — as WPGraphQL lists and looks up what the viewer may see instead of
 * failing. A query without `status` is sent once, and its errors are the caller's.
 */
export async function withoutRefusedStatus<T>(query: RestQuery, send: (query: RestQuery) => Promise<T>): Promise<T> {
  if (query.status === undefined) return send(query);
  try {
    return await send(query);
  } catch (error) {
    if (!refusedStatus(error)) throw error;
    return send({ ...query, status: undefined });
  }
}
