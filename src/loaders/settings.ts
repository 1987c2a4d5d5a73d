import { PUBLIC_SETTINGS_FIELDS, type PublicSettingsModel, toPublicSettingsModel } from '../models/settings.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestSettings } from '../wordpress/rest-types.ts';
import type { UpstreamRequestScope } from './records.ts';

/**
 * The settings WPGraphQL shows every viewer that REST shows only to `manage_options` users (date and time formats,
 * reading, writing and discussion settings, the site language): one `GET /wp/v2/settings?_fields=<those>` with the
 * service account (config `service-credentials`), once per request that asks for any of them.
 *
 * `_fields` names only those public settings, so nothing else the account could read (`email`, plugins' settings)
 * ever reaches the gateway, let alone an answer. Without a service account, or when WordPress refuses it (it lacks
 * `manage_options`: start-up and `check` say so), they are read with the viewer's own credentials as menus are
 * (the values are the same for everyone, so that is no leak), and are null when those are absent or refused.
 */
export async function loadPublicSettings(
  scope: UpstreamRequestScope,
  serviceAuthorization: string | undefined,
): Promise<PublicSettingsModel | null> {
  const authorization = serviceAuthorization ?? scope.authorization;
  if (authorization === undefined) return null;
  try {
    const { data } = await scope.client.get<RestSettings>(
      '/wp/v2/settings',
      { _fields: PUBLIC_SETTINGS_FIELDS.join(',') },
      { authorization },
    );
    return toPublicSettingsModel(data);
  } catch (error) {
    if (error instanceof WordPressError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
      return null;
    }
    throw error;
  }
}

/**
 * `generalSettings.email` (`admin_email`): WPGraphQL's one restricted setting, shown only to viewers who can
 * `manage_options` (Data/DataSource.php `get_core_setting_config()`). Read with the viewer's own credentials —
 * WordPress answers `/wp/v2/settings` exactly to those viewers — and never with the service account; null for
 * anonymous viewers and for those WordPress refuses.
 */
export async function loadViewerAdminEmail(scope: UpstreamRequestScope): Promise<string | null> {
  if (scope.authorization === undefined) return null;
  try {
    const { data } = await scope.client.get<RestSettings>('/wp/v2/settings', { _fields: 'email' }, { authorization: scope.authorization });
    return typeof data.email === 'string' ? data.email : '';
  } catch (error) {
    if (error instanceof WordPressError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
      return null;
    }
    throw error;
  }
}
