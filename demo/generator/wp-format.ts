/**
 * The few WordPress formatting functions the generator needs so that stored records look like WordPress's
 * own output: `wptexturize` (curly quotes and dashes as numeric entities), `convert_chars` (`&` → `&#038;`),
 * `wpautop`-style paragraphs, `wp_trim_excerpt` (55 words + ` [&hellip;]`), `sanitize_title` (slugs, with
 * non-ASCII percent-encoded in lowercase) and `mysql_to_rfc3339` dates in the site's zone. They cover the
 * inputs the generator feeds them, not every edge of WordPress's versions.
 */

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/**
 * `wptexturize` + `convert_chars` on text that may contain tags: quotes, apostrophes, dashes and ellipses
 * outside tags become the numeric entities WordPress renders (`&#8217;`, `&#8220;`, `&#8212;`, `&#8230;`);
 * a bare `&` becomes `&#038;`. Text inside `<code>`/`<pre>` is left alone, as WordPress does.
 */
export function texturize(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let skip = 0;
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(part)) skip++;
        if (/^<\/(code|pre)>/i.test(part)) skip = Math.max(0, skip - 1);
        return part;
      }
      if (skip > 0) return part;
      return texturizeText(part);
    })
    .join('');
}

function texturizeText(text: string): string {
  let out = text
    .replace(/---/g, '&#8212;')
    .replace(/ -- /g, ' &#8212; ')
    .replace(/--/g, '&#8211;')
    .replace(/ - /g, ' &#8211; ')
    .replace(/\.\.\./g, '&#8230;');
  // Apostrophes in words and decades ('90s), then opening/closing single quotes.
  out = out
    .replace(/(\w)'(\w)/g, '$1&#8217;$2')
    .replace(/'(\d\ds)/g, '&#8217;$1')
    .replace(/(^|[\s([{"-])'/g, '$1&#8216;')
    .replace(/'/g, '&#8217;');
  out = out.replace(/(^|[\s([{-])"/g, '$1&#8220;').replace(/"/g, '&#8221;');
  // convert_chars: a lone ampersand is rendered as &#038;.
  out = out.replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&#038;');
  return out;
}

/** Escapes text the way `esc_html` does for names stored through kses: `&`, `<`, `>`. */
export function escHtml(text: string): string {
  return text
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Wraps each paragraph in `<p>…</p>\n`, as `wpautop` does for classic-editor content. */
export function autop(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${p}</p>\n`).join('');
}

/**
 * Joins block-editor blocks as `do_blocks` leaves them once the `<!-- wp:… -->` delimiters are gone:
 * a leading newline, four newlines between blocks, a trailing newline.
 */
export function joinBlocks(blocks: readonly string[]): string {
  return `\n${blocks.join('\n\n\n\n')}\n`;
}

/** `wp_strip_all_tags` + whitespace split, as `wp_trim_words` does before counting. */
export function words(html: string): string[] {
  return html
    .replace(/<(script|style)[^>]*?>.*?<\/\1>/gis, '')
    .replace(/<[^>]*>/g, ' ')
    .split(/[\n\r\t ]+/)
    .filter((w) => w.length > 0);
}

/** `wp_trim_excerpt` for a post without a hand-written excerpt: 55 words, ` [&hellip;]`, `wpautop`. */
export function autoExcerpt(contentHtml: string): string {
  const all = words(contentHtml);
  const text = all.length > 55 ? `${all.slice(0, 55).join(' ')} [&hellip;]` : all.join(' ');
  return `<p>${text}</p>\n`;
}

/** A hand-written excerpt as `the_excerpt` renders it. */
export function manualExcerpt(text: string): string {
  return `<p>${texturize(text)}</p>\n`;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', hellip: '…', nbsp: ' ' };

/** Decodes numeric and the few named entities WordPress emits. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const ACCENTS: Record<string, string> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  ä: 'a',
  å: 'a',
  æ: 'ae',
  ç: 'c',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ö: 'o',
  ø: 'o',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  ß: 'ss',
  œ: 'oe',
  ł: 'l',
  ś: 's',
  ż: 'z',
  ź: 'z',
  ń: 'n',
  ą: 'a',
  ę: 'e',
  ć: 'c',
  å̊: 'a',
  ọ: 'o',
};

/** `remove_accents` only knows Latin letters: Greek, Cyrillic, CJK stay and get percent-encoded. */
function stripLatinAccent(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0xc0 || code > 0x24f) return ch;
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * `sanitize_title`: `remove_accents` for Latin letters, then `sanitize_title_with_dashes`, which
 * percent-encodes what is left of non-ASCII (lowercase hex: `%e6%9d%b1`), lowercases, drops punctuation
 * and entities, and joins words with dashes.
 */
export function sanitizeTitle(title: string): string {
  let t = decodeEntities(title.replace(/<[^>]*>/g, ''))
    .toLowerCase()
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is "anything outside ASCII", NUL included on purpose.
    .replace(/[^\u0000-\u007f]/gu, (ch) => ACCENTS[ch] ?? stripLatinAccent(ch));
  // In `save` context WordPress turns nbsp/en/em dashes into hyphens and drops curly quotes and the like.
  t = t
    .replace(/[\u00a0\u2013\u2014]/g, '-')
    .replace(
      /[\u00ad\u00a1\u00bf\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2022\u00a9\u00ae\u00b0\u2026\u2122\u00b4]/g,
      '',
    );
  t = Array.from(t)
    .map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : encodeURIComponent(ch).toLowerCase()))
    .join('');
  return t
    .replace(/\./g, '-')
    .replace(/[^%a-z0-9 _-]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
