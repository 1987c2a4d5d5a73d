import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { EntityCache } from '../cache/entity-cache.ts';
import type { CacheLog } from '../cache/log.ts';
import type { GatewayContext } from '../context.ts';
import { fieldsOfCollection } from '../loaders/field-plan.ts';
import { ReferenceCollections } from '../loaders/reference-collections.ts';
import type { WordPressClient } from '../wordpress/client.ts';

/** Options of {@link useReferenceCollections}: the settings `reference-collections-max` and `entity-cache-ttl-ms`. */
export interface ReferenceCollectionsPluginOptions {
  client: WordPressClient;
  /** Undefined (entity cache off): nothing is held, the plugin does nothing. */
  entityCache: EntityCache | undefined;
  /** 0: off. */
  max: number;
  intervalMs: number;
  /** The schema being served now (with discovery, the current generation): the `_fields` come from it. */
  schema: () => GraphQLSchema;
  log: CacheLog;
}

/**
 * Holds categories, tags and users whole in the entity cache while the server runs (src/loaders/
 * reference-collections.ts): loading starts with the Yoga instance and stops when it is disposed. The `_fields`
 * are worked out at each load from the schema served then, so fields a rediscovery added (`meta`, `seo`) are held
 * from the next load on.
 */
export function useReferenceCollections(options: ReferenceCollectionsPluginOptions): Plugin<GatewayContext> {
  const { entityCache, max } = options;
  if (!entityCache || max <= 0) return {};
  const collections = new ReferenceCollections({
    client: options.client,
    cache: entityCache,
    max,
    intervalMs: options.intervalMs,
    fieldsFor: (collection) => fieldsOfCollection(options.schema(), collection),
    log: options.log,
  });
  return {
    onYogaInit() {
      collections.start();
    },
    onDispose() {
      collections.stop();
    },
  };
}
