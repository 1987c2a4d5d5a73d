import { lexicographicSortSchema, printSchema } from 'graphql';
import { type Config, serviceAuthorization } from './config.ts';
import { reportServiceAccount } from './loaders/service-account.ts';
import { discoverSite } from './discovery/discover.ts';
import { readNameOverrides } from './server.ts';
import { schema as baseSchema } from './schema/index.ts';
import { buildSiteSchema, type ServedReport, type SiteSchema } from './schema/site-schema.ts';
import { WordPressClient } from './wordpress/client.ts';
import { WordPressError } from './wordpress/errors.ts';

/**
 * `check`: finds the REST API of the configured WordPress (or says why not) and prints what the gateway will
 * use: the REST root form, the site's name and addresses, its timezone, whether posts can be listed, and what
 * discovery finds (post types, taxonomies, registered meta, plugin namespaces) with what is served for each, or why
 * not.
 */
export async function checkWordPress(config: Config): Promise<number> {
  if (!config.wordpressUrl) {
    process.stderr.write('check needs a WordPress URL: --wordpress-url https://example.com (or WORDPRESS_URL)\n');
    return 2;
  }
  const client = new WordPressClient({ url: config.wordpressUrl, headersTimeoutMs: config.upstreamTimeoutMs });
  try {
    const index = await client.connect();
    const posts = await client.get<unknown[]>('/wp/v2/posts', { per_page: 1, _fields: ['id'] });
    const lines = [
      `WordPress REST API found at ${client.urlFor('/')}`,
      `  permalinks:   ${client.urlFor('/').includes('rest_route') ? 'plain (?rest_route=)' : 'pretty (/wp-json/)'}`,
      `  site name:    ${index.name ?? '(none)'}`,
      `  home URL:     ${index.home ?? '(not reported)'}`,
      `  site URL:     ${index.url ?? '(not reported)'}`,
      `  timezone:     ${index.timezone_string || `UTC${Number(index.gmt_offset) >= 0 ? '+' : ''}${index.gmt_offset ?? 0}`}`,
      `  published posts visible anonymously: ${posts.total ?? 'unknown'}`,
    ];
    const service = await reportServiceAccount(client, index, serviceAuthorization(config));
    lines.push(`  service account: ${service.warning ? 'warning: ' : ''}${service.message}`);
    if (config.discovery) lines.push(...(await discoveryLines(client, config)));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof WordPressError ? error.message : (error as Error).message;
    process.stderr.write(`No usable WordPress REST API at ${config.wordpressUrl}: ${message}\n`);
    return 1;
  } finally {
    await client.close();
  }
}

/** Discovery over a connected client: the site's schema, or why it could not be built. */
async function siteSchema(client: WordPressClient, config: Config): Promise<SiteSchema & { namespaces: readonly string[] }> {
  const discovery = await discoverSite(client, serviceAuthorization(config));
  return { ...buildSiteSchema(baseSchema, discovery, readNameOverrides(config.discoveryNames)), namespaces: discovery.namespaces };
}

function describeServed(r: ServedReport): string {
  if (!r.typeName) return r.note;
  const names = r.names && !r.note.startsWith('built in') ? ` — ${r.names.single}(id, idType), ${r.names.plural}(…)` : '';
  return `${r.typeName}${names}; ${r.note}${r.seo ? '; seo (Yoast)' : ''}`;
}

async function discoveryLines(client: WordPressClient, config: Config): Promise<string[]> {
  let site: Awaited<ReturnType<typeof siteSchema>>;
  try {
    site = await siteSchema(client, config);
  } catch (error) {
    return [`  discovery: failed (${(error as Error).message}); the built-in schema would be served`];
  }
  const lines: string[] = [];
  const section = (title: string, kind: ServedReport['kind']) => {
    lines.push(`  ${title}:`);
    for (const r of site.report.filter((x) => x.kind === kind).sort((a, b) => a.slug.localeCompare(b.slug))) {
      lines.push(`    ${r.slug.padEnd(18)} /wp/v2/${r.restBase.padEnd(16)} ${describeServed(r)}`);
      for (const m of r.meta) lines.push(`      meta ${m.key}: ${m.field ? `served as ${m.field}` : m.note}`);
    }
  };
  section('post types', 'postType');
  section('taxonomies', 'taxonomy');
  section('users', 'user');
  const read = new Set(['wp/v2']);
  lines.push(
    `  REST namespaces: ${site.namespaces.map((n) => (read.has(n) ? `${n} (read)` : n === 'yoast/v1' ? `${n} (Yoast SEO: seo fields from yoast_head_json)` : `${n} (not read)`)).join(', ')}`,
  );
  for (const warning of site.warnings) lines.push(`  warning: ${warning}`);
  return lines;
}

/** `print-schema --wordpress-url <url>`: the site's schema as the gateway would serve it (sorted SDL). */
export async function printSiteSchema(config: Config & { wordpressUrl: string }): Promise<number> {
  const client = new WordPressClient({ url: config.wordpressUrl, headersTimeoutMs: config.upstreamTimeoutMs });
  try {
    await client.connect();
    const site = await siteSchema(client, config);
    for (const warning of site.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stdout.write(`${printSchema(lexicographicSortSchema(site.schema))}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof WordPressError ? error.message : (error as Error).message;
    process.stderr.write(`Cannot read the site's schema at ${config.wordpressUrl}: ${message}\n`);
    return 1;
  } finally {
    await client.close();
  }
}
