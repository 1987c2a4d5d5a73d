/**
 * Date strings as WPGraphQL prints them.
 *
 * Content nodes: `Utils::prepare_date_response()` (plugins/wp-graphql/src/Utils/Utils.php) returns
 * `mysql_to_rfc3339( $date )`, i.e. `Y-m-d\TH:i:s` with no offset. WordPress REST builds `date`, `date_gmt`,
 * `modified`, `modified_gmt` with the very same `mysql_to_rfc3339()` (WP_REST_Controller::prepare_date_response),
 * so the REST string *is* the WPGraphQL string; we only normalise "no date" to `null`.
 *
 * Comments: `Model/Comment.php` returns the raw MySQL column (`comment_date`, `comment_date_gmt`), which is
 * `Y-m-d H:i:s` with a space. REST formats those with `mysql_to_rfc3339()`, so the `T` goes back to a space.
 */

const RFC3339_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})$/;

/** A REST content-node date (`2025-04-23T17:53:42`) as WPGraphQL's `date`/`dateGmt`/`modified`/`modifiedGmt`. */
export function contentNodeDate(restDate: string | null | undefined): string | null {
  if (restDate === null || restDate === undefined || restDate === '') return null;
  // REST never emits the zero date (it returns null instead); guard anyway, WPGraphQL nulls it too.
  if (restDate.startsWith('0000-00-00')) return null;
  return restDate;
}

/** A REST comment date (`2025-04-23T17:53:42`) as WPGraphQL's comment `date`/`dateGmt` (`2025-04-23 17:53:42`). */
export function commentDate(restDate: string | null | undefined): string | null {
  if (restDate === null || restDate === undefined || restDate === '') return null;
  const match = RFC3339_LOCAL.exec(restDate);
  return match ? `${match[1]} ${match[2]}` : restDate;
}
