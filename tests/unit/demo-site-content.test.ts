import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../demo/generator/build.ts';
import { autoExcerpt, sanitizeTitle, texturize } from '../../demo/generator/wp-format.ts';
import { addQueryArg, collectionPageUrl, parseStr, phpJsonEncode } from '../../demo/rest/php.ts';
import { loadBundledContent } from '../../demo/rest/site.ts';
import { gmtString, localString } from '../../demo/time.ts';

// The bundled content and the PHP-compatible helpers the demo site is built on.

const content = loadBundledContent();

describe('bundled content', () => {
  it('is what the generator writes (deterministic, committed up to date)', () => {
    const seedPostPath = new URL('../../demo/generator/seed-post-2786.json', import.meta.url);
    const built = buildContent({ seedPostPath: fileURLToPath(seedPostPath) });
    expect(JSON.stringify(built)).toBe(JSON.stringify(content));
    expect(readFileSync(new URL('../../demo/content.json', import.meta.url)).length).toBeLessThan(2_000_000);
  });

  it('has the volume and variety the gateway needs', () => {
    const published = content.posts.filter((p) => p.status === 'publish');
    expect(published.length).toBeGreaterThanOrEqual(150);
    for (const status of ['draft', 'private', 'future']) expect(content.posts.some((p) => p.status === status)).toBe(true);
    expect(content.posts.filter((p) => p._demo?.password)).toHaveLength(2);
    expect(content.users).toHaveLength(7);
    expect(content.categories.find((c) => c.id === 1)?.slug).toBe('uncategorized');
    expect(content.categories.some((c) => c.count === 0)).toBe(true);
    expect(content.tags.length).toBeGreaterThanOrEqual(20);
    expect(content.comments.some((c) => c.status === 'hold')).toBe(true);
    expect(content.comments.some((c) => c.status === 'spam')).toBe(true);
    expect(content.comments.some((c) => c.author === 0)).toBe(true);
    expect(published.some((p) => p.featured_media === 0)).toBe(true);
    expect(published.filter((p) => p.featured_media).length).toBeGreaterThan(published.length / 2);
    const titles = published.map((p) => p.title?.rendered ?? '').join('\n');
    for (const entity of ['&#8217;', '&#8220;', '&amp;', '&lt;', '&#8212;', '🚀']) expect(titles).toContain(entity);
    expect(content.posts.some((p) => p.slug?.startsWith('caf%c3%a9-'))).toBe(true);
    expect(published.some((p) => p.excerpt?.rendered?.endsWith(' [&hellip;]</p>\n'))).toBe(true);
  });

  it('nests categories three levels deep and pages three levels deep', () => {
    const depth = <T extends { id: number; parent?: number }>(items: T[], item: T): number => {
      const parent = items.find((i) => i.id === item.parent);
      return parent ? 1 + depth(items, parent) : 1;
    };
    expect(Math.max(...content.categories.map((c) => depth(content.categories, c)))).toBe(3);
    expect(Math.max(...content.pages.map((p) => depth(content.pages, p)))).toBe(3);
    expect(Math.max(...content.comments.map((c) => depth(content.comments, c)))).toBeGreaterThanOrEqual(3);
  });

  it('keeps date (Europe/Paris wall time) and date_gmt (UTC) consistent', () => {
    for (const p of [...content.posts, ...content.comments]) {
      const ms = Date.parse(`${p.date_gmt}Z`);
      expect(gmtString(ms)).toBe(p.date_gmt);
      expect(localString(ms, 'Europe/Paris')).toBe(p.date);
    }
  });

  it('stores records without _links and with every own URL on the placeholder origin', () => {
    const text = JSON.stringify(content);
    expect(text).not.toContain('"_links"');
    const origins = new Set([...text.matchAll(/https?:\/\/[a-z0-9.-]+/gi)].map((m) => m[0].replace(/\.$/, '')));
    expect(
      // (schema.org and the Facebook page: what the discovery fixtures' Yoast `yoast_head_json` carries.)
      [...origins].filter(
        (o) =>
          !/gravatar\.com|\.example|example\.|wordpress\.org|api\.w\.org|developer\.wordpress|^https:\/\/schema\.org$|^https:\/\/www\.facebook\.com$/.test(
            o,
          ),
      ),
    ).toEqual(['http://demo.local']);
  });
});

describe('WordPress formatting', () => {
  it('texturizes like wptexturize + convert_chars', () => {
    expect(texturize('"Just Use Postgres" --- A Skeptic\'s Review')).toBe(
      '&#8220;Just Use Postgres&#8221; &#8212; A Skeptic&#8217;s Review',
    );
    expect(texturize('Bread & Butter... <code>a && b</code>')).toBe('Bread &#038; Butter&#8230; <code>a && b</code>');
  });

  it('slugs like sanitize_title', () => {
    expect(sanitizeTitle('Crème Brûlée, Three Ways')).toBe('creme-brulee-three-ways');
    expect(sanitizeTitle('東京')).toBe('%e6%9d%b1%e4%ba%ac');
    expect(sanitizeTitle('Why We&#8217;re Leaving')).toBe('why-were-leaving');
  });

  it('trims automatic excerpts to 55 words', () => {
    const long = `<p>${Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ')}</p>`;
    expect(autoExcerpt(long)).toBe(`<p>${Array.from({ length: 55 }, (_, i) => `w${i}`).join(' ')} [&hellip;]</p>\n`);
  });
});

describe('PHP compatibility', () => {
  it('parses query strings like parse_str', () => {
    const q = parseStr('include[]=1&include[]=2&a[b]=c&per.page=3&x=1&x=2&bad=%ZZ%41');
    expect([...(q.get('include') as Map<string, string>).values()]).toEqual(['1', '2']);
    expect((q.get('a') as Map<string, string>).get('b')).toBe('c');
    expect(q.get('per_page')).toBe('3');
    expect(q.get('x')).toBe('2');
    expect(q.get('bad')).toBe('%ZZA');
  });

  it('rebuilds Link URLs like add_query_arg', () => {
    const q = parseStr('search=caf%C3%A9 au&include[]=1&page=1');
    expect(collectionPageUrl('http://x/wp-json/wp/v2/posts', q, 2)).toBe(
      'http://x/wp-json/wp/v2/posts?search=caf%C3%A9+au&include%5B0%5D=1&page=2',
    );
    // Sanitised values as WordPress holds them: booleans (false → bare key), lists, objects, integers.
    const sanitised = new Map<string, unknown>([
      ['hide_empty', false],
      ['categories', { terms: [2], include_children: true }],
      ['tags', { terms: [16, 19], operator: 'AND' }],
      ['include', []],
      ['per_page', 10],
      ['_fields', 'id,title'],
    ]);
    expect(collectionPageUrl('http://x/wp-json/wp/v2/posts', sanitised, 3)).toBe(
      'http://x/wp-json/wp/v2/posts?hide_empty&categories%5Bterms%5D%5B0%5D=2&categories%5Binclude_children%5D=1&tags%5Bterms%5D%5B0%5D=16&tags%5Bterms%5D%5B1%5D=19&tags%5Boperator%5D=AND&per_page=10&_fields=id%2Ctitle&page=3',
    );
    // The URL's own query is re-encoded and kept in place; an existing key is replaced where it stands.
    expect(addQueryArg(new Map([['page', '2']]), 'http://x/?rest_route=%2Fwp%2Fv2%2Fposts&page=1&a=b#top')).toBe(
      'http://x/?rest_route=%2Fwp%2Fv2%2Fposts&page=2&a=b#top',
    );
  });

  it('encodes JSON like json_encode', () => {
    expect(phpJsonEncode({ a: 'http://x/é 🚀' })).toBe('{"a":"http:\\/\\/x\\/\\u00e9 \\ud83d\\ude80"}');
  });
});
