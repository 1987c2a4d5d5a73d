import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoContent } from '../../demo/content-types.ts';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { loadBundledContent } from '../../demo/rest/site.ts';

// The demo site over real HTTP on a free port: the behaviours the gateway and its contract tests rely on,
// with WordPress 6.1's codes, messages and headers.

let site: DemoSite;
let content: DemoContent;
const EDITOR = `Basic ${Buffer.from('editor:abcd EFGH ijkl MNOP qrst UVWX').toString('base64')}`;

beforeAll(async () => {
  content = loadBundledContent();
  site = await createDemoSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => site.resetRequests());

async function get(
  path: string,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: REST answers of many shapes, asserted field by field.
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const res = await fetch(`${site.url}${path}`, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text };
}

const published = () => content.posts.filter((p) => p.status === 'publish');

describe('discovery', () => {
  it('answers the REST index with the site facts and a real-shaped routes map', async () => {
    const { status, body, headers } = await get('/wp-json/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(body.name).toBe(content.site.name);
    expect(body.url).toBe(site.url);
    expect(body.home).toBe(site.url);
    expect(body.timezone_string).toBe('Europe/Paris');
    expect([1, 2]).toContain(body.gmt_offset);
    expect(body.namespaces).toContain('wp/v2');
    expect(body.routes['/wp/v2/posts'].endpoints[0].args.per_page).toMatchObject({ minimum: 1, maximum: 100, default: 10 });
    expect(body.routes['/wp/v2/posts/(?P<id>[\\d]+)'].methods).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
  });

  it('advertises the REST root on HEAD and GET / like WordPress', async () => {
    const head = await fetch(`${site.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('link')).toBe(`<${site.url}/wp-json/>; rel="https://api.w.org/"`);
    const page = await get('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain(`<link rel="https://api.w.org/" href="${site.url}/wp-json/" />`);
  });

  it('serves the same answer through ?rest_route= and logs the same route', async () => {
    const pretty = await get('/wp-json/wp/v2/posts?per_page=3&_fields=id,slug');
    const plain = await get('/?rest_route=/wp/v2/posts&per_page=3&_fields=id,slug');
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(pretty.body);
    expect(site.requests.map((r) => r.path)).toEqual(['/wp/v2/posts', '/wp/v2/posts']);
    expect(site.requests[1]?.query).toEqual({ per_page: '3', _fields: 'id,slug' });
  });

  it('answers unknown routes with rest_no_route', async () => {
    const { status, body } = await get('/wp-json/wp/v2/nothing-here');
    expect(status).toBe(404);
    expect(body).toEqual({
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
      data: { status: 404 },
    });
  });
});

describe('collections', () => {
  it('rejects per_page=101 with WordPress’s rest_invalid_param body', async () => {
    const { status, body } = await get('/wp-json/wp/v2/posts?per_page=101');
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): per_page',
      data: {
        status: 400,
        params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' },
        details: {
          per_page: { code: 'rest_out_of_bounds', message: 'per_page must be between 1 (inclusive) and 100 (inclusive)', data: null },
        },
      },
    });
  });

  it('sets X-WP-Total, X-WP-TotalPages and Link rel next/prev', async () => {
    const total = published().length;
    expect(total).toBeGreaterThanOrEqual(150);
    const first = await get('/wp-json/wp/v2/posts?_fields=id');
    expect(first.headers.get('x-wp-total')).toBe(String(total));
    expect(first.headers.get('x-wp-totalpages')).toBe(String(Math.ceil(total / 10)));
    expect(first.headers.get('link')).toBe(`<${site.url}/wp-json/wp/v2/posts?_fields=id&page=2>; rel="next"`);
    expect(first.headers.get('allow')).toBe('GET');
    const second = await get('/wp-json/wp/v2/posts?_fields=id&page=2');
    expect(second.headers.get('link')).toBe(
      `<${site.url}/wp-json/wp/v2/posts?_fields=id&page=1>; rel="prev", <${site.url}/wp-json/wp/v2/posts?_fields=id&page=3>; rel="next"`,
    );
  });

  it('orders posts by date, newest first, by default', async () => {
    const { body } = await get('/wp-json/wp/v2/posts?per_page=100&_fields=date');
    const dates = (body as { date: string }[]).map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('answers a page past the end with rest_post_invalid_page_number, and page 1 of nothing with []', async () => {
    const past = await get('/wp-json/wp/v2/posts?per_page=100&page=3');
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('rest_post_invalid_page_number');
    const empty = await get('/wp-json/wp/v2/posts?search=no-such-words-anywhere');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual([]);
    expect(empty.headers.get('x-wp-total')).toBe('0');
    // Terms, users and comments do not check page bounds.
    const terms = await get('/wp-json/wp/v2/tags?page=50');
    expect(terms.status).toBe(200);
    expect(terms.body).toEqual([]);
  });

  it('drops ids the viewer may not see from include, and honours orderby=include', async () => {
    const draft = content.posts.find((p) => p.status === 'draft');
    const [a, b] = published().slice(0, 2);
    const ids = [draft?.id, b?.id, a?.id].join(',');
    const { body } = await get(`/wp-json/wp/v2/posts?include=${ids}&orderby=include&_fields=id`);
    expect(body).toEqual([{ id: b?.id }, { id: a?.id }]);
    const brackets = await get(`/wp-json/wp/v2/posts?include[]=${a?.id}&include[]=${draft?.id}&_fields=id`);
    expect(brackets.body).toEqual([{ id: a?.id }]);
    const missing = await get('/wp-json/wp/v2/posts?orderby=include');
    expect(missing.body.code).toBe('rest_orderby_include_missing_include');
  });

  it('trims records with _fields, nested paths included, and adds _links only when named', async () => {
    const post = published()[0];
    const plain = await get(`/wp-json/wp/v2/posts/${post?.id}?_fields=title.rendered,author`);
    expect(plain.body).toEqual({ title: { rendered: post?.title?.rendered }, author: post?.author });
    const withLinks = await get(`/wp-json/wp/v2/posts/${post?.id}?_fields=id,_links`);
    expect(Object.keys(withLinks.body)).toEqual(['id', '_links']);
    expect(withLinks.body._links.self[0].href).toBe(`${site.url}/wp-json/wp/v2/posts/${post?.id}`);
  });

  it('filters posts by categories, tags, author, slug and dates', async () => {
    const world = content.categories.find((c) => c.slug === 'world');
    const direct = await get(`/wp-json/wp/v2/posts?categories=${world?.id}&per_page=100&_fields=id`);
    const withChildren = await get(
      `/wp-json/wp/v2/posts?categories[terms]=${world?.id}&categories[include_children]=true&per_page=100&_fields=id`,
    );
    expect(withChildren.body.length).toBeGreaterThan(direct.body.length);
    const byAuthor = await get('/wp-json/wp/v2/posts?author=2&per_page=100&_fields=author');
    expect(new Set(byAuthor.body.map((p: { author: number }) => p.author))).toEqual(new Set([2]));
    const slugged = await get('/wp-json/wp/v2/posts?slug=hello-world,caf%C3%A9-au-lait-a-love-letter&_fields=slug');
    expect(slugged.body.map((p: { slug: string }) => p.slug).sort()).toEqual(['caf%c3%a9-au-lait-a-love-letter', 'hello-world']);
    const dated = await get('/wp-json/wp/v2/posts?after=2025-01-01T00:00:00&before=2025-02-01T00:00:00&per_page=100&_fields=date');
    for (const p of dated.body as { date: string }[]) expect(p.date >= '2025-01-01' && p.date < '2025-02-01').toBe(true);
    const bad = await get('/wp-json/wp/v2/posts?before=yesterday');
    expect(bad.body.data.params).toEqual({ before: 'Invalid date.' });
  });

  it('lists media of several parents and comments of several posts', async () => {
    const parents = content.media
      .filter((m) => m.post)
      .slice(0, 3)
      .map((m) => m.post as number);
    const media = await get(`/wp-json/wp/v2/media?parent=${parents.join(',')}&per_page=100&_fields=id,post`);
    expect(media.status).toBe(200);
    for (const m of media.body as { post: number }[]) expect(parents).toContain(m.post);
    const commented = [...new Set(content.comments.filter((c) => c.status === 'approved').map((c) => c.post as number))]
      .filter((id) => published().some((p) => p.id === id && !p._demo?.password))
      .slice(0, 3);
    const expected = content.comments.filter((c) => commented.includes(c.post as number) && c.status === 'approved');
    const comments = await get(`/wp-json/wp/v2/comments?post=${commented.join(',')}&per_page=100&_fields=id,post,status`);
    expect(comments.body.map((c: { id: number }) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(new Set(comments.body.map((c: { status: string }) => c.status))).toEqual(new Set(['approved']));
  });

  it('answers invalid integers and malformed queries with WordPress errors, never a crash', async () => {
    const bad = await get('/wp-json/wp/v2/posts?page=abc&include=1,x');
    expect(bad.status).toBe(400);
    expect(bad.body.data.params).toEqual({ page: 'page is not of type integer.' });
    const huge = await get('/wp-json/wp/v2/posts?page=99999999999999999999999999');
    expect(huge.body.code).toBe('rest_post_invalid_page_number');
    const garbage = await get('/wp-json/wp/v2/posts?%ZZ=%E0%A4&a[b[=1&per_page=2&_fields=id');
    expect(garbage.status).toBe(200);
    expect(garbage.body).toHaveLength(2);
    const hugeId = await get('/wp-json/wp/v2/posts/99999999999999999999999');
    expect(hugeId.body.code).toBe('rest_post_invalid_id');
  });

  it('encodes JSON the way PHP does (escaped slashes and \\u escapes)', async () => {
    const { text } = await get('/wp-json/wp/v2/users/1?_fields=name,link');
    expect(text).toBe(`{"name":"Jos\\u00e9 M\\u00fcller","link":"${site.url.replace(/\//g, '\\/')}\\/author\\/jose\\/"}`);
  });
});

describe('records and links', () => {
  it('builds post _links as WordPress 6.1 does', async () => {
    const withImage = published().find((p) => p.featured_media && p.id !== 1);
    const { body } = await get(`/wp-json/wp/v2/posts/${withImage?.id}`);
    expect(Object.keys(body._links)).toEqual(
      [
        'self',
        'collection',
        'about',
        'author',
        'replies',
        'version-history',
        'predecessor-version',
        'wp:featuredmedia',
        'wp:attachment',
        'wp:term',
        'curies',
      ].filter((rel) => rel !== 'predecessor-version' || (withImage?._demo?.revisions?.count ?? 0) > 0),
    );
    expect(body._links['wp:term']).toEqual([
      { taxonomy: 'category', embeddable: true, href: `${site.url}/wp-json/wp/v2/categories?post=${withImage?.id}` },
      { taxonomy: 'post_tag', embeddable: true, href: `${site.url}/wp-json/wp/v2/tags?post=${withImage?.id}` },
    ]);
    const hello = await get('/wp-json/wp/v2/posts/1');
    expect(hello.body._links['wp:featuredmedia']).toBeUndefined();
    expect(hello.body.featured_media).toBe(0);
  });

  it('links child pages, child categories and comment replies upward', async () => {
    const child = content.pages.find((p) => p.parent && p.status === 'publish');
    const page = await get(`/wp-json/wp/v2/pages/${child?.id}`);
    expect(page.body._links.up).toEqual([{ embeddable: true, href: `${site.url}/wp-json/wp/v2/pages/${child?.parent}` }]);
    const sub = content.categories.find((c) => c.parent);
    const cat = await get(`/wp-json/wp/v2/categories/${sub?.id}`);
    expect(cat.body._links.up[0].href).toBe(`${site.url}/wp-json/wp/v2/categories/${sub?.parent}`);
    const reply = content.comments.find(
      (c) => c.parent && c.status === 'approved' && published().some((p) => p.id === c.post && !p._demo?.password),
    );
    const comment = await get(`/wp-json/wp/v2/comments/${reply?.id}`);
    expect(comment.body._links['in-reply-to'][0].href).toBe(`${site.url}/wp-json/wp/v2/comments/${reply?.parent}`);
    expect(comment.body._links.up[0]).toEqual({
      embeddable: true,
      post_type: 'post',
      href: `${site.url}/wp-json/wp/v2/posts/${reply?.post}`,
    });
  });

  it('answers missing records with each controller’s 404 code', async () => {
    expect((await get('/wp-json/wp/v2/posts/424242')).body.code).toBe('rest_post_invalid_id');
    expect((await get('/wp-json/wp/v2/pages/1')).body.code).toBe('rest_post_invalid_id');
    expect((await get('/wp-json/wp/v2/categories/424242')).body.code).toBe('rest_term_invalid');
    expect((await get('/wp-json/wp/v2/users/424242')).body.code).toBe('rest_user_invalid_id');
    expect((await get('/wp-json/wp/v2/comments/424242')).body.code).toBe('rest_comment_invalid_id');
  });

  it('hides password-protected content unless the password is sent', async () => {
    const locked = content.posts.find((p) => p._demo?.password);
    const anon = await get(`/wp-json/wp/v2/posts/${locked?.id}`);
    expect(anon.body.content).toEqual({ rendered: '', protected: true });
    expect(anon.body.excerpt).toEqual({ rendered: '', protected: true });
    expect(anon.text).not.toContain('"password"');
    const unlocked = await get(`/wp-json/wp/v2/posts/${locked?.id}?password=${encodeURIComponent(locked?._demo?.password ?? '')}`);
    expect(unlocked.body.content.rendered.length).toBeGreaterThan(50);
    expect(unlocked.body.content.protected).toBe(true);
    const wrong = await get(`/wp-json/wp/v2/posts/${locked?.id}?password=nope`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('rest_post_incorrect_password');
  });

  it('terms honour hide_empty, parent and post', async () => {
    const all = await get('/wp-json/wp/v2/categories?per_page=100&_fields=id,count,parent');
    expect(all.body).toHaveLength(content.categories.length);
    const nonEmpty = await get('/wp-json/wp/v2/categories?per_page=100&hide_empty=1&_fields=id,count');
    expect(nonEmpty.body.length).toBeLessThan(all.body.length);
    const top = await get('/wp-json/wp/v2/categories?parent=0&per_page=100&_fields=parent');
    expect(new Set(top.body.map((c: { parent: number }) => c.parent))).toEqual(new Set([0]));
    const seed = await get('/wp-json/wp/v2/categories?post=2786&_fields=id');
    expect(seed.body.map((c: { id: number }) => c.id).sort()).toEqual(
      [...(content.posts.find((p) => p.id === 2786)?.categories ?? [])].sort(),
    );
  });
});

describe('visibility and authentication', () => {
  it('lists only users with published posts to anonymous callers', async () => {
    const { body } = await get('/wp-json/wp/v2/users?per_page=100&_fields=id');
    const ids = (body as { id: number }[]).map((u) => u.id);
    const silent = content.users.find((u) => !content.posts.some((p) => p.author === u.id && p.status === 'publish'));
    expect(ids).toHaveLength(content.users.length - 1);
    expect(ids).not.toContain(silent?.id);
    const single = await get(`/wp-json/wp/v2/users/${silent?.id}`);
    expect(single.status).toBe(401);
    expect(single.body).toEqual({
      code: 'rest_user_cannot_view',
      message: 'Sorry, you are not allowed to list users.',
      data: { status: 401 },
    });
    const asEditor = await get(`/wp-json/wp/v2/users/${silent?.id}`, { Authorization: EDITOR });
    expect(asEditor.status).toBe(403);
  });

  it('needs credentials for non-public statuses', async () => {
    const anon = await get('/wp-json/wp/v2/posts?status=draft');
    expect(anon.status).toBe(400);
    expect(anon.body.data.details.status).toEqual({
      code: 'rest_forbidden_status',
      message: 'Status is forbidden.',
      data: { status: 401 },
    });
    const editor = await get('/wp-json/wp/v2/posts?status=draft,private&per_page=100&_fields=id,status', { Authorization: EDITOR });
    expect(editor.status).toBe(200);
    const expected = content.posts.filter((p) => p.status === 'draft' || p.status === 'private').length;
    expect(editor.body).toHaveLength(expected);
    expect(site.requests.at(-1)?.authenticated).toBe(true);
    const bogus = await get('/wp-json/wp/v2/posts?status=bogus', { Authorization: EDITOR });
    expect(bogus.body.data.params.status).toMatch(/^status\[0\] is not one of publish, future, draft/);
  });

  it('shows a draft by id only to the editor', async () => {
    const draft = content.posts.find((p) => p.status === 'draft');
    const anon = await get(`/wp-json/wp/v2/posts/${draft?.id}`);
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('rest_forbidden');
    const editor = await get(`/wp-json/wp/v2/posts/${draft?.id}`, { Authorization: EDITOR });
    expect(editor.status).toBe(200);
    expect(editor.body.status).toBe('draft');
    expect(editor.headers.get('allow')).toBe('GET, POST, PUT, PATCH, DELETE');
  });

  it('shows held comments only to moderators', async () => {
    const anon = await get('/wp-json/wp/v2/comments?status=hold');
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual({ code: 'rest_forbidden_param', message: 'Query parameter not permitted: status', data: { status: 401 } });
    const editor = await get('/wp-json/wp/v2/comments?status=hold&per_page=100&_fields=status', { Authorization: EDITOR });
    expect(editor.body.length).toBe(content.comments.filter((c) => c.status === 'hold').length);
    const all = await get('/wp-json/wp/v2/comments?per_page=100&_fields=status');
    expect(new Set(all.body.map((c: { status: string }) => c.status))).toEqual(new Set(['approved']));
  });

  it('answers wrong credentials as anonymous, like the measured WordPress 6.1', async () => {
    const basic = (credentials: string) => ({ Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });
    const anonymous = await get('/wp-json/wp/v2/posts?per_page=2&_fields=id');
    for (const credentials of ['editor:nope', 'ghost:x', 'ghost@example.org:x', 'editor:']) {
      const posts = await get('/wp-json/wp/v2/posts?per_page=2&_fields=id', basic(credentials));
      expect(posts.status, credentials).toBe(200);
      expect(posts.text, credentials).toBe(anonymous.text);
      expect(posts.headers.get('cache-control'), credentials).toBeNull();
      const me = await get('/wp-json/wp/v2/users/me', basic(credentials));
      expect(me.status, credentials).toBe(401);
      expect(me.body, credentials).toEqual({
        code: 'rest_not_logged_in',
        message: 'You are not currently logged in.',
        data: { status: 401 },
      });
      const drafts = await get('/wp-json/wp/v2/posts?status=draft', basic(credentials));
      expect(drafts.body.data.details.status, credentials).toMatchObject({ code: 'rest_forbidden_status', data: { status: 401 } });
    }
    expect(site.requests.every((r) => !r.authenticated)).toBe(true);
  });
});

describe('details measured on a real WordPress 6.1', () => {
  it('_fields: a child of a parent already kept ends the field list; collections trim their _links too', async () => {
    const list = await get('/wp-json/wp/v2/posts?per_page=2&_fields=content,content.protected,id,title,_links');
    expect(list.body.map((r: object) => Object.keys(r))).toEqual([['content'], ['content']]);
    const post = published()[0];
    const single = await get(`/wp-json/wp/v2/posts/${post?.id}?_fields=id,id.x,title`);
    expect(single.body).toEqual({ id: post?.id });
    // A list's records carry _links before the trimming (prepare_response_for_collection); a single record after.
    const listLinks = await get('/wp-json/wp/v2/posts?per_page=1&_fields=id,_links.self');
    expect(Object.keys(listLinks.body[0]._links)).toEqual(['self']);
    const singleLinks = await get(`/wp-json/wp/v2/posts/${post?.id}?_fields=id,_links.self`);
    expect(Object.keys(singleLinks.body._links).length).toBeGreaterThan(1);
    // What PHP's json_encode writes for arrays left empty.
    expect((await get('/wp-json/wp/v2/posts?per_page=2&_fields=nothing')).text).toBe('[[],[]]');
    expect((await get('/wp-json/wp/v2/posts?per_page=1&_fields=content.nothing')).text).toBe('[{"content":[]}]');
    expect((await get('/wp-json/wp/v2/types?_fields=post')).text).toBe('{"post":[]}');
  });

  it('Link headers carry the sanitised parameters', async () => {
    const tags = await get('/wp-json/wp/v2/tags?per_page=2&hide_empty=false&_fields=id');
    expect(tags.headers.get('link')).toBe(`<${site.url}/wp-json/wp/v2/tags?per_page=2&hide_empty&_fields=id&page=2>; rel="next"`);
    const world = content.categories.find((c) => c.slug === 'world');
    const posts = await get(`/wp-json/wp/v2/posts?categories[terms]=${world?.id}&categories[include_children]=true&per_page=2&_fields=id`);
    expect(posts.headers.get('link')).toBe(
      `<${site.url}/wp-json/wp/v2/posts?categories%5Bterms%5D%5B0%5D=${world?.id}&categories%5Binclude_children%5D=1&per_page=2&_fields=id&page=2>; rel="next"`,
    );
    const statuses = await get('/wp-json/wp/v2/posts?per_page=1&status=publish,publish,draft&_fields=id', { Authorization: EDITOR });
    expect(statuses.headers.get('link')).toBe(
      `<${site.url}/wp-json/wp/v2/posts?per_page=1&status%5B0%5D=publish&status%5B2%5D=draft&_fields=id&page=2>; rel="next"`,
    );
  });

  it('the context enum is rsorted, as get_context_param() leaves it', async () => {
    const bad = await get('/wp-json/wp/v2/posts?context=x');
    expect(bad.body.data.params).toEqual({ context: 'context is not one of view, embed, and edit.' });
  });

  describe('with a subscriber and an emoji tag', () => {
    let other: DemoSite;
    beforeAll(async () => {
      const extended = structuredClone(content);
      const contributor = extended.users.find((u) => u._demo?.roles.includes('contributor'));
      if (!contributor?._demo) throw new Error('the bundled content has no contributor');
      extended.users.push({
        ...contributor,
        id: 90,
        name: 'Sam Subscriber',
        slug: 'sam',
        _demo: { ...contributor._demo, login: 'sam', email: 'sam@demo.example', roles: ['subscriber'] },
      });
      const tag = extended.tags[0];
      if (!tag) throw new Error('the bundled content has no tags');
      extended.tags.push(
        { ...tag, id: 9001, name: '🚀 Launch', slug: '%f0%9f%9a%80-launch', count: 0 },
        { ...tag, id: 9002, name: '👩‍👩‍👧 Family', slug: 'family', count: 0 },
      );
      other = await createDemoSite({ content: extended });
    });
    afterAll(async () => {
      await other.close();
    });

    it('who=authors leaves out users of level 0 (subscribers)', async () => {
      const res = await fetch(`${other.url}/wp-json/wp/v2/users?who=authors&per_page=100&_fields=id`, {
        headers: { Authorization: EDITOR },
      });
      const ids = ((await res.json()) as { id: number }[]).map((u) => u.id);
      expect(ids).not.toContain(90);
      expect(ids).toContain(content.users.find((u) => u._demo?.roles.includes('contributor'))?.id);
      expect(ids).toHaveLength(content.users.length);
    });

    it('orders names as utf8mb4_unicode_ci: characters beyond the BMP after all others', async () => {
      const res = await fetch(`${other.url}/wp-json/wp/v2/tags?hide_empty=false&orderby=name&per_page=100&_fields=name`);
      const names = ((await res.json()) as { name: string }[]).map((t) => t.name);
      expect(names.slice(-2).sort()).toEqual(['👩‍👩‍👧 Family', '🚀 Launch']);
      expect(names.indexOf('Crème brûlée')).toBeLessThan(names.indexOf('Longform'));
    });
  });
});

describe('latency', () => {
  it('delays answers by latencyMs', async () => {
    const slow = await createDemoSite({ latencyMs: 60, content });
    try {
      const started = performance.now();
      await fetch(`${slow.url}/wp-json/wp/v2/tags?_fields=id`).then((r) => r.text());
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      await slow.close();
    }
  });
});
