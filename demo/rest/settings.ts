/**
 * `/wp/v2/settings`: `WP_REST_Settings_Controller` (GET only here). WordPress 6.1 answers it to users who can
 * `manage_options` (administrators), with every setting `register_initial_settings()` shows in REST, in that order,
 * then `site_logo` and `site_icon`; `_fields` trims the object as for any answer. The demo's values are WordPress's
 * defaults after install, with the site's own title, tagline (raw, as stored) and timezone.
 */
import { forbidden } from './errors.ts';
import { requestedFields, trimObject } from './fields.ts';
import type { Site } from './site.ts';
import { ok, type RestRequest, type Route } from './types.ts';

/** The settings object, in WordPress's key order. */
export function demoSettings(site: Site): Record<string, unknown> {
  const admin = [...site.users.values()].find((u) => u._demo?.roles.includes('administrator'));
  return {
    // Raw options, as stored (and as the REST index prints them): a tagline's `&amp;` is in the option itself.
    title: site.content.site.name,
    description: site.content.site.description,
    url: site.origin,
    email: admin?._demo?.email ?? '',
    timezone: site.content.site.timezone_string,
    date_format: 'F j, Y',
    time_format: 'g:i a',
    start_of_week: 1,
    language: 'en_US',
    use_smilies: true,
    default_category: 1,
    default_post_format: '0',
    posts_per_page: 10,
    show_on_front: 'posts',
    page_on_front: 0,
    page_for_posts: 0,
    default_ping_status: 'open',
    default_comment_status: 'open',
    site_logo: null,
    site_icon: 0,
  };
}

/** `/wp/v2/settings`. */
export const settingsRoutes: Route[] = [
  {
    namespace: 'wp/v2',
    pattern: '/wp/v2/settings',
    endpoints: [
      {
        methods: ['GET'],
        args: {},
        permission: (req: RestRequest) => (req.viewer?.can('manage_options') ? true : forbidden(req.viewer)),
        callback: (req: RestRequest) => ok(trimObject(demoSettings(req.site), requestedFields(req.query.get('_fields')))),
      },
    ],
  },
];
