/**
 * Request-parameter validation as `WP_REST_Request` does it. Two passes, as in WordPress:
 * `has_valid_params()` first runs the explicit `validate_callback`s (page, per_page, search, context, …) in
 * registration order; then `sanitize_params()` runs each sent parameter's `sanitize_callback` — by default
 * `rest_parse_request_arg`, i.e. JSON-schema validation then coercion — in the order the client sent them.
 * Either pass answers 400 `rest_invalid_param` with `params` (messages) and `details` (the underlying errors).
 * Messages are WordPress's (`rest_validate_value_from_schema`), e.g. "per_page must be between 1
 * (inclusive) and 100 (inclusive)".
 */
import type { Viewer } from './auth.ts';
import { WpError } from './errors.ts';
import { isList, type PhpArray, type PhpValue } from './php.ts';

type SchemaType = 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'object';

/** A registered argument: the JSON-schema keywords WordPress uses plus how it is validated/sanitised. */
export interface ArgSchema {
  description?: string;
  title?: string;
  type?: SchemaType | SchemaType[];
  default?: unknown;
  enum?: readonly (string | number)[];
  items?: ArgSchema;
  properties?: Record<string, ArgSchema>;
  additionalProperties?: boolean;
  oneOf?: ArgSchema[];
  minimum?: number;
  maximum?: number;
  format?: 'date-time' | 'email';
  /** `validate_callback => rest_validate_request_arg`: checked in the first pass. */
  validate?: boolean;
  /** An explicit `sanitize_callback`; without one, a typed arg is validated and coerced in the second pass. */
  sanitize?: (value: PhpValue, viewer: Viewer | null, key: string) => unknown;
  required?: boolean;
}

export type Args = Record<string, ArgSchema>;

/** A validation failure before it is wrapped into `rest_invalid_param`. */
class Invalid {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly data: Record<string, unknown> | null = null,
  ) {}
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const isNumeric = (v: unknown): v is string => typeof v === 'string' && NUMERIC.test(v);

/** `wp_parse_list`: a scalar is split on commas and whitespace. */
export function parseList(value: PhpValue | unknown): unknown[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  if (value instanceof Map) return [...value.values()];
  if (Array.isArray(value)) return value;
  return [];
}

const isArrayLike = (v: unknown): boolean => typeof v === 'string' || (v instanceof Map && isList(v)) || Array.isArray(v);
const isObjectLike = (v: unknown): boolean => v === '' || v instanceof Map;

/** `wp_sprintf('%l')`: "a, b, and c" / "a and b". */
function listText(items: readonly (string | number)[]): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join('');
  if (s.length === 2) return `${s[0]} and ${s[1]}`;
  return `${s.slice(0, -1).join(', ')}, and ${s.at(-1)}`;
}

function bestType(value: unknown, types: SchemaType[]): SchemaType | '' {
  if (value === '' && types.includes('string')) return 'string';
  for (const t of types) {
    if (t === 'array' && isArrayLike(value)) return t;
    if (t === 'object' && isObjectLike(value)) return t;
    if (t === 'integer' && isNumeric(value) && Number.isInteger(Number(value))) return t;
    if (t === 'number' && isNumeric(value)) return t;
    if (t === 'boolean' && typeof value === 'string' && ['true', 'false', '0', '1'].includes(value.toLowerCase())) return t;
    if (t === 'string' && typeof value === 'string') return t;
  }
  return '';
}

/** A date `rest_parse_date` accepts: RFC 3339 with optional fraction and offset, and a real calendar date. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // strtotime() rolls over small overflows (Feb 30) but rejects impossible fields.
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi <= 59 && s <= 59 && y >= 1;
}

function oneOf(value: unknown, schema: ArgSchema, param: string): ArgSchema | Invalid {
  const matches: { schema: ArgSchema; index: number }[] = [];
  const errors: { error: Invalid; schema: ArgSchema; index: number }[] = [];
  (schema.oneOf ?? []).forEach((sub0, index) => {
    const sub = sub0.type === undefined && schema.type !== undefined ? { ...sub0, type: schema.type } : sub0;
    const err = validate(value, sub, param);
    if (err) errors.push({ error: err, schema: sub, index });
    else matches.push({ schema: sub, index });
  });
  const format = (e: { error: Invalid; schema: ArgSchema; index: number }) =>
    e.schema.title
      ? new Invalid('rest_no_matching_schema', `${param} is not a valid ${e.schema.title}. Reason: ${e.error.message}`, {
          position: e.index,
        })
      : new Invalid('rest_no_matching_schema', `${param} does not match the expected format. Reason: ${e.error.message}`, {
          position: e.index,
        });
  if (matches.length === 1) return (matches[0] as { schema: ArgSchema }).schema;
  if (matches.length > 1) {
    const titles = matches.map((m) => m.schema.title);
    return titles.every((t) => t)
      ? new Invalid('rest_one_of_multiple_matches', `${param} matches ${listText(titles as string[])}, but should match only one.`, {
          positions: matches.map((m) => m.index),
        })
      : new Invalid('rest_one_of_multiple_matches', `${param} matches more than one of the expected formats.`, {
          positions: matches.map((m) => m.index),
        });
  }
  if (errors.length === 1) return format(errors[0] as (typeof errors)[number]);
  const filtered = errors.filter(
    (e) => e.error.code !== 'rest_invalid_type' || (e.error.data?.param !== undefined && e.error.data.param !== param),
  );
  if (filtered.length === 1) return format(filtered[0] as (typeof errors)[number]);
  const titles = errors.map((e) => e.schema.title);
  if (titles.every((t) => t)) return new Invalid('rest_no_matching_schema', `${param} is not a valid ${listText(titles as string[])}.`);
  return new Invalid('rest_no_matching_schema', `${param} does not match any of the expected formats.`);
}

function bounds(n: number, schema: ArgSchema, param: string): Invalid | null {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) {
    if (n < min || n > max)
      return new Invalid(
        'rest_out_of_bounds',
        `${param} must be between ${Math.trunc(min)} (inclusive) and ${Math.trunc(max)} (inclusive)`,
      );
  } else if (min !== undefined && n < min) {
    return new Invalid('rest_out_of_bounds', `${param} must be greater than or equal to ${Math.trunc(min)}`);
  } else if (max !== undefined && n > max) {
    return new Invalid('rest_out_of_bounds', `${param} must be less than or equal to ${Math.trunc(max)}`);
  }
  return null;
}

/** `rest_validate_value_from_schema`. */
function validate(value: unknown, schema0: ArgSchema, param: string): Invalid | null {
  let schema = schema0;
  if (schema.oneOf) {
    const match = oneOf(value, schema, param);
    if (match instanceof Invalid) return match;
    if (schema.type === undefined || Array.isArray(schema.type)) schema = { ...schema, type: match.type };
  }
  let type = schema.type;
  if (Array.isArray(type)) {
    const best = bestType(value, type);
    if (!best) return new Invalid('rest_invalid_type', `${param} is not of type ${type.join(',')}.`, { param });
    type = best;
  }
  switch (type) {
    case 'integer':
    case 'number': {
      if (!isNumeric(value)) return new Invalid('rest_invalid_type', `${param} is not of type ${type}.`, { param });
      const n = Number(value);
      const out = bounds(n, schema, param);
      if (out) return out;
      if (type === 'integer' && Math.round(n) !== n) return new Invalid('rest_invalid_type', `${param} is not of type integer.`, { param });
      break;
    }
    case 'boolean':
      if (!(typeof value === 'string' && ['true', 'false', '0', '1'].includes(value.toLowerCase()))) {
        return new Invalid('rest_invalid_type', `${param} is not of type boolean.`, { param });
      }
      break;
    case 'string':
      if (typeof value !== 'string') return new Invalid('rest_invalid_type', `${param} is not of type string.`, { param });
      break;
    case 'array': {
      if (!isArrayLike(value)) return new Invalid('rest_invalid_type', `${param} is not of type array.`, { param });
      if (schema.items) {
        const items = parseList(value);
        for (let i = 0; i < items.length; i++) {
          const err = validate(items[i], schema.items, `${param}[${i}]`);
          if (err) return err;
        }
      }
      break;
    }
    case 'object': {
      if (!isObjectLike(value)) return new Invalid('rest_invalid_type', `${param} is not of type object.`, { param });
      if (value instanceof Map) {
        for (const [k, v] of value) {
          const prop = schema.properties?.[k];
          if (prop) {
            const err = validate(v, prop, `${param}[${k}]`);
            if (err) return err;
          } else if (schema.additionalProperties === false) {
            return new Invalid('rest_additional_properties_forbidden', `${k} is not a valid property of Object.`);
          }
        }
      }
      break;
    }
    default:
      break;
  }
  if (schema.enum && schema.enum.length > 0) {
    const v = sanitize(value, { ...schema, enum: undefined });
    if (!schema.enum.some((e) => e === v)) {
      return schema.enum.length === 1
        ? new Invalid('rest_not_in_enum', `${param} is not ${schema.enum[0]}.`)
        : new Invalid('rest_not_in_enum', `${param} is not one of ${listText(schema.enum)}.`);
    }
  }
  if (schema.format === 'date-time' && typeof value === 'string' && !isValidDate(value)) {
    return new Invalid('rest_invalid_date', 'Invalid date.');
  }
  if (schema.format === 'email' && typeof value === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    return new Invalid('rest_invalid_email', 'Invalid email address.');
  }
  return null;
}

/** PHP's `(int)` on a numeric string, kept within JavaScript's safe integers. */
export function toInt(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseFloat(String(value).trim());
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 0 : n > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Math.trunc(n)));
}

/** `rest_sanitize_value_from_schema`: coerces a validated value to its schema's type. */
function sanitize(value: unknown, schema: ArgSchema): unknown {
  let s = schema;
  if (s.oneOf) {
    const match = oneOf(value, s, '');
    if (!(match instanceof Invalid)) s = { ...s, ...match, oneOf: undefined };
  }
  let type = s.type;
  if (Array.isArray(type)) type = bestType(value, type) || undefined;
  switch (type) {
    case 'integer':
      return toInt(value);
    case 'number':
      return Number(value);
    case 'boolean':
      return typeof value === 'string' ? !['false', '0', ''].includes(value.toLowerCase()) : Boolean(value);
    case 'array':
      return parseList(value).map((v) => (s.items ? sanitize(v, s.items) : v));
    case 'object': {
      const out: Record<string, unknown> = {};
      if (value instanceof Map) {
        for (const [k, v] of value) {
          const prop = s.properties?.[k];
          if (prop) out[k] = sanitize(v, prop);
          else if (s.additionalProperties !== false) out[k] = v;
        }
      }
      return out;
    }
    default:
      return value;
  }
}

/** `absint`. */
export const absint = (value: PhpValue): number => Math.abs(toInt(typeof value === 'string' ? value : 0));

/** `sanitize_key`. */
export const sanitizeKey = (value: PhpValue): string => (typeof value === 'string' ? value.toLowerCase().replace(/[^a-z0-9_-]/g, '') : '');

/** `sanitize_text_field`: no tags, no octets, no line breaks, single spaces, trimmed. */
export const sanitizeTextField = (value: PhpValue): string =>
  typeof value === 'string'
    ? value
        .replace(/<[^>]*>?/g, '')
        .replace(/%[a-f0-9]{2}/gi, '')
        .replace(/[\r\n\t ]+/g, ' ')
        .trim()
    : '';

function invalidParams(errors: [string, Invalid][]): WpError {
  return new WpError('rest_invalid_param', `Invalid parameter(s): ${errors.map(([k]) => k).join(', ')}`, {
    status: 400,
    params: Object.fromEntries(errors.map(([k, e]) => [k, e.message])),
    details: Object.fromEntries(errors.map(([k, e]) => [k, { code: e.code, message: e.message, data: e.data }])),
  });
}

/** The parameters a handler reads: defaults, then the sanitised values of what the client sent. */
export type Params = Map<string, unknown>;

/**
 * Validates and sanitises a request's query against a route's args, as `has_valid_params()` then
 * `sanitize_params()` do. Returns the values (defaults filled in) or the `rest_invalid_param` error.
 */
export function checkParams(args: Args, query: PhpArray, viewer: Viewer | null): Params | WpError {
  const first: [string, Invalid][] = [];
  for (const [key, arg] of Object.entries(args)) {
    const value = query.get(key);
    if (value === undefined || !arg.validate) continue;
    const err = validate(value, arg, key);
    if (err) first.push([key, err]);
  }
  if (first.length > 0) return invalidParams(first);
  const params: Params = new Map();
  for (const [key, arg] of Object.entries(args)) if (arg.default !== undefined) params.set(key, arg.default);
  const second: [string, Invalid][] = [];
  for (const [key, value] of query) {
    const arg = args[key];
    if (!arg) {
      // Unregistered parameters still reach handlers through $request[...] (e.g. `password` on collections).
      params.set(key, value);
      continue;
    }
    if (arg.sanitize) {
      const out = arg.sanitize(value, viewer, key);
      if (out instanceof WpError) second.push([key, new Invalid(out.code, out.message, out.data)]);
      else params.set(key, out);
      continue;
    }
    if (!arg.type && !arg.oneOf) {
      params.set(key, value);
      continue;
    }
    const err = validate(value, arg, key);
    if (err) second.push([key, err]);
    else params.set(key, sanitize(value, arg));
  }
  if (second.length > 0) return invalidParams(second);
  return params;
}

/** Validates one value against a schema (used by `sanitize_post_statuses` for signed-in users). */
export function validateOne(value: unknown, schema: ArgSchema, param: string): WpError | null {
  const err = validate(value, schema, param);
  return err ? new WpError(err.code, err.message, err.data) : null;
}

/** The arg definitions as the REST index shows them (`get_data_for_route`): schema keywords + `required`. */
export function describeArgs(args: Args): Record<string, unknown> {
  const keep = [
    'title',
    'description',
    'default',
    'type',
    'format',
    'enum',
    'items',
    'properties',
    'additionalProperties',
    'minimum',
    'maximum',
    'oneOf',
  ];
  const strip = (schema: ArgSchema): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(schema)
        .filter(([k, v]) => keep.includes(k) && v !== undefined)
        .map(([k, v]) => [
          k,
          k === 'items'
            ? strip(v as ArgSchema)
            : k === 'oneOf'
              ? (v as ArgSchema[]).map(strip)
              : k === 'properties'
                ? Object.fromEntries(Object.entries(v as Args).map(([pk, pv]) => [pk, strip(pv)]))
                : v,
        ]),
    );
  return Object.fromEntries(Object.entries(args).map(([k, a]) => [k, { ...strip(a), required: a.required === true }]));
}
