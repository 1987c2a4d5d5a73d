import { describe, expect, it } from 'vitest';
import { phpHtmlEntityDecode } from '../../src/models/html.ts';

// Expected values are what PHP 8 prints for html_entity_decode( $s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, 'UTF-8' ).
describe('phpHtmlEntityDecode (WPGraphQL Model::html_entity_decode)', () => {
  it('decodes the numeric and named entities wptexturize and esc_html produce', () => {
    expect(phpHtmlEntityDecode('Q&amp;A: What&#8217;s &#8220;new&#8221; &#8211; 2025&hellip;')).toBe(
      'Q&A: What\u2019s \u201Cnew\u201D \u2013 2025\u2026',
    );
    expect(phpHtmlEntityDecode('It&#039;s &quot;quoted&quot; &lt;b&gt;')).toBe('It\'s "quoted" <b>');
    expect(phpHtmlEntityDecode('&#x2019; &#X2019; &#0039;')).toBe("\u2019 \u2019 '");
  });

  it('leaves what HTML 4.01 does not define', () => {
    // &apos; is XML/HTML5 only; HTML5-only names; no semicolon.
    expect(phpHtmlEntityDecode('&apos; &NewLine; &hellip &amp')).toBe('&apos; &NewLine; &hellip &amp');
    // Code points HTML 4.01 forbids stay as written (an HTML5 decoder maps &#128; to €).
    expect(phpHtmlEntityDecode('&#128; &#0; &#xD800; &#xFFFE; &#x110000;')).toBe('&#128; &#0; &#xD800; &#xFFFE; &#x110000;');
  });

  it('uses the HTML 4 code points for lang/rang', () => {
    expect(phpHtmlEntityDecode('&lang;x&rang;')).toBe('\u2329x\u232A');
  });

  it('does not decode twice', () => {
    expect(phpHtmlEntityDecode('&amp;amp;')).toBe('&amp;');
  });
});
