/**
 * The handful of PHP built-ins whose exact behaviour WPGraphQL's output depends on. WPGraphQL writes
 * `! empty( $x ) ? $x : null` everywhere, and PHP's `empty()` is true for `''` and `'0'` too; it builds `uri`
 * with `str_ireplace()` (every occurrence, case-insensitive, not just a prefix) and `link`/`slug` with
 * `urldecode()` (which also turns `+` into a space). Re-implemented here so each model reads like its PHP.
 */

/** PHP `empty()`: `null`, `undefined`, `false`, `0`, `0.0`, `''`, `'0'`, `[]` and `{}`-like empty arrays. */
export function phpEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '' || value === '0') {
    return true;
  }
  if (Array.isArray(value)) return value.length === 0;
  // A PHP associative array decoded from JSON arrives as an object; `stdClass {}` from REST means "empty".
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** `! empty( $s ) ? $s : null` for a string field. */
export function nonEmptyString(value: string | null | undefined): string | null {
  return phpEmpty(value) ? null : (value as string);
}

/** `! empty( $n ) ? absint( $n ) : null` for an id field (`0` → `null`). */
export function nonEmptyId(value: number | null | undefined): number | null {
  return typeof value === 'number' && value !== 0 ? Math.abs(Math.trunc(value)) : null;
}

/**
 * PHP `urldecode()`: `+` becomes a space, `%XX` becomes that byte, malformed `%` sequences stay. Works on
 * bytes, then reads them as UTF-8 (invalid sequences become U+FFFD, which is what the JSON encoder of a
 * PHP response would have to emit as well).
 */
export function phpUrldecode(input: string): string {
  if (!input.includes('%') && !input.includes('+')) return input;
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === '+') {
      bytes.push(0x20);
    } else if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(input.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(input.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = input.codePointAt(i) as number;
      const s = String.fromCodePoint(cp);
      bytes.push(...utf8.encode(s));
      i += s.length - 1;
    }
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

/** PHP `str_ireplace( $search, '', $subject )`: removes every ASCII-case-insensitive occurrence. */
export function phpStrIreplaceEmpty(search: string, subject: string): string {
  if (search === '') return subject;
  const escaped = search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return subject.replace(new RegExp(escaped, 'gi'), '');
}

/** PHP `basename()` for URLs and upload paths (no suffix argument). */
export function phpBasename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}

/** PHP `dirname()`: `'a.jpg'` → `'.'`, `'/a.jpg'` → `'/'`, `'x/y/a.jpg'` → `'x/y'`. */
export function phpDirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  return trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
}

/** WordPress `path_join( $base, $path )`: an absolute `$path` wins, otherwise joined with one slash. */
export function wpPathJoin(base: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/** WordPress `wp_make_link_relative()`: `preg_replace( '|^(https?:)?//[^/]+(/?.*)|i', '$2', $link )`. */
export function wpMakeLinkRelative(link: string): string {
  return link.replace(/^(https?:)?\/\/[^/]+(\/?.*)$/is, '$2');
}
