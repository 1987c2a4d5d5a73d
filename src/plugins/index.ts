import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { GatewayYogaOptions } from '../yoga.ts';
import { useFieldPlan } from './use-field-plan.ts';

/**
 * The Yoga/envelop plugins of the gateway, in order. Each lives in its own file named for what it does; the
 * order matters where one short-circuits the next (limits before anything that could reach WordPress, the
 * response cache before execution).
 */
export function gatewayPlugins(options: GatewayYogaOptions): Plugin<GatewayContext>[] {
  void options;
  return [
    // --- limits and request hygiene (reliability & security) ---
    // --- caching (response cache, persisted queries) ---
    // --- execution ---
    useFieldPlan(),
    // --- observability (logs, metrics, upstream debug) ---
  ];
}
