import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { authHeaders, rest, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { basicAuth, type WordPressCredentials, wordpressTarget } from './target.ts';

// The service account (SERVICE_CREDENTIALS, docs/compatibility.md#the-service-account): the public reads REST keeps
// behind a login — settings WPGraphQL shows every viewer (/wp/v2/settings, manage_options) and public authors'
// first and last names (users?context=edit, list_users) — read with it, and only those; never in an answer, an
// error, extensions or the log.

const wp = wordpressTarget();

const SETTINGS = `{
  generalSettings { title description url homeUrl timezone language dateFormat timeFormat startOfWeek email }
  readingSettings { id postsPerPage showOnFront pageOnFront pageForPosts }
  writingSettings { id useSmilies defaultCategory defaultPostFormat }
  discussionSettings { id defaultCommentStatus defaultPingStatus }
  allSettings {
    generalSettingsTitle generalSettingsLanguage generalSettingsDateFormat generalSettingsTimeFormat
    generalSettingsStartOfWeek generalSettingsEmail readingSettingsPostsPerPage readingSettingsShowOnFront
    readingSettingsPageOnFront readingSettingsPageForPosts writingSettingsUseSmilies writingSettingsDefaultCategory
    writingSettingsDefaultPostFormat discussionSettingsDefaultCommentStatus discussionSettingsDefaultPingStatus
  }
}`;
const NAMES = `{ posts(first: 30) { nodes { databaseId author { node { databaseId firstName lastName } } } } }`;
const PUBLIC_FIELDS =
  'date_format,time_format,start_of_week,language,use_smilies,default_category,default_post_format,posts_per_page,' +
  'show_on_front,page_on_front,page_for_posts,default_comment_status,default_ping_status';

const toGlobal = (s: string) => Buffer.from(s).toString('base64');
const pair = (c: WordPressCredentials) => `${c.user}:${c.appPassword}`;

describe.runIf(wp.seeded && wp.auth !== null && wp.admin !== null)('the service account: settings and user names', () => {
  let gw: WordPressGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  it('REST: /wp/v2/settings and users?context=edit need a capable user; has_published_posts narrows to the public users', async () => {
    expect((await rest(wp, '/wp/v2/settings')).status).toBe(401);
    expect((await rest(wp, '/wp/v2/settings', {}, wp.auth!)).status).toBe(403);
    expect((await rest(wp, '/wp/v2/users', { context: 'edit' })).status).toBe(401);
    const names = await rest(
      wp,
      '/wp/v2/users',
      { context: 'edit', has_published_posts: true, include: '1,2,3,4,5,6', _fields: 'id' },
      wp.admin!,
    );
    expect(names.body.map((u: { id: number }) => u.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('with an administrator as service account, every viewer gets the settings as /wp/v2/settings has them, in one request of the public fields only; email only to a viewer who may manage options', async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.admin!) });
    const truth = (await rest(wp, '/wp/v2/settings', {}, wp.admin!)).body;
    gw.resetUpstream();
    const anonymous = await gw.data(SETTINGS);
    expect(anonymous.generalSettings).toEqual({
      title: truth.title,
      description: truth.description,
      url: truth.url,
      homeUrl: wp.url,
      timezone: truth.timezone,
      language: truth.language,
      dateFormat: truth.date_format,
      timeFormat: truth.time_format,
      startOfWeek: truth.start_of_week,
      email: null,
    });
    expect(anonymous.readingSettings).toEqual({
      id: toGlobal('setting_group:reading'),
      postsPerPage: truth.posts_per_page,
      showOnFront: truth.show_on_front,
      pageOnFront: truth.page_on_front,
      pageForPosts: truth.page_for_posts,
    });
    expect(anonymous.writingSettings).toEqual({
      id: toGlobal('setting_group:writing'),
      useSmilies: truth.use_smilies,
      defaultCategory: truth.default_category,
      defaultPostFormat: truth.default_post_format,
    });
    expect(anonymous.discussionSettings).toEqual({
      id: toGlobal('setting_group:discussion'),
      defaultCommentStatus: truth.default_comment_status,
      defaultPingStatus: truth.default_ping_status,
    });
    expect(anonymous.allSettings).toEqual({
      generalSettingsTitle: truth.title,
      generalSettingsLanguage: truth.language,
      generalSettingsDateFormat: truth.date_format,
      generalSettingsTimeFormat: truth.time_format,
      generalSettingsStartOfWeek: truth.start_of_week,
      generalSettingsEmail: null,
      readingSettingsPostsPerPage: truth.posts_per_page,
      readingSettingsShowOnFront: truth.show_on_front,
      readingSettingsPageOnFront: truth.page_on_front,
      readingSettingsPageForPosts: truth.page_for_posts,
      writingSettingsUseSmilies: truth.use_smilies,
      writingSettingsDefaultCategory: truth.default_category,
      writingSettingsDefaultPostFormat: truth.default_post_format,
      discussionSettingsDefaultCommentStatus: truth.default_comment_status,
      discussionSettingsDefaultPingStatus: truth.default_ping_status,
    });
    // One read, with the account, of the public settings only: never `email`.
    expect(gw.upstream.map(({ route, query, authenticated }) => ({ route, query, authenticated }))).toEqual([
      { route: '/wp/v2/settings', query: { _fields: PUBLIC_FIELDS }, authenticated: true },
    ]);

    // The editor cannot manage options: email stays null (her own read is refused); the values are the same.
    const editor = await gw.data(SETTINGS, {}, authHeaders(wp));
    expect(editor.generalSettings).toEqual(anonymous.generalSettings);
    expect(editor.allSettings.generalSettingsEmail).toBeNull();
    // The administrator as viewer: her own credentials read admin_email.
    const admin = await gw.data(SETTINGS, {}, { authorization: basicAuth(wp.admin!) });
    expect(admin.generalSettings.email).toBe(truth.email);
    expect(admin.allSettings.generalSettingsEmail).toBe(truth.email);
  });

  it('a document asking only what the REST index has does not read /wp/v2/settings', async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.admin!) });
    gw.resetUpstream();
    expect((await gw.data('{ generalSettings { title url } allSettings { generalSettingsTitle } }')).generalSettings.title).toBe(
      SEED.site.name,
    );
    expect(gw.upstream).toEqual([]);
  });

  it("public authors' first and last names: one batched request with context=edit of the names only, for users with published posts", async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.admin!) });
    const truth = (await rest(wp, '/wp/v2/users', { context: 'edit', per_page: 100, _fields: 'id,first_name,last_name' }, wp.admin!)).body;
    const byId = new Map(truth.map((u: { id: number; first_name: string; last_name: string }) => [u.id, u]));
    gw.resetUpstream();
    const { posts } = await gw.data(NAMES);
    const authors = new Set<number>();
    // A post whose author REST does not show has no author (the password-protected one's here).
    for (const post of posts.nodes.filter((p: { author: unknown }) => p.author)) {
      const author = post.author.node;
      authors.add(author.databaseId);
      const record = byId.get(author.databaseId) as { first_name: string; last_name: string };
      expect(author).toEqual({ databaseId: author.databaseId, firstName: record.first_name || null, lastName: record.last_name || null });
    }
    expect(authors.size).toBeGreaterThan(1);
    const named = gw.upstream.filter((r) => r.route === '/wp/v2/users' && r.query.context === 'edit');
    expect(named).toEqual([
      {
        route: '/wp/v2/users',
        query: {
          include: expect.any(Array),
          per_page: authors.size,
          context: 'edit',
          has_published_posts: true,
          _fields: 'id,first_name,last_name',
        },
        status: 200,
        ms: expect.any(Number),
        authenticated: true,
      },
    ]);
    expect([...(named[0]!.query.include as number[])].sort()).toEqual([...authors].sort());
  });

  it('a user without published posts: no name, even for a viewer who can see the user', async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.admin!) });
    const q = `{ user(id: "${SEED.users.hidden}", idType: DATABASE_ID) { databaseId firstName lastName } }`;
    expect((await gw.data(q)).user).toBeNull();
    expect((await gw.data(q, {}, { authorization: basicAuth(wp.admin!) })).user).toEqual({
      databaseId: SEED.users.hidden,
      firstName: null,
      lastName: null,
    });
  });

  it('without a service account: those settings and names are null for anonymous viewers, and WordPress is not asked', async () => {
    gw = await startWordPressGateway(wp);
    expect(gw.log.filter((l) => l.includes('service-credentials'))).toEqual([
      expect.stringContaining('service-credentials (SERVICE_CREDENTIALS) is not set: anonymous viewers get no menus'),
    ]);
    gw.resetUpstream();
    const anonymous = await gw.data(SETTINGS);
    expect(anonymous.readingSettings.postsPerPage).toBeNull();
    expect(anonymous.generalSettings.dateFormat).toBeNull();
    expect(anonymous.allSettings.writingSettingsUseSmilies).toBeNull();
    const { posts } = await gw.data(NAMES);
    expect(
      posts.nodes
        .filter((p: { author: unknown }) => p.author)
        .map((p: { author: { node: { firstName: unknown } } }) => p.author.node.firstName),
    ).toEqual(expect.arrayContaining([null]));
    expect(posts.nodes.some((p: { author: { node: { firstName: unknown } } | null }) => p.author?.node.firstName)).toBe(false);
    expect(gw.upstream.filter((r) => r.route === '/wp/v2/settings' || r.query.context === 'edit')).toEqual([]);
  });

  it('an editor as service account: start-up says what it lacks, once; settings and names are null, nothing else is read with it', async () => {
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.auth!) });
    const lines = gw.log.filter((l) => l.includes('service-credentials'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 40,
      msg: expect.stringMatching(
        /reads menus at theme locations .*\[edit_posts\]; missing edit_theme_options: .*; manage_options: .*; list_users: /,
      ),
    });
    const anonymous = await gw.data(SETTINGS);
    expect(anonymous.readingSettings.postsPerPage).toBeNull();
    expect(
      (await gw.data(NAMES)).posts.nodes.some((p: { author: { node: { firstName: unknown } } | null }) => p.author?.node.firstName),
    ).toBe(false);
  });

  it("MenuLocationEnum: the theme's registered locations when the account can edit_theme_options, else the fixed list", async () => {
    const ENUM = '{ __type(name: "MenuLocationEnum") { enumValues { name } } }';
    const names = async (g: WordPressGateway) => (await g.data(ENUM)).__type.enumValues.map((v: { name: string }) => v.name);
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.admin!) });
    // tests/wordpress/wpgw-menu-locations.php registers primary, footer, primary-menu and social.
    expect(await names(gw)).toEqual(['PRIMARY', 'FOOTER', 'PRIMARY_MENU', 'SOCIAL']);
    const social = await gw.data('{ menuItems(where: { location: SOCIAL }) { nodes { databaseId } } }');
    expect(social.menuItems.nodes).toEqual([]);
    expect((await gw.query('{ menuItems(where: { location: MAIN_MENU }) { nodes { databaseId } } }')).errors?.[0]?.message).toMatch(
      /MAIN_MENU/,
    );
    await gw.close();
    gw = await startWordPressGateway(wp, { serviceCredentials: pair(wp.auth!) });
    expect(await names(gw)).toContain('MAIN_MENU');
  });

  it('the account never reaches an answer, an error, extensions or the log; it is not used for anything else', async () => {
    const wrong: WordPressCredentials = { user: wp.admin!.user, appPassword: 'WrongServicePassw0rdXyzA' };
    const secrets = (c: WordPressCredentials) => [c.appPassword, Buffer.from(pair(c)).toString('base64')];
    for (const account of [wp.admin!, wrong]) {
      gw = await startWordPressGateway(wp, { serviceCredentials: pair(account), debugUpstream: true });
      gw.resetUpstream();
      const answers = [
        await gw.query(SETTINGS),
        await gw.query(NAMES),
        await gw.query('{ menus { nodes { name } } }'),
        // Private data: the account could read drafts and every user; an anonymous viewer gets neither.
        await gw.query(
          `{ post(id: "${SEED.posts.draft}", idType: DATABASE_ID) { title } user(id: "${SEED.users.hidden}", idType: DATABASE_ID) { name } }`,
        ),
        await gw.query('{ users(first: 100) { nodes { databaseId } } }'),
      ];
      const text = JSON.stringify(answers) + gw.log.join('');
      for (const secret of secrets(account)) expect(text).not.toContain(secret);
      expect(answers[3]!.data).toEqual({ post: null, user: null });
      expect(answers[4]!.data.users.nodes.map((u: { databaseId: number }) => u.databaseId)).not.toContain(SEED.users.hidden);
      // Only the account's reads were signed: settings, names, menus (and start-up's look at its capabilities).
      const signed = gw.upstream.filter((r) => r.authenticated).map((r) => r.route);
      expect([...new Set(signed)].sort()).toEqual(
        ['/wp/v2/menu-items', '/wp/v2/menus', '/wp/v2/settings', '/wp/v2/users'].filter(
          (route) => account === wp.admin || route !== '/wp/v2/menu-items',
        ),
      );
      expect(gw.upstream.filter((r) => r.authenticated && r.route === '/wp/v2/users').every((r) => r.query.context === 'edit')).toBe(true);
      if (account === wrong) {
        // Refused: menus are the one FORBIDDEN error (naming the setting, not its value); settings and names null.
        expect(answers[2]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(answers[0]!.data.readingSettings.postsPerPage).toBeNull();
      }
      await gw.close();
      gw = undefined;
    }
  });
});
