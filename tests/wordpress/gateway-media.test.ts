import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { decodeEntities, rest, restAll, startWordPressGateway, type WordPressGateway, type Json } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Media: every attachment's URL, type and size metadata against its REST record (`media_details`), the sizes
// WPGraphQL lists (WordPress's own, without the synthetic `full` REST adds), `sourceUrl(size:)` and featured images.

const wp = wordpressTarget();

interface RestSize {
  file: string;
  width: number;
  height: number;
  filesize?: number;
  mime_type: string;
  source_url: string;
}

interface RestMedia {
  id: number;
  slug: string;
  title: { rendered: string };
  source_url: string;
  mime_type: string;
  media_type: 'image' | 'file';
  alt_text: string;
  caption: { rendered: string };
  media_details: { width?: number; height?: number; file?: string; filesize?: number; sizes: Record<string, RestSize> };
}

const MEDIA_FIELDS = `
  databaseId title mediaType mimeType mediaItemUrl altText caption
  sourceUrl
  thumbnail: sourceUrl(size: THUMBNAIL)
  medium: sourceUrl(size: MEDIUM)
  large: sourceUrl(size: LARGE)
  huge: sourceUrl(size: _2048X2048)
  mediaDetails {
    width height file
    sizes { name file width height mimeType sourceUrl fileSize }
  }`;

describe.runIf(wp.seeded)('the gateway’s media against REST', () => {
  let gw: WordPressGateway;
  let records: Map<number, RestMedia>;
  let items: Map<number, Json>;

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    const all = await restAll<RestMedia>(wp, '/wp/v2/media');
    records = new Map(all.map((m) => [m.id, m]));
    const data = await gw.data(`{ mediaItems(first: 100) { pageInfo { total } nodes { ${MEDIA_FIELDS} } } }`);
    expect(data.mediaItems.pageInfo.total).toBe(SEED.counts.media);
    items = new Map(data.mediaItems.nodes.map((m: Json) => [m.databaseId, m]));
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('lists every attachment', () => {
    expect([...items.keys()].sort()).toEqual([...records.keys()].sort());
    expect(items.size).toBe(SEED.counts.media);
  });

  it('URL, types, title, alt text and caption of each: the REST record’s', () => {
    for (const [id, record] of records) {
      const item = items.get(id);
      expect(item.mediaItemUrl, `media ${id}`).toBe(record.source_url);
      expect(item.mimeType, `media ${id}`).toBe(record.mime_type);
      expect(item.mediaType, `media ${id}`).toBe(record.media_type);
      expect(item.title, `media ${id}`).toBe(decodeEntities(record.title.rendered) || null);
      // WPGraphQL: '' (not null) when no alt text is set; the caption as rendered, null when empty. The PDF has no
      // caption: REST's automatic one is the title prepend_attachment links, which WPGraphQL removes (null).
      expect(item.altText, `media ${id}`).toBe(record.alt_text);
      const caption = id === SEED.media.pdf || record.caption.rendered === '' ? null : record.caption.rendered;
      expect(item.caption, `media ${id}`).toBe(caption);
    }
    expect(items.get(SEED.media.firstImage).altText).toBe('Alt text for image 0 & friends');
    expect(items.get(SEED.media.firstImage + 1).altText).toBe('');
    expect(records.get(SEED.media.pdf)?.caption.rendered).toBe('<p>Annual report 2022</p>\n');
  });

  it('mediaDetails.sizes: WordPress’s sizes in its order, without REST’s synthetic `full`', () => {
    let images = 0;
    for (const [id, record] of records) {
      if (record.media_type !== 'image' || id === SEED.media.noSizes) continue;
      images++;
      const item = items.get(id);
      const names = Object.keys(record.media_details.sizes).filter((n) => n !== 'full');
      expect(names.length, `media ${id}`).toBeGreaterThanOrEqual(4);
      expect(
        item.mediaDetails.sizes.map((s: Json) => s.name),
        `media ${id}`,
      ).toEqual(names);
      for (const size of item.mediaDetails.sizes) {
        const truth = record.media_details.sizes[size.name]!;
        expect(size, `media ${id} size ${size.name}`).toEqual({
          name: size.name,
          file: truth.file,
          width: String(truth.width),
          height: String(truth.height),
          mimeType: truth.mime_type,
          sourceUrl: truth.source_url,
          fileSize: truth.filesize ?? null,
        });
      }
      expect(item.mediaDetails.width, `media ${id}`).toBe(record.media_details.width);
      expect(item.mediaDetails.height, `media ${id}`).toBe(record.media_details.height);
      expect(item.mediaDetails.file, `media ${id}`).toBe(record.media_details.file!.split('/').at(-1));
    }
    expect(images).toBe(SEED.media.lastImage - SEED.media.firstImage + 2); // 2000–2023 and 2025
  });

  it('sourceUrl(size:): that size’s URL; the original when the size was not made', () => {
    for (const [id, record] of records) {
      if (record.media_type !== 'image') continue;
      const item = items.get(id);
      const sizes = record.media_details.sizes;
      expect(item.sourceUrl, `media ${id}`).toBe(record.source_url);
      expect(item.thumbnail, `media ${id}`).toBe(sizes.thumbnail?.source_url ?? record.source_url);
      expect(item.medium, `media ${id}`).toBe(sizes.medium?.source_url ?? record.source_url);
      expect(item.large, `media ${id}`).toBe(sizes.large?.source_url ?? record.source_url);
      expect(item.huge, `media ${id}`).toBe(sizes['2048x2048']?.source_url ?? record.source_url);
    }
    const first = records.get(SEED.media.firstImage)!;
    expect(items.get(SEED.media.firstImage).thumbnail).toBe(first.source_url.replace(/\.jpg$/, '-150x150.jpg'));
  });

  it('an image too small for any size: sizes null, every sourceUrl the original', () => {
    const record = records.get(SEED.media.noSizes)!;
    expect(record.media_details.sizes).toEqual({});
    const item = items.get(SEED.media.noSizes);
    expect(item.mediaDetails).toMatchObject({ width: 96, height: 64, sizes: null });
    expect(item.thumbnail).toBe(record.source_url);
    expect(item.sourceUrl).toBe(record.source_url);
  });

  it('a PDF without a preview: mediaItemUrl the file, sourceUrl null, no sizes', () => {
    const record = records.get(SEED.media.pdf)!;
    const item = items.get(SEED.media.pdf);
    expect(item).toMatchObject({
      mediaType: 'file',
      mimeType: 'application/pdf',
      mediaItemUrl: record.source_url,
      sourceUrl: null,
      thumbnail: null,
    });
    expect(item.mediaDetails?.sizes ?? null).toBeNull();
  });

  it('srcSet and sizes: WordPress’s for the medium size of a 16:9 image', async () => {
    const record = records.get(SEED.media.firstImage)!;
    const { mediaItem } = await gw.data(
      `{ mediaItem(id: ${SEED.media.firstImage}, idType: DATABASE_ID) { srcSet(size: MEDIUM) sizes(size: MEDIUM) } }`,
    );
    const s = record.media_details.sizes;
    // wp_calculate_image_srcset: the sizes with the medium size's aspect ratio, in metadata order, then the original.
    const expected = [s.medium!, s.medium_large!, s.large!, s['1536x1536']!].map((x) => `${x.source_url} ${x.width}w`);
    expected.push(`${record.source_url} ${record.media_details.width}w`);
    expect(mediaItem.srcSet).toBe(expected.join(', '));
    expect(mediaItem.sizes).toBe(`(max-width: ${s.medium!.width}px) 100vw, ${s.medium!.width}px`);
  });

  it('featured images of a page of posts: REST `featured_media` and that record’s sizes', async () => {
    const posts = await rest<{ id: number; featured_media: number }[]>(wp, '/wp/v2/posts', {
      per_page: 30,
      exclude: SEED.posts.password,
      _fields: 'id,featured_media',
    });
    const data = await gw.data(`{ posts(first: 30, where: { notIn: [${SEED.posts.password}] }) { nodes {
      databaseId
      featuredImage { node { databaseId sourceUrl thumbnail: sourceUrl(size: THUMBNAIL) mediaDetails { width height } } }
    } } }`);
    let seen = 0;
    for (const node of data.posts.nodes) {
      const truth = posts.body.find((p) => p.id === node.databaseId)!;
      if (truth.featured_media === 0) {
        expect(node.featuredImage, `post ${node.databaseId}`).toBeNull();
        continue;
      }
      seen++;
      const record = records.get(truth.featured_media)!;
      expect(node.featuredImage.node, `post ${node.databaseId}`).toEqual({
        databaseId: truth.featured_media,
        sourceUrl: record.source_url,
        thumbnail: record.media_details.sizes.thumbnail!.source_url,
        mediaDetails: { width: record.media_details.width, height: record.media_details.height },
      });
    }
    expect(seen).toBe(10);
  });

  it('sizes(include:, exclude:) filters by size name', async () => {
    const { mediaItem } = await gw.data(`{ mediaItem(id: ${SEED.media.firstImage}, idType: DATABASE_ID) {
      mediaDetails {
        only: sizes(include: [THUMBNAIL, LARGE]) { name }
        without: sizes(exclude: [THUMBNAIL]) { name }
      }
    } }`);
    expect(mediaItem.mediaDetails.only.map((s: Json) => s.name)).toEqual(['thumbnail', 'large']);
    expect(mediaItem.mediaDetails.without.map((s: Json) => s.name)).toEqual(
      Object.keys(records.get(SEED.media.firstImage)!.media_details.sizes).filter((n) => n !== 'full' && n !== 'thumbnail'),
    );
  });
});
