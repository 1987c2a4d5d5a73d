import { builder } from '../builder.ts';
import {
  generalSettingsSiteIconUrl,
  type GeneralSettingsModel,
  type SettingsModel,
  toAllSettingsModel,
  toGeneralSettingsModel,
} from '../models/settings.ts';
import type { MediaItemModel } from '../models/media.ts';
import { Node } from './interfaces.ts';
import { scalarFields } from './scalar-fields.ts';

/** `GeneralSettings`, from the REST index (`/wp-json/`) read once at start-up. */

const GeneralSettings = builder.objectRef<GeneralSettingsModel>('GeneralSettings').implement({
  description: 'The general setting type',
  interfaces: [Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'GeneralSettings',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'GeneralSettings', ['description', 'homeUrl', 'language', 'timezone', 'title', 'url']),
    siteIconUrl: t.string({
      description: 'The URL of the Site Icon. Returns null if no site icon is set.',
      args: { size: t.arg.int({ description: 'The size of the site icon in pixels' }) },
      resolve: async (settings, args, context) => {
        // Sizes under 512 pick a stored crop, which only the icon's media record lists.
        const needsMedia = settings._siteIconId !== null && !!args.size && args.size < 512;
        const icon = needsMedia ? ((await context.loaders.load('media', settings._siteIconId as number)) as MediaItemModel | null) : null;
        return generalSettingsSiteIconUrl(settings, args, icon?._media ?? null);
      },
    }),
  }),
});

builder.queryField('generalSettings', (t) =>
  t.field({
    type: GeneralSettings,
    description: "Fields of the 'GeneralSettings' settings group",
    resolve: (_root, _args, context) => toGeneralSettingsModel(context.site),
  }),
);

/**
 * `Settings` (`allSettings`): WPGraphQL's flat copy of the settings groups. The general group's REST-index values;
 * `readingSettingsPostsPerPage` (asked by starters) is null: REST shows `posts_per_page` only to `manage_options`
 * users. The other groups' fields are left out (docs/compatibility.md).
 */
const Settings = builder.objectRef<SettingsModel>('Settings').implement({
  description: 'All of the registered settings',
  fields: (t) => ({
    ...scalarFields(t, 'Settings', [
      'generalSettingsDescription',
      'generalSettingsHomeUrl',
      'generalSettingsLanguage',
      'generalSettingsTimezone',
      'generalSettingsTitle',
      'generalSettingsUrl',
      'readingSettingsPostsPerPage',
    ]),
  }),
});

builder.queryField('allSettings', (t) =>
  t.field({
    type: Settings,
    description: 'Entry point to get all settings for the site',
    resolve: (_root, _args, context) => toAllSettingsModel(context.site),
  }),
);
