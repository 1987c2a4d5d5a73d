/**
 * `GeneralSettings` from the REST index. Rules: plugins/wp-graphql/src/Model/SettingGroup.php (`id`,
 * setting values), Data/DataSource.php `get_core_shim_settings()` (`homeUrl` = get_home_url(), `url` =
 * the `siteurl` option), Registry/TypeRegistry.php (`siteIconUrl(size)`).
 */
import { toGlobalId } from './global-id.ts';
import type { MediaSource } from './media-source.ts';
import { wpConstrainDimensions } from './wordpress-media-functions.ts';
import type { SiteContext } from './site.ts';
import type { RestSettings } from '../wordpress/rest-types.ts';

/** What WPGraphQL outputs for `GeneralSettings` (the subset's fields). */
export interface GeneralSettingsModel {
  __typename: 'GeneralSettings';
  /** Relay::toGlobalId( 'setting_group', 'general' ). */
  id: string;
  /** `(string) get_option( 'siteurl' )` — REST index `url`. */
  url: string;
  /** `get_home_url()` — REST index `home`. */
  homeUrl: string;
  /** `(string) get_option( 'blogname' )` — REST index `name` (raw, as stored). */
  title: string | null;
  /** `(string) get_option( 'blogdescription' )` — REST index `description`. */
  description: string | null;
  /** `(string) get_option( 'timezone_string' )` — REST index `timezone_string` (`''` with a manual UTC offset). */
  timezone: string | null;
  /**
   * `(string) get_option( 'WPLANG' )` (registered default `en_US`). REST shows it only in `/wp/v2/settings`
   * (manage_options): `null` unless the site context is configured with it ({@link SiteContext.language}).
   */
  language: string | null;
  /** `siteIconUrl` with no size (512 → the full image). */
  siteIconUrl: string | null;
  /** The `site_icon` attachment id, for {@link generalSettingsSiteIconUrl} at smaller sizes. */
  _siteIconId: number | null;
}

/**
 * The settings WPGraphQL shows every viewer that REST keeps in `/wp/v2/settings` (manage_options), read with the
 * service account, cast as WPGraphQL casts them (Model/SettingGroup.php `resolve_setting_value()`: integer →
 * `absint()`, string → `(string)`, boolean → `(bool)` of `get_option()`). REST prints the same options through the
 * same registration (`register_initial_settings()`), so the values agree.
 */
export interface PublicSettingsModel {
  /** general: `date_format`. */
  dateFormat: string;
  /** general: `time_format`. */
  timeFormat: string;
  /** general: `start_of_week`. */
  startOfWeek: number;
  /** general: `WPLANG` (REST `language`, registered default `en_US`). */
  language: string;
  /** writing: `use_smilies`. */
  useSmilies: boolean;
  /** writing: `default_category`. */
  defaultCategory: number;
  /** writing: `default_post_format`. */
  defaultPostFormat: string;
  /** reading: `posts_per_page`. */
  postsPerPage: number;
  /** reading: `show_on_front` (`posts` or `page`). */
  showOnFront: string;
  /** reading: `page_on_front`. */
  pageOnFront: number;
  /** reading: `page_for_posts`. */
  pageForPosts: number;
  /** discussion: `default_comment_status`. */
  defaultCommentStatus: string;
  /** discussion: `default_ping_status`. */
  defaultPingStatus: string;
}

/** The `/wp/v2/settings` fields {@link toPublicSettingsModel} reads: never `email` (see RestSettings). */
export const PUBLIC_SETTINGS_FIELDS = [
  'date_format',
  'time_format',
  'start_of_week',
  'language',
  'use_smilies',
  'default_category',
  'default_post_format',
  'posts_per_page',
  'show_on_front',
  'page_on_front',
  'page_for_posts',
  'default_comment_status',
  'default_ping_status',
] as const satisfies readonly (keyof RestSettings)[];

/** PHP's `absint()` of a value REST printed (null, a number, or a numeric string). */
function absint(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '0'), 10);
  return Number.isFinite(n) ? Math.abs(Math.trunc(n)) : 0;
}

/** PHP's `(string)` of a scalar REST printed (`null` → `''`). */
function phpString(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

/** Builds the {@link PublicSettingsModel} from a `/wp/v2/settings` answer. */
export function toPublicSettingsModel(record: RestSettings): PublicSettingsModel {
  return {
    dateFormat: phpString(record.date_format),
    timeFormat: phpString(record.time_format),
    startOfWeek: absint(record.start_of_week),
    language: phpString(record.language),
    useSmilies: Boolean(record.use_smilies),
    defaultCategory: absint(record.default_category),
    defaultPostFormat: phpString(record.default_post_format),
    postsPerPage: absint(record.posts_per_page),
    showOnFront: phpString(record.show_on_front),
    pageOnFront: absint(record.page_on_front),
    pageForPosts: absint(record.page_for_posts),
    defaultCommentStatus: phpString(record.default_comment_status),
    defaultPingStatus: phpString(record.default_ping_status),
  };
}

/**
 * WordPress's `wp_timezone_string()`: the `timezone_string` option, or the `gmt_offset` as `±HH:MM` when the site
 * uses a manual UTC offset. WPGraphQL 2.18+ answers `timezone` with it when the option is empty
 * (Type/ObjectType/SettingGroup.php `resolve_timezone_setting_value()`).
 */
export function wpTimezoneString(site: Pick<SiteContext, 'timezoneString' | 'gmtOffset'>): string {
  if (site.timezoneString) return site.timezoneString;
  const offset = site.gmtOffset;
  const hours = Math.trunc(offset);
  const minutes = offset - hours;
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.abs(hours))}:${pad(Math.abs(Math.round(minutes * 60)))}`;
}

/** Builds the `GeneralSettings` model's index part from the site context (itself built from the REST index). */
export function toGeneralSettingsModel(site: SiteContext): GeneralSettingsModel {
  return {
    __typename: 'GeneralSettings',
    id: toGlobalId('setting_group', 'general'),
    url: site.siteUrl,
    homeUrl: site.homeUrl,
    title: site.name ?? '',
    description: site.description ?? '',
    timezone: wpTimezoneString(site),
    language: site.language,
    // The REST index prints get_site_icon_url() at its default size — WPGraphQL's value at 512.
    siteIconUrl: site.siteIconUrl,
    _siteIconId: site.siteIconId,
  };
}

/** A settings group WPGraphQL registers a `<Group>Settings` node type for, besides `general`. */
export type SettingsGroup = 'reading' | 'writing' | 'discussion';

/** `ReadingSettings` / `WritingSettings` / `DiscussionSettings`: the group's node id (its values load lazily). */
export interface SettingsGroupModel {
  __typename: 'ReadingSettings' | 'WritingSettings' | 'DiscussionSettings';
  /** Relay::toGlobalId( 'setting_group', group ). */
  id: string;
}

/** Builds the node part of a settings group's model. */
export function toSettingsGroupModel(group: SettingsGroup): SettingsGroupModel {
  const typename = `${group[0]!.toUpperCase()}${group.slice(1)}Settings` as SettingsGroupModel['__typename'];
  return { __typename: typename, id: toGlobalId('setting_group', group) };
}

function matchesRatio(sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number): boolean {
  const [constrained, expected] =
    sourceWidth > targetWidth
      ? [wpConstrainDimensions(sourceWidth, sourceHeight, targetWidth, 0), [targetWidth, targetHeight]]
      : [wpConstrainDimensions(targetWidth, targetHeight, sourceWidth, 0), [sourceWidth, sourceHeight]];
  return Math.abs(constrained[0] - (expected[0] ?? 0)) <= 1 && Math.abs(constrained[1] - (expected[1] ?? 0)) <= 1;
}

/**
 * image_get_intermediate_size( $id, [ $w, $h ] ) (wp-includes/media.php): the smallest stored size at least
 * that big with the same aspect ratio (an exact match wins), else the thumbnail if wide enough.
 */
function intermediateUrlForBox(media: MediaSource, width: number, height: number): string | null {
  const meta = media.meta;
  if (!meta || meta.sizes.length === 0) return null;
  const candidates = new Map<number, string | null>();
  for (const size of meta.sizes) {
    const w = size.width ?? 0;
    const h = size.height ?? 0;
    if (w === width && h === height) {
      candidates.set(w * h, size.sourceUrl);
      break;
    }
    if (w >= width && h >= height) {
      const same = width === 0 || height === 0 ? matchesRatio(w, h, meta.width ?? 0, meta.height ?? 0) : matchesRatio(w, h, width, height);
      if (same) candidates.set(w * h, size.sourceUrl);
    }
  }
  if (candidates.size > 0) {
    const smallest = Math.min(...candidates.keys());
    return candidates.get(smallest) ?? null;
  }
  const thumb = meta.sizes.find((s) => s.name === 'thumbnail');
  if (thumb && (thumb.width ?? 0) >= width && (thumb.width ?? 0) >= height) return thumb.sourceUrl;
  return null;
}

/**
 * `siteIconUrl(size)`: `get_site_icon_url( min( size ?: 512, 512 ) )`. At 512 that is the full image, which
 * the REST index prints (`site_icon_url`); smaller sizes pick a stored crop (`site_icon-32`, `-180`, `-192`,
 * `-270`) from the icon's attachment, so pass its {@link MediaSource} (the `media` record of `_siteIconId`).
 * Without it, smaller sizes give null.
 */
export function generalSettingsSiteIconUrl(
  model: Pick<GeneralSettingsModel, 'siteIconUrl' | '_siteIconId'>,
  args?: { size?: number | null } | null,
  siteIcon?: MediaSource | null,
): string | null {
  const requested = args?.size ? Math.abs(Math.trunc(args.size)) : 512;
  const size = Math.min(requested || 512, 512);
  if (size >= 512) return model.siteIconUrl;
  if (model._siteIconId === null || !siteIcon) return null;
  return intermediateUrlForBox(siteIcon, size, size) ?? siteIcon.url;
}
