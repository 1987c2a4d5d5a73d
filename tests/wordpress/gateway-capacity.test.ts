import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageMix, readSlugs } from '../support/page-views.ts';
import { startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { type PreforkApache, startPreforkApache } from './prefork-apache.ts';
import { wordpressTarget } from './target.ts';

// WordPress's capacity is the budget, on the real thing: the seeded site behind a second Apache configured as a
// managed host sells it (prefork + mod_php, 8 workers, KeepAlive On with Debian's 5 s), and the gateway with its
// shipped upstream limit (6) and no caches, so every page view reaches WordPress. Apache's access log (start and
// duration of each request) says how many requests it was serving at once.

const wp = wordpressTarget();
const LIMIT = 6;

// The second Apache is built from the harness's own httpd.conf: a site given by WORDPRESS_TEST_URL has none.
describe.runIf(wp.seeded && wp.source === 'harness')('64 concurrent page views under Apache prefork with keep-alive', () => {
  let apache: PreforkApache;
  let gw: WordPressGateway;

  beforeAll(async () => {
    apache = await startPreforkApache({ workers: 8 });
    gw = await startWordPressGateway({ ...wp, url: apache.url }, { cacheTtlMs: 0, entityCacheTtlMs: 0, upstreamConcurrency: LIMIT });
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    apache?.stop();
  });

  it('WordPress never serves more than the limit at once, every page view is answered, none times out', async () => {
    const views = pageMix(await readSlugs(`${apache.url}/wp-json`), 64, 7);
    expect(new Set(views.map((v) => v.kind)).size).toBeGreaterThanOrEqual(4);
    const mark = apache.mark();
    const answers = await Promise.all(
      views.map(async (view) => {
        const { query, variables } = JSON.parse(view.body) as { query: string; variables?: Record<string, unknown> };
        return gw.query(query, variables);
      }),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    }
    // Apache logs a request when it ends: give the last lines a moment to land.
    await new Promise((r) => setTimeout(r, 500));
    const served = apache.servedSince(mark);
    // Caches are off: every distinct page view costs WordPress at least one request (a post page by slug is one,
    // with its relations and replies embedded); identical ones in flight together may share theirs.
    expect(served.requests).toBeGreaterThanOrEqual(new Set(views.map((v) => v.body)).size);
    expect(served.peakConcurrent).toBeLessThanOrEqual(LIMIT);
    const limiter = gw.gateway.client.limiter;
    expect(limiter?.stats.peakInFlight).toBeLessThanOrEqual(LIMIT);
    expect(limiter?.stats).toMatchObject({ inFlight: 0, queued: 0, shed: 0 });
  }, 120_000);
});
