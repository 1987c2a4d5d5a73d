import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitDecision } from '../../src/plugins/use-execution-jit.ts';

const schema = buildSchema(`
  enum Order { ASC DESC }
  type Query { posts(first: Int, order: Order): [String] }
`);

describe('graphql-jit from second sight', () => {
  it('graphql-js runs a document first, graphql-jit from its second execution on', () => {
    const decide = jitDecision();
    const document = parse('query ($n: Int) { posts(first: $n) }');
    expect(decide({ document, schema, variableValues: { n: 1 } })).toBe(false);
    expect(decide({ document, schema, variableValues: { n: 2 } })).toBe(true);
    expect(decide({ document, schema, variableValues: { n: 3 } })).toBe(true);
    // Another document (another object) starts over.
    expect(decide({ document: parse('query ($n: Int) { posts(first: $n) }'), schema, variableValues: { n: 1 } })).toBe(false);
  });

  it('variables graphql-js would refuse are left to graphql-js, so its messages are what a client sees', () => {
    const decide = jitDecision();
    const document = parse('query Q($n: Int, $o: Order!) { posts(first: $n, order: $o) }');
    decide({ document, schema, variableValues: { n: 1, o: 'ASC' }, operationName: 'Q' });
    expect(decide({ document, schema, variableValues: { n: 'abc', o: 'ASC' }, operationName: 'Q' })).toBe(false);
    expect(decide({ document, schema, variableValues: { n: 1, o: 'NOPE' }, operationName: 'Q' })).toBe(false);
    expect(decide({ document, schema, variableValues: { n: 1 }, operationName: 'Q' })).toBe(false);
    expect(decide({ document, schema, variableValues: { n: 1, o: 'DESC' }, operationName: 'Q' })).toBe(true);
  });

  it('a document whose operation cannot be told (several, no name) is left to graphql-js', () => {
    const decide = jitDecision();
    const document = parse('query A { posts } query B { posts }');
    decide({ document, schema });
    expect(decide({ document, schema })).toBe(false);
    expect(decide({ document, schema, operationName: 'B' })).toBe(true);
  });

  it("an omitted non-null variable with a default (Faust.js's `$id: ID! = 0`) is left to graphql-js, which fills the default", () => {
    const decide = jitDecision();
    const document = parse('query Q($n: Int! = 10) { posts(first: $n) }');
    decide({ document, schema, variableValues: {} });
    expect(decide({ document, schema, variableValues: {} })).toBe(false);
    expect(decide({ document, schema, variableValues: { n: 5 } })).toBe(true);
  });
});
