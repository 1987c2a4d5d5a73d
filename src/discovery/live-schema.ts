import { createHash } from 'node:crypto';
import { type GraphQLSchema, printSchema } from 'graphql';
import type { SiteContext } from '../models/site.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { buildSiteSchema, type ServedReport } from '../schema/site-schema.ts';
import type { NameOverrides } from './names.ts';
import type { SiteDiscovery } from './types.ts';

/** The schema and site facts one request is served with: replaced whole on each successful discovery. */
export interface SchemaGeneration {
  schema: GraphQLSchema;
  site: SiteContext;
  /** A digest of the printed schema (empty for the built-in one): response cache keys carry it. */
  tag: string;
}

/** What `/ready` and `check` say about discovery. */
export interface DiscoveryStatus {
  /** `ok`, `degraded` (the last discovery failed: the last good schema is served), or `off`. */
  state: 'ok' | 'degraded' | 'off';
  /** Why the last discovery failed. */
  error?: string;
  /** When the served schema was discovered (ISO time). */
  discoveredAt?: string;
  /** Discovered post types and taxonomies served. */
  served?: number;
  warnings?: string[];
}

interface LiveSchemaLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * The gateway's current schema, over a base schema and what discovery finds on the site (issue #13). `refresh()`
 * discovers again (start-up, `SIGHUP`, the `discovery-interval-ms` timer): on success the new schema and site
 * facts replace the old ones in one assignment, so a request sees one generation or the other, never a mix; on
 * failure the last good generation stays and the status is `degraded` until a discovery succeeds.
 */
export class LiveSchema {
  private generation: SchemaGeneration;
  private state: DiscoveryStatus;
  private running: Promise<boolean> | undefined;
  private readonly listeners: (() => void)[] = [];
  private readonly basePrinted: string;
  report: ServedReport[] = [];
  discovery: SiteDiscovery | undefined;

  constructor(
    private readonly base: GraphQLSchema,
    private readonly site: SiteContext,
    private readonly discover: () => Promise<SiteDiscovery>,
    private readonly overrides: NameOverrides,
    private readonly log: LiveSchemaLog,
  ) {
    this.generation = { schema: base, site, tag: '' };
    this.state = { state: 'degraded', error: 'not discovered yet' };
    this.basePrinted = printSchema(base);
  }

  /** What the purge endpoint may name besides the built-in kinds: each discovered collection. */
  kinds(): { typename: string; collection: Collection; globalIdType: string; slug: string }[] {
    const slugs = new Map(this.report.map((r) => [r.restBase, r.slug]));
    return [...(this.generation.site.collections ?? [])]
      .filter(([, c]) => !['Post', 'Page', 'Category', 'Tag'].includes(c.typename))
      .map(([collection, c]) => ({
        typename: c.typename,
        collection: collection as Collection,
        globalIdType: c.like === 'posts' || c.like === 'pages' ? 'post' : 'term',
        slug: slugs.get(collection) ?? collection,
      }));
  }

  current(): SchemaGeneration {
    return this.generation;
  }

  status(): DiscoveryStatus {
    return this.state;
  }

  /** Called after each swap (the parse cache is cleared so compiled documents follow the new schema). */
  onSwap(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Discovers and swaps; true when the schema was replaced. Concurrent calls share one discovery. */
  refresh(): Promise<boolean> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<boolean> {
    try {
      const discovery = await this.discover();
      const built = buildSiteSchema(this.base, discovery, this.overrides);
      for (const warning of built.warnings) this.log.warn({ discovery: 'skipped' }, warning);
      const printed = printSchema(built.schema);
      const tag = printed === this.basePrinted ? '' : createHash('sha256').update(printed).digest('hex').slice(0, 16);
      this.generation = { schema: built.schema, site: { ...this.site, collections: built.collections }, tag };
      this.report = built.report;
      this.discovery = discovery;
      this.state = {
        state: 'ok',
        discoveredAt: new Date().toISOString(),
        served: built.report.filter((r) => r.typeName && !r.note.startsWith('built in')).length,
        warnings: built.warnings,
      };
      for (const listener of this.listeners) listener();
      this.log.info({ served: this.state.served }, 'Discovery: schema swapped in');
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.state = { ...this.state, state: 'degraded', error: message };
      this.log.error({ err: message }, 'Discovery failed: serving the last good schema');
      return false;
    }
  }
}
