import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startGateway } from '../../src/server.ts';
import { WordPressError } from '../../src/wordpress/errors.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the HTTP surface', () => {
  it('answers /health with 200 while serving', async () => {
    const response = await fetch(`${h.gateway.url}/health`);
    expect(response.status).toBe(200);
  });

  it('serves GraphiQL from its own bundle (no CDN), opening on the example query', async () => {
    const response = await fetch(`${h.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('HomePage');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
  });

  it('serves GraphQL over GET too', async () => {
    const response = await fetch(`${h.gateway.url}/graphql?query=${encodeURIComponent('{ generalSettings { url } }')}`, {
      headers: { accept: 'application/json' },
    });
    const body = (await response.json()) as { data: { generalSettings: { url: string } } };
    expect(body.data.generalSettings.url).toBe(h.demo.url);
  });

  it('runs every document under tests/operations/ without errors', async () => {
    const category = (
      (await (await fetch(`${h.demo.url}/wp-json/wp/v2/categories?per_page=1&hide_empty=true&orderby=count&order=desc`)).json()) as {
        slug: string;
      }[]
    )[0]!;
    const post = ((await (await fetch(`${h.demo.url}/wp-json/wp/v2/posts?per_page=1`)).json()) as { slug: string; link: string }[])[0]!;
    const variables: Record<string, Record<string, unknown>> = {
      'home-page': { first: 10 },
      'post-page': { slug: post.slug },
      'archive-page': { slug: category.slug, offset: 0, size: 5 },
      'node-by-uri': { uri: new URL(post.link).pathname },
    };
    for (const [name, vars] of Object.entries(variables)) {
      const document = readFileSync(new URL(`../operations/${name}.graphql`, import.meta.url), 'utf8');
      const answer = await h.query(document, vars);
      expect(answer.errors, name).toBeUndefined();
      expect(
        Object.values(answer.data ?? {}).every((v) => v !== null),
        name,
      ).toBe(true);
    }
  });
});

describe('start-up', () => {
  it('fails with the URL and reason when WordPress cannot be reached', async () => {
    const config = { ...loadConfig({}, {}), wordpressUrl: 'http://127.0.0.1:9', port: 0 };
    await expect(startGateway(config)).rejects.toThrow(WordPressError);
    await expect(startGateway(config)).rejects.toThrow(/could not be reached.*ECONNREFUSED/);
  });
});
