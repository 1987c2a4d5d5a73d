import { builder } from '../builder.ts';
import { generalSettingsSiteIconUrl, toGeneralSettingsModel, type GeneralSettingsModel } from '../models/settings.ts';
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
    ...scalarFields(t, 'GeneralSettings', ['homeUrl', 'url']),
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
