/**
 * The page-view benchmark: what a site's visitors cause, as a front end asks for it. A realistic mix of pages
 * (home, post by slug with Zipf-distributed popularity over the whole site, category, tag and author
 * archives), sent by `concurrency` closed-loop clients for a fixed time, against a GraphQL endpoint in front of
 * a WordPress with few PHP workers. The same documents are valid for the gateway and for WPGraphQL.
 */
import { Pool } from 'undici';
import { percentile } from '../../bench/lib/stats.ts';

/** The home page: the latest posts with author, categories and featured image (valid for WPGraphQL too). */
export const HOME = `query Home($first: Int = 10) {
  posts(first: $first) {
    nodes {
      id title date uri excerpt
      author { node { name uri avatar { url } } }
      categories { nodes { name uri } }
      featuredImage { node { sourceUrl altText } }
    }
  }
}`;

/** A post page: content, author, terms, featured image, 20 comments (valid for WPGraphQL too). */
export const POST = `query Post($slug: ID!) {
  post(id: $slug, idType: SLUG) {
    id title content date uri
    author { node { name uri avatar { url } } }
    categories { nodes { name uri } }
    tags { nodes { name uri } }
    featuredImage { node { sourceUrl altText mediaDetails { width height } } }
    comments(first: 20) { nodes { id content date author { node { name } } } }
  }
}`;

const ARCHIVE_POSTS = 'posts(first: 10) { nodes { title uri date excerpt author { node { name } } featuredImage { node { sourceUrl } } } }';
const CATEGORY = `query Category($slug: ID!) { category(id: $slug, idType: SLUG) { name description ${ARCHIVE_POSTS} } }`;
const TAG = `query Tag($slug: ID!) { tag(id: $slug, idType: SLUG) { name description ${ARCHIVE_POSTS} } }`;
const AUTHOR = `query Author($slug: ID!) { user(id: $slug, idType: SLUG) { name description ${ARCHIVE_POSTS} } }`;

export interface SiteSlugs {
  posts: string[];
  categories: string[];
  tags: string[];
  users: string[];
}

/** Every slug a visitor may land on, read from REST (public records only). */
export async function readSlugs(restRoot: string): Promise<SiteSlugs> {
  const all = async (collection: string) => {
    const slugs: string[] = [];
    for (let page = 1; ; page++) {
      const response = await fetch(`${restRoot}/wp/v2/${collection}?per_page=100&page=${page}&_fields=slug`);
      if (!response.ok) break;
      const records = (await response.json()) as { slug: string }[];
      slugs.push(...records.map((r) => r.slug));
      if (records.length < 100) break;
    }
    return slugs;
  };
  return { posts: await all('posts'), categories: await all('categories'), tags: await all('tags'), users: await all('users') };
}

/** A seeded generator (mulberry32), so every contender gets the same sequence of pages. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index k of n with probability ∝ 1/(k+1): a few posts are read a lot, most rarely (s = 1). */
function zipf(n: number, rand: () => number): number {
  let total = 0;
  for (let k = 1; k <= n; k++) total += 1 / k;
  let x = rand() * total;
  for (let k = 1; k <= n; k++) {
    x -= 1 / k;
    if (x <= 0) return k - 1;
  }
  return n - 1;
}

export interface PageView {
  kind: 'home' | 'post' | 'category' | 'tag' | 'author';
  body: string;
}

/** The page mix: 20 % home, 50 % posts, 10 % each archive. */
export function pageMix(slugs: SiteSlugs, count: number, seed = 1): PageView[] {
  const rand = random(seed);
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)] as string;
  const views: PageView[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    let view: PageView;
    if (r < 0.2) view = { kind: 'home', body: JSON.stringify({ query: HOME }) };
    else if (r < 0.7)
      view = { kind: 'post', body: JSON.stringify({ query: POST, variables: { slug: slugs.posts[zipf(slugs.posts.length, rand)] } }) };
    else if (r < 0.8) view = { kind: 'category', body: JSON.stringify({ query: CATEGORY, variables: { slug: pick(slugs.categories) } }) };
    else if (r < 0.9) view = { kind: 'tag', body: JSON.stringify({ query: TAG, variables: { slug: pick(slugs.tags) } }) };
    else view = { kind: 'author', body: JSON.stringify({ query: AUTHOR, variables: { slug: pick(slugs.users) } }) };
    views.push(view);
  }
  return views;
}

export interface PageViewResult {
  completed: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Page views answered with a non-200 status, GraphQL errors or no data, by error code. */
  errors: number;
  errorCodes: Record<string, number>;
}

/**
 * `concurrency` clients, each sending the next page view as soon as its previous one is answered, for
 * `seconds`. `keepAlive: false` opens a connection per page view (what WPGraphQL needs in front of prefork:
 * kept-alive client connections would each pin a PHP worker).
 */
export async function runPageViews(options: {
  endpoint: string;
  views: PageView[];
  concurrency: number;
  seconds: number;
  keepAlive: boolean;
  timeoutMs?: number;
}): Promise<PageViewResult> {
  const url = new URL(options.endpoint);
  const pool = new Pool(url.origin, { connections: options.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const errorCodes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const fail = (code: string) => {
    errors++;
    errorCodes[code] = (errorCodes[code] ?? 0) + 1;
  };
  const client = async () => {
    while (performance.now() < end) {
      const view = options.views[next++ % options.views.length] as PageView;
      const t = performance.now();
      try {
        const response = await pool.request({
          method: 'POST',
          path: url.pathname + url.search,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: view.body,
          reset: !options.keepAlive,
          headersTimeout: options.timeoutMs ?? 60_000,
          bodyTimeout: options.timeoutMs ?? 60_000,
        });
        const text = await response.body.text();
        latencies.push(performance.now() - t);
        if (response.statusCode !== 200) {
          fail(`HTTP ${response.statusCode}`);
          continue;
        }
        const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        if (body.errors?.length) fail(body.errors[0]?.extensions?.code ?? 'GRAPHQL_ERROR');
        else if (!body.data) fail('NO_DATA');
      } catch (error) {
        latencies.push(performance.now() - t);
        fail((error as { code?: string }).code ?? 'CLIENT_ERROR');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return {
    completed: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    errorCodes,
  };
}
