import { describe, expect, it } from 'vitest';
import { mediaSourceFromRest } from '../../src/models/media-source.ts';
import {
  generalSettingsSiteIconUrl,
  toGeneralSettingsModel,
  toPublicSettingsModel,
  toSettingsGroupModel,
  wpTimezoneString,
} from '../../src/models/settings.ts';
import { createSiteContext, uriFromLink } from '../../src/models/site.ts';
import { site } from './models-fixtures.ts';

describe('site context', () => {
  it('reads the REST index and trims trailing slashes from home', () => {
    const ctx = createSiteContext(
      { home: 'https://example.org/blog/', url: 'https://example.org/wp', gmt_offset: '5.5' },
      { baseUrl: 'https://x' },
    );
    expect(ctx.homeUrl).toBe('https://example.org/blog');
    expect(ctx.siteUrl).toBe('https://example.org/wp');
    expect(ctx.gmtOffset).toBe(5.5);
    expect(uriFromLink('https://example.org/blog/2025/hello/', ctx)).toBe('/2025/hello/');
    expect(uriFromLink('', ctx)).toBeNull();
  });

  it('falls back to the configured URL', () => {
    expect(createSiteContext({}, { baseUrl: 'https://wp.example/' }).homeUrl).toBe('https://wp.example');
  });
});

describe('GeneralSettings', () => {
  const model = toGeneralSettingsModel(site);

  it('maps url, homeUrl and id', () => {
    expect(model.id).toBe(btoa('setting_group:general'));
    expect(model.url).toBe('https://example.org');
    expect(model.homeUrl).toBe('https://example.org');
    expect(model.siteIconUrl).toBe('https://example.org/wp-content/uploads/2025/01/icon.png');
  });

  it('siteIconUrl(size): 512 and above is the full icon; smaller picks the stored crop', () => {
    const U = 'https://example.org/wp-content/uploads/2025/01';
    const icon = mediaSourceFromRest(
      {
        id: 77,
        media_type: 'image',
        source_url: `${U}/icon.png`,
        media_details: {
          width: 512,
          height: 512,
          file: '2025/01/icon.png',
          sizes: {
            'site_icon-270': { file: 'icon-270x270.png', width: 270, height: 270, source_url: `${U}/icon-270x270.png` },
            'site_icon-192': { file: 'icon-192x192.png', width: 192, height: 192, source_url: `${U}/icon-192x192.png` },
            'site_icon-32': { file: 'icon-32x32.png', width: 32, height: 32, source_url: `${U}/icon-32x32.png` },
            full: { file: 'icon.png', width: 512, height: 512, source_url: `${U}/icon.png` },
          },
        },
      },
      site,
    );
    expect(generalSettingsSiteIconUrl(model, { size: 1024 }, icon)).toBe(`${U}/icon.png`);
    expect(generalSettingsSiteIconUrl(model, { size: 32 }, icon)).toBe(`${U}/icon-32x32.png`);
    expect(generalSettingsSiteIconUrl(model, { size: 100 }, icon)).toBe(`${U}/icon-192x192.png`);
    expect(generalSettingsSiteIconUrl(model, { size: 100 })).toBeNull();
    expect(generalSettingsSiteIconUrl(toGeneralSettingsModel({ ...site, siteIconId: null, siteIconUrl: null }), {})).toBeNull();
    expect(generalSettingsSiteIconUrl(toGeneralSettingsModel({ ...site, siteIconId: null }), { size: 32 }, icon)).toBeNull();
  });
});

describe('GeneralSettings title, description, timezone, language', () => {
  it('reads blogname, blogdescription and timezone_string from the REST index, as stored', () => {
    const ctx = createSiteContext(
      { name: 'Caf&eacute; & Co', description: 'Tag “line”', timezone_string: 'Europe/Paris', url: 'https://x', home: 'https://x' },
      { baseUrl: 'https://x' },
    );
    const model = toGeneralSettingsModel(ctx);
    expect(model.title).toBe('Caf&eacute; & Co');
    expect(model.description).toBe('Tag “line”');
    expect(model.timezone).toBe('Europe/Paris');
  });

  it("casts as WPGraphQL's (string) get_option(): an empty tagline is '' (not null)", () => {
    const model = toGeneralSettingsModel(createSiteContext({ name: 'S' }, { baseUrl: 'https://x' }));
    expect(model.description).toBe('');
  });

  it("timezone with a manual UTC offset is wp_timezone_string()'s ±HH:MM (WPGraphQL 2.18+), not ''", () => {
    expect(toGeneralSettingsModel(createSiteContext({ name: 'S' }, { baseUrl: 'https://x' })).timezone).toBe('+00:00');
    expect(wpTimezoneString({ timezoneString: '', gmtOffset: 5.5 })).toBe('+05:30');
    expect(wpTimezoneString({ timezoneString: '', gmtOffset: -3.75 })).toBe('-03:45');
    expect(wpTimezoneString({ timezoneString: '', gmtOffset: -0.5 })).toBe('-00:30');
    expect(wpTimezoneString({ timezoneString: 'Europe/Paris', gmtOffset: 1 })).toBe('Europe/Paris');
  });

  it('language: null unless the site context is configured with WPLANG (REST shows it to manage_options only)', () => {
    expect(toGeneralSettingsModel(site).language).toBeNull();
    expect(toGeneralSettingsModel(createSiteContext({}, { baseUrl: 'https://x', language: 'fr_FR' })).language).toBe('fr_FR');
  });

  it("casts /wp/v2/settings as WPGraphQL's SettingGroup model: absint(), (string), (bool)", () => {
    expect(
      toPublicSettingsModel({
        date_format: 'F j, Y',
        time_format: 'g:i a',
        start_of_week: 1,
        language: 'fr_FR',
        use_smilies: true,
        default_category: 1,
        default_post_format: '0',
        posts_per_page: 10,
        show_on_front: 'page',
        page_on_front: 50,
        page_for_posts: 51,
        default_comment_status: 'open',
        default_ping_status: 'closed',
      }),
    ).toEqual({
      dateFormat: 'F j, Y',
      timeFormat: 'g:i a',
      startOfWeek: 1,
      language: 'fr_FR',
      useSmilies: true,
      defaultCategory: 1,
      defaultPostFormat: '0',
      postsPerPage: 10,
      showOnFront: 'page',
      pageOnFront: 50,
      pageForPosts: 51,
      defaultCommentStatus: 'open',
      defaultPingStatus: 'closed',
    });
    // Missing or null values: absint(null) = 0, (string) null = '', (bool) null = false.
    expect(toPublicSettingsModel({ posts_per_page: -5 })).toMatchObject({
      postsPerPage: 5,
      pageOnFront: 0,
      dateFormat: '',
      useSmilies: false,
    });
  });

  it('settings groups are nodes with the group as id', () => {
    expect(toSettingsGroupModel('reading')).toEqual({ __typename: 'ReadingSettings', id: btoa('setting_group:reading') });
    expect(toSettingsGroupModel('discussion').__typename).toBe('DiscussionSettings');
  });
});
