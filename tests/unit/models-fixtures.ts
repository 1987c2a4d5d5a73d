/**
 * Shared fixtures for the model tests: a site context like the seed post's site, and REST records shaped as
 * WordPress 6.1 prints them (context=view).
 */
import { readFileSync } from 'node:fs';
import { createSiteContext, type SiteContext } from '../../src/models/site.ts';
import type { RestMedia, RestPost } from '../../src/wordpress/rest-types.ts';

/** The seed post's site: WordPress installed under /en. */
export const seedSite: SiteContext = createSiteContext(
  {
    name: 'Diplomatique',
    url: 'https://diplomatique.ma/en',
    home: 'https://diplomatique.ma/en',
    gmt_offset: 0,
    timezone_string: '',
  },
  { baseUrl: 'https://diplomatique.ma/en' },
);

/** A plain site at the root of its host. */
export const site: SiteContext = createSiteContext(
  {
    name: 'Example',
    url: 'https://example.org',
    home: 'https://example.org',
    gmt_offset: '2',
    timezone_string: 'Europe/Paris',
    site_icon: 77,
    site_icon_url: 'https://example.org/wp-content/uploads/2025/01/icon.png',
  },
  { baseUrl: 'https://example.org/', pageForPostsId: 12, privacyPolicyPageId: 3 },
);

/** The real post record of ../shared/seed, copied to tests/fixtures so the suite does not depend on the folder beside the clone. */
export function seedPost(): RestPost {
  return JSON.parse(readFileSync(new URL('../fixtures/wp-v2-post-2786.json', import.meta.url), 'utf8')) as RestPost;
}

/** The base64 WPGraphQL global id of `type:id`, computed independently of the code under test. */
export function gid(type: string, id: number): string {
  return btoa(`${type}:${id}`);
}

const UP = 'https://example.org/wp-content/uploads/2025/04';

/** An image attachment as REST prints it: 1200×800 original, four sizes, REST's synthetic `full`. */
export function imageRecord(): RestMedia {
  return {
    id: 501,
    date: '2025-04-20T10:00:00',
    date_gmt: '2025-04-20T08:00:00',
    guid: { rendered: `${UP}/photo.jpg` },
    modified: '2025-04-20T10:05:00',
    modified_gmt: '2025-04-20T08:05:00',
    slug: 'photo',
    status: 'inherit',
    type: 'attachment',
    link: 'https://example.org/2025/04/20/hello/photo/',
    title: { rendered: 'Caf&eacute; &#8211; terrace' },
    author: 2,
    comment_status: 'open',
    ping_status: 'closed',
    template: '',
    meta: [],
    description: {
      rendered:
        `<p class="attachment"><a href='${UP}/photo.jpg'><img width="300" height="200" src="${UP}/photo-300x200.jpg" class="attachment-medium size-medium" alt="" decoding="async" loading="lazy" /></a></p>\n` +
        '<p>The terrace at noon.</p>\n',
    },
    caption: { rendered: '<p>Terrace &#8211; noon</p>\n' },
    alt_text: '',
    media_type: 'image',
    mime_type: 'image/jpeg',
    media_details: {
      width: 1200,
      height: 800,
      file: '2025/04/photo.jpg',
      filesize: 245_000,
      sizes: {
        medium: {
          file: 'photo-300x200.jpg',
          width: 300,
          height: 200,
          filesize: 14_000,
          mime_type: 'image/jpeg',
          source_url: `${UP}/photo-300x200.jpg`,
        },
        large: {
          file: 'photo-1024x683.jpg',
          width: 1024,
          height: 683,
          filesize: 120_000,
          mime_type: 'image/jpeg',
          source_url: `${UP}/photo-1024x683.jpg`,
        },
        thumbnail: {
          file: 'photo-150x150.jpg',
          width: 150,
          height: 150,
          filesize: 6_000,
          mime_type: 'image/jpeg',
          source_url: `${UP}/photo-150x150.jpg`,
        },
        medium_large: {
          file: 'photo-768x512.jpg',
          width: 768,
          height: 512,
          filesize: 70_000,
          mime_type: 'image/jpeg',
          source_url: `${UP}/photo-768x512.jpg`,
        },
        full: { file: 'photo.jpg', width: 1200, height: 800, mime_type: 'image/jpeg', source_url: `${UP}/photo.jpg` },
      },
      image_meta: {
        aperture: '2.8',
        credit: '',
        camera: 'X100V',
        caption: '',
        created_timestamp: '1745143200',
        copyright: '',
        focal_length: '23',
        iso: '160',
        shutter_speed: '0.004',
        title: '',
        orientation: '1',
        keywords: [],
      },
    },
    post: 9,
    source_url: `${UP}/photo.jpg`,
    _links: { self: [{ href: 'https://example.org/wp-json/wp/v2/media/501' }] },
  };
}
