/**
 * `npm run bench:pages` — (f) of the benchmark on its own: page views from a cold start against the
 * integration suite's WordPress behind Apache prefork with KeepAlive On and 8 PHP workers (bench/lib/
 * prefork-apache.ts), the gateway (npm start's way, default settings) and, when the test WordPress has the
 * plugin active, WPGraphQL on the same site. `npm run bench` runs it too; this entry replaces only the page-view
 * section of BENCHMARKS.md.
 *
 * Flags: `--quick` (8 s per run, nothing written), `--seconds N`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { HOME, POST, type PageViewResult, pageMix, readSlugs, runPageViews } from '../tests/support/page-views.ts';
import { graphql, interleave } from './lib/load.ts';
import { startPreforkApache } from '../tests/wordpress/prefork-apache.ts';
import { startGatewayProcess } from './lib/processes.ts';
import { ms, percentile } from './lib/stats.ts';
import { realWordPress } from './lib/wordpress.ts';

export interface PageViewRow {
  contender: 'gateway' | 'WPGraphQL';
  concurrency: number;
  result: PageViewResult;
  /** Requests WordPress served during the run, per page view completed. */
  upstreamPerView: number;
  /** The most requests WordPress was serving at once (from its access log). */
  peakAtWordPress: number;
}

/** One page asked alone, caches off: the gateway's p50 against WPGraphQL's. */
export interface ColdRow {
  name: string;
  gateway: number;
  wpgraphql: number | undefined;
  target: number;
}

export interface PageViewReport {
  rows: PageViewRow[];
  cold: ColdRow[];
  workers: number;
  seconds: number;
  wpgraphql: string;
  markdown: string;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Whether WPGraphQL answers at `${url}/graphql` (active on the test WordPress). */
async function wpgraphqlAt(url: string): Promise<string | undefined> {
  for (const endpoint of [`${url}/graphql`, `${url}/index.php?graphql`]) {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ query: '{ generalSettings { title } }' }),
      });
      const body = (await response.json()) as { data?: { generalSettings?: { title?: string } } };
      if (body.data?.generalSettings?.title) return endpoint;
    } catch {
      // not there
    }
  }
  return undefined;
}

/**
 * Fully cold single requests: a gateway with every cache off, one request at a time, interleaved with the same
 * document sent to WPGraphQL (when active). Each gateway request costs its REST round trips; WPGraphQL's one.
 */
async function coldSingleRequests(url: string, endpoint: string | undefined, slug: string, samples: number): Promise<ColdRow[]> {
  const gateway = await startGatewayProcess(url, { CACHE_TTL_MS: '0', ENTITY_CACHE_TTL_MS: '0' });
  const wpBase = endpoint?.replace(/\/graphql$/, '');
  const rows: ColdRow[] = [];
  try {
    const cases = [
      { name: `post page (${slug})`, query: POST, variables: { slug }, target: 0.7 },
      { name: 'home, N = 10', query: HOME, variables: { first: 10 }, target: 1.0 },
      { name: 'home, N = 100', query: HOME, variables: { first: 100 }, target: 0.4 },
    ];
    for (const c of cases) {
      const contenders: Record<string, () => Promise<unknown>> = { gateway: () => graphql(gateway.url, c.query, c.variables) };
      if (wpBase) contenders.wpgraphql = () => graphql(wpBase, c.query, c.variables);
      const runs = await interleave(contenders, { samples, warmup: 5 });
      const row: ColdRow = {
        name: c.name,
        gateway: percentile(runs.gateway ?? [], 50),
        wpgraphql: runs.wpgraphql ? percentile(runs.wpgraphql, 50) : undefined,
        target: c.target,
      };
      rows.push(row);
      log(
        `cold ${c.name}: gateway p50 ${ms(row.gateway)}${row.wpgraphql === undefined ? '' : ` | WPGraphQL p50 ${ms(row.wpgraphql)} | ${(row.gateway / row.wpgraphql).toFixed(2)}× (target ≤ ${c.target}×)`}`,
      );
    }
  } finally {
    await gateway.stop();
  }
  return rows;
}

export async function pageViewBenchmark(options: {
  seconds: number;
  concurrencies: number[];
  samples: number;
}): Promise<PageViewReport | string> {
  const wordpress = realWordPress();
  if ('unavailable' in wordpress) return `skipped: no real WordPress (${wordpress.unavailable})`;
  await wordpress.ensure();
  const apache = await startPreforkApache({ workers: 8 });
  const rows: PageViewRow[] = [];
  const cold: ColdRow[] = [];
  let wpgraphql = '';
  try {
    const slugs = await readSlugs(`${apache.url}/wp-json`);
    const views = pageMix(slugs, 20_000);
    log(
      `page views: ${slugs.posts.length} posts (Zipf), ${slugs.categories.length} categories, ${slugs.tags.length} tags, ${slugs.users.length} authors; WordPress at ${apache.url}, prefork, ${apache.workers} workers, KeepAlive On (5 s)`,
    );
    const endpoint = await wpgraphqlAt(apache.url);
    wpgraphql = endpoint ? `WPGraphQL at ${endpoint.replace(apache.url, '')}` : 'WPGraphQL not active on the test WordPress: not measured';
    log(wpgraphql);
    const measure = async (contender: PageViewRow['contender'], target: string, concurrency: number, keepAlive: boolean) => {
      const mark = apache.mark();
      const result = await runPageViews({ endpoint: target, views, concurrency, seconds: options.seconds, keepAlive });
      // Apache writes a request's log line when it ends; give the last ones a moment.
      await new Promise((r) => setTimeout(r, 500));
      const served = apache.servedSince(mark);
      const row: PageViewRow = {
        contender,
        concurrency,
        result,
        upstreamPerView: served.requests / Math.max(1, result.completed),
        peakAtWordPress: served.peakConcurrent,
      };
      rows.push(row);
      log(
        `${contender} c=${concurrency}: ${result.throughput.toFixed(1)} page views/s, p50 ${ms(result.p50)} p95 ${ms(result.p95)} p99 ${ms(result.p99)}, errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.errorCodes)}` : ''}, ${row.upstreamPerView.toFixed(2)} WordPress requests per page view, at most ${row.peakAtWordPress} at once`,
      );
      // Let Apache's kept-alive connections of this run time out before the next one.
      await new Promise((r) => setTimeout(r, 6_000));
    };
    // A full post page: not password-protected, with a featured image and tags.
    const candidates = (await (
      await fetch(`${apache.url}/wp-json/wp/v2/posts?per_page=30&_fields=slug,featured_media,tags,content.protected`)
    ).json()) as { slug: string; featured_media: number; tags: number[]; content: { protected: boolean } }[];
    const full = candidates.find((p) => !p.content.protected && p.featured_media > 0 && p.tags.length > 0) ?? candidates[0];
    cold.push(...(await coldSingleRequests(apache.url, endpoint, full?.slug ?? (slugs.posts[0] as string), options.samples)));
    for (const concurrency of options.concurrencies) {
      // A cold start for every run: no cached answer or record from the previous one.
      const gateway = await startGatewayProcess(apache.url);
      try {
        await measure('gateway', `${gateway.url}/graphql`, concurrency, true);
      } finally {
        await gateway.stop();
      }
      // WPGraphQL gets a connection per page view: kept-alive client connections would each pin a worker.
      if (endpoint) await measure('WPGraphQL', endpoint, concurrency, false);
    }
  } finally {
    apache.stop();
    wordpress.release();
  }
  return {
    rows,
    cold,
    workers: apache.workers,
    seconds: options.seconds,
    wpgraphql,
    markdown: markdown(rows, cold, options.seconds, wpgraphql),
  };
}

function markdown(rows: PageViewRow[], cold: ColdRow[], seconds: number, wpgraphql: string): string {
  const lines = [
    `Mix: 20 % home (10 posts, author, categories, featured image), 50 % post by slug (Zipf over every post: content,`,
    `author, terms, featured image, 20 comments), 10 % each category, tag and author archive. ${seconds} s per run,`,
    'closed-loop clients; each gateway run starts a new gateway process (npm start, default settings: caches on,',
    'upstream-concurrency 6). WordPress: the seeded test site behind Apache prefork + mod_php, 8 workers, KeepAlive On',
    `(KeepAliveTimeout 5). ${wpgraphql}; it gets a new connection per page view (kept-alive ones would pin workers).`,
    "WordPress requests and their peak concurrency are read from Apache's access log (start and duration of each).",
    '',
    '| contender | clients | page views/s | p50 | p95 | p99 | errors | WordPress requests / page view | most at once at WordPress |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.contender} | ${r.concurrency} | ${r.result.throughput.toFixed(1)} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${ms(r.result.p99)} | ${r.result.errors}${
          r.result.errors
            ? ` (${Object.entries(r.result.errorCodes)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')})`
            : ''
        } | ${r.upstreamPerView.toFixed(2)} | ${r.peakAtWordPress} |`,
    ),
  ];
  const pairs = [...new Set(rows.map((r) => r.concurrency))].flatMap((c) => {
    const g = rows.find((r) => r.contender === 'gateway' && r.concurrency === c);
    const w = rows.find((r) => r.contender === 'WPGraphQL' && r.concurrency === c);
    if (!g || !w) return [];
    return [
      `- c=${c}: throughput ${(g.result.throughput / w.result.throughput).toFixed(1)}× WPGraphQL's (target ≥ 10×), p95 ${(g.result.p95 / w.result.p95).toFixed(2)}× (target ≤ 0.2×), errors ${g.result.errors} (target 0), at most ${g.peakAtWordPress} requests at once at WordPress (limit 6)`,
    ];
  });
  if (pairs.length) lines.push('', ...pairs);
  if (cold.length) {
    lines.push(
      '',
      'Fully cold single requests (a gateway with every cache off, one request at a time, interleaved with WPGraphQL; p50):',
      '',
      '| page | gateway | WPGraphQL | ratio | target |',
      '|---|---|---|---|---|',
      ...cold.map(
        (c) =>
          `| ${c.name} | ${ms(c.gateway)} | ${c.wpgraphql === undefined ? 'n/a' : ms(c.wpgraphql)} | ${c.wpgraphql === undefined ? 'n/a' : `${(c.gateway / c.wpgraphql).toFixed(2)}×`} | ≤ ${c.target}× |`,
      ),
    );
  }
  return lines.join('\n');
}

const START = '<!-- page-views -->';
const END = '<!-- /page-views -->';

/** BENCHMARKS.md with its page-view section replaced (or appended). */
export function withPageViews(document: string, section: string): string {
  const block = `${START}\n${section}\n${END}`;
  const from = document.indexOf(START);
  const to = document.indexOf(END);
  if (from >= 0 && to > from) return `${document.slice(0, from)}${block}${document.slice(to + END.length)}`;
  return `${document.trimEnd()}\n\n## (f) Page views under a few PHP workers\n\n${block}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const secondsFlag = process.argv.indexOf('--seconds');
  const seconds = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : quick ? 8 : 30;
  const report = await pageViewBenchmark({ seconds, concurrencies: [16, 64], samples: quick ? 8 : 30 });
  if (typeof report === 'string') {
    log(report);
    process.exit(1);
  }
  if (!quick) {
    const path = new URL('../BENCHMARKS.md', import.meta.url);
    writeFileSync(path, withPageViews(readFileSync(path, 'utf8'), report.markdown));
    log('BENCHMARKS.md: page-view section written');
  }
}
