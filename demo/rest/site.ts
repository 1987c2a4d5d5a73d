/**
 * The demo site's data as the REST handlers read it: the bundled content moved onto the server's origin,
 * indexed by id, with the derived facts WordPress computes from its tables (search text, comment children,
 * published-post counts per author, the site's current UTC offset).
 */
import { readFileSync } from 'node:fs';
import {
  DEMO_ORIGIN,
  type DemoContent,
  type StoredComment,
  type StoredCustomPost,
  type StoredMedia,
  type StoredPage,
  type StoredPost,
  type StoredTerm,
  type StoredUser,
  type YoastHeadJson,
} from '../content-types.ts';
import { phpJsonEncode } from './php.ts';
import { offsetHours } from '../time.ts';

/** A row of `wp_posts`: a post, a page, an attachment or a custom type's record. */
export type PostRow = StoredPost | StoredPage | StoredMedia | StoredCustomPost;

/** The loaded site. */
export interface Site {
  content: DemoContent;
  /** `http://127.0.0.1:54321` — no trailing slash. */
  origin: string;
  /** Every `wp_posts` row by id. */
  rows: Map<number, PostRow>;
  terms: Map<number, StoredTerm>;
  users: Map<number, StoredUser>;
  comments: Map<number, StoredComment>;
  /** Lowercased, accent-folded text per post row, as MySQL's `LIKE` under `utf8mb4_unicode_ci` sees it. */
  searchText: Map<number, { title: string; excerpt: string; content: string }>;
  /** Comment ids that have at least one reply (any status). */
  commentsWithChildren: Set<number>;
  sticky: Set<number>;
  /** `rest_url( $path )`: the REST root plus a route without its leading slash. */
  restUrl(route: string): string;
  /** The site's offset from UTC now (`gmt_offset` as WordPress reports it). */
  gmtOffset(): number;
}

/** Reads `demo/content.json`. */
export function loadBundledContent(): DemoContent {
  return JSON.parse(readFileSync(new URL('../content.json', import.meta.url), 'utf8')) as DemoContent;
}

/** Folds text the way a case- and accent-insensitive MySQL collation compares it. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', hellip: '…', nbsp: ' ', apos: "'" };

/** Decodes the entities WordPress's renderers emit, approximating the raw column a `LIKE` search reads. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 8216 || code === 8217) return "'";
      if (code === 8220 || code === 8221) return '"';
      if (code === 8211) return '-';
      if (code === 8212) return '--';
      if (code === 8230) return '...';
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** `esc_html()` / `esc_attr()`: `_wp_specialchars( $text, ENT_QUOTES )`, existing entities left alone. */
const escHtml = (text: string): string =>
  text
    .replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');

/** Yoast's `yoast_head`: `yoast_head_json` as the HTML it prints in `<head>` (the fixture's `wpgw_yoast_head_html()`). */
export function yoastHeadHtml(json: YoastHeadJson): string {
  let html = `<title>${escHtml(json.title)}</title>\n`;
  if (typeof json.description === 'string' && json.description !== '')
    html += `<meta name="description" content="${escHtml(json.description)}" />\n`;
  html += `<meta name="robots" content="${escHtml(Object.values(json.robots).join(', '))}" />\n`;
  html += `<link rel="canonical" href="${json.canonical}" />\n`;
  html += `<meta property="og:title" content="${escHtml(String(json.og_title ?? ''))}" />\n`;
  html += `<script type="application/ld+json" class="yoast-schema-graph">${phpJsonEncode(json.schema)}</script>\n`;
  return html;
}

/** Loads content onto an origin, replacing the `http://demo.local` placeholder everywhere. */
export function createSite(content: DemoContent, origin: string): Site {
  const placeholder = new RegExp(`${DEMO_ORIGIN.replace(/[.]/g, '\\.')}(?=[/"?#]|$)`, 'g');
  const moved = JSON.parse(JSON.stringify(content).replace(placeholder, origin)) as DemoContent;
  const rows = new Map<number, PostRow>();
  for (const r of [...moved.books, ...moved.chapters]) r.yoast_head = yoastHeadHtml(r.yoast_head_json);
  for (const t of moved.genres) t.yoast_head = yoastHeadHtml(t.yoast_head_json);
  for (const r of [...moved.posts, ...moved.pages, ...moved.media, ...moved.books, ...moved.chapters]) rows.set(r.id, r);
  const searchText = new Map<number, { title: string; excerpt: string; content: string }>();
  for (const r of rows.values()) {
    const rawTitle = (r.title?.rendered ?? '').replace(/^Private: /, '');
    const excerpt = 'excerpt' in r ? (r.excerpt?.rendered ?? '') : 'caption' in r ? (r.caption?.rendered ?? '') : '';
    let body = 'content' in r ? (r.content?.rendered ?? '') : 'description' in r ? (r.description?.rendered ?? '') : '';
    // Attachments are also found by file name (`wp_allow_query_attachment_by_filename`).
    if (r.type === 'attachment') body += ` ${(r as StoredMedia).media_details?.file ?? ''}`;
    searchText.set(r.id, {
      title: fold(decodeEntities(rawTitle)),
      excerpt: fold(decodeEntities(excerpt)),
      content: fold(decodeEntities(body)),
    });
  }
  const commentsWithChildren = new Set<number>();
  for (const c of moved.comments) if (c.parent) commentsWithChildren.add(c.parent);
  const restRoot = `${origin}/wp-json/`;
  return {
    content: moved,
    origin,
    rows,
    terms: new Map([...moved.categories, ...moved.tags, ...(moved.genres as unknown as StoredTerm[])].map((t) => [t.id, t])),
    users: new Map(moved.users.map((u) => [u.id, u])),
    comments: new Map(moved.comments.map((c) => [c.id, c])),
    searchText,
    commentsWithChildren,
    sticky: new Set(moved.site.sticky_posts),
    restUrl: (route) => `${restRoot}${route.replace(/^\//, '')}`,
    gmtOffset: () => (moved.site.timezone_string ? offsetHours(moved.site.timezone_string, Date.now()) : moved.site.gmt_offset),
  };
}
