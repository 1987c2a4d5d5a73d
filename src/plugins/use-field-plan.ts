import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import { planFields } from '../loaders/field-plan.ts';

/**
 * Works out, before execution, which REST fields each collection is asked for in this operation (`_fields`),
 * from the whole document and what each selected field declares in the schema (its `extensions`, see
 * src/schema/rest-sources.ts): every upstream call of the request then uses the same field set per collection.
 * Yoga hands the same parsed DocumentNode to every request with the same query text (its parse cache), so plans
 * are kept per document object and a repeated query does not walk its selection again.
 */
export function useFieldPlan(): Plugin<GatewayContext> {
  const plans = new WeakMap<DocumentNode, ReturnType<typeof planFields>>();
  return {
    onExecute({ args }) {
      const context = args.contextValue as GatewayContext;
      let plan = plans.get(args.document);
      if (!plan) {
        plan = planFields(args.schema, args.document);
        plans.set(args.document, plan);
      }
      context.fieldPlan.current = plan;
    },
  };
}
