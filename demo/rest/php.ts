/**
 * The PHP behaviours WordPress's REST API inherits and clients can observe: how a query string becomes
 * `$_GET` (`parse_str`: `a[]=1&a[]=2`, `a[b]=c`, lenient `%` decoding, last value wins), how Link headers are
 * rebuilt (`add_query_arg` + `urlencode_deep` + `build_query`) and how `json_encode` escapes (`\/`, `\uXXXX`).
 * Hand-written: Node's URLSearchParams knows neither bracket arrays nor PHP's escaping, and `qs`-style
 * libraries differ from PHP on the details clients see.
 */

/** A PHP array as `parse_str` builds it: ordered, string keys (numeric ones as their decimal form). */
export type PhpArray = Map<string, PhpValue>;
export type PhpValue = string | PhpArray;

const nextIndex = new WeakMap<PhpArray, number>();

function append(arr: PhpArray, key: string | null, value: PhpValue): void {
  let k = key;
  if (k === null) {
    k = String(nextIndex.get(arr) ?? 0);
  }
  arr.set(k, value);
  if (/^(0|-?[1-9]\d*)$/.test(k)) {
    const n = Number(k);
    if (n >= (nextIndex.get(arr) ?? 0)) nextIndex.set(arr, n + 1);
  }
}

/** PHP's `urldecode`: `+` is a space, valid `%XX` are bytes, anything else is kept; bytes read as UTF-8. */
export function urldecode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '+') bytes.push(0x20);
    else if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** PHP's `urlencode`: everything but `[A-Za-z0-9_.-]` as `%XX` (uppercase), spaces as `+`. */
export function urlencode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * PHP's `parse_str` (what fills `$_GET`): splits on `&`, decodes leniently, turns `a[]=`/`a[k]=` into nested
 * arrays, mangles `.` and spaces in the top-level name to `_`, and lets a later plain value win.
 */
export function parseStr(query: string): PhpArray {
  const out: PhpArray = new Map();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = urldecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : urldecode(pair.slice(eq + 1));
    const key = rawKey.replace(/^ +/, '');
    if (key === '' || key.startsWith('[')) continue;
    const open = key.indexOf('[');
    const close = open === -1 ? -1 : key.indexOf(']', open);
    if (open === -1 || close === -1) {
      out.set(key.replace(/[ .[]/g, '_'), value);
      continue;
    }
    const base = key.slice(0, open).replace(/[ .]/g, '_');
    const path: (string | null)[] = [];
    let rest = key.slice(open);
    while (rest.startsWith('[')) {
      const end = rest.indexOf(']');
      if (end === -1) break;
      const inner = rest.slice(1, end);
      path.push(inner === '' ? null : inner);
      rest = rest.slice(end + 1);
    }
    let target = out.get(base);
    if (!(target instanceof Map)) {
      target = new Map();
      out.set(base, target);
    }
    let cur: PhpArray = target;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        append(cur, segment, value);
        return;
      }
      const existing = segment === null ? undefined : cur.get(segment);
      if (existing instanceof Map) {
        cur = existing;
        return;
      }
      const child: PhpArray = new Map();
      append(cur, segment, child);
      cur = child;
    });
  }
  return out;
}

/** Whether every key is numeric (`wp_is_numeric_array`), i.e. the value is a list. */
export function isList(arr: PhpArray): boolean {
  for (const k of arr.keys()) if (!/^(0|-?[1-9]\d*)$/.test(k)) return false;
  return true;
}

/** Flattens a parsed parameter for the request log: nested arrays as comma lists. */
export function flatten(value: PhpValue): string {
  return typeof value === 'string' ? value : [...value.values()].map(flatten).join(',');
}

/**
 * `urlencode_deep` over a request parameter as WordPress holds it after `sanitize_params()`: strings as sent,
 * numbers, booleans (`true` → `1`, `false` → empty), `null` (empty), lists (numeric keys) and objects/`parse_str`
 * arrays (their keys). Returns the PHP array or string `build_query` then reads.
 */
export function urlencodeDeep(value: unknown): PhpValue {
  if (value instanceof Map) return new Map([...value].map(([k, v]): [string, PhpValue] => [String(k), urlencodeDeep(v)]));
  if (Array.isArray(value)) {
    const out: PhpArray = new Map();
    value.forEach((v, i) => {
      out.set(String(i), urlencodeDeep(v));
    });
    return out;
  }
  if (value !== null && typeof value === 'object')
    return new Map(Object.entries(value).map(([k, v]): [string, PhpValue] => [k, urlencodeDeep(v)]));
  return urlencode(phpString(value));
}

/** PHP's string conversion of a scalar: `true` → `1`, `false`/`null` → empty. */
function phpString(value: unknown): string {
  if (value === true) return '1';
  if (value === false || value === null || value === undefined) return '';
  return String(value);
}

/** `_http_build_query( $data, null, '&', $key, false )`: nested keys as `a%5Bb%5D`, nothing encoded again. */
function httpBuildQuery(data: PhpArray, key = ''): string {
  const parts: string[] = [];
  for (const [k0, v] of data) {
    // PHP's empty() is also true for the string '0'.
    const k = key !== '' && key !== '0' ? `${key}%5B${k0}%5D` : k0;
    parts.push(typeof v === 'string' ? `${k}=${v}` : httpBuildQuery(v, k));
  }
  return parts.join('&');
}

/**
 * WordPress's `add_query_arg( $args, $url )`: the URL's own query is parsed (`wp_parse_str`) and
 * re-encoded (`urlencode_deep`), `args` are set over it (an existing key keeps its place, new keys are
 * appended; values are used as given — already encoded by the caller, as WordPress's callers do), then
 * `build_query` without encoding, and `key=` with nothing after it shortened to `key`.
 */
export function addQueryArg(args: PhpArray, url: string): string {
  const hash = url.indexOf('#');
  const frag = hash === -1 ? '' : url.slice(hash);
  const uri = hash === -1 ? url : url.slice(0, hash);
  const q = uri.indexOf('?');
  const base = q === -1 ? `${uri}?` : uri.slice(0, q + 1);
  const qs = urlencodeDeep(parseStr(q === -1 ? '' : uri.slice(q + 1))) as PhpArray;
  for (const [k, v] of args) qs.set(k, v);
  const query = httpBuildQuery(qs)
    .replace(/^\?+|\?+$/g, '')
    .replace(/=(&|$)/g, '$1');
  return `${base}${query}${frag}`.replace(/\?+$/, '').replaceAll('?#', '#');
}

/**
 * The URL of another page of a collection, as every `get_items()` builds it:
 * `$base = add_query_arg( urlencode_deep( $request->get_query_params() ), rest_url( … ) )`, then
 * `add_query_arg( 'page', $n, $base )`. `queryParams` are the request's query parameters after
 * `sanitize_params()` (registered ones replaced by their sanitised values: `hide_empty=false` → bare
 * `hide_empty`, `tags[terms]=16,19` → `tags[terms][0]=16&tags[terms][1]=19`), in the order sent — `rest_route`
 * included when the request came as `?rest_route=`.
 */
export function collectionPageUrl(collectionUrl: string, queryParams: ReadonlyMap<string, unknown>, page: number): string {
  const base = addQueryArg(urlencodeDeep(new Map(queryParams)) as PhpArray, collectionUrl);
  return addQueryArg(new Map([['page', String(page)]]), base);
}

/**
 * `json_encode` with WordPress's flags (none): `/` escaped as `\/`, non-ASCII as `\uXXXX` (UTF-16, lowercase
 * hex). `pretty` mirrors `_pretty` (`JSON_PRETTY_PRINT`, four spaces).
 */
export function phpJsonEncode(value: unknown, pretty = false): string {
  return JSON.stringify(value, null, pretty ? 4 : undefined)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => (c === '\u007f' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
