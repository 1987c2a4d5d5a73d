import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, getVariableValues, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';

/**
 * Executes a document with graphql-jit (compiled once, then run as plain JavaScript) from its second sight on;
 * graphql-js executes the first. A front end sends a handful of documents again and again with new variables
 * (a post page by slug), so the compiled form pays for itself; a stream of never-seen documents would pay the
 * compilation each time (measured: −58 % throughput when every document was compiled on first sight).
 * Measured side by side (two gateway processes over the demo site, post pages by slug and home pages by turns at
 * concurrency 16, response cache off, CPU time from /proc): 2.85 → 2.42 ms of gateway CPU per request (−15 %),
 * the same answers.
 *
 * Requests whose variables graphql-js would refuse are left to graphql-js, so a client always gets its messages
 * ("Value "NOPE" does not exist in "…" enum.", with locations), not graphql-jit's shorter ones.
 */
export function useExecutionJit(): Plugin<GatewayContext> {
  return useGraphQlJit({}, { enableIf: jitDecision() }) as Plugin<GatewayContext>;
}

/** What decides, per execution, whether graphql-jit runs it (exported for tests). */
export function jitDecision(): (args: {
  document: DocumentNode;
  schema: GraphQLSchema;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}) => boolean {
  // By document object: Yoga's parse cache hands the same DocumentNode for the same text.
  const seen = new WeakSet<DocumentNode>();
  return ({ document, schema, variableValues, operationName }) => {
    if (!seen.has(document)) {
      seen.add(document);
      return false;
    }
    return variablesAccepted(schema, document, operationName, variableValues);
  };
}

function variablesAccepted(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return false;
  // graphql-jit refuses an omitted non-null variable that has a default (`$id: ID! = 0`, as Faust.js's seed
  // query declares), which graphql-js accepts and fills with the default: leave such requests to graphql-js.
  const omittedWithDefault = (operation.variableDefinitions ?? []).some(
    (v) => v.type.kind === Kind.NON_NULL_TYPE && v.defaultValue !== undefined && variables?.[v.variable.name.value] === undefined,
  );
  if (omittedWithDefault) return false;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  return !('errors' in coerced && coerced.errors);
}
