/**
 * `GeneralSettings` from the REST index. Rules: plugins/wp-graphql/src/Model/SettingGroup.php (`id`,
 * setting values), Data/DataSource.php `get_core_shim_settings()` (`homeUrl` = get_home_url(), `url` =
 * the `siteurl` option), Registry/TypeRegistry.php (`siteIconUrl(size)`).
 */
import { toGlobalId } from './global-id.ts';
import type { MediaSource } from './media-source.ts';
import { wpConstrainDimensions } from './wordpress-media-functions.ts';
import type { SiteContext } from './site.ts';

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
 * `allSettings` (`Settings`): WPGraphQL's flat copy of every settings group, `<group>Settings<Field>`. Only the
 * general group's REST-index fields have values; the other settings (reading, writing, discussion, permalinks)
 * are options REST shows only to `manage_options` users, so they are null.
 */
export interface SettingsModel {
  generalSettingsTitle: string | null;
  generalSettingsDescription: string | null;
  generalSettingsUrl: string;
  generalSettingsHomeUrl: string;
  generalSettingsTimezone: string | null;
  generalSettingsLanguage: string | null;
}

/** Builds the `Settings` (`allSettings`) model from the site context. */
export function toAllSettingsModel(site: SiteContext): SettingsModel {
  const general = toGeneralSettingsModel(site);
  return {
    generalSettingsTitle: general.title,
    generalSettingsDescription: general.description,
    generalSettingsUrl: general.url,
    generalSettingsHomeUrl: general.homeUrl,
    generalSettingsTimezone: general.timezone,
    generalSettingsLanguage: general.language,
  };
}

/** Builds the `GeneralSettings` model from the site context (itself built from the REST index). */
export function toGeneralSettingsModel(site: SiteContext): GeneralSettingsModel {
  return {
    __typename: 'GeneralSettings',
    id: toGlobalId('setting_group', 'general'),
    url: site.siteUrl,
    homeUrl: site.homeUrl,
    title: site.name ?? '',
    description: site.description ?? '',
    timezone: site.timezoneString,
    language: site.language,
    // The REST index prints get_site_icon_url() at its default size — WPGraphQL's value at 512.
    siteIconUrl: site.siteIconUrl,
    _siteIconId: site.siteIconId,
  };
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
