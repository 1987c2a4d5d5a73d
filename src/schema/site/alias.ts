import type { GatewayContext } from '../../context.ts';
import type { Loaders } from '../../loaders/index.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import type { AnyResolver } from './types.ts';

/**
 * How a discovered type reuses the built-in resolvers: they read the built-in collection's name (`pages`), and
 * are handed a context whose loaders read the discovered one (`chapters`) instead.
 */

/** The same context with the loaders reading `to` wherever a resolver asks for `from`. */
const aliased = new WeakMap<object, Map<string, GatewayContext>>();
export function aliasContext(context: GatewayContext, from: string, to: string): GatewayContext {
  let byTarget = aliased.get(context);
  if (!byTarget) {
    byTarget = new Map();
    aliased.set(context, byTarget);
  }
  const key = `${from}>${to}`;
  const found = byTarget.get(key);
  if (found) return found;
  const inner = context.loaders;
  const map = <C extends Collection>(collection: C): C => (collection === from ? (to as C) : collection);
  const loaders: Loaders = {
    ...inner,
    load: (collection, id) => inner.load(map(collection), id),
    loadMany: (collection, ids) => inner.loadMany(map(collection), ids),
    list: (collection, query, also) => inner.list(map(collection), query, also),
    window: (collection, query, offset, limit, flipped) => inner.window(map(collection), query, offset, limit, flipped),
    followLink: (links, rel, expected, fallbackId) => inner.followLink(links, rel, expected.map(map), fallbackId),
    preview: (collection, record) => inner.preview(map(collection), record),
    revision: (collection, id) => inner.revision(map(collection), id),
  };
  const result = { ...context, loaders };
  byTarget.set(key, result);
  return result;
}

/** `resolve`, with its loaders reading `to` wherever it asks for `from`. */
export function withAlias(resolve: AnyResolver | undefined, from: string, to: string): AnyResolver | undefined {
  if (!resolve || from === to) return resolve;
  return (source, args, context, info) => resolve(source, args, aliasContext(context, from, to), info);
}

/** The record fields of a model discovery keeps (src/loaders/to-model.ts). */
export function restOf(model: unknown): Record<string, unknown> {
  return ((model as { rest?: Record<string, unknown> }).rest ?? {}) as Record<string, unknown>;
}
