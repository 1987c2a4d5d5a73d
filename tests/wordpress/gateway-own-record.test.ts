import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWER_SELF_FIELDS } from '../../src/loaders/viewer.ts';
import { authHeaders, rest, startWordPressGateway, type Json, type WordPressGateway } from './gateway-harness.ts';
import { SEED } from './seed-ids.ts';
import { wordpressTarget } from './target.ts';

// Issue #12: a user is not restricted to themself in WPGraphQL (Model/User.php `is_private()`), so a signed-in
// viewer sees their own username, email, nickname, nicename, locale and registeredDate; the gateway reads them from
// the viewer's own edit-context record (`/wp/v2/users/me?context=edit`, one request with the viewer's credentials)
// and never shows them on anybody else's record. Also: what `_fields` a post list sends with and without `excerpt`
// (an automatic excerpt past a more tag is recomputed from `content`: src/models/excerpt.ts).

const wp = wordpressTarget();
const USERS = `{ users(first: 10) { nodes { databaseId username email nickname nicename locale registeredDate isRestricted } } }`;
const PRIVATE_FIELDS = ['username', 'email', 'nickname', 'nicename', 'locale', 'registeredDate'] as const;

describe.runIf(wp.seeded && wp.auth !== null)("the signed-in viewer's own user record", () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('shows the viewer WordPress’s edit-context values of their own record, and nothing of anybody else’s', async () => {
    const truth = (await rest<Json>(wp, '/wp/v2/users/me', { context: 'edit' }, wp.auth)).body;
    gw.resetUpstream();
    const { users } = await gw.data(USERS, {}, authHeaders(wp));
    const self = users.nodes.find((u: Json) => u.databaseId === SEED.users.editor);
    expect(self).toEqual({
      databaseId: SEED.users.editor,
      username: truth.username,
      email: truth.email,
      nickname: truth.nickname,
      nicename: truth.slug,
      locale: truth.locale,
      registeredDate: truth.registered_date,
      isRestricted: false,
    });
    expect(self.username).toBe('editor');
    const others = users.nodes.filter((u: Json) => u.databaseId !== SEED.users.editor);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      for (const field of PRIVATE_FIELDS) expect(other[field], `${field} of user ${other.databaseId}`).toBeNull();
      expect(other.isRestricted).toBe(true);
    }
    // One read of the viewer's own record, in the edit context, trimmed to what is served.
    const me = gw.upstream.filter((r) => r.route === '/wp/v2/users/me');
    expect(me.map((r) => ({ query: r.query, authenticated: r.authenticated }))).toEqual([
      { query: { context: 'edit', _fields: VIEWER_SELF_FIELDS }, authenticated: true },
    ]);
    expect(gw.upstream.filter((r) => r.query.context === 'edit' && r.route !== '/wp/v2/users/me')).toEqual([]);
  });

  it('anonymously: every record restricted, and no request for a viewer', async () => {
    gw.resetUpstream();
    const { users } = await gw.data(USERS);
    for (const user of users.nodes) {
      for (const field of PRIVATE_FIELDS) expect(user[field]).toBeNull();
      expect(user.isRestricted).toBe(true);
    }
    expect(gw.upstream.filter((r) => r.route === '/wp/v2/users/me')).toEqual([]);
  });
});

describe.runIf(wp.seeded)('excerpts of posts with a more tag', () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
  });
  afterAll(async () => {
    await gw?.close();
  });

  const postsFields = () => gw.upstream.filter((r) => r.route === '/wp/v2/posts').map((r) => String(r.query._fields).split(','));

  it('asks for content only when excerpt is selected', async () => {
    gw.resetUpstream();
    await gw.data('{ posts(first: 5) { nodes { title date } } }');
    // `date` is restricted on password posts: `content.protected` tells, without rendering any content.
    expect(postsFields()).toEqual([['content.protected', 'date', 'id', 'title']]);
    gw.resetUpstream();
    await gw.data('{ posts(first: 5) { nodes { title excerpt } } }');
    expect(postsFields()).toEqual([['content', 'excerpt', 'id', 'title']]);
  });

  it('trims the whole content of post 333 (a more tag, no hand-written excerpt), keeps 325’s hand-written one', async () => {
    const { a, b } = await gw.data(
      '{ a: post(id: 333, idType: DATABASE_ID) { excerpt } b: post(id: 325, idType: DATABASE_ID) { excerpt } }',
    );
    const rest333 = (await rest<Json>(wp, '/wp/v2/posts/333', { _fields: 'excerpt' })).body.excerpt.rendered;
    const rest325 = (await rest<Json>(wp, '/wp/v2/posts/325', { _fields: 'excerpt' })).body.excerpt.rendered;
    // REST stops at the tag (24 words); WPGraphQL (tests/wordpress/goldens) goes on to 55 words.
    expect(rest333).not.toContain('[&hellip;]');
    expect(a.excerpt.startsWith(rest333.replace(/<\/p>\n$/, ' '))).toBe(true);
    expect(a.excerpt).toMatch(/^<p>(\S+ ){54}\S+ \[&hellip;\]<\/p>\n$/);
    expect(b.excerpt).toBe(rest325);
    expect(b.excerpt).toContain('Hand-written excerpt for post 325');
  });
});
