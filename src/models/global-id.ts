/**
 * WPGraphQL's global ids: `GraphQLRelay\Relay::toGlobalId( $type, $id )` = `base64_encode( "$type:$id" )`.
 *
 * Types WPGraphQL uses for the nodes we serve (each is also the name of the DataLoader that `node(id:)` asks,
 * Data/DataSource.php `resolve_node()`):
 * - `post` — posts, pages, media items (Model/Post.php `id`, also `featuredImageId`, `parentId`)
 * - `term` — categories, tags (Model/Term.php)
 * - `user` — users (Model/User.php, also `authorId`)
 * - `comment` — comments (Model/Comment.php)
 * - `comment_author` — a guest commenter, keyed by the *comment* id (Model/CommentAuthor.php)
 * - `setting_group` — `GeneralSettings` is `setting_group:general` (Model/SettingGroup.php)
 *
 * `Relay::fromGlobalId()` is `base64_decode()` (non-strict: characters outside the alphabet are skipped)
 * followed by a split at the first `:`.
 */

/** `Relay::toGlobalId( $type, $id )`. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
}

/**
 * `Relay::fromGlobalId( $id )` → `{ type, id }`, or `null` when the input does not decode to `type:id`
 * (WPGraphQL then answers "The ID input is invalid"; we leave the error to the caller).
 */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId === '') return null;
  // PHP's non-strict base64_decode discards anything outside A–Z a–z 0–9 + / (including '=', '-', '_').
  const cleaned = globalId.replace(/[^A-Za-z0-9+/]/g, '');
  if (cleaned === '') return null;
  const decoded = Buffer.from(cleaned, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // PHP would still return parts without a ':' (type '' and the string minus its first byte); such input is
  // garbage in practice, so it is reported as malformed here. An empty type (`:12`) is kept, as PHP does.
  if (colon === -1) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (id === '') return null;
  return { type, id };
}

/** PHP `is_numeric()` for strings: optional whitespace, sign, digits/decimal/exponent. */
function isPhpNumeric(value: string): boolean {
  return /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(value);
}

/** PHP `absint()` of a numeric string (`intval` then `abs`). */
function absintNumeric(value: string): number {
  return Math.abs(Math.trunc(Number(value.trim())));
}

/**
 * `Utils::get_database_id_from_id( $id )` (plugins/wp-graphql/src/Utils/Utils.php): a numeric input is taken
 * as the database id as-is; otherwise the global id's `id` part, if numeric. `null` when neither (WPGraphQL
 * returns `false`). Used by WPGraphQL for `where` arguments and mutation inputs that accept "ID".
 */
export function databaseIdFromId(id: string | number): number | null {
  if (typeof id === 'number') return Number.isFinite(id) ? Math.abs(Math.trunc(id)) : null;
  if (isPhpNumeric(id)) return absintNumeric(id);
  const parts = fromGlobalId(id);
  if (!parts || !isPhpNumeric(parts.id)) return null;
  return absintNumeric(parts.id);
}

/**
 * The single-node root fields (`post(id:)`, `category(id:)`, `user(id:)`, `comment(id:)`, `contentNode(id:)`…)
 * with the default `idType: ID` (Type/ObjectType/RootQuery.php): `Relay::fromGlobalId()`, then
 * `absint( $id_components['id'] )`, and "The ID input is invalid" when that is 0. The *type* part is not
 * checked there, and a raw number is NOT accepted (it is base64-decoded like any other string). Returns the
 * database id or `null` for invalid input.
 */
export function databaseIdFromGlobalId(globalId: string): number | null {
  const parts = fromGlobalId(globalId);
  if (!parts) return null;
  // absint( '12abc' ) is 12 in PHP: intval reads the leading integer.
  const leading = /^[ \t\n\r\v\f]*[+-]?\d+/.exec(parts.id);
  const value = leading ? Math.abs(Number.parseInt(leading[0].trim(), 10)) : 0;
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}
