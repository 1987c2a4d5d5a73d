import type { GatewayContext } from '../context.ts';
import type { CollectionLike, DiscoveredTypeFacts } from '../models/site.ts';
import { aliasContext } from './site/alias.ts';

/**
 * The discovered collections (SiteContext.collections) for the fields that read several collections by enum
 * value — `terms(where: { taxonomies })`, `termNode(taxonomy)`, `contentNodes(where: { contentTypes })` — each with
 * the built-in collection it is like and a context whose loaders read it in that one's place (./site/alias.ts),
 * so its models, batching and visibility are the built-in type's, as for its own root fields.
 */
export interface DiscoveredTarget<C extends CollectionLike> {
  facts: DiscoveredTypeFacts;
  /** The built-in collection the resolvers ask for. */
  collection: C;
  /** The request's context, its loaders reading the discovered collection for `collection`. */
  context: GatewayContext;
}

/** The discovered taxonomies (`kind: 'taxonomy'`) or post types (`'postType'`), in discovery's order. */
export function discoveredTargets<C extends CollectionLike>(
  context: GatewayContext,
  kind: DiscoveredTypeFacts['kind'],
): DiscoveredTarget<C>[] {
  const out: DiscoveredTarget<C>[] = [];
  for (const modelling of context.site.collections?.values() ?? []) {
    const facts = modelling.facts;
    if (facts?.kind !== kind) continue;
    out.push({ facts, collection: modelling.like as C, context: aliasContext(context, modelling.like, facts.restBase) });
  }
  return out;
}
