import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import { DEFAULT_PAGE_SIZE } from '../schema/connections.ts';

/**
 * What an operation will cost WordPress, estimated from the document and its variables before anything runs:
 * the number of records WordPress must produce. A record (any type implementing `Node`) costs 1 plus what is
 * selected under it; a connection multiplies what one of its items costs by its page size (`first`, `last` or
 * `where.offsetPagination.size`, else WPGraphQL's default of 10). So `posts(first: 100) { nodes { comments(first:
 * 100) { nodes { id } } } }` costs 100 × (1 + 100 × 1) = 10,100: what it costs WordPress to answer.
 *
 * The walk (fragments, variables, `@skip`/`@include`, abstract types costed by their most expensive member) is
 * graphql-query-complexity's; only the estimator is ours. graphql-armor's cost-limit was considered: it prices
 * fields by depth and type, but cannot multiply by `first`/`last`, which is what makes nested lists expensive.
 * @pothos/plugin-complexity can, but needs a complexity on every field definition in src/schema/.
 */
export interface OperationCost {
  cost: number;
  /** Page sizes outside 0–100 anywhere in the operation, in document order. */
  pageSizeViolations: PageSizeViolation[];
}

/** A `first`/`last`/`offsetPagination.size` WordPress could not serve. */
export interface PageSizeViolation {
  /** `RootQuery.posts`, `Post.comments` */
  field: string;
  argument: 'first' | 'last' | 'offsetPagination.size';
  value: number;
}

/**
 * The most evaluated selections before the walk gives up: fragments spread into fragments can make a short
 * document describe an enormous selection, and the walk itself must stay cheap.
 */
export const MAX_COST_NODES = 20_000;

const recordTypes = new WeakMap<GraphQLNamedType, boolean>();

/** Whether a value of this type is a WordPress record (a `Node`), memoised per type. */
function isRecord(type: GraphQLNamedType): boolean {
  let known = recordTypes.get(type);
  if (known === undefined) {
    if (isObjectType(type) || isInterfaceType(type)) known = type.name === 'Node' || type.getInterfaces().some((i) => i.name === 'Node');
    else known = isUnionType(type);
    recordTypes.set(type, known);
  }
  return known;
}

/** A connection field: one that takes WPGraphQL's pagination arguments. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === 'first') && field.args.some((a) => a.name === 'last');
}

function pageSize(args: Record<string, unknown>, field: string, violations: PageSizeViolation[]): number {
  const offsetSize = (args.where as { offsetPagination?: { size?: unknown } } | null | undefined)?.offsetPagination?.size;
  const given: [PageSizeViolation['argument'], unknown][] = [
    ['first', args.first],
    ['last', args.last],
    ['offsetPagination.size', offsetSize],
  ];
  let size: number | undefined;
  for (const [argument, value] of given) {
    if (typeof value !== 'number') continue;
    // `first`/`last` over 100 are served as 100 (as WPGraphQL does); only our offsetPagination.size refuses more.
    const tooLarge = value > MAX_PER_PAGE && argument === 'offsetPagination.size';
    if (!Number.isInteger(value) || value < 0 || tooLarge) violations.push({ field, argument, value });
    size ??= value;
  }
  // An out-of-range size is reported or capped; for the estimate it counts as the largest page WordPress would serve.
  const n = Math.min(MAX_PER_PAGE, Math.max(0, size ?? DEFAULT_PAGE_SIZE));
  // A page of 0 still makes WordPress count the list (the gateway asks for one item to read X-WP-Total).
  return Math.max(1, n);
}

/**
 * Estimates one operation of `document` (the one named `operationName`, or the only one). Throws a GraphQLError
 * when variables do not fit their definitions (execution would report that too) or when the selection is too
 * large to walk (more than MAX_COST_NODES selections after expanding fragments).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): OperationCost {
  const pageSizeViolations: PageSizeViolation[] = [];
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    if (isConnection(field)) return pageSize(args, `${type.name}.${field.name}`, pageSizeViolations) * childComplexity;
    return (isRecord(getNamedType(field.type)) ? 1 : 0) + childComplexity;
  };
  const cost = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [estimator],
    maxQueryNodes: MAX_COST_NODES,
  });
  return { cost, pageSizeViolations };
}
