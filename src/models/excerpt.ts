/**
 * `excerptRendered` (Model/Post.php) for posts whose content has a `<!--more-->` tag, from the REST record.
 *
 * Both WPGraphQL and REST run `apply_filters( 'get_the_excerpt', post_excerpt )`; with no hand-written excerpt
 * that is `wp_trim_excerpt()`, which trims `get_the_content()` to 55 words + ` [&hellip;]`. They differ in one
 * global: WPGraphQL's Post model calls `$wp_query->setup_postdata()` after parsing a single-post query, which sets
 * `$more = 1`, so `get_the_content()` returns the WHOLE first page (the tag becomes `<span id="more-N"></span>`);
 * REST leaves `$more` unset, so its excerpt is trimmed from the teaser only (the text before the tag). With no
 * more tag the two are the same text and REST's excerpt is served as is.
 *
 * REST's `content.rendered` is `apply_filters( 'the_content', post_content )` with the tag still in it as an HTML
 * comment, so WPGraphQL's text is that content cut at the first `<!--nextpage-->` (`get_the_content()` reads page
 * 1) with the tag removed; `wp_trim_words()` strips every tag (the span included) before counting.
 *
 * Auto vs hand-written: in the edit context (`excerpt.raw`) WordPress says it (`'' === trim( post_excerpt )`).
 * Otherwise the rule is: recompute REST's own automatic excerpt from the teaser of `content.rendered`; only when
 * it equals REST's `excerpt.rendered` is the excerpt automatic, and only then is it recomputed from the whole
 * content. Anything that makes the recomputation inexact (a shortcode or a block `excerpt_remove_blocks()` drops,
 * a filter on `excerpt_length`/`excerpt_more`) makes the teaser comparison fail, and REST's excerpt is kept: the
 * gateway never invents an excerpt it cannot reproduce. Limits, documented in docs/compatibility.md: a
 * hand-written excerpt that is word for word the teaser's automatic one is taken for automatic; a shortcode or a
 * dropped block after the tag (not in the teaser) is counted as WordPress would not count it.
 */
import type { RestProtectedRendered } from '../wordpress/rest-types.ts';

/** `_x( '55', 'excerpt_length' )`: the words `wp_trim_excerpt()` keeps. */
const EXCERPT_LENGTH = 55;
/** `apply_filters( 'excerpt_more', ' [&hellip;]' )`, the default. */
const EXCERPT_MORE = ' [&hellip;]';
/** `get_the_content()`'s test for a more tag: `/<!--more(.*?)?-->/`. */
const MORE_TAG = /<!--more(.*?)?-->/;
/** `setup_postdata()` splits pages on `<!--nextpage-->` (with the newlines around it, which we need not keep). */
const NEXT_PAGE = '<!--nextpage-->';
/** PHP `trim()`'s default characters: space, tab, newline, carriage return, NUL, vertical tab. */
const PHP_TRIMMED = new Set([' ', '\t', '\n', '\r', '\0', '\v']);

/** Model/Post.php `! empty( post_excerpt )` then `'' === trim()`: whitespace only, or `"0"` (PHP-empty). */
function isEmptyExcerpt(raw: string): boolean {
  return raw === '0' || [...raw].every((c) => PHP_TRIMMED.has(c));
}

/**
 * `wp_strip_all_tags()` then `wp_trim_words()`'s split: script/style elements with their text go, every other
 * tag and comment goes without leaving a space (PHP `strip_tags`), words are runs between `[\n\r\t ]`. A
 * hand-written stripper: the gateway has no HTML parser dependency, and `strip_tags` is not a parser either.
 */
function words(html: string): string[] {
  return html
    .replace(/<(script|style)[^>]*?>.*?<\/\1>/gis, '')
    .replace(/<!--.*?-->/gs, '')
    .replace(/<[^>]*>/g, '')
    .split(/[\n\r\t ]+/)
    .filter((w) => w.length > 0);
}

/**
 * `the_excerpt( wp_trim_excerpt( '' ) )` over already-rendered content (also an attachment's automatic caption:
 * ./media.ts): 55 words + ` [&hellip;]`, wrapped by
 * `wpautop` (one line of text: one paragraph; nothing at all when empty). `wptexturize`/`convert_chars` of
 * `the_excerpt` have nothing left to change in text `the_content` already texturized.
 */
export function trimmedExcerpt(renderedContent: string): string {
  const all = words(renderedContent);
  if (all.length === 0) return '';
  const text = all.length > EXCERPT_LENGTH ? `${all.slice(0, EXCERPT_LENGTH).join(' ')}${EXCERPT_MORE}` : all.join(' ');
  return `<p>${text}</p>\n`;
}

/**
 * Whether an excerpt is WordPress's automatic one: from `raw` (the edit context) when there, else by equality with
 * `expected`, REST's automatic excerpt recomputed from what REST rendered it from.
 */
export function isAutomaticExcerpt(excerpt: RestProtectedRendered | undefined, expected: () => string): boolean {
  if (typeof excerpt?.raw === 'string') return isEmptyExcerpt(excerpt.raw);
  return excerpt?.rendered !== undefined && expected() === excerpt.rendered;
}

/**
 * WPGraphQL's rendered excerpt of a post from its REST `excerpt` and `content` (both with `rendered`, and `raw` in
 * the edit context). Returns REST's `excerpt.rendered` unchanged whenever the content has no more tag, is absent
 * (not fetched, or a type without the editor) or protected, or the excerpt is not WordPress's automatic one.
 */
export function wpgraphqlExcerpt(excerpt: RestProtectedRendered | undefined, content: RestProtectedRendered | undefined): string | null {
  const rest = excerpt?.rendered ?? null;
  const rendered = content?.rendered;
  if (rest === null || !rendered || !MORE_TAG.test(rendered)) return rest;
  const firstPage = rendered.split(NEXT_PAGE, 1)[0] as string;
  const more = MORE_TAG.exec(firstPage);
  if (!more) return rest;
  if (!isAutomaticExcerpt(excerpt, () => trimmedExcerpt(firstPage.slice(0, more.index)))) return rest;
  return trimmedExcerpt(firstPage.replace(MORE_TAG, ''));
}
