import type { Json } from './gateway-harness.ts';
import { describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { basicAuth, restUrl, wordpressTarget, type WordPressCredentials, type WordPressTarget } from './target.ts';

// The real WordPress, read with plain fetch: the seed is what seed-ids.ts and the README say, and WordPress
// behaves as docs/WORDPRESS-REST.md says. Everything the gateway's own tests assume about the site is
// checked here first, so a failure there is about the gateway, not the harness.

const target: WordPressTarget = wordpressTarget();

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function get<T = Json>(
  route: string,
  query: Record<string, string | number | boolean> = {},
  auth?: WordPressCredentials | null,
): Promise<Answer<T>> {
  const response = await fetch(restUrl(target, route, query), {
    headers: auth ? { Authorization: basicAuth(auth) } : {},
  });
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new Error(`${route}: not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

const ids = (records: Array<{ id: number }>) => records.map((r) => r.id).sort((a, b) => a - b);

describe('any WordPress', () => {
  it('caps per_page at 100 with a 400, not a clamp', async () => {
    const { status, body } = await get('/wp/v2/posts', { per_page: 101 });
    expect(status).toBe(400);
    expect(body.code).toBe('rest_invalid_param');
  });

  // (A site given by WORDPRESS_TEST_URL may have no pretty permalinks, hence no /wp-json/ to compare with.)
  it.runIf(target.restRoot.endsWith('/wp-json'))('answers ?rest_route= like /wp-json/', async () => {
    const pretty = await fetch(`${target.url}/wp-json/wp/v2/posts?per_page=5&_fields=id,title`);
    const plain = await fetch(`${target.url}/?rest_route=/wp/v2/posts&per_page=5&_fields=id,title`);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual(await pretty.json());
  });

  it('advertises the REST root in a Link header', async () => {
    const response = await fetch(`${target.url}/`, { method: 'HEAD' });
    expect(response.headers.get('link')).toContain('rel="https://api.w.org/"');
  });
});

// Seed-specific checks need this harness's seed (always so unless WORDPRESS_TEST_URL names another site).
describe.runIf(target.seeded)('the seeded site', () => {
  const editor = () => target.auth;
  const admin = () => target.admin;
  // Checks that need the editor's application password (harness, or WORDPRESS_TEST_USER on the seeded site).
  const withAuth = it.runIf(target.auth !== null);

  it('is the seed, in Europe/Paris', async () => {
    const { body } = await get('/');
    expect(body).toMatchObject({
      name: SEED.site.name,
      description: SEED.site.description,
      timezone_string: SEED.site.timezone,
      url: target.url,
      home: target.url,
    });
  });

  describe('posts', () => {
    it(`has ${SEED.counts.publishedPosts} published posts: more than one REST page`, async () => {
      const first = await get<Json[]>('/wp/v2/posts', { per_page: 100, _fields: 'id' });
      expect(first.headers.get('x-wp-total')).toBe(String(SEED.counts.publishedPosts));
      expect(first.headers.get('x-wp-totalpages')).toBe('3');
      expect(first.headers.get('link')).toContain('rel="next"');
      expect(first.body[0]?.id).toBe(SEED.posts.password); // newest published
      const last = await get<Json[]>('/wp/v2/posts', { per_page: 100, page: 3, _fields: 'id' });
      expect(last.body).toHaveLength(SEED.counts.publishedPosts - 200);
      expect(last.body.at(-1)?.id).toBe(SEED.posts.firstRegular);
      const past = await get('/wp/v2/posts', { per_page: 100, page: 4 });
      expect(past.status).toBe(400);
      expect(past.body.code).toBe('rest_post_invalid_page_number');
    });

    it('keeps local and GMT dates apart across DST', async () => {
      const { body } = await get<Json[]>('/wp/v2/posts', { include: '100,160', _fields: 'id,date,date_gmt' });
      expect(body).toEqual(
        expect.arrayContaining([
          { id: 100, date: '2022-01-03T08:15:00', date_gmt: '2022-01-03T07:15:00' },
          { id: 160, date: '2022-07-02T10:15:00', date_gmt: '2022-07-02T08:15:00' },
        ]),
      );
    });

    it('renders titles with entities, raw markup and emoji as WordPress does', async () => {
      const { body } = await get<Json[]>('/wp/v2/posts', { include: '101,102,103,104,106', _fields: 'id,title,slug' });
      const byId = Object.fromEntries(body.map((p) => [p.id, p]));
      expect(byId[101].title.rendered).toBe('Don’t “quote” me: Tom &#038; Jerry <3 — déjà vu 🎉');
      expect(byId[102].title.rendered).toBe('It&#8217;s &#8220;straight&#8221; quotes &#038; <em>emphasis</em>');
      expect(byId[103].title.rendered).toBe('Already encoded: &amp; &lt;b&gt; &#8217;');
      expect(byId[104].title.rendered).toBe('Emoji only title 🎉🚀 and a family 👩‍👩‍👧');
      expect(byId[106]).toMatchObject({ title: { rendered: '' }, slug: '106' });
    });

    it('has hand-written and automatic excerpts', async () => {
      const { body } = await get<Json[]>('/wp/v2/posts', { include: '100,104', _fields: 'id,excerpt' });
      const byId = Object.fromEntries(body.map((p) => [p.id, p.excerpt.rendered as string]));
      expect(byId[100]).toBe('<p>Hand-written excerpt for post 100 — “quoted” &#038; short.</p>\n');
      // Automatic: the first 55 words of the content, then WordPress's "[…]".
      expect(byId[104]).toMatch(/^<p>\S+( \S+){54} \[&hellip;\]<\/p>\n$/u);
    });

    it('lists the sticky posts', async () => {
      const { body } = await get<Json[]>('/wp/v2/posts', { sticky: true, _fields: 'id' });
      expect(ids(body)).toEqual([...SEED.posts.sticky].sort((a, b) => a - b));
    });

    it('protects the password post’s content and excerpt', async () => {
      const anonymous = await get(`/wp/v2/posts/${SEED.posts.password}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.content).toEqual({ rendered: '', protected: true });
      expect(anonymous.body.excerpt).toEqual({ rendered: '', protected: true });
      const unlocked = await get(`/wp/v2/posts/${SEED.posts.password}`, { password: SEED.postPassword });
      expect(unlocked.body.content.rendered).toContain('swordfish');
      const wrong = await get(`/wp/v2/posts/${SEED.posts.password}`, { password: 'nope' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('rest_post_incorrect_password');
    });

    it('hides drafts, pending, private, scheduled and trashed posts from anonymous readers', async () => {
      for (const id of [SEED.posts.draft, SEED.posts.pending, SEED.posts.private, SEED.posts.scheduled, SEED.posts.trash]) {
        const { status } = await get(`/wp/v2/posts/${id}`);
        expect(status, `post ${id}`).toBe(401);
      }
      const { status, body } = await get('/wp/v2/posts', { status: 'draft' });
      expect(status).toBe(400);
      expect(body.data.details.status.code).toBe('rest_forbidden_status');
    });

    withAuth('shows them to the editor (application password)', async () => {
      const draft = await get(`/wp/v2/posts/${SEED.posts.draft}`, {}, editor());
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ status: 'draft', author: SEED.users.hidden });
      const { body } = await get<Json[]>('/wp/v2/posts', { status: 'draft,pending,private,future', _fields: 'id,status' }, editor());
      expect(body).toEqual([
        { id: SEED.posts.scheduled, status: 'future' },
        { id: SEED.posts.private, status: 'private' },
        { id: SEED.posts.pending, status: 'pending' },
        { id: SEED.posts.draft, status: 'draft' },
      ]);
    });
  });

  describe('terms', () => {
    it('nests categories three levels deep and keeps an empty one', async () => {
      const { headers, body } = await get<Json[]>('/wp/v2/categories', { per_page: 100, _fields: 'id,name,parent,count' });
      expect(headers.get('x-wp-total')).toBe(String(SEED.counts.categories));
      const byId = Object.fromEntries(body.map((c) => [c.id, c]));
      const c = SEED.categories;
      expect(byId[c.europe].parent).toBe(c.world);
      expect(byId[c.world].parent).toBe(c.news);
      expect(byId[c.news].parent).toBe(0);
      expect(byId[c.php].parent).toBe(c.programming);
      expect(byId[c.programming].parent).toBe(c.technology);
      expect(byId[c.empty]).toMatchObject({ name: 'Empty Category', count: 0 });
      expect(byId[c.artsCulture].name).toBe('Arts &amp; Culture');
      const empty = await get<Json[]>('/wp/v2/posts', { categories: c.empty });
      expect(empty.body).toEqual([]);
    });

    it('has the tags', async () => {
      const { headers, body } = await get<Json[]>('/wp/v2/tags', { per_page: 100, _fields: 'id,name,slug' });
      expect(headers.get('x-wp-total')).toBe(String(SEED.counts.tags));
      expect(body).toEqual(
        expect.arrayContaining([
          { id: SEED.tags.launch, name: '🚀 Launch', slug: 'launch' },
          { id: SEED.tags.qAndA, name: 'Q&amp;A', slug: 'q-and-a' },
        ]),
      );
    });
  });

  describe('users', () => {
    it('lists only authors with published posts to anonymous readers', async () => {
      const { headers, body } = await get<Json[]>('/wp/v2/users', { per_page: 100, _fields: 'id,name' });
      expect(headers.get('x-wp-total')).toBe(String(SEED.counts.usersAnonymous));
      expect(body).toEqual(
        expect.arrayContaining(
          [SEED.users.admin, SEED.users.editor, SEED.users.zoe, SEED.users.jl].map((id) => ({
            id,
            name: SEED.userNames[id],
          })),
        ),
      );
      const hidden = await get(`/wp/v2/users/${SEED.users.hidden}`);
      expect(hidden.status).toBe(401);
      expect(hidden.body.code).toBe('rest_user_cannot_view');
    });

    withAuth('shows the hidden author to authenticated users who may see authors', async () => {
      const me = await get('/wp/v2/users/me', { _fields: 'id' }, editor());
      expect(me.body).toEqual({ id: SEED.users.editor });
      const authors = await get<Json[]>('/wp/v2/users', { who: 'authors', per_page: 100, _fields: 'id' }, editor());
      expect(ids(authors.body)).toContain(SEED.users.hidden);
      // The editor cannot list_users: the plain list stays the anonymous one, the admin sees everyone.
      const plain = await get<Json[]>('/wp/v2/users', { per_page: 100, _fields: 'id' }, editor());
      expect(ids(plain.body)).not.toContain(SEED.users.hidden);
      if (admin()) {
        const all = await get<Json[]>('/wp/v2/users', { per_page: 100, _fields: 'id' }, admin());
        expect(all.headers.get('x-wp-total')).toBe(String(SEED.counts.usersTotal));
      }
    });
  });

  describe('comments', () => {
    it('shows approved comments only, threaded', async () => {
      const { body } = await get<Json[]>('/wp/v2/comments', { post: SEED.posts.threadedComments, _fields: 'id,parent' });
      const c = SEED.comments;
      expect(body.map(({ id, parent }) => [id, parent]).sort((a, b) => a[0]! - b[0]!)).toEqual([
        [c.top, 0],
        [c.reply, c.top],
        [c.replyToReply, c.reply],
        [c.secondTopLevel, 0],
        [c.secondReply, c.top],
      ]);
    });

    withAuth('hides held and spam comments from anonymous readers, not from the editor', async () => {
      const anonymous = await get('/wp/v2/comments', { status: 'hold' });
      expect(anonymous.status).toBe(401);
      const hold = await get<Json[]>('/wp/v2/comments', { post: SEED.posts.threadedComments, status: 'hold', _fields: 'id' }, editor());
      expect(ids(hold.body)).toEqual([SEED.comments.hold, SEED.comments.holdReply]);
      const spam = await get<Json[]>('/wp/v2/comments', { post: SEED.posts.threadedComments, status: 'spam', _fields: 'id' }, editor());
      expect(ids(spam.body)).toEqual([SEED.comments.spam]);
    });

    it('counts the password post’s comment in X-WP-Total but does not return it', async () => {
      const page1 = await get<Json[]>('/wp/v2/comments', { per_page: 100, _fields: 'id' });
      const page2 = await get<Json[]>('/wp/v2/comments', { per_page: 100, page: 2, _fields: 'id' });
      expect(page1.headers.get('x-wp-total')).toBe(String(SEED.counts.commentsTotalHeader));
      const seen = [...page1.body, ...page2.body].map((c) => c.id);
      expect(seen).toHaveLength(SEED.counts.commentsVisibleAnonymously);
      expect(seen).not.toContain(SEED.comments.onPasswordPost);
      expect(seen).not.toContain(SEED.comments.pingback);
    });
  });

  describe('media', () => {
    it('has featured images with size metadata, and files as long as the metadata says (seed 4)', async () => {
      const post = await get(`/wp/v2/posts/${SEED.posts.firstRegular}`, { _fields: 'featured_media' });
      expect(post.body.featured_media).toBe(SEED.media.firstImage);
      const { body } = await get(`/wp/v2/media/${SEED.media.firstImage}`);
      expect(body).toMatchObject({ media_type: 'image', mime_type: 'image/jpeg', post: SEED.posts.firstRegular });
      expect(body.media_details).toMatchObject({ width: 1920, height: 1080, file: '2022/01/image-00.jpg' });
      expect(Object.keys(body.media_details.sizes).sort()).toEqual(
        ['1536x1536', 'full', 'large', 'medium', 'medium_large', 'thumbnail'].sort(),
      );
      expect(body.media_details.sizes.thumbnail).toMatchObject({ width: 150, height: 150, mime_type: 'image/jpeg' });
      expect(body.media_details.sizes.medium).toMatchObject({ width: 300, height: 169 });
      expect(body.media_details.sizes.full.source_url).toBe(body.source_url);
      // The files exist (sparse, of the metadata's length), so WPGraphQL's `fileSize` (a stat) agrees with REST.
      for (const size of ['full', 'thumbnail', 'medium']) {
        const image = await fetch(body.media_details.sizes[size].source_url as string, { method: 'HEAD' });
        expect(image.status, size).toBe(200);
        const length = size === 'full' ? body.media_details.filesize : body.media_details.sizes[size].filesize;
        expect(Number(image.headers.get('content-length')), size).toBe(length);
      }
    });

    it('has attachments of several kinds', async () => {
      const { headers } = await get('/wp/v2/media', { _fields: 'id' });
      expect(headers.get('x-wp-total')).toBe(String(SEED.counts.media));
      const attached = await get<Json[]>('/wp/v2/media', { parent: SEED.posts.withPdf, _fields: 'id,media_type,mime_type' });
      expect(attached.body).toEqual([{ id: SEED.media.pdf, media_type: 'file', mime_type: 'application/pdf' }]);
      const tiny = await get(`/wp/v2/media/${SEED.media.noSizes}`, { _fields: 'media_details' });
      expect(tiny.body.media_details.sizes).toEqual({});
      const loose = await get(`/wp/v2/media/${SEED.media.unattached}`, { _fields: 'post' });
      expect(loose.body.post).toBeNull();
    });
  });

  describe('pages', () => {
    it('nests pages and hides the draft and private ones', async () => {
      const { body } = await get<Json[]>('/wp/v2/pages', { per_page: 100, _fields: 'id,parent,link' });
      const p = SEED.pages;
      expect(ids(body)).toEqual([p.about, p.team, p.leadership, p.contact]);
      const byId = Object.fromEntries(body.map((page) => [page.id, page]));
      expect(byId[p.leadership]).toMatchObject({ parent: p.team, link: `${target.url}/about/team/leadership-board/` });
      expect(byId[p.team].parent).toBe(p.about);
    });
  });
});
