import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import { type OperationCost, operationCost } from './query-cost.ts';

/**
 * The query limits, all checked before anything reaches WordPress, so an abusive query costs the gateway a parse
 * and a walk of the document, and WordPress nothing:
 *
 * | setting       | checked                 | by                                         |
 * |---------------|-------------------------|--------------------------------------------|
 * | `max-tokens`  | while parsing           | graphql-armor max-tokens                   |
 * | `max-depth`   | validation              | graphql-armor max-depth                    |
 * | `max-aliases` | validation              | graphql-armor max-aliases                  |
 * | `max-cost`    | before execution        | graphql-query-complexity + ./query-cost.ts |
 * | page size     | before execution        | ./query-cost.ts (`first`/`last` ≤ 100)     |
 * | `max-batch`   | when the body is parsed | here (Yoga's own check, after it, says less) |
 *
 * Each rejection names the limit and the value found, with `extensions.code` `QUERY_LIMIT_EXCEEDED` (page sizes:
 * `BAD_USER_INPUT`, as the connection fields themselves report them), `extensions.limit` the setting's name, and
 * HTTP status 400 to GraphQL-over-HTTP clients (413 for a batch; 200 for page sizes, like any argument a field
 * refuses).
 *
 * Cost and page sizes depend on variables, so they are checked per execution, not as validation rules (Yoga
 * caches validation results per document, whatever the variables).
 */
export type QueryLimits = Pick<Config, 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxCost' | 'maxBatch'>;

/**
 * The error every limit rejection gives. Like Yoga's own parse and validation errors it is a GraphQL-over-HTTP
 * "request error" (`spec`): status 400 for clients that accept `application/graphql-response+json`, 200 for
 * legacy `application/json` ones. A refused batch is 413 for everyone, as Yoga answers it.
 */
export function limitExceeded(limit: string, max: number, found: number | undefined, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'QUERY_LIMIT_EXCEEDED',
      limit,
      max,
      ...(found !== undefined ? { found } : {}),
      http: { status, spec: status === 400 },
    },
  });
}

/** Turns graphql-armor's rejection (whose message says "… limit of N exceeded, found M.") into ours. */
function rejectAs(limit: string, max: number, describe: (found: number | undefined) => string) {
  return (_context: unknown, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    const value = found === undefined ? undefined : Number(found);
    throw limitExceeded(limit, max, value, describe(value));
  };
}

/**
 * Estimates kept per parsed document (Yoga hands the same DocumentNode to every request with the same query
 * text) and per operation name + variables: a front end sends the same few, and the walk (graphql-query-complexity,
 * with TypeInfo) cost ~2 % of the gateway's CPU and 21 KB of garbage per home query. At most COSTS_PER_DOCUMENT
 * variable sets per document; past that the document's estimates start over.
 */
class CostCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, OperationCost>>();

  of(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null) {
    let known = this.byDocument.get(document);
    if (!known) {
      known = new Map();
      this.byDocument.set(document, known);
    }
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
    let estimate = known.get(key);
    if (!estimate) {
      estimate = operationCost(schema, document, variables, operationName);
      if (known.size >= COSTS_PER_DOCUMENT) known.clear();
      known.set(key, estimate);
    }
    return estimate;
  }
}
const COSTS_PER_DOCUMENT = 32;

/** The query limits plugin (see the table above). */
export function useQueryLimits<TContext extends object = object>(limits: QueryLimits): Plugin<TContext> {
  const costs = new CostCache();
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxTokensPlugin({
          n: limits.maxTokens,
          onReject: [
            rejectAs(
              'max-tokens',
              limits.maxTokens,
              () => `The document has more than ${limits.maxTokens} tokens (max-tokens); send a smaller document.`,
            ),
          ],
        }) as Plugin<TContext>,
      );
      addPlugin(
        maxDepthPlugin({
          n: limits.maxDepth,
          // Fragments are a way of writing a selection, not a level of it.
          flattenFragments: true,
          ignoreIntrospection: true,
          onReject: [
            rejectAs(
              'max-depth',
              limits.maxDepth,
              (found) => `The query is ${found} levels deep; the limit is ${limits.maxDepth} (max-depth).`,
            ),
          ],
        }) as Plugin<TContext>,
      );
      addPlugin(
        maxAliasesPlugin({
          n: limits.maxAliases,
          onReject: [
            rejectAs(
              'max-aliases',
              limits.maxAliases,
              (found) => `The query has ${found} aliases; the limit is ${limits.maxAliases} (max-aliases).`,
            ),
          ],
        }) as Plugin<TContext>,
      );
    },
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult) && requestParserResult.length > limits.maxBatch) {
            throw limitExceeded(
              'max-batch',
              limits.maxBatch,
              requestParserResult.length,
              `The batch has ${requestParserResult.length} operations; the limit is ${limits.maxBatch} per request (max-batch).`,
              413,
            );
          }
        },
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      let estimate: OperationCost;
      try {
        estimate = costs.of(
          args.schema,
          args.document as DocumentNode,
          args.variableValues as Record<string, unknown> | undefined,
          args.operationName,
        );
      } catch (error) {
        if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
          setResultAndStopExecution({
            errors: [
              limitExceeded(
                'max-cost',
                limits.maxCost,
                undefined,
                `The query selects too many fields once its fragments are expanded to estimate its cost; the limit is ${limits.maxCost} (max-cost).`,
              ),
            ],
          });
        }
        // Variables that do not fit their definitions: execution reports them as it always does.
        return;
      }
      const tooLarge = estimate.pageSizeViolations[0];
      if (tooLarge) {
        const { argument, value, field } = tooLarge;
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              value < 0 || !Number.isInteger(value)
                ? `\`${argument}\` on \`${field}\` must be a whole number from 0 to ${MAX_PER_PAGE}, got ${value}`
                : `\`${argument}\` on \`${field}\` may be at most ${MAX_PER_PAGE} (WordPress's page cap), got ${value}; page with \`offset\``,
              // Status 200, as when the connection field itself refuses the argument.
              { extensions: { code: 'BAD_USER_INPUT', argumentName: argument, field, max: MAX_PER_PAGE, found: value } },
            ),
          ],
        });
        return;
      }
      if (estimate.cost > limits.maxCost) {
        setResultAndStopExecution({
          errors: [
            limitExceeded(
              'max-cost',
              limits.maxCost,
              estimate.cost,
              `The query would cost ${estimate.cost}; the limit is ${limits.maxCost} (max-cost). Cost counts the records WordPress must produce: each list multiplies what it holds by its page size (\`first\`/\`last\`, default 10). Ask for smaller pages or fewer nested lists.`,
            ),
          ],
        });
      }
    },
  };
}
