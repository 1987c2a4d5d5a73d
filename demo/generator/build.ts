/**
 * Builds the demo site's content deterministically: the same seed gives the same records on every machine.
 * It plays a WordPress 6.1 site's life forward — install (post 1 "Hello world!", page 2 "Sample Page",
 * draft page 3 "Privacy Policy", term 1 "Uncategorized", comment 1), then two years of posts with uploads
 * and revisions drawing ids from one `wp_posts` sequence — and renders each row the way the REST API shows
 * it in `context=view` (`wp-format.ts`). Nothing here reads the clock.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RestMediaSize } from '../../src/wordpress/rest-types.ts';
import {
  DEMO_ORIGIN as O,
  type DemoContent,
  type StoredComment,
  type StoredMedia,
  type StoredPage,
  type StoredPost,
  type StoredTerm,
  type StoredUser,
} from '../content-types.ts';
import { gmtString, localString, offsetHours } from '../time.ts';
import { COMMENT_SENTENCES, GUEST_COMMENTERS, MANUAL_EXCERPTS, REPLY_SENTENCES, SPAM_COMMENTS, TOPICS, type Topic } from './corpus.ts';
import { buildDiscoveryContent } from './discovery.ts';
import { createPrng, type Prng } from './prng.ts';
import {
  CAMERAS,
  CATEGORIES,
  DIMENSIONS,
  IMAGE_NAMES,
  SIZES,
  SPECIAL_POSTS,
  TAG_ALIASES,
  TAGS,
  type TermSpec,
  type UserSpec,
  USERS,
} from './site-spec.ts';
import { autoExcerpt, autop, escHtml, joinBlocks, manualExcerpt, sanitizeTitle, texturize } from './wp-format.ts';

const TZ = 'Europe/Paris';
const SITE_NAME = 'The Demo Dispatch';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The site's "now" for generated content: nothing is dated after it except the scheduled post. */
const GENERATED_AT = Date.UTC(2025, 5, 1, 8, 0, 0);
const INSTALLED_AT = Date.UTC(2023, 5, 1, 9, 12, 44);

/** Mutable state threaded through the build. */
interface Ctx {
  rng: Prng;
  nextPostId: number;
  users: StoredUser[];
  userSpecs: Map<number, UserSpec>;
  categories: StoredTerm[];
  tags: StoredTerm[];
  posts: StoredPost[];
  pages: StoredPage[];
  media: StoredMedia[];
  /** Comments before ids are assigned (sorted by date at the end). */
  comments: DraftComment[];
  usedSlugs: Set<string>;
  usedTitles: Set<string>;
  imageCounter: number;
}

interface DraftComment {
  key: number;
  parentKey: number;
  post: number;
  postLink: string;
  ms: number;
  author: number;
  author_name: string;
  author_email: string;
  author_url: string;
  text: string;
  status: 'approved' | 'hold' | 'spam';
}

const avatarUrls = (email: string): Record<string, string> => {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  // Over plain HTTP, get_avatar_url() picks one of three gravatar hosts from the hash's first digit.
  const server = parseInt(hash[0] ?? '0', 16) % 3;
  return Object.fromEntries([24, 48, 96].map((s) => [String(s), `http://${server}.gravatar.com/avatar/${hash}?s=${s}&d=mm&r=g`]));
};

function buildUsers(ctx: Ctx): void {
  USERS.forEach((spec, i) => {
    const id = i + 1;
    ctx.userSpecs.set(id, spec);
    ctx.users.push({
      id,
      name: spec.name,
      url: spec.url,
      description: spec.description,
      link: `${O}/author/${spec.login}/`,
      slug: spec.login,
      avatar_urls: avatarUrls(spec.email),
      meta: [],
      _demo: { login: spec.login, email: spec.email, roles: spec.roles },
    });
  });
}

function buildTerms(ctx: Ctx): void {
  let nextTermId = 1;
  const bySlug = new Map<string, StoredTerm>();
  const linkPath = (spec: TermSpec): string => {
    const chain: string[] = [];
    let cur: TermSpec | undefined = spec;
    while (cur) {
      chain.unshift(cur.slug);
      cur = CATEGORIES.find((c) => c.slug === cur?.parent);
    }
    return chain.join('/');
  };
  for (const spec of CATEGORIES) {
    const term: StoredTerm = {
      id: nextTermId++,
      count: 0,
      description: spec.description ?? '',
      link: `${O}/category/${linkPath(spec)}/`,
      name: spec.name,
      slug: spec.slug,
      taxonomy: 'category',
      parent: spec.parent ? (bySlug.get(spec.parent)?.id ?? 0) : 0,
      meta: [],
    };
    bySlug.set(spec.slug, term);
    ctx.categories.push(term);
    // Tags were created while writing, between categories: ids interleave as in a real wp_terms table.
    if (term.id === 6 || term.id === 12) nextTermId += 1;
  }
  for (const spec of TAGS) {
    ctx.tags.push({
      id: nextTermId++,
      count: 0,
      description: spec.description ?? '',
      link: `${O}/tag/${spec.slug}/`,
      name: spec.name,
      slug: spec.slug,
      taxonomy: 'post_tag',
      meta: [],
    });
  }
}

const categoryId = (ctx: Ctx, slug: string): number => {
  const t = ctx.categories.find((c) => c.slug === slug);
  if (!t) throw new Error(`unknown category ${slug}`);
  return t.id;
};

const tagId = (ctx: Ctx, slug: string): number => {
  const real = TAG_ALIASES[slug] ?? slug;
  const t = ctx.tags.find((c) => c.slug === real);
  if (!t) throw new Error(`unknown tag ${slug}`);
  return t.id;
};

/** WordPress sorts a post's terms by name (`wp_get_object_terms` default). */
const byTermName = (terms: StoredTerm[]) => (a: number, b: number) => {
  const na = terms.find((t) => t.id === a)?.name ?? '';
  const nb = terms.find((t) => t.id === b)?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
};

function uniqueSlug(ctx: Ctx, base: string): string {
  let slug = base || 'untitled';
  for (let n = 2; ctx.usedSlugs.has(slug); n++) slug = `${base}-${n}`;
  ctx.usedSlugs.add(slug);
  return slug;
}

/** `/%year%/%monthnum%/%day%/%postname%/`, WordPress's default for new sites; drafts get `?p=`. */
function postLink(id: number, status: string, slug: string, local: string): string {
  if (['draft', 'pending', 'auto-draft', 'future'].includes(status)) return `${O}/?p=${id}`;
  return `${O}/${local.slice(0, 4)}/${local.slice(5, 7)}/${local.slice(8, 10)}/${slug}/`;
}

/** Deals sentences from a shuffled deck so a post does not repeat itself until the deck runs out. */
function dealer(rng: Prng, topic: Topic): (count: number) => string {
  const deck = rng.shuffle(topic.sentences);
  let next = 0;
  return (count) => Array.from({ length: count }, () => deck[next++ % deck.length]).join(' ');
}

interface UploadResult {
  media: StoredMedia;
  sizes: Record<string, RestMediaSize>;
}

/** Uploads an image (or a PDF) the way the media library stores it, with WordPress's sub-sizes. */
function upload(
  ctx: Ctx,
  opts: { parent: number; parentLink: string | null; author: number; ms: number; pdf?: boolean; caption?: string },
): UploadResult {
  const { rng } = ctx;
  const id = ctx.nextPostId++;
  const local = localString(opts.ms, TZ);
  const base = opts.pdf
    ? `annual-report-${local.slice(0, 4)}`
    : `${rng.pick(IMAGE_NAMES)}${ctx.imageCounter++ % 3 === 0 ? '' : `-${rng.int(2, 99)}`}`;
  const folder = `${local.slice(0, 4)}/${local.slice(5, 7)}`;
  const ext = opts.pdf ? 'pdf' : 'jpg';
  const file = `${folder}/${base}.${ext}`;
  const url = `${O}/wp-content/uploads/${file}`;
  // The title starts as the file name; some authors tidy it. The slug keeps the file name.
  const title =
    !opts.pdf && rng.chance(0.3)
      ? base
          .replace(/-\d+$/, '')
          .replace(/-/g, ' ')
          .replace(/^./, (c) => c.toUpperCase())
      : base;
  const slug = uniqueSlug(ctx, sanitizeTitle(base));
  const link =
    opts.parentLink && !opts.parentLink.includes('?')
      ? `${opts.parentLink}${slug}/`
      : opts.parentLink
        ? `${O}/?attachment_id=${id}`
        : `${O}/${slug}/`;
  const alt = opts.pdf || rng.chance(0.25) ? '' : base.replace(/-\d+$/, '').replace(/-/g, ' ');
  const sizes: Record<string, RestMediaSize> = {};
  let details: StoredMedia['media_details'];
  let description = '';
  if (opts.pdf) {
    // Non-images have no sub-sizes; the REST API still answers `sizes: {}`.
    details = { filesize: rng.int(80_000, 900_000), sizes: {} };
    description = `<p class="attachment"><a href='${url}'>${title}</a></p>\n`;
  } else {
    const [w, h] = rng.pick(DIMENSIONS);
    for (const [name, mw, mh, crop] of SIZES) {
      let sw: number;
      let sh: number;
      if (crop) {
        if (w < mw || h < mh) continue;
        [sw, sh] = [mw, mh];
      } else {
        const ratio = Math.min(mw / w, mh === 0 ? Infinity : mh / h);
        if (ratio >= 1) continue;
        [sw, sh] = [Math.round(w * ratio), Math.round(h * ratio)];
      }
      sizes[name] = {
        file: `${base}-${sw}x${sh}.jpg`,
        width: sw,
        height: sh,
        filesize: Math.round(sw * sh * (0.08 + rng.next() * 0.06)),
        mime_type: 'image/jpeg',
        source_url: `${O}/wp-content/uploads/${folder}/${base}-${sw}x${sh}.jpg`,
      };
    }
    sizes.full = { file: `${base}.jpg`, width: w, height: h, mime_type: 'image/jpeg', source_url: url };
    const camera = rng.chance(0.6);
    details = {
      width: w,
      height: h,
      file,
      filesize: Math.round(w * h * (0.15 + rng.next() * 0.1)),
      sizes,
      image_meta: {
        aperture: camera ? rng.pick(['1.8', '2.8', '4', '5.6', '8']) : '0',
        credit: camera && rng.chance(0.3) ? (ctx.users[opts.author - 1]?.name ?? '') : '',
        camera: camera ? rng.pick(CAMERAS) : '',
        caption: '',
        created_timestamp: camera ? String(Math.floor((opts.ms - rng.int(1, 40) * DAY) / 1000)) : '0',
        copyright: '',
        focal_length: camera ? rng.pick(['23', '35', '50', '85', '6']) : '0',
        iso: camera ? rng.pick(['100', '200', '400', '800', '1600']) : '0',
        shutter_speed: camera ? rng.pick(['0.004', '0.008', '0.01666', '0.0005']) : '0',
        title: '',
        orientation: camera ? '1' : '0',
        keywords: [],
      },
    };
    const medium = sizes.medium ?? sizes.full;
    const srcset = Object.entries(sizes)
      .filter(([name]) => name !== 'thumbnail' && name !== 'full')
      .map(([, s]) => `${s.source_url} ${s.width}w`)
      .concat(`${url} ${w}w`)
      .join(', ');
    description =
      `<p class="attachment"><a href='${url}'><img width="${medium.width}" height="${medium.height}" src="${medium.source_url}" ` +
      `class="attachment-medium size-medium" alt="${alt}" decoding="async" loading="lazy" srcset="${srcset}" ` +
      `sizes="(max-width: ${medium.width}px) 100vw, ${medium.width}px" /></a></p>\n`;
  }
  const date = local;
  const media: StoredMedia = {
    id,
    date,
    date_gmt: gmtString(opts.ms),
    guid: { rendered: url },
    modified: date,
    modified_gmt: gmtString(opts.ms),
    slug,
    status: 'inherit',
    type: 'attachment',
    link,
    title: { rendered: texturize(title) },
    author: opts.author,
    comment_status: 'open',
    ping_status: 'closed',
    template: '',
    meta: [],
    description: { rendered: description },
    caption: { rendered: opts.caption ? `<p>${texturize(opts.caption)}</p>\n` : '' },
    alt_text: alt,
    media_type: opts.pdf ? 'file' : 'image',
    mime_type: opts.pdf ? 'application/pdf' : 'image/jpeg',
    media_details: details,
    post: opts.parent > 0 ? opts.parent : null,
    source_url: url,
  };
  ctx.media.push(media);
  return { media, sizes };
}

interface PostPlan {
  title: string;
  slug?: string;
  topic: Topic;
  author: number;
  ms: number;
  status: 'publish' | 'draft' | 'pending' | 'private' | 'future';
  password?: string;
  sticky?: boolean;
  format?: string;
}

function pickAuthor(rng: Prng): number {
  const total = USERS.reduce((s, u) => s + u.weight, 0);
  let r = rng.next() * total;
  for (let i = 0; i < USERS.length; i++) {
    r -= USERS[i]?.weight ?? 0;
    if (r < 0) return i + 1;
  }
  return 1;
}

function makeTitle(ctx: Ctx, topic: Topic, year: string): string {
  const { rng } = ctx;
  for (let attempt = 0; attempt < 20; attempt++) {
    const t = rng
      .pick(topic.titles)
      .replace('{s}', rng.pick(topic.subjects))
      .replace('{n}', String(rng.int(3, 12)))
      .replace('{y}', year);
    if (!ctx.usedTitles.has(t)) {
      ctx.usedTitles.add(t);
      return t;
    }
  }
  const t = `${rng.pick(topic.subjects)}: Notes, Part ${ctx.usedTitles.size}`;
  ctx.usedTitles.add(t);
  return t;
}

/** Renders a post's body: block-editor markup for most posts, classic `wpautop` paragraphs for some. */
function makeBody(ctx: Ctx, plan: PostPlan, id: number, link: string): { html: string; inline: number[] } {
  const { rng } = ctx;
  const topic = plan.topic;
  const paragraphs = rng.int(3, 8);
  const blocks: string[] = [];
  const inline: number[] = [];
  const classic = rng.chance(0.2);
  const sentences = dealer(rng, topic);
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % 3 === 0 && topic.headings.length > 0) blocks.push(`<h2>${texturize(rng.pick(topic.headings))}</h2>`);
    blocks.push(`<p>${texturize(sentences(rng.int(2, 4)))}</p>`);
    if (i === 1 && rng.chance(0.2)) {
      const items = rng
        .sample(topic.subjects, 3)
        .map((s) => `<li>${texturize(s)}</li>`)
        .join('');
      blocks.push(`<ul>${items}</ul>`);
    }
    if (i === 2 && rng.chance(0.15)) {
      blocks.push(
        `<blockquote class="wp-block-quote"><p>${texturize(rng.pick(topic.sentences))}</p><cite>${escHtml(ctx.users[plan.author - 1]?.name ?? '')}</cite></blockquote>`,
      );
    }
    if (i === 2 && topic.tags.includes('javascript') && rng.chance(0.3)) {
      blocks.push(
        "<pre class=\"wp-block-code\"><code>const posts = await fetch('/wp-json/wp/v2/posts?per_page=100');\nconsole.log(posts.headers.get('X-WP-Total'));</code></pre>",
      );
    }
    if (i === 1 && rng.chance(0.12)) {
      const { media, sizes } = upload(ctx, { parent: id, parentLink: link, author: plan.author, ms: plan.ms - rng.int(10, 90) * MINUTE });
      const large = sizes.large ?? sizes.full;
      inline.push(media.id);
      blocks.push(
        `<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="${large?.width}" height="${large?.height}" src="${large?.source_url}" alt="${media.alt_text}" class="wp-image-${media.id}"/></figure>`,
      );
    }
  }
  if (classic) {
    return {
      html: autop(blocks.map((b) => b.replace(/^<p>|<\/p>$/g, ''))).replace(/<p>(<(h2|ul|blockquote|pre|figure)[\s\S]*?)<\/p>\n/g, '$1\n'),
      inline,
    };
  }
  return { html: joinBlocks(blocks), inline };
}

function createPost(ctx: Ctx, plan: PostPlan, forcedId?: number): StoredPost {
  const { rng } = ctx;
  if (forcedId !== undefined) ctx.nextPostId = Math.max(ctx.nextPostId, forcedId);
  const id = ctx.nextPostId++;
  const local = localString(plan.ms, TZ);
  const spec = ctx.userSpecs.get(plan.author);
  const rawTitle = spec && !spec.unfiltered ? plan.title.replace(/&(?![#\w]+;)/g, '&amp;') : plan.title;
  const slug = plan.status === 'draft' && rng.chance(0.5) ? '' : (plan.slug ?? uniqueSlug(ctx, sanitizeTitle(plan.title)));
  const link = postLink(id, plan.status, slug, local);
  const featured = rng.chance(0.82)
    ? upload(ctx, {
        parent: id,
        parentLink: link,
        author: plan.author,
        ms: plan.ms - rng.int(5, 120) * MINUTE,
        caption: rng.chance(0.25) ? `Photo: ${ctx.users[plan.author - 1]?.name ?? ''}` : undefined,
      }).media.id
    : 0;
  const body = makeBody(ctx, plan, id, link);
  const hand = rng.chance(0.3);
  const excerpt = hand ? manualExcerpt(rng.pick(MANUAL_EXCERPTS)) : autoExcerpt(body.html);
  const revisionCount = plan.status === 'publish' || plan.status === 'private' ? (rng.chance(0.85) ? rng.int(1, 3) : 0) : rng.int(0, 1);
  let latestRevision = 0;
  for (let r = 0; r < revisionCount; r++) latestRevision = ctx.nextPostId++;
  const modifiedMs = Math.min(
    plan.ms + (revisionCount > 1 ? rng.int(1, 30 * 24) * HOUR : rng.int(0, 90) * MINUTE),
    plan.status === 'future' ? plan.ms : GENERATED_AT,
  );
  const topic = plan.topic;
  const cats = [categoryId(ctx, topic.categories[0] ?? 'uncategorized')];
  if (rng.chance(0.15) && topic.categories[2]) cats.push(categoryId(ctx, topic.categories[2]));
  const tags = rng.sample(topic.tags, rng.int(0, 3)).map((t) => tagId(ctx, t));
  const title = plan.status === 'private' ? `Private: ${texturize(rawTitle)}` : texturize(rawTitle);
  const post: StoredPost = {
    id,
    date: local,
    date_gmt: gmtString(plan.ms),
    guid: { rendered: `${O}/?p=${id}` },
    modified: localString(modifiedMs, TZ),
    modified_gmt: gmtString(modifiedMs),
    slug,
    status: plan.status,
    type: 'post',
    link,
    title: { rendered: title },
    content: { rendered: body.html, protected: plan.password !== undefined },
    excerpt: { rendered: excerpt, protected: plan.password !== undefined },
    author: plan.author,
    featured_media: featured,
    comment_status: rng.chance(0.9) ? 'open' : 'closed',
    ping_status: rng.chance(0.8) ? 'open' : 'closed',
    sticky: plan.sticky ?? false,
    template: '',
    format: plan.format ?? 'standard',
    meta: [],
    categories: [...new Set(cats)].sort(byTermName(ctx.categories)),
    tags: [...new Set(tags)].sort(byTermName(ctx.tags)),
    _demo: {
      ...(plan.password !== undefined ? { password: plan.password } : {}),
      revisions: { count: revisionCount, latest_id: latestRevision },
    },
  };
  ctx.posts.push(post);
  return post;
}

/** Post 1, page 2 and draft page 3 — what `wp_install_defaults()` creates — plus comment 1. */
function installDefaults(ctx: Ctx): void {
  const local = localString(INSTALLED_AT, TZ);
  const hello: StoredPost = {
    id: 1,
    date: local,
    date_gmt: gmtString(INSTALLED_AT),
    guid: { rendered: `${O}/?p=1` },
    modified: local,
    modified_gmt: gmtString(INSTALLED_AT),
    slug: 'hello-world',
    status: 'publish',
    type: 'post',
    link: postLink(1, 'publish', 'hello-world', local),
    title: { rendered: 'Hello world!' },
    content: {
      rendered: '\n<p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p>\n',
      protected: false,
    },
    excerpt: {
      rendered: '<p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p>\n',
      protected: false,
    },
    author: 1,
    featured_media: 0,
    comment_status: 'open',
    ping_status: 'open',
    sticky: false,
    template: '',
    format: 'standard',
    meta: [],
    categories: [1],
    tags: [],
    _demo: { revisions: { count: 0, latest_id: 0 } },
  };
  ctx.posts.push(hello);
  ctx.usedSlugs.add('hello-world');
  const sampleBody =
    '\n<p>This is an example page. It&#8217;s different from a blog post because it will stay in one place and will show up in your site navigation (in most themes). Most people start with an About page that introduces them to potential site visitors. It might say something like this:</p>\n\n\n\n' +
    '<blockquote class="wp-block-quote"><p>Hi there! I&#8217;m a bike messenger by day, aspiring actor by night, and this is my website. I live in Los Angeles, have a great dog named Jack, and I like pi&#241;a coladas. (And gettin&#8217; caught in the rain.)</p></blockquote>\n\n\n\n' +
    '<p>As a new WordPress user, you should go to <a href="' +
    O +
    '/wp-admin/">your dashboard</a> to delete this page and create new pages for your content. Have fun!</p>\n';
  ctx.pages.push(
    makePage(ctx, {
      id: 2,
      ms: INSTALLED_AT,
      title: 'Sample Page',
      slug: 'sample-page',
      body: sampleBody,
      status: 'publish',
      parent: 0,
      menuOrder: 0,
      author: 1,
    }),
  );
  const privacyBody =
    '\n<h2>Who we are</h2>\n\n\n\n<p><strong class="privacy-policy-tutorial">Suggested text: </strong>Our website address is: ' +
    O +
    '.</p>\n\n\n\n<h2>Comments</h2>\n\n\n\n<p>When visitors leave comments on the site we collect the data shown in the comments form, and also the visitor&#8217;s IP address and browser user agent string to help spam detection.</p>\n';
  ctx.pages.push(
    makePage(ctx, {
      id: 3,
      ms: INSTALLED_AT,
      title: 'Privacy Policy',
      slug: 'privacy-policy',
      body: privacyBody,
      status: 'draft',
      parent: 0,
      menuOrder: 0,
      author: 1,
    }),
  );
  ctx.comments.push({
    key: 0,
    parentKey: -1,
    post: 1,
    postLink: hello.link ?? '',
    ms: INSTALLED_AT,
    author: 0,
    author_name: 'A WordPress Commenter',
    author_email: 'wapuu@wordpress.example',
    author_url: 'https://wordpress.org/',
    text: 'Hi, this is a comment.<br />\nTo get started with moderating, editing, and deleting comments, please visit the Comments screen in the dashboard.<br />\nCommenter avatars come from <a href="https://en.gravatar.com/" rel="nofollow ugc">Gravatar</a>.',
    status: 'approved',
  });
  ctx.nextPostId = 4;
}

interface PagePlan {
  id?: number;
  ms: number;
  title: string;
  slug?: string;
  body: string;
  status: string;
  parent: number;
  menuOrder: number;
  author: number;
  featured?: boolean;
}

function makePage(ctx: Ctx, plan: PagePlan): StoredPage {
  const id = plan.id ?? ctx.nextPostId++;
  const local = localString(plan.ms, TZ);
  const slug = plan.slug ?? uniqueSlug(ctx, sanitizeTitle(plan.title));
  const path: string[] = [slug];
  for (let p = plan.parent; p > 0; ) {
    const parent = ctx.pages.find((x) => x.id === p);
    if (!parent) break;
    path.unshift(parent.slug ?? '');
    p = parent.parent ?? 0;
  }
  const link = plan.status === 'draft' ? `${O}/?page_id=${id}` : `${O}/${path.join('/')}/`;
  const featured = plan.featured
    ? upload(ctx, { parent: id, parentLink: link, author: plan.author, ms: plan.ms - 20 * MINUTE }).media.id
    : 0;
  const title = plan.status === 'private' ? `Private: ${texturize(plan.title)}` : texturize(plan.title);
  return {
    id,
    date: local,
    date_gmt: gmtString(plan.ms),
    guid: { rendered: `${O}/?page_id=${id}` },
    modified: local,
    modified_gmt: gmtString(plan.ms),
    slug,
    status: plan.status,
    type: 'page',
    link,
    title: { rendered: title },
    content: { rendered: plan.body, protected: false },
    excerpt: { rendered: autoExcerpt(plan.body), protected: false },
    author: plan.author,
    featured_media: featured,
    parent: plan.parent,
    menu_order: plan.menuOrder,
    comment_status: 'closed',
    ping_status: 'closed',
    template: '',
    meta: [],
    _demo: { revisions: { count: plan.id ? 0 : 1, latest_id: 0 } },
  };
}

function buildPages(ctx: Ctx): void {
  const { rng } = ctx;
  const paragraphs = (n: number) => {
    const sentences = dealer(rng, rng.pick(TOPICS));
    return joinBlocks(Array.from({ length: n }, () => `<p>${texturize(sentences(3))}</p>`));
  };
  const at = (days: number) => INSTALLED_AT + days * DAY + rng.int(0, 8) * HOUR;
  const add = (plan: Omit<PagePlan, 'body'> & { body?: string }): StoredPage => {
    const page = makePage(ctx, { body: paragraphs(3), ...plan });
    if (plan.id === undefined && (page._demo?.revisions?.count ?? 0) > 0) {
      page._demo = { ...page._demo, revisions: { count: 1, latest_id: ctx.nextPostId++ } };
    }
    ctx.pages.push(page);
    return page;
  };
  const about = add({ ms: at(2), title: 'About', status: 'publish', parent: 0, menuOrder: 1, author: 1, featured: true });
  const team = add({ ms: at(3), title: 'Our Team', status: 'publish', parent: about.id, menuOrder: 1, author: 1 });
  add({ ms: at(4), title: 'Editorial Guidelines', status: 'publish', parent: team.id, menuOrder: 0, author: 6 });
  add({ ms: at(4), title: 'Corrections & Clarifications', status: 'publish', parent: team.id, menuOrder: 1, author: 6 });
  add({ ms: at(5), title: 'History', status: 'publish', parent: about.id, menuOrder: 2, author: 1 });
  const services = add({ ms: at(9), title: 'Services', status: 'publish', parent: 0, menuOrder: 3, author: 1 });
  add({ ms: at(10), title: 'Workshops', status: 'publish', parent: services.id, menuOrder: 0, author: 3 });
  add({ ms: at(11), title: 'Consulting', status: 'publish', parent: services.id, menuOrder: 1, author: 1 });
  add({
    ms: at(14),
    title: 'Contact',
    status: 'publish',
    parent: 0,
    menuOrder: 5,
    author: 1,
    body: '\n<p>Write to us at <a href="mailto:desk@demo.example">desk@demo.example</a>. We read everything &#8212; eventually.</p>\n',
  });
  add({ ms: at(30), title: 'Staff Handbook', status: 'private', parent: 0, menuOrder: 9, author: 6 });
  add({ ms: at(400), title: 'Advertise With Us', status: 'draft', parent: 0, menuOrder: 6, author: 6 });
}

function planPosts(ctx: Ctx): PostPlan[] {
  const { rng } = ctx;
  const start = Date.UTC(2023, 5, 5, 7, 0, 0);
  const end = Date.UTC(2025, 4, 28, 18, 0, 0);
  const count = 158;
  const times = Array.from({ length: count }, () => start + Math.floor(rng.next() * (end - start))).sort((a, b) => a - b);
  for (const s of SPECIAL_POSTS) ctx.usedTitles.add(s.title);
  const plans: PostPlan[] = times.map((ms) => {
    const topic = rng.pick(TOPICS);
    let author = pickAuthor(rng);
    if (author === 7) author = 2;
    return { title: makeTitle(ctx, topic, localString(ms, TZ).slice(0, 4)), topic, author, ms, status: 'publish' as const };
  });
  // Spread the special titles over the timeline.
  SPECIAL_POSTS.forEach((s, i) => {
    const plan = plans[10 + i * 12];
    if (!plan) return;
    plan.title = s.title;
    plan.topic = TOPICS[s.topic] ?? plan.topic;
    if (s.slug) plan.slug = s.slug;
    const author = USERS.findIndex((u) => u.login === s.author);
    if (author >= 0) plan.author = author + 1;
  });
  const set = (i: number, patch: Partial<PostPlan>) => {
    const plan = plans[i];
    if (plan) Object.assign(plan, patch);
  };
  set(140, { sticky: true });
  set(96, { sticky: true });
  set(60, { password: 'letmein', title: "Members' Briefing: Q2 Numbers" });
  set(125, { password: 's3cret pass', title: 'Preview: The Spring Menu' });
  set(33, { format: 'aside' });
  set(71, { format: 'video' });
  set(118, { format: 'gallery' });
  // Unpublished posts: drafts, a pending one, private ones and one scheduled far ahead.
  const extra: PostPlan[] = [
    { title: 'Notes on Edge Caching', topic: TOPICS[0] as Topic, author: 3, ms: end - 20 * DAY, status: 'draft' },
    { title: 'Untitled Recipe Idea', topic: TOPICS[7] as Topic, author: 2, ms: end - 9 * DAY, status: 'draft' },
    { title: 'What I Learned in My First Month', topic: TOPICS[2] as Topic, author: 7, ms: end - 6 * DAY, status: 'draft' },
    { title: "A Beginner's Look at Block Themes", topic: TOPICS[1] as Topic, author: 7, ms: end - 4 * DAY, status: 'pending' },
    { title: 'Budget 2025: Internal Discussion', topic: TOPICS[3] as Topic, author: 6, ms: end - 40 * DAY, status: 'private' },
    { title: 'Team Offsite Planning', topic: TOPICS[2] as Topic, author: 1, ms: end - 200 * DAY, status: 'private' },
    {
      title: 'Announcing Our 2031 Conference',
      topic: TOPICS[2] as Topic,
      author: 1,
      ms: Date.UTC(2031, 0, 15, 8, 30, 0),
      status: 'future',
    },
  ];
  return [...plans, ...extra];
}

/** The real post from ../../../shared/seed (id 2786), moved onto this site's origin and time zone. */
function seedPost(ctx: Ctx, seedPath: string | undefined): void {
  let seed: { title?: { rendered?: string }; content?: { rendered?: string }; excerpt?: { rendered?: string }; slug?: string } = {};
  try {
    if (seedPath) seed = JSON.parse(readFileSync(seedPath, 'utf8')) as typeof seed;
  } catch {
    seed = {};
  }
  const ms = Date.UTC(2025, 3, 23, 17, 53, 42);
  const modifiedMs = Date.UTC(2025, 3, 23, 22, 58, 59);
  const slug =
    seed.slug ?? 'when-madrid-chooses-rabat-first-are-moroccan-spanish-security-relations-entering-a-new-era-of-proactive-coordination';
  const title =
    seed.title?.rendered ??
    'When Madrid Chooses Rabat First: Are Moroccan-Spanish Security Relations Entering a New Era of Proactive Coordination?';
  const content =
    seed.content?.rendered ?? '<p>The visit of the Spanish Civil Guard intelligence chief signals a strategic shift in cooperation.</p>\n';
  ctx.nextPostId = Math.max(ctx.nextPostId, 2786);
  const id = ctx.nextPostId++;
  ctx.usedSlugs.add(slug);
  const local = localString(ms, TZ);
  const link = postLink(id, 'publish', slug, local);
  const media = upload(ctx, { parent: id, parentLink: link, author: 1, ms: ms - 3 * MINUTE, caption: 'Rabat, April 2025.' }).media;
  const revision = ctx.nextPostId++;
  const cats = ['africa', 'europe', 'the-maghreb'].map((s) => categoryId(ctx, s)).sort(byTermName(ctx.categories));
  ctx.posts.push({
    id,
    date: local,
    date_gmt: gmtString(ms),
    guid: { rendered: `${O}/?p=${id}` },
    modified: localString(modifiedMs, TZ),
    modified_gmt: gmtString(modifiedMs),
    slug,
    status: 'publish',
    type: 'post',
    link,
    title: { rendered: title },
    content: { rendered: content, protected: false },
    excerpt: { rendered: seed.excerpt?.rendered ?? autoExcerpt(content), protected: false },
    author: 1,
    featured_media: media.id,
    comment_status: 'open',
    ping_status: 'open',
    sticky: false,
    template: '',
    format: 'standard',
    meta: [],
    categories: cats,
    tags: [],
    _demo: { revisions: { count: 1, latest_id: revision } },
  });
}

function planComments(ctx: Ctx): void {
  const { rng } = ctx;
  let key = 1;
  for (const post of ctx.posts) {
    if (post.id === 1 || post.comment_status !== 'open' || post.status === 'draft' || post.status === 'pending' || post.status === 'future')
      continue;
    const postMs = Date.parse(`${post.date_gmt}Z`);
    const topLevel = rng.chance(0.25) ? 0 : rng.int(1, 4);
    const thread: DraftComment[] = [];
    for (let i = 0; i < topLevel; i++) {
      const guest = rng.chance(0.65);
      const user = guest ? undefined : (ctx.users[rng.int(0, ctx.users.length - 1)] as StoredUser);
      const g = rng.pick(GUEST_COMMENTERS);
      const ms = Math.min(postMs + rng.int(20, 72 * 60) * MINUTE, GENERATED_AT - HOUR);
      if (ms <= postMs) continue;
      const roll = rng.next();
      const status = roll < 0.05 ? 'hold' : 'approved';
      const c: DraftComment = {
        key: key++,
        parentKey: -1,
        post: post.id,
        postLink: post.link ?? '',
        ms,
        author: user ? user.id : 0,
        author_name: user ? (user.name ?? '') : g.name,
        author_email: user ? (user._demo?.email ?? '') : g.email,
        author_url: user ? (user.url ?? '') : g.url,
        text: rng.pick(COMMENT_SENTENCES),
        status,
      };
      thread.push(c);
      // Replies: the post's author answers, readers answer the answer — up to three levels deep.
      let parent = c;
      for (let depth = 0; depth < 3 && rng.chance(depth === 0 ? 0.45 : 0.3); depth++) {
        const byAuthor = depth % 2 === 0;
        const au = byAuthor ? ctx.users[(post.author ?? 1) - 1] : undefined;
        const g2 = rng.pick(GUEST_COMMENTERS);
        const rms = Math.min(parent.ms + rng.int(30, 48 * 60) * MINUTE, GENERATED_AT - 30 * MINUTE);
        if (rms <= parent.ms) break;
        const reply: DraftComment = {
          key: key++,
          parentKey: parent.key,
          post: post.id,
          postLink: post.link ?? '',
          ms: rms,
          author: au ? au.id : 0,
          author_name: au ? (au.name ?? '') : g2.name,
          author_email: au ? (au._demo?.email ?? '') : g2.email,
          author_url: au ? (au.url ?? '') : g2.url,
          text: byAuthor ? rng.pick(REPLY_SENTENCES) : rng.pick(COMMENT_SENTENCES),
          status: parent.status === 'approved' && rng.chance(0.06) ? 'hold' : 'approved',
        };
        thread.push(reply);
        parent = reply;
      }
    }
    if (rng.chance(0.04)) {
      thread.push({
        key: key++,
        parentKey: -1,
        post: post.id,
        postLink: post.link ?? '',
        ms: Math.min(postMs + rng.int(60, 500) * MINUTE, GENERATED_AT - HOUR),
        author: 0,
        author_name: 'cheap-deals-online',
        author_email: 'spam@spam.example.com',
        author_url: 'http://spam.example.com',
        text: rng.pick(SPAM_COMMENTS).replace('">click', '" rel="nofollow ugc">click'),
        status: 'spam',
      });
    }
    ctx.comments.push(...thread);
  }
}

function finishComments(ctx: Ctx): StoredComment[] {
  const sorted = [...ctx.comments].sort((a, b) => a.ms - b.ms || a.key - b.key);
  const idByKey = new Map<number, number>();
  for (const [i, c] of sorted.entries()) idByKey.set(c.key, i + 1);
  return sorted.map((c) => {
    const id = idByKey.get(c.key) ?? 0;
    const html = c.text.includes('<') ? c.text : texturize(c.text);
    return {
      id,
      post: c.post,
      parent: c.parentKey >= 0 ? (idByKey.get(c.parentKey) ?? 0) : 0,
      author: c.author,
      author_name: c.author_name,
      author_url: c.author_url,
      date: localString(c.ms, TZ),
      date_gmt: gmtString(c.ms),
      content: { rendered: `<p>${html}</p>\n` },
      link: `${c.postLink}#comment-${id}`,
      status: c.status,
      type: 'comment',
      author_avatar_urls: avatarUrls(c.author_email),
      meta: [],
      _demo: { author_email: c.author_email },
    };
  });
}

/** `count` on terms is the number of *published* posts directly assigned, as `_update_post_term_count` keeps it. */
function countTerms(ctx: Ctx): void {
  for (const post of ctx.posts) {
    if (post.status !== 'publish') continue;
    for (const id of post.categories ?? []) {
      const t = ctx.categories.find((c) => c.id === id);
      if (t) t.count = (t.count ?? 0) + 1;
    }
    for (const id of post.tags ?? []) {
      const t = ctx.tags.find((c) => c.id === id);
      if (t) t.count = (t.count ?? 0) + 1;
    }
  }
}

/** Builds the whole site. `seedPath` points at the real post record to adapt (optional). */
export function buildContent(options: { seed?: number; seedPostPath?: string } = {}): DemoContent {
  const ctx: Ctx = {
    rng: createPrng(options.seed ?? 20230601),
    nextPostId: 1,
    users: [],
    userSpecs: new Map(),
    categories: [],
    tags: [],
    posts: [],
    pages: [],
    media: [],
    comments: [],
    usedSlugs: new Set(['sample-page', 'privacy-policy']),
    usedTitles: new Set(),
    imageCounter: 0,
  };
  buildUsers(ctx);
  buildTerms(ctx);
  installDefaults(ctx);
  buildPages(ctx);
  const seedMs = Date.UTC(2025, 3, 23, 17, 53, 42);
  let seeded = false;
  for (const plan of planPosts(ctx)) {
    if (!seeded && plan.ms > seedMs && plan.status === 'publish') {
      seedPost(ctx, options.seedPostPath);
      seeded = true;
    }
    createPost(ctx, plan);
  }
  // A few uploads never attached to anything, and a PDF attached to a recent post.
  for (let i = 0; i < 3; i++) upload(ctx, { parent: 0, parentLink: null, author: 6, ms: Date.UTC(2024, 1 + i * 3, 10, 9, 0, 0) });
  const recent = ctx.posts.filter((p) => p.status === 'publish').at(-5);
  if (recent)
    upload(ctx, {
      parent: recent.id,
      parentLink: recent.link ?? null,
      author: recent.author ?? 1,
      ms: Date.parse(`${recent.date_gmt}Z`) + HOUR,
      pdf: true,
    });
  planComments(ctx);
  countTerms(ctx);
  const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;
  const custom = buildDiscoveryContent({
    siteName: SITE_NAME,
    timeZone: TZ,
    nextPostId: ctx.nextPostId,
    nextTermId: Math.max(...[...ctx.categories, ...ctx.tags].map((t) => t.id)) + 1,
    users: ctx.users,
    media: ctx.media,
  });
  return {
    site: {
      name: SITE_NAME,
      description: 'News, code &amp; cake from a site that doesn&#039;t exist',
      url: O,
      home: O,
      gmt_offset: offsetHours(TZ, GENERATED_AT),
      timezone_string: TZ,
      sticky_posts: ctx.posts.filter((p) => p.sticky).map((p) => p.id),
    },
    credentials: [
      { user_id: 6, username: 'editor', application_password: 'abcd EFGH ijkl MNOP qrst UVWX', name: 'demo-site' },
      // The administrator's, the gateway's service account over the demo site (src/serve.ts).
      { user_id: 1, username: 'jose', application_password: 'wxyz ABCD efgh IJKL mnop QRST', name: 'gateway-service' },
    ],
    users: ctx.users,
    categories: ctx.categories,
    tags: ctx.tags,
    posts: ctx.posts.sort(byId),
    pages: ctx.pages.sort(byId),
    media: ctx.media.sort(byId),
    comments: finishComments(ctx),
    ...custom,
  };
}
