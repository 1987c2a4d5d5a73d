/**
 * Records a real WordPress's content in the demo site's `DemoContent` shape (demo/content-types.ts), so the
 * embedded demo site can serve exactly what that WordPress holds:
 *
 *   tsx tests/wordpress/record-demo.ts [--out <file>]     # default: <state dir>/recorded-content.json
 *
 * The site is the harness's (`.wordpress/state.json`, or `WORDPRESS_STATE_DIR`) or `WORDPRESS_TEST_URL` with
 * `WORDPRESS_TEST_USER`/`WORDPRESS_TEST_APP_PASSWORD` (an administrator: users' roles and e-mails, post
 * passwords and comment e-mails are read with `context=edit`). Records are stored as WordPress answers them in
 * `context=view`, without `_links`, with what `view` hides under `_demo`, and the site's origin replaced by the
 * demo's placeholder. `demo/content.json` is generated (demo/generate-content.ts) and checked against
 * its generator, so this writes elsewhere unless `--out` names it on purpose.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_ORIGIN, type DemoContent, type StoredComment, type StoredPost, type StoredUser } from '../../demo/content-types.ts';
import { basicAuth, restUrl, type WordPressCredentials } from './target.ts';

/** Where to record from. */
export interface RecordSource {
  /** Site URL without a trailing slash. */
  url: string;
  /** `<url>/wp-json` or `<url>/?rest_route=`. */
  restRoot: string;
  /** An administrator's application password. */
  admin: WordPressCredentials;
  /** Application passwords to list in `credentials` (the demo accepts exactly these). */
  credentials?: WordPressCredentials[];
}

type Query = Record<string, string | number | boolean>;

/** A REST record read as WordPress sends it: copied into the content file, not interpreted beyond a few keys. */
// biome-ignore lint/suspicious/noExplicitAny: records are passed through, only a few known keys are read.
type Json = any;

async function getJson<T>(source: RecordSource, route: string, query: Query = {}): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(restUrl(source, route, query), { headers: { Authorization: basicAuth(source.admin) } });
  const text = await response.text();
  if (!response.ok) throw new Error(`record-demo: ${route} ${JSON.stringify(query)} → ${response.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, headers: response.headers };
}

/** Every record of a collection query, as the administrator sees it. */
async function all<T>(source: RecordSource, route: string, query: Query = {}): Promise<T[]> {
  const records: T[] = [];
  for (let page = 1; ; page++) {
    const { body, headers } = await getJson<T[]>(source, route, { ...query, per_page: 100, page });
    records.push(...body);
    if (page >= Number(headers.get('x-wp-totalpages') ?? '1')) return records;
  }
}

/** A `view` record without `_links`. */
function stored<T extends { _links?: unknown }>(record: T): Omit<T, '_links'> {
  const { _links, ...rest } = record;
  void _links;
  return rest;
}

/** The revision facts `_links` reveal: `version-history` count and `predecessor-version` id. */
function revisionsOf(record: { _links?: Record<string, { count?: number; id?: number }[]> }) {
  const count = record._links?.['version-history']?.[0]?.count ?? 0;
  const latest = record._links?.['predecessor-version']?.[0]?.id ?? 0;
  return { count, latest_id: latest };
}

const POST_STATI = 'publish,future,draft,pending,private,trash';

/** Reads the whole site into a {@link DemoContent}. */
export async function recordDemoContent(source: RecordSource): Promise<DemoContent> {
  const { body: index } = await getJson<Record<string, Json>>(source, '/');
  const sticky = await all<{ id: number }>(source, '/wp/v2/posts', { sticky: true, _fields: 'id' });

  const usersView = await all<Json>(source, '/wp/v2/users');
  const usersEdit = new Map(
    (await all<Json>(source, '/wp/v2/users', { context: 'edit', _fields: 'id,username,email,roles' })).map((u) => [u.id, u]),
  );
  const users: StoredUser[] = usersView.map((u) => {
    const edit = usersEdit.get(u.id);
    return { ...stored(u), _demo: { login: edit.username, email: edit.email, roles: edit.roles } } as StoredUser;
  });

  const contentOf = async (route: string, status: string) => {
    const view = await all<Json>(source, route, { status });
    const passwords = new Map(
      (await all<Json>(source, route, { status, context: 'edit', _fields: 'id,password' })).map((p) => [p.id, p.password as string]),
    );
    return view.map((row) => {
      const password = passwords.get(row.id);
      return { ...stored(row), _demo: { ...(password ? { password } : {}), revisions: revisionsOf(row) } } as StoredPost;
    });
  };

  const comments: StoredComment[] = [];
  for (const type of ['comment', 'pingback', 'trackback']) {
    for (const status of ['approve', 'hold', 'spam', 'trash']) {
      const view = await all<Json>(source, '/wp/v2/comments', { type, status });
      if (view.length === 0) continue;
      const emails = new Map(
        (await all<Json>(source, '/wp/v2/comments', { type, status, context: 'edit', _fields: 'id,author_email' })).map((c) => [
          c.id,
          c.author_email as string,
        ]),
      );
      for (const c of view) comments.push({ ...stored(c), _demo: { author_email: emails.get(c.id) ?? '' } } as StoredComment);
    }
  }
  comments.sort((a, b) => a.id - b.id);

  const credentials = [];
  for (const credential of source.credentials ?? []) {
    const me = await fetch(restUrl(source, '/wp/v2/users/me', { _fields: 'id' }), { headers: { Authorization: basicAuth(credential) } });
    const { id } = (await me.json()) as { id: number };
    credentials.push({ user_id: id, username: credential.user, application_password: credential.appPassword, name: 'recorded' });
  }

  const content: DemoContent = {
    site: {
      name: index.name,
      description: index.description,
      url: index.url,
      home: index.home,
      gmt_offset: Number(index.gmt_offset),
      timezone_string: index.timezone_string,
      sticky_posts: sticky.map((p) => p.id),
    },
    credentials,
    users,
    categories: (await all<Json>(source, '/wp/v2/categories', { hide_empty: false })).map(stored) as DemoContent['categories'],
    tags: (await all<Json>(source, '/wp/v2/tags', { hide_empty: false })).map(stored) as DemoContent['tags'],
    posts: (await contentOf('/wp/v2/posts', POST_STATI)).sort((a, b) => a.id - b.id),
    pages: (await contentOf('/wp/v2/pages', POST_STATI)).sort((a, b) => a.id - b.id) as DemoContent['pages'],
    media: (await contentOf('/wp/v2/media', 'inherit,private,trash')).sort((a, b) => a.id - b.id) as unknown as DemoContent['media'],
    comments,
    // Custom types (issue #13): the test WordPress registers them (mu-plugins/wpgw-discovery.php).
    books: (await contentOf('/wp/v2/books', POST_STATI))
      .map(({ _demo, ...row }) => row)
      .sort((a, b) => a.id - b.id) as unknown as DemoContent['books'],
    chapters: (await contentOf('/wp/v2/chapters', POST_STATI))
      .map(({ _demo, ...row }) => row)
      .sort((a, b) => a.id - b.id) as unknown as DemoContent['chapters'],
    genres: (await all<Json>(source, '/wp/v2/genres', { hide_empty: false })).map(stored) as DemoContent['genres'],
  };
  // The demo keeps its own URLs on a placeholder origin and moves them onto wherever it listens.
  const origin = new URL(source.url).origin;
  return JSON.parse(JSON.stringify(content).split(origin).join(DEMO_ORIGIN)) as DemoContent;
}

/** The source the command line records from: the harness's state, or WORDPRESS_TEST_URL and its credentials. */
function sourceFromEnvironment(): RecordSource {
  const url = process.env.WORDPRESS_TEST_URL?.replace(/\/+$/, '');
  if (url) {
    const user = process.env.WORDPRESS_TEST_USER;
    const appPassword = process.env.WORDPRESS_TEST_APP_PASSWORD;
    if (!user || !appPassword)
      throw new Error('record-demo: WORDPRESS_TEST_URL needs WORDPRESS_TEST_USER and WORDPRESS_TEST_APP_PASSWORD (an administrator)');
    return { url, restRoot: `${url}/wp-json`, admin: { user, appPassword }, credentials: [{ user, appPassword }] };
  }
  const stateDir = process.env.WORDPRESS_STATE_DIR ?? fileURLToPath(new URL('../../.wordpress', import.meta.url));
  const state = JSON.parse(readFileSync(`${stateDir}/state.json`, 'utf8')) as Record<string, string>;
  return {
    url: state.url!,
    restRoot: state.restUrl!,
    admin: { user: state.adminUser!, appPassword: state.adminAppPassword! },
    credentials: [{ user: state.editorUser!, appPassword: state.editorAppPassword! }],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outIndex = process.argv.indexOf('--out');
  const stateDir = process.env.WORDPRESS_STATE_DIR ?? fileURLToPath(new URL('../../.wordpress', import.meta.url));
  const out = outIndex > 0 ? process.argv[outIndex + 1] : `${stateDir}/recorded-content.json`;
  if (!out) throw new Error('record-demo: --out needs a file name');
  const source = sourceFromEnvironment();
  const content = await recordDemoContent(source);
  writeFileSync(out, `${JSON.stringify(content, null, 1)}\n`);
  console.log(
    `record-demo: ${source.url} → ${out}: ${content.posts.length} posts, ${content.pages.length} pages, ${content.media.length} media, ` +
      `${content.categories.length + content.tags.length} terms, ${content.users.length} users, ${content.comments.length} comments`,
  );
}
