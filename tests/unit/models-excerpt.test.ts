import { describe, expect, it } from 'vitest';
import { wpgraphqlExcerpt } from '../../src/models/excerpt.ts';

// Records shaped as WordPress 6.1 renders a post with `<!--more-->` (the seeded site's post 333): `content.rendered`
// is `the_content` of the whole post with the tag kept as a comment; REST's automatic excerpt stops at the tag.
const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const teaser = `<p>${words(1, 20)}.</p>\n`;
const after = `<p>${words(21, 30)}.</p>\n\n<p>${words(51, 30)} &#038; more.</p>\n`;
const content = { rendered: `${teaser}\n<!--more-->\n\n${after}`, protected: false };
const restAuto = { rendered: `<p>${words(1, 20)}.</p>\n`, protected: false };

describe('wpgraphqlExcerpt', () => {
  it('an automatic excerpt of a post with a more tag: the whole content trimmed to 55 words + [&hellip;]', () => {
    expect(wpgraphqlExcerpt(restAuto, content)).toBe(`<p>${words(1, 20)}. ${words(21, 30)}. ${words(51, 5)} [&hellip;]</p>\n`);
  });

  it('a content shorter than 55 words keeps every word and no [&hellip;]', () => {
    const short = { rendered: `<p>one two</p>\n<!--more-->\n<p>three <em>four</em></p>\n`, protected: false };
    expect(wpgraphqlExcerpt({ rendered: '<p>one two</p>\n' }, short)).toBe('<p>one two three four</p>\n');
  });

  it('a tag inside a word joins it, as the stripped <span id="more-N"> does; only page 1 counts', () => {
    const glued = { rendered: `<p>al<!--more Read on-->pha beta</p>\n<!--nextpage-->\n<p>gamma</p>\n` };
    expect(wpgraphqlExcerpt({ rendered: '<p>al</p>\n' }, glued)).toBe('<p>alpha beta</p>\n');
  });

  it('keeps a hand-written excerpt: it is not the teaser’s automatic excerpt', () => {
    const manual = { rendered: '<p>Hand-written excerpt for post 325 — “quoted” &#038; short.</p>\n', protected: false };
    expect(wpgraphqlExcerpt(manual, content)).toBe(manual.rendered);
  });

  it('in the edit context, trusts excerpt.raw for auto vs hand-written', () => {
    // A hand-written excerpt that happens to read as the teaser: only `raw` can tell.
    expect(wpgraphqlExcerpt({ ...restAuto, raw: `${words(1, 20)}.` }, content)).toBe(restAuto.rendered);
    expect(wpgraphqlExcerpt({ ...restAuto, raw: '' }, content)).toContain('w55 [&hellip;]</p>');
    expect(wpgraphqlExcerpt({ ...restAuto, raw: '0' }, content)).toContain('w55 [&hellip;]</p>');
  });

  it("serves REST's excerpt when there is no more tag, no content, or protected content", () => {
    const plain = { rendered: `<p>${words(1, 80)}</p>\n` };
    const restPlain = { rendered: `<p>${words(1, 55)} [&hellip;]</p>\n` };
    expect(wpgraphqlExcerpt(restPlain, plain)).toBe(restPlain.rendered);
    expect(wpgraphqlExcerpt(restAuto, undefined)).toBe(restAuto.rendered);
    expect(wpgraphqlExcerpt({ rendered: '', protected: true }, { rendered: '', protected: true })).toBe('');
    expect(wpgraphqlExcerpt(undefined, content)).toBeNull();
  });

  it('strips script and style with their text, and every other tag without a space', () => {
    const odd = { rendered: '<p>a<style>x y</style>b<script>z</script></p>\n<!--more-->\n<p>c</p>' };
    expect(wpgraphqlExcerpt({ rendered: '<p>ab</p>\n' }, odd)).toBe('<p>ab c</p>\n');
  });
});
