/**
 * HTML entity decoding exactly as WPGraphQL does it.
 *
 * WPGraphQL decodes some strings (post titles, term names) with
 * `html_entity_decode( $str, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, 'UTF-8' )`
 * (plugins/wp-graphql/src/Model/Model.php, `html_entity_decode()`). PHP's HTML 4.01 mode differs from an
 * HTML5 decoder in ways that show up in real WordPress output:
 * - only the 252 HTML 4.01 named entities (plus `&#039;`-style numerics) are decoded: `&apos;`, `&hellip`
 *   without a semicolon, or HTML5-only names like `&nbsp` / `&NewLine;` stay as written;
 * - a semicolon is required;
 * - numeric references to code points HTML 4.01 forbids (`&#128;`, `&#0;`, surrogates, non-characters) stay
 *   as written — an HTML5 decoder would turn `&#128;` into `€`;
 * - `&lang;`/`&rang;` are U+2329/U+232A (HTML 4), not HTML5's U+27E8/U+27E9.
 *
 * The `entities` package (v6) supplies the character for each name; we only restrict *which* names and
 * code points are decoded, which `entities` has no switch for (its `decodeHTML4` is the HTML5 decoder).
 */
import { decodeHTMLStrict } from 'entities';

/** The HTML 4.01 entity names (W3C HTMLlat1, HTMLsymbol, HTMLspecial), the set PHP's ENT_HTML401 table holds. */
const HTML401_NAMES = new Set(
  // HTMLlat1
  (
    'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
    'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
    'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
    'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
    'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
    'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml ' +
    // HTMLsymbol
    'fnof Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau ' +
    'Upsilon Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi ' +
    'omicron pi rho sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv bull hellip prime Prime ' +
    'oline frasl weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr ' +
    'forall part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup ' +
    'int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil ' +
    'lfloor rfloor lang rang loz spades clubs hearts diams ' +
    // HTMLspecial
    'quot amp lt gt OElig oelig Scaron scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash ' +
    'lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger permil lsaquo rsaquo euro'
  ).split(' '),
);

/** HTML 4.01 maps these two to the (deprecated) angle brackets; HTML5 — and so `entities` — does not. */
const HTML401_OVERRIDES: Record<string, string> = { lang: '\u2329', rang: '\u232A' };

/** PHP's `unicode_cp_is_allowed()` for the ENT_HTML401 doctype (ext/standard/html.c). */
function isAllowedHtml401CodePoint(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x0a ||
    cp === 0x09 ||
    cp === 0x0d ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0x10ffff && (cp & 0xffff) < 0xfffe && (cp < 0xfdd0 || cp > 0xfdef))
  );
}

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * PHP's `html_entity_decode( $s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, 'UTF-8' )`: what WPGraphQL's
 * `Model::html_entity_decode()` does when decoding is enabled for a field. Anything that is not a valid
 * HTML 4.01 reference is left exactly as written.
 */
export function phpHtmlEntityDecode(input: string): string {
  if (!input.includes('&')) return input;
  return input.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      if (!HTML401_NAMES.has(name)) return whole;
      return HTML401_OVERRIDES[name] ?? decodeHTMLStrict(whole);
    }
    // PHP parses with strtol (leading zeros are fine) and rejects anything above U+10FFFF.
    const digits = (dec ?? hex ?? '').replace(/^0+(?=.)/, '');
    const cp = digits.length > 8 ? Number.POSITIVE_INFINITY : Number.parseInt(digits, dec !== undefined ? 10 : 16);
    if (!Number.isFinite(cp) || cp > 0x10ffff || !isAllowedHtml401CodePoint(cp)) return whole;
    return String.fromCodePoint(cp);
  });
}
