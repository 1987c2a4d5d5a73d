/**
 * Content of the custom types (issue #13) — the same kinds of things tests/wordpress/seed.php's
 * `wpgw_seed_discovery()` creates on the test WordPress, for the types tests/wordpress/mu-plugins/wpgw-discovery.php
 * registers: flat `book`s (one a draft) with `genre`s and every kind of registered meta, hierarchical `chapter`s
 * with `word_count`, `genre` terms (fiction > mystery, poetry) with `color`, and Yoast's `yoast_head_json` on all
 * of them, built as the fixture builds it. No randomness: the records are fixed, their ids follow the site's.
 */
import type { StoredCustomPost, StoredCustomTerm, StoredMedia, StoredUser, YoastHeadJson } from '../content-types.ts';
import { DEMO_ORIGIN as O } from '../content-types.ts';
import { gmtString, localString } from '../time.ts';
import { autoExcerpt, autop, decodeEntities, manualExcerpt, sanitizeTitle, texturize, words } from './wp-format.ts';

interface Input {
  siteName: string;
  timeZone: string;
  /** First free `wp_posts` id and `wp_terms` id. */
  nextPostId: number;
  nextTermId: number;
  users: StoredUser[];
  media: StoredMedia[];
}

const ROBOTS = {
  index: 'index',
  follow: 'follow',
  'max-snippet': 'max-snippet:-1',
  'max-image-preview': 'max-image-preview:large',
  'max-video-preview': 'max-video-preview:-1',
};

const BOOKS = [
  {
    title: 'The Gateway’s Tale',
    genres: ['fiction'],
    excerpt: 'A tale of batching.',
    author: 2,
    status: 'publish',
    body: [
      'Every request the gateway makes is one it has counted twice.',
      'It batches the authors of a page into a single call, and it asks for the fields it needs and no others.',
    ],
    meta: {
      isbn: '978-3-16-148410-0',
      page_count: 320,
      rating: 4.5,
      in_print: true,
      editions: [2001, 2010],
      dimensions: { width: 13.5, height: 21 },
    },
  },
  {
    title: 'Murder & REST',
    genres: ['mystery'],
    author: 3,
    status: 'publish',
    body: ['A body is found in the cache.', 'Nobody invalidated it, and the detective must learn why before the TTL runs out.'],
    meta: {
      isbn: '978-0-00-000001-1',
      page_count: 212,
      rating: 3.25,
      in_print: false,
      editions: [1999],
      dimensions: { width: 11, height: 18 },
    },
  },
  {
    title: 'Odes to Loopback',
    genres: ['poetry', 'fiction'],
    author: 2,
    status: 'publish',
    body: ['Small poems for the address that always answers.', 'One hundred and twenty-seven, zero, zero, one.'],
    meta: { isbn: '978-0-00-000002-8', page_count: 64, rating: 5, in_print: true, editions: [], dimensions: { width: 15, height: 15 } },
  },
  { title: 'Untitled Draft Book', genres: [], author: 2, status: 'draft', body: ['Not written yet.'], meta: {} },
] as const;

/** Registered book meta with nothing stored: each key's default, as REST shows it. */
const BOOK_DEFAULTS = { isbn: '', page_count: 0, rating: 0, in_print: false, editions: [], dimensions: { width: 0, height: 0 } };

const GENRES = [
  { slug: 'fiction', name: 'Fiction', description: 'Made-up stories', parent: null, color: '#aa3300' },
  { slug: 'mystery', name: 'Mystery &amp; Crime', description: '', parent: 'fiction', color: '' },
  { slug: 'poetry', name: 'Poetry', description: '', parent: null, color: '' },
] as const;

/** [title, parent index or -1, menu_order] */
const CHAPTERS: [string, number, number][] = [
  ['Part One', -1, 1],
  ['Chapter 1: Requests', 0, 1],
  ['Chapter 2: Batches', 0, 2],
  ['Section 1.1: Include', 1, 1],
];

/** The fixture's `wpgw_yoast_for_post()`. */
function yoastForPost(
  input: Input,
  o: { id: number; title: string; url: string; content: string; gmt: string; author: number; image?: StoredMedia },
): YoastHeadJson {
  const title = `${decodeEntities(o.title)} - ${input.siteName}`;
  const text = words(o.content);
  const description = text.length > 20 ? `${text.slice(0, 20).join(' ')}…` : text.join(' ');
  const minutes = Math.max(1, Math.ceil(text.length / 200));
  const author = input.users.find((u) => u.id === o.author)?.name ?? '';
  const time = `${o.gmt}+00:00`;
  const head: YoastHeadJson = {
    title,
    description,
    robots: { ...ROBOTS },
    canonical: o.url,
    og_locale: 'en_US',
    og_type: 'article',
    og_title: title,
    og_description: description,
    og_url: o.url,
    og_site_name: input.siteName,
    article_publisher: 'https://www.facebook.com/wpgw-test',
    article_published_time: time,
    article_modified_time: time,
    author,
    twitter_card: 'summary_large_image',
    twitter_creator: '@wpgw_author',
    twitter_site: '@wpgw_test',
    twitter_misc: { 'Written by': author, 'Est. reading time': `${minutes} minute${minutes === 1 ? '' : 's'}` },
    schema: {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': o.url, url: o.url, name: title },
        {
          '@type': 'BreadcrumbList',
          '@id': `${o.url}#breadcrumb`,
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Home', item: `${O}/` },
            { '@type': 'ListItem', position: 2, name: decodeEntities(o.title) },
          ],
        },
      ],
    },
  };
  const size = o.image?.media_details;
  if (o.image && size) {
    head.og_image = [{ width: size.width ?? 0, height: size.height ?? 0, url: o.image.source_url ?? '', type: o.image.mime_type ?? '' }];
  }
  if (o.id % 2 === 1) {
    head.robots.index = 'noindex';
    head.twitter_title = `Twitter: ${title}`;
    head.twitter_description = `Twitter: ${description}`;
  }
  return head;
}

/** The fixture's `wpgw_yoast_for_term()`. */
function yoastForTerm(input: Input, name: string, url: string): YoastHeadJson {
  const title = `${decodeEntities(name)} Archives - ${input.siteName}`;
  return {
    title,
    robots: { ...ROBOTS },
    canonical: url,
    og_locale: 'en_US',
    og_type: 'article',
    og_title: title,
    og_url: url,
    og_site_name: input.siteName,
    twitter_card: 'summary_large_image',
    schema: { '@context': 'https://schema.org', '@graph': [{ '@type': 'CollectionPage', '@id': url, url, name: title }] },
  };
}

/** Books, chapters and genres, with ids after the site's own. */
export function buildDiscoveryContent(input: Input): {
  books: StoredCustomPost[];
  chapters: StoredCustomPost[];
  genres: StoredCustomTerm[];
} {
  let termId = input.nextTermId;
  const genres: StoredCustomTerm[] = [];
  for (const spec of GENRES) {
    const parent = spec.parent ? (genres.find((g) => g.slug === spec.parent)?.id ?? 0) : 0;
    const link = `${O}/genre/${spec.slug}/`;
    genres.push({
      id: termId++,
      count: 0,
      description: spec.description,
      link,
      name: spec.name,
      slug: spec.slug,
      taxonomy: 'genre',
      parent,
      meta: { color: spec.color },
      yoast_head_json: yoastForTerm(input, spec.name, link),
    });
  }
  const genreId = (slug: string) => genres.find((g) => g.slug === slug)?.id ?? 0;
  const image = input.media.find((m) => m.media_type === 'image' && m.status === 'inherit');

  // Even first ids, as the seed's 3000 and 3100: Yoast's odd-id variant (noindex, twitter_title) falls alike.
  let postId = input.nextPostId + (input.nextPostId % 2);
  const books: StoredCustomPost[] = BOOKS.map((spec, i) => {
    const id = postId++;
    const ms = Date.UTC(2023, 2, 10 + i, 9, 0, 0);
    const slug = sanitizeTitle(spec.title);
    const draft = spec.status === 'draft';
    const link = draft ? `${O}/?post_type=book&p=${id}` : `${O}/books/${slug}/`;
    const content = autop(spec.body.map((s) => texturize(s)));
    const featured = i === 0 && image ? image : undefined;
    // Seeded from the CLI as the test WordPress's are (no kses): a bare & becomes &#038; like an editor's.
    const title = texturize(spec.title);
    const assigned = spec.genres.map(genreId);
    return {
      id,
      date: localString(ms, input.timeZone),
      date_gmt: gmtString(ms),
      guid: { rendered: `${O}/?book=${slug}` },
      modified: localString(ms, input.timeZone),
      modified_gmt: gmtString(ms),
      slug,
      status: spec.status,
      type: 'book',
      link,
      title: { rendered: title },
      content: { rendered: content, protected: false },
      excerpt: { rendered: 'excerpt' in spec ? manualExcerpt(spec.excerpt) : autoExcerpt(content), protected: false },
      author: spec.author,
      featured_media: featured?.id ?? 0,
      comment_status: 'open',
      ping_status: 'closed',
      template: '',
      meta: { ...BOOK_DEFAULTS, ...spec.meta },
      genres: [...assigned].sort((a, b) => {
        const na = genres.find((g) => g.id === a)?.name ?? '';
        const nb = genres.find((g) => g.id === b)?.name ?? '';
        return na < nb ? -1 : na > nb ? 1 : 0;
      }),
      yoast_head_json: yoastForPost(input, { id, title, url: link, content, gmt: gmtString(ms), author: spec.author, image: featured }),
    } as StoredCustomPost;
  });
  for (const book of books) {
    if (book.status !== 'publish') continue;
    for (const g of book.genres ?? []) {
      const term = genres.find((t) => t.id === g);
      if (term) term.count = (term.count ?? 0) + 1;
    }
  }

  const chapters: StoredCustomPost[] = [];
  for (const [title, parentIndex, order] of CHAPTERS) {
    const id = postId++;
    const ms = Date.UTC(2023, 3, 1, 7, 0, 0);
    const parent = parentIndex >= 0 ? chapters[parentIndex] : undefined;
    const slug = sanitizeTitle(title);
    const path = parent ? `${(parent.link ?? '').replace(`${O}/chapters/`, '')}${slug}` : slug;
    const link = `${O}/chapters/${path.replace(/\/?$/, '/')}`;
    const content = autop([`${texturize(title)}: where the gateway learns one more thing about ${slug.replace(/-/g, ' ')}.`]);
    chapters.push({
      id,
      date: localString(ms, input.timeZone),
      date_gmt: gmtString(ms),
      guid: { rendered: `${O}/?chapter=${path}` },
      modified: localString(ms, input.timeZone),
      modified_gmt: gmtString(ms),
      slug,
      status: 'publish',
      type: 'chapter',
      link,
      title: { rendered: texturize(title) },
      content: { rendered: content, protected: false },
      parent: parent?.id ?? 0,
      menu_order: order,
      template: '',
      meta: { word_count: 1000 + chapters.length },
      yoast_head_json: yoastForPost(input, { id, title: texturize(title), url: link, content, gmt: gmtString(ms), author: 2 }),
    } as StoredCustomPost);
  }
  return { books, chapters, genres };
}
