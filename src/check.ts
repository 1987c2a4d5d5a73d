import type { Config } from './config.ts';
import { WordPressClient } from './wordpress/client.ts';
import { WordPressError } from './wordpress/errors.ts';

/**
 * `check`: finds the REST API of the configured WordPress (or says why not) and prints what the gateway will
 * use: the REST root form, the site's name and addresses, its timezone, and whether posts can be listed.
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
