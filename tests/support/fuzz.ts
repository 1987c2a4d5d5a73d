/**
 * Seeded GraphQL documents and variables generated from the schema with graphql-js's type system: valid
 * selections with valid arguments, the same with wrong arguments (wrong types, out-of-range numbers, unknown enum
 * values, bad ids, nulls where values are required, unknown input fields), as literals or as variables, and a
 * share of documents broken at the syntax level. Equal seeds give equal cases.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from './prng.ts';

export interface FuzzCase {
  kind: 'valid' | 'invalid' | 'broken';
  query: string;
  variables?: Record<string, unknown>;
}

/** Ids the generator puts in `ID` arguments, so valid cases find real records. */
export interface FuzzIds {
  databaseIds: readonly number[];
  globalIds: readonly string[];
  slugs: readonly string[];
  uris: readonly string[];
}

/** A value the printer writes as an enum literal (bare name) rather than a string. */
class EnumLiteral {
  constructor(readonly name: string) {}
}

const STRINGS = [
  '',
  'a',
  'hello world',
  'WordPress',
  'café ☕',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  'x'.repeat(300),
  '2024-13-45',
  '🙂'.repeat(20),
];
const BAD_IDS = [
  '',
  '0',
  '-1',
  'abc',
  'cG9zdDo=',
  'cG9zdDphYmM=',
  Buffer.from('post:-5').toString('base64'),
  Buffer.from('term:99999999').toString('base64'),
  Buffer.from('nonsense:1').toString('base64'),
  '9'.repeat(40),
  '//evil',
  'http://169.254.169.254/',
];
const BAD_INTS = [-1, -2147483648, 101, 1000, 2147483647, 2 ** 40, 1.5];

function print(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return `[${value.map(print).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${print(v)}`)
      .join(', ')} }`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Enum literals become plain strings in variables. */
function toVariable(value: unknown): unknown {
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return value.map(toVariable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toVariable(v)]));
  return value;
}

export class FuzzGenerator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
    private readonly ids: FuzzIds,
  ) {}

  /** One case: a root field with arguments and a selection, perhaps broken. */
  next(): FuzzCase {
    const r = this.random;
    const roll = r.next();
    const kind: FuzzCase['kind'] = roll < 0.6 ? 'valid' : roll < 0.9 ? 'invalid' : 'broken';
    const useVariables = r.chance(0.4);
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const root = this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const selections: string[] = [];
    const count = 1 + r.int(2);
    for (let i = 0; i < count; i += 1) {
      const field = r.pick(fields);
      const alias = count > 1 ? `f${i}: ` : '';
      selections.push(
        `${alias}${field.name}${this.args(field, kind === 'invalid', useVariables, declarations, variables)}${this.selectionOf(field.type, 0)}`,
      );
    }
    const header = declarations.length ? `query Fuzz(${declarations.join(', ')}) ` : '';
    let query = `${header}{ ${selections.join(' ')} }`;
    if (kind === 'broken') query = this.breakSyntax(query);
    return { kind, query, ...(declarations.length ? { variables } : {}) };
  }

  private breakSyntax(query: string): string {
    const r = this.random;
    switch (r.int(4)) {
      case 0:
        return query.slice(0, Math.max(1, r.int(query.length)));
      case 1:
        return `${query.slice(0, r.int(query.length))}${r.pick(['}', '{', '(', '$', '"', '...', '@', '#', '!!'])}${query.slice(r.int(query.length))}`;
      case 2:
        return query.replace(/\{/g, r.chance(0.5) ? '(' : '[');
      default:
        return `${query} ${r.pick(['query', 'fragment F on', 'mutation { x }', 'subscription { y }', '}'])}`;
    }
  }

  private args(
    field: GraphQLField<unknown, unknown>,
    invalid: boolean,
    useVariables: boolean,
    declarations: string[],
    variables: Record<string, unknown>,
  ): string {
    const r = this.random;
    const given: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !r.chance(0.35)) continue;
      const bad = invalid && r.chance(0.5);
      const value = bad ? this.invalidValue(arg.type, arg) : this.validValue(arg.type, arg.name, 0);
      if (useVariables) {
        const name = `v${declarations.length}`;
        declarations.push(`$${name}: ${String(arg.type)}`);
        variables[name] = toVariable(value);
        given.push(`${arg.name}: $${name}`);
      } else {
        given.push(`${arg.name}: ${print(value)}`);
      }
    }
    if (invalid && r.chance(0.15)) given.push(`${r.pick(['nope', 'first', 'where'])}: ${r.pick(['1', '"x"', '{ a: 1 }'])}`);
    return given.length ? `(${given.join(', ')})` : '';
  }

  private validValue(type: GraphQLInputType, name: string, depth: number): unknown {
    const r = this.random;
    const nullable = getNullableType(type) as GraphQLInputType;
    if (!isNonNullType(type) && r.chance(0.05)) return null;
    if (isListType(nullable))
      return Array.from({ length: r.int(3) }, () => this.validValue(nullable.ofType as GraphQLInputType, name, depth + 1));
    if (isEnumType(nullable)) return new EnumLiteral(r.pick(nullable.getValues()).name);
    if (isInputObjectType(nullable)) {
      const object: Record<string, unknown> = {};
      if (depth > 2) return object;
      for (const f of Object.values(nullable.getFields())) {
        if (isNonNullType(f.type) || r.chance(0.25)) object[f.name] = this.validValue(f.type, f.name, depth + 1);
      }
      return object;
    }
    if (isScalarType(nullable)) {
      switch (nullable.name) {
        case 'Int':
          if (/^(first|last|size)$/.test(name)) return r.int(21);
          if (name === 'year') return 2020 + r.int(6);
          if (name === 'month') return 1 + r.int(12);
          if (name === 'day') return 1 + r.int(28);
          return r.pick([0, 1, 2, 5, 10, ...this.ids.databaseIds.slice(0, 5)]);
        case 'Float':
          return r.pick([0, 1.5, 100]);
        case 'Boolean':
          return r.chance(0.5);
        case 'ID':
          return r.chance(0.5) ? String(r.pick(this.ids.databaseIds)) : r.pick(this.ids.globalIds);
        default:
          if (name === 'uri') return r.pick(this.ids.uris);
          if (/slug|name/i.test(name)) return r.pick(this.ids.slugs);
          return r.pick(STRINGS.slice(0, 5));
      }
    }
    return null;
  }

  private invalidValue(type: GraphQLInputType, arg: GraphQLArgument): unknown {
    const r = this.random;
    const named = getNamedType(type);
    switch (r.int(6)) {
      case 0:
        return null;
      case 1:
        return r.pick(BAD_INTS);
      case 2:
        return r.pick([...STRINGS, ...BAD_IDS]);
      case 3:
        return isEnumType(named) ? new EnumLiteral('NOT_A_VALUE') : r.pick(BAD_IDS);
      case 4:
        return { unknownField: 1, ...(isInputObjectType(named) ? (this.validValue(named, arg.name, 0) as object) : {}) };
      default: {
        // A valid shape with one bad leaf inside: an input object whose Int fields are out of range.
        if (isInputObjectType(named)) {
          // validValue answers null for a nullable input now and then (5%): start from an empty object then.
          const object = (this.validValue(named, arg.name, 0) ?? {}) as Record<string, unknown>;
          for (const f of Object.values(named.getFields())) {
            const leaf = getNamedType(f.type);
            if (isScalarType(leaf) && leaf.name === 'Int') object[f.name] = r.pick(BAD_INTS);
            else if (isInputObjectType(leaf) && r.chance(0.3))
              object[f.name] = { year: r.pick([0, -1, 10000]), month: r.pick([0, 13]), day: r.pick([0, 32]) };
          }
          return object;
        }
        return r.pick(BAD_INTS);
      }
    }
  }

  /** A selection set for an output type, at most four levels below the root field. */
  private selectionOf(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    return ` { ${this.selectionsOn(named, depth + 1).join(' ')} }`;
  }

  private selectionsOn(type: GraphQLNamedType, depth: number): string[] {
    const r = this.random;
    const out: string[] = [];
    if (isUnionType(type)) {
      out.push('__typename');
      for (const member of r.shuffle(type.getTypes()).slice(0, 2))
        out.push(`... on ${member.name} { ${this.selectionsOn(member, depth).join(' ')} }`);
      return out;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return ['__typename'];
    const all = Object.values(type.getFields());
    const leaves = all.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
    const composite = all.filter((f) => !isLeafType(getNamedType(f.type)));
    out.push(leaves.length ? r.pick(leaves).name : '__typename');
    for (let i = 0, n = r.int(3); i < n; i += 1) {
      const leaf = r.pick(leaves.length ? leaves : all);
      if (isLeafType(getNamedType(leaf.type))) out.push(leaf.name);
    }
    if (depth < 4 && composite.length) {
      for (let i = 0, n = 1 + r.int(2); i < n; i += 1) {
        const field = r.pick(composite);
        const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${print(this.validValue(a.type, a.name, 0))}`);
        // Nested lists get small pages, so valid cases stay cheap enough to run thousands of them.
        const page = field.args.some((a) => a.name === 'first') && r.chance(0.85) ? [`first: ${1 + r.int(3)}`] : [];
        const all = [...args, ...page];
        out.push(`${field.name}${all.length ? `(${all.join(', ')})` : ''}${this.selectionOf(field.type, depth)}`);
      }
    }
    if (isInterfaceType(type) && r.chance(0.3)) {
      const member = r.pick(this.schema.getPossibleTypes(type));
      out.push(`... on ${member.name} { ${this.selectionsOn(member, depth).join(' ')} }`);
    }
    return [...new Set(out)];
  }
}
