import { readFileSync } from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printGatewaySchema, schema } from '../../src/schema/index.ts';
import { reference } from '../../src/schema/wpgraphql-reference.ts';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run print-schema` after changing types)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printGatewaySchema()).toBe(committed);
  });
});

/** Types and fields of ours that WPGraphQL does not have: our extensions, on purpose. */
const OURS = new Set(['OffsetPagination', 'OffsetPaginationPageInfo', 'CommentAuthor']);
const OUR_FIELDS = new Set(['total', 'offsetPagination']);

describe('WPGraphQL compatibility', () => {
  it('every type, field and argument we serve exists in WPGraphQL 2.20 with the same type', () => {
    const differences: string[] = [];
    for (const [name, type] of Object.entries(schema.getTypeMap())) {
      if (name.startsWith('__') || OURS.has(name)) continue;
      const theirs = reference.getType(name);
      if (!theirs) {
        differences.push(`type ${name} is not WPGraphQL's`);
        continue;
      }
      if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
        const theirFields = theirs.getFields();
        for (const field of Object.values(type.getFields())) {
          const their = theirFields[field.name];
          if (!their) {
            if (!OUR_FIELDS.has(field.name)) differences.push(`${name}.${field.name} is not WPGraphQL's`);
            continue;
          }
          if (String(their.type) !== String(field.type))
            differences.push(`${name}.${field.name}: ${String(field.type)} ≠ ${String(their.type)}`);
          for (const arg of field.args) {
            const theirArg = their.args.find((a) => a.name === arg.name);
            if (!theirArg) differences.push(`${name}.${field.name}(${arg.name}) is not WPGraphQL's`);
            else if (String(theirArg.type) !== String(arg.type))
              differences.push(`${name}.${field.name}(${arg.name}): ${String(arg.type)} ≠ ${String(theirArg.type)}`);
          }
        }
        const ours = type
          .getInterfaces()
          .map((i) => i.name)
          .sort();
        const their = theirs
          .getInterfaces()
          .map((i) => i.name)
          .sort();
        expect(ours, `interfaces of ${name}`).toEqual(their);
      }
      if (isInputObjectType(type) && isInputObjectType(theirs)) {
        for (const field of Object.values(type.getFields())) {
          const their = theirs.getFields()[field.name];
          if (!their) {
            if (field.name !== 'offsetPagination') differences.push(`${name}.${field.name} is not WPGraphQL's`);
          } else if (String(their.type) !== String(field.type))
            differences.push(`${name}.${field.name}: ${String(field.type)} ≠ ${String(their.type)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('serves the root fields the issue names', () => {
    const root = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(root).toEqual(
      expect.arrayContaining([
        'node',
        'nodeByUri',
        'post',
        'posts',
        'page',
        'pages',
        'category',
        'categories',
        'tag',
        'tags',
        'user',
        'users',
        'mediaItem',
        'mediaItems',
        'comment',
        'comments',
        'contentNode',
        'contentNodes',
        'viewer',
        'generalSettings',
      ]),
    );
    expect(schema.getQueryType()!.name).toBe('RootQuery');
  });
});
