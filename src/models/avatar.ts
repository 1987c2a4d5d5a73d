/**
 * `Avatar` from the avatar URLs REST prints (`avatar_urls` on users, `author_avatar_urls` on comments).
 *
 * WPGraphQL calls `get_avatar_data( $id_or_email, [ size, force_default, rating ] )`
 * (Data/DataSource.php `resolve_avatar()`, Type/ObjectType/CommentAuthor.php) and maps the result in
 * Model/Avatar.php. REST calls `get_avatar_url()` — the same function — for sizes 24, 48 and 96 with default
 * arguments (`rest_get_avatar_urls()`).
 *
 * Other sizes/arguments: core builds Gravatar URLs as `add_query_arg( array_filter( [ s => size,
 * d => default, f => force_default ? 'y' : false, r => rating ] ), 'https://secure.gravatar.com/avatar/<hash>' )`
 * (wp-includes/link-template.php `get_avatar_data()`, WordPress 6.1), so for a Gravatar URL every
 * size/forceDefault/rating can be derived exactly from the 96px one. A URL from an avatar plugin
 * (`pre_get_avatar_data`) can only be served for the sizes REST printed, and its `default`/`rating` are
 * unknown (null).
 */
import { phpEmpty } from './php.ts';

/** Arguments of `avatar` on User and CommentAuthor (`size` defaults to 96 in the schema). */
export interface AvatarArgs {
  size?: number | null;
  forceDefault?: boolean | null;
  /** An `AvatarRatingEnum` value (`G`, `PG`, `R`, `X`): GraphQL admits no other. */
  rating?: string | null;
}

/** What WPGraphQL outputs for `Avatar` (Model/Avatar.php). */
export interface AvatarModel {
  size: number;
  height: number;
  width: number;
  /** The default image keyword after core's mapping (`mystery` → `mm`), or its URL; null for `gravatar_default`. */
  default: string | null;
  forceDefault: boolean;
  /** True when core hashed an email for the URL. */
  foundAvatar: boolean;
  /** Lower-cased by core (`strtolower`). */
  rating: string | null;
  /** `scheme` argument: never passed, so null. */
  scheme: null;
  /** `extra_attr` defaults to `''`, which the model turns into null. */
  extraAttr: null;
  url: string;
  isRestricted: false;
}

/** The avatar URLs REST printed, keyed by size; `false` for comment types without avatars (pingbacks). */
export type AvatarUrls = Record<string, string | false | null | undefined>;

interface GravatarUrl {
  prefix: string;
  hash: string;
  /** Raw (still percent-encoded) query values. */
  d: string | null;
  f: string | null;
  r: string | null;
}

const GRAVATAR = /^(https?:\/\/(?:secure|[0-2])\.gravatar\.com\/avatar\/)([0-9a-f]*)(?:\?(.*))?$/i;

function parseGravatar(url: string): GravatarUrl | null {
  const match = GRAVATAR.exec(url);
  if (!match) return null;
  const query = match[3] ?? '';
  const values: Record<string, string> = {};
  const order: string[] = [];
  for (const part of query === '' ? [] : query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    values[key] = eq === -1 ? '' : part.slice(eq + 1);
    order.push(key);
  }
  // Only the exact shape core builds (s, d, f, r in that order, each optional) is safe to rewrite.
  const expected = ['s', 'd', 'f', 'r'].filter((k) => k in values);
  if (order.join() !== expected.join()) return null;
  return {
    prefix: match[1] as string,
    hash: match[2] as string,
    d: values['d'] ?? null,
    f: values['f'] ?? null,
    r: values['r'] ?? null,
  };
}

function rawurldecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `size` as WPGraphQL passes it: `absint( size )`, 0 → 96; no size → core's default 96. */
function avatarSize(size: number | null | undefined): number {
  if (typeof size !== 'number' || !Number.isFinite(size)) return 96;
  return Math.abs(Math.trunc(size)) || 96;
}

/**
 * `avatar(size, forceDefault, rating)` from REST avatar URLs, or `null` where WPGraphQL gives null (no URL)
 * or where REST cannot tell (a non-Gravatar URL at a size REST did not print).
 *
 * @param requireEmail CommentAuthor: WPGraphQL returns null when the comment has no author email; core then
 *   builds a Gravatar URL with an empty hash, which is how we see it.
 */
export function avatarFromUrls(
  urls: AvatarUrls | null | undefined,
  args: AvatarArgs | null | undefined,
  requireEmail = false,
): AvatarModel | null {
  if (!urls || phpEmpty(urls)) return null;
  const size = avatarSize(args?.size);
  const forceDefault = args?.forceDefault === true;
  const template = [urls['96'], urls['48'], urls['24'], ...Object.values(urls)].find((u): u is string => typeof u === 'string' && u !== '');
  if (template === undefined) return null;
  const gravatar = parseGravatar(template);
  if (requireEmail && gravatar && gravatar.hash === '') return null;

  const base = { size, height: size, width: size, forceDefault, scheme: null, extraAttr: null, isRestricted: false } as const;

  if (gravatar) {
    // Core: $args['rating'] = strtolower( $args['rating'] ); the site's rating is what REST's URLs carry.
    const rating = args?.rating ? args.rating.toLowerCase() : gravatar.r !== null ? rawurldecode(gravatar.r) : '';
    const query = [`s=${size}`];
    if (gravatar.d !== null) query.push(`d=${gravatar.d}`);
    if (forceDefault) query.push('f=y');
    if (rating !== '') query.push(`r=${encodeURIComponent(rating)}`);
    return {
      ...base,
      default: gravatar.d === null ? null : rawurldecode(gravatar.d),
      foundAvatar: gravatar.hash !== '',
      rating: rating === '' ? null : rating,
      url: `${gravatar.prefix}${gravatar.hash}?${query.join('&')}`,
    };
  }

  // Not a Gravatar URL: only what REST printed, with default arguments.
  const exact = urls[String(size)];
  if (typeof exact !== 'string' || exact === '' || forceDefault || args?.rating) return null;
  return { ...base, default: null, foundAvatar: true, rating: null, url: exact };
}
