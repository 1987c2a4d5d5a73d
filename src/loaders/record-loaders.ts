import DataLoader from 'dataloader';
import type { SiteContext } from '../models/site.ts';
import { COLLECTIONS, type Collection } from '../wordpress/rest-types.ts';
import { loadRecordsById, MAX_PER_PAGE, type UpstreamRequestScope } from './records.ts';
import { unlockProtected } from './protected.ts';
import { type ModelOf, toModels } from './to-model.ts';

/** One DataLoader of models by id per REST collection. */
export type RecordLoaders = { readonly [C in Collection]: DataLoader<number, ModelOf<C> | null> };

/**
 * A request's loaders by id for any collection: the built-in ones, and one made on first use for each collection
 * discovery found (`books`, `genres`: src/discovery/), batched and cached exactly like the built-in ones.
 */
export function createAnyRecordLoaders(
  scope: UpstreamRequestScope,
  site: SiteContext,
): <C extends Collection>(collection: C) => DataLoader<number, ModelOf<C> | null> {
  const builtIn = createRecordLoaders(scope, site) as unknown as Record<string, DataLoader<number, unknown>>;
  const discovered = new Map<string, DataLoader<number, unknown>>();
  return <C extends Collection>(collection: C) => {
    let loader = builtIn[collection] ?? discovered.get(collection);
    if (!loader) {
      loader = recordLoader(scope, site, collection);
      discovered.set(collection, loader);
    }
    return loader as DataLoader<number, ModelOf<C> | null>;
  };
}

function recordLoader<C extends Collection>(scope: UpstreamRequestScope, site: SiteContext, collection: C) {
  return new DataLoader<number, ModelOf<C> | null>(
    async (ids) => {
      const records = await loadRecordsById(scope, collection, ids);
      const models = records.map((record) => (record ? toModels(collection, [record], site)[0]! : null));
      return unlockProtected(scope, collection, models, site);
    },
    { maxBatchSize: MAX_PER_PAGE },
  );
}

/**
 * A request's loaders by id, one per REST collection: every id asked for in the same tick becomes one
 * `GET /wp/v2/<collection>?include=…` of at most 100 ids (./records.ts), each record turned into its model
 * once. Missing ids (deleted, or hidden from this viewer) load as null. Models a list brought are primed in
 * (./index.ts), so a later lookup of the same id costs nothing.
 */
export function createRecordLoaders(scope: UpstreamRequestScope, site: SiteContext): RecordLoaders {
  const loaderOf = <C extends Collection>(collection: C) => recordLoader(scope, site, collection);
  // Built key by key from COLLECTIONS; the mapped type cannot be inferred from a loop, so the object is typed
  // by the one function that builds every entry.
  return Object.fromEntries(COLLECTIONS.map((collection) => [collection, loaderOf(collection)])) as unknown as RecordLoaders;
}
