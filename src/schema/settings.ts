import { builder } from '../builder.ts';
import type { FieldRef, SchemaTypes } from '@pothos/core';
import type { GatewayContext } from '../context.ts';
import {
  generalSettingsSiteIconUrl,
  type GeneralSettingsModel,
  type PublicSettingsModel,
  type SettingsGroup,
  type SettingsGroupModel,
  toGeneralSettingsModel,
  toSettingsGroupModel,
} from '../models/settings.ts';
import type { MediaItemModel } from '../models/media.ts';
import { Node } from './interfaces.ts';
import { scalarFields } from './scalar-fields.ts';
import { scalarShape } from './wpgraphql-reference.ts';

/**
 * `GeneralSettings`, `ReadingSettings`, `WritingSettings`, `DiscussionSettings` and `allSettings`, as WPGraphQL
 * shows them (Model/SettingGroup.php, Type/ObjectType/Settings.php): every registered setting to every viewer,
 * except `admin_email` (`email`), which needs `manage_options`. What the REST index prints anonymously (title,
 * tagline, addresses, timezone, site icon) comes from it (read at start-up); the rest from `/wp/v2/settings` with
 * the service account, once per request that asks (src/loaders/settings.ts); `email` with the viewer's own
 * credentials only.
 */

type Loaded = Pick<GatewayContext['loaders'], 'publicSettings'>;

/** A field read from `/wp/v2/settings` (null when the service account cannot read it). */
function publicSetting<K extends keyof PublicSettingsModel>(context: { loaders: Loaded }, key: K): Promise<PublicSettingsModel[K] | null> {
  return context.loaders.publicSettings().then((settings) => (settings ? settings[key] : null));
}

/** Declares fields of `typeName` that resolve to a public setting each: `{ graphqlField: modelKey }`. */
function publicSettingFields<Types extends SchemaTypes, Shape extends object>(
  t: PothosSchemaTypes.FieldBuilder<Types, Shape, 'Object'>,
  typeName: string,
  fields: Readonly<Record<string, keyof PublicSettingsModel>>,
) {
  const made: Record<string, FieldRef<Types, unknown, 'Object'>> = {};
  for (const [name, key] of Object.entries(fields)) {
    const shape = scalarShape(typeName, name);
    // cast: the output type is read from the reference SDL at run time (see scalar-fields.ts).
    made[name] = t.field({
      type: shape.scalar,
      nullable: shape.nullable,
      resolve: (_settings: unknown, _args: unknown, context: { loaders: Loaded }) => publicSetting(context, key),
    } as never) as FieldRef<Types, unknown, 'Object'>;
  }
  return made;
}

const GeneralSettings = builder.objectRef<GeneralSettingsModel>('GeneralSettings').implement({
  description: 'The general setting type',
  interfaces: [Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'GeneralSettings',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'GeneralSettings', ['description', 'homeUrl', 'timezone', 'title', 'url']),
    ...publicSettingFields(t, 'GeneralSettings', { dateFormat: 'dateFormat', timeFormat: 'timeFormat', startOfWeek: 'startOfWeek' }),
    language: t.string({
      description: 'WordPress locale code',
      // WPLANG from /wp/v2/settings; a configured language (SiteContext.language) when the account cannot read it.
      resolve: async (settings, _args, context) => (await publicSetting(context, 'language')) ?? settings.language,
    }),
    email: t.string({
      description:
        'This address is used for admin purposes. If you change this we will send you an email at your new address to confirm it. The new address will not become active until confirmed.',
      resolve: (_settings, _args, context) => context.loaders.viewerAdminEmail(),
    }),
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

/** The reading, writing and discussion groups: their node ids, and their values from `/wp/v2/settings`. */
const GROUPS: Record<SettingsGroup, Readonly<Record<string, keyof PublicSettingsModel>>> = {
  reading: { pageForPosts: 'pageForPosts', pageOnFront: 'pageOnFront', postsPerPage: 'postsPerPage', showOnFront: 'showOnFront' },
  writing: { defaultCategory: 'defaultCategory', defaultPostFormat: 'defaultPostFormat', useSmilies: 'useSmilies' },
  discussion: { defaultCommentStatus: 'defaultCommentStatus', defaultPingStatus: 'defaultPingStatus' },
};

for (const group of Object.keys(GROUPS) as SettingsGroup[]) {
  const typename = toSettingsGroupModel(group).__typename;
  const ref = builder.objectRef<SettingsGroupModel>(typename).implement({
    description: `The ${group} setting type`,
    interfaces: [Node],
    isTypeOf: (value) => (value as { __typename?: string }).__typename === typename,
    fields: (t) => ({
      id: t.exposeID('id', { nullable: false }),
      ...publicSettingFields(t, typename, GROUPS[group]),
    }),
  });
  builder.queryField(`${group}Settings`, (t) =>
    t.field({
      type: ref,
      description: `Fields of the '${typename}' settings group`,
      resolve: () => toSettingsGroupModel(group),
    }),
  );
}

/** `Settings` (`allSettings`): WPGraphQL's flat copy of the settings groups, `<group>Settings<Field>`. */
const INDEX_FIELDS: Readonly<Record<string, keyof GeneralSettingsModel>> = {
  generalSettingsDescription: 'description',
  generalSettingsHomeUrl: 'homeUrl',
  generalSettingsTimezone: 'timezone',
  generalSettingsTitle: 'title',
  generalSettingsUrl: 'url',
};
const FLAT_PUBLIC_FIELDS: Readonly<Record<string, keyof PublicSettingsModel>> = {
  generalSettingsDateFormat: 'dateFormat',
  generalSettingsTimeFormat: 'timeFormat',
  generalSettingsStartOfWeek: 'startOfWeek',
  ...Object.fromEntries(
    (Object.keys(GROUPS) as SettingsGroup[]).flatMap((group) =>
      Object.entries(GROUPS[group]).map(([field, key]) => [`${group}Settings${field[0]!.toUpperCase()}${field.slice(1)}`, key]),
    ),
  ),
};

const Settings = builder.objectRef<GeneralSettingsModel>('Settings').implement({
  description: 'All of the registered settings',
  fields: (t) => ({
    ...Object.fromEntries(
      Object.entries(INDEX_FIELDS).map(([name, key]) => [name, t.string({ resolve: (general) => general[key] as string | null })]),
    ),
    ...publicSettingFields(t, 'Settings', FLAT_PUBLIC_FIELDS),
    generalSettingsLanguage: t.string({
      resolve: async (general, _args, context) => (await publicSetting(context, 'language')) ?? general.language,
    }),
    generalSettingsEmail: t.string({ resolve: (_general, _args, context) => context.loaders.viewerAdminEmail() }),
  }),
});

builder.queryField('allSettings', (t) =>
  t.field({
    type: Settings,
    description: 'Entry point to get all settings for the site',
    resolve: (_root, _args, context) => toGeneralSettingsModel(context.site),
  }),
);
