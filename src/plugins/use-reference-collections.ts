import type { Plugin } from 'graphql-yoga';
import type { EntityCache } from '../cache/entity-cache.ts';
import type { CacheLog } from '../cache/log.ts';
import type { GatewayContext } from '../context.ts';
import { fieldsOfCollection } from '../loaders/field-plan.ts';
import { REFERENCE_COLLECTIONS, type ReferenceCollection, ReferenceCollections } from '../loaders/reference-collections.ts';
import type { WordPressClient } from '../wordpress/client.ts';

/** Options of {@link useReferenceCollections}: the settings `reference-collections-max` and `entity-cache-ttl-ms`. */
export interface ReferenceCollectionsPluginOptions {
  client: WordPressClient;
  /** Undefined (entity cache off): nothing is held, the plugin does nothing. */
  entityCache: EntityCache | undefined;
  /** 0: off. */
  max: number;
  intervalMs: number;
  log: CacheLog;
}

/**
 * Holds categories, tags and users whole in the entity cache while the server runs (src/loaders/
 * reference-collections.ts): loading starts when Yoga has its schema (the `_fields` to ask come from it, and are
 * worked out again if the schema changes) and stops when the instance is disposed.
 */
export function useReferenceCollections(options: ReferenceCollectionsPluginOptions): Plugin<GatewayContext> {
  const { entityCache, max } = options;
  if (!entityCache || max <= 0) return {};
  let fields = new Map<ReferenceCollection, readonly string[] | undefined>();
  const collections = new ReferenceCollections({
    client: options.client,
    cache: entityCache,
    max,
    intervalMs: options.intervalMs,
    fieldsFor: (collection) => fields.get(collection),
    log: options.log,
  });
  return {
    onSchemaChange({ schema }) {
      fields = new Map(REFERENCE_COLLECTIONS.map((c) => [c, fieldsOfCollection(schema, c)]));
      collections.start();
    },
    onDispose() {
      collections.stop();
    },
  };
}
