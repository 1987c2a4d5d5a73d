/**
 * The embedded demo site: a node:http server that speaks WordPress 6.1's REST API (`/wp-json/…` and
 * `/?rest_route=…`) over the bundled content, plus the front-end bits clients use for discovery (`GET`/`HEAD`
 * `/` with `Link: <…/wp-json/>; rel="https://api.w.org/"`). `npm start` serves the gateway over it when no
 * WordPress URL is configured; contract tests run the gateway against it and count upstream calls through
 * `requests`. See README.md in this folder for what it honours and what it deliberately does not.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoContent } from './content-types.ts';
import { authenticate } from './rest/auth.ts';
import { flatten, parseStr, urldecode } from './rest/php.ts';
import { dispatch, type Served } from './rest/router.ts';
import { createSite, loadBundledContent, type Site } from './rest/site.ts';

/** One REST request the site received, for tests that count upstream calls. */
export interface DemoRequest {
  method: string;
  /** The REST route, e.g. `/wp/v2/posts` (`/` for the index), however it was sent. */
  path: string;
  /** Decoded query parameters (without `rest_route`); repeated/array parameters joined with commas. */
  query: Record<string, string>;
  /** Whether the request carried valid application-password credentials. */
  authenticated: boolean;
}

/** A running demo site. */
export interface DemoSite {
  /** The site URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  url: string;
  /** Every REST request received, oldest first. */
  requests: DemoRequest[];
  /** Empties `requests`. */
  resetRequests(): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /**
   * `user:application password` of the site's administrator, the gateway's service account over the demo site
   * (menus, settings, authors' names); undefined when the content has none.
   */
  serviceCredentials: string | undefined;
}

/** Options of {@link createDemoSite}. */
export interface DemoSiteOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** The content to serve. @default the bundled `content.json` */
  content?: DemoContent;
  /** Delay added before each answer, to make benchmarks resemble a real WordPress. @default 0 */
  latencyMs?: number;
}

const escapeHtml = (s: string) =>
  s
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Where a request is aimed: a REST route, or the HTML front end. */
function target(rawPath: string, query: ReturnType<typeof parseStr>): { rest: string } | { front: string } {
  let path = rawPath;
  try {
    path = urldecode(rawPath.replace(/\+/g, '%2B'));
  } catch {
    path = rawPath;
  }
  const pretty = /^\/wp-json(\/.*)?$/i.exec(path);
  if (pretty) return { rest: pretty[1] ?? '/' };
  const restRoute = query.get('rest_route');
  if ((path === '/' || path === '/index.php') && typeof restRoute === 'string')
    return { rest: restRoute.startsWith('/') ? restRoute : `/${restRoute}` };
  return { front: path };
}

/** The HTML front end: home page, permalinks of published posts and pages, or a 404 page. */
function frontEnd(site: Site, path: string): Served {
  const api = `<${site.restUrl('')}>; rel="https://api.w.org/"`;
  const head = `<link rel="https://api.w.org/" href="${site.restUrl('')}" />`;
  const page = (title: string, body: string) =>
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8" />\n<title>${title}</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  const info = site.content.site;
  if (path === '/wp-comments-post.php') {
    // WordPress's comment form (anonymous comments go through it: src/loaders/writes.ts). The demo site is
    // read-only, so it refuses as WordPress refuses a closed post: a wp_die with 403 (JSON, since the gateway
    // asks with `Accept: application/json`, as wp_die answers then).
    return {
      status: 403,
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({
        code: 'wp_die',
        message: '<p>The demo site is read-only: it accepts no comments.</p>',
        data: { status: 403 },
      }),
    };
  }
  if (path === '/' || path === '/index.php') {
    const recent = site.content.posts
      .filter((p) => p.status === 'publish')
      .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))
      .slice(0, 10)
      .map((p) => `<li><a href="${p.link}">${p.title?.rendered ?? ''}</a></li>`)
      .join('\n');
    return {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=UTF-8', Link: api },
      body: page(`${info.name} &#8211; ${info.description}`, `<h1>${info.name}</h1>\n<ul>\n${recent}\n</ul>`),
    };
  }
  const url = `${site.origin}${path.endsWith('/') ? path : `${path}/`}`;
  const row = [...site.rows.values()].find((r) => r.link === url && r.status === 'publish');
  if (row) {
    const route = row.type === 'page' ? 'pages' : row.type === 'attachment' ? 'media' : 'posts';
    const links = `${api}, <${site.restUrl(`wp/v2/${route}/${row.id}`)}>; rel="alternate"; type="application/json", <${site.origin}/?p=${row.id}>; rel=shortlink`;
    const content = 'content' in row ? (row.content?.rendered ?? '') : '';
    return {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=UTF-8', Link: links },
      body: page(
        `${row.title?.rendered ?? ''} &#8211; ${info.name}`,
        `<article><h1>${row.title?.rendered ?? ''}</h1>\n${row._demo?.password ? '<p>This content is password protected.</p>' : content}</article>`,
      ),
    };
  }
  return {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=UTF-8', Link: api },
    body: page(`Page not found &#8211; ${info.name}`, `<h1>Page not found</h1>\n<p>${escapeHtml(path)}</p>`),
  };
}

/**
 * Starts the demo site. Resolves once it listens; `url` carries the real port when `port` is 0.
 */
export async function createDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const content = options.content ?? loadBundledContent();
  const latency = Math.max(0, options.latencyMs ?? 0);
  const requests: DemoRequest[] = [];
  let site: Site | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = (q === -1 ? rawUrl : rawUrl.slice(0, q)).replace(/#.*$/, '') || '/';
    const rawQuery = q === -1 ? '' : rawUrl.slice(q + 1).replace(/#.*$/, '');
    // Request bodies are not read (the site is read-only), but must be drained so keep-alive works.
    req.resume();
    let served: Served;
    const current = site as Site;
    try {
      const query = parseStr(rawQuery);
      const where = target(rawPath, query);
      if ('rest' in where) {
        const viewer = authenticate(req.headers.authorization, current.content);
        const route = where.rest.replace(/\/+$/, '') || '/';
        requests.push({
          method,
          path: route,
          query: Object.fromEntries([...query].filter(([k]) => k !== 'rest_route').map(([k, v]) => [k, flatten(v)])),
          authenticated: viewer !== null,
        });
        served = dispatch(current, { method, route, query, viewer });
      } else {
        served = frontEnd(current, where.front);
        if (method === 'HEAD') served = { ...served, body: null };
      }
    } catch (error) {
      served = {
        status: 500,
        headers: { 'Content-Type': 'application/json; charset=UTF-8' },
        body: JSON.stringify({
          code: 'demo_internal_error',
          message: error instanceof Error ? error.message : String(error),
          data: { status: 500 },
        }),
      };
    }
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const body = served.body === null ? null : Buffer.from(served.body, 'utf8');
    res.writeHead(served.status, { ...served.headers, 'Content-Length': String(body?.length ?? 0) });
    res.end(body ?? undefined);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  site = createSite(content, url);
  const admin = content.users.find((u) => u._demo?.roles.includes('administrator'));
  const adminCredential = content.credentials.find((c) => c.user_id === admin?.id);
  return {
    url,
    requests,
    serviceCredentials: adminCredential ? `${adminCredential.username}:${adminCredential.application_password}` : undefined,
    resetRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
