import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import { planFields } from '../loaders/field-plan.ts';
import { FIELD_SOURCES_BY_TYPE } from '../schema/field-sources.ts';

/**
 * Works out, before execution, which REST fields each collection is asked for in this operation (`_fields`),
 * from the whole document: every upstream call of the request then uses the same field set per collection.
 */
export function useFieldPlan(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as GatewayContext;
      context.fieldPlan.current = planFields(args.schema, args.document, FIELD_SOURCES_BY_TYPE);
    },
  };
}
