import type { EntityCache } from '../cache/entity-cache.ts';
import type { CacheLog } from '../cache/log.ts';
import type { WordPressClient } from '../wordpress/client.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { MAX_PER_PAGE, restFields } from './records.ts';

/** The collections small enough on most sites to hold whole: every page view names a few of their records. */
export const REFERENCE_COLLECTIONS = ['categories', 'tags', 'users'] as const satisfies readonly Collection[];
export type ReferenceCollection = (typeof REFERENCE_COLLECTIONS)[number];

/**
 * Behind every queued request of a page view: the upstream queue serves smaller priorities first, and a page view's
 * priority is its start time (src/loaders/upstream-ledger.ts), so a refresh never delays one.
 */
const BACKGROUND_PRIORITY = Number.MAX_SAFE_INTEGER;

/** What one load found for a collection: how many records it holds now, or why it holds none. */
export type ReferenceOutcome =
  | { collection: ReferenceCollection; held: number }
  | { collection: ReferenceCollection; skipped: 'too-large'; total: number }
  | { collection: ReferenceCollection; skipped: 'failed'; error: string };

/** Options of {@link ReferenceCollections}. */
export interface ReferenceCollectionsOptions {
  client: WordPressClient;
  /** Where the records go: the entity cache, which every anonymous request's loaders read first. */
  cache: EntityCache;
  /** A collection with more records than this is left to per-request loading (`reference-collections-max`). */
  max: number;
  /** How often the collections are loaded again: the entity cache's time to live, so they never age out. */
  intervalMs: number;
  /** The `_fields` to ask each collection for: every REST field the schema's types read (see fieldsOfType). */
  fieldsFor: (collection: ReferenceCollection) => readonly string[] | undefined;
  log: CacheLog;
  /** @default REFERENCE_COLLECTIONS */
  collections?: readonly ReferenceCollection[];
}

/**
 * Small reference collections held whole (#11, "fewer PHP bootstraps per page"): categories, tags and the users
 * with published posts, loaded at start-up and again every `intervalMs`, anonymously, with every field the schema
 * can ask of them, into the entity cache. A page view then asks WordPress for its posts (and media) only: the
 * home page's second round trip loses its users, categories and tags requests, and an archive page finds its term
 * or author already held.
 *
 * Why the entity cache and not a store of its own: the loaders already read it first, merge fields, honour purges
 * (a purged record is asked of WordPress by the next request that needs it, and held again at the next load) and
 * serve only anonymous requests (a signed-in viewer's requests never read it: src/context.ts). With Redis, every
 * instance loads the collections itself (a few requests per interval each) and shares what it wrote.
 *
 * Bounded: the first page (100 records) reports `X-WP-Total`; a collection larger than `max` is not held (a site
 * with 20,000 tags keeps loading the few a page names, per request), and is looked at again at the next interval.
 */
export class ReferenceCollections {
  private readonly options: ReferenceCollectionsOptions;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<ReferenceOutcome[]> | undefined;
  /** Last outcome per collection, to log changes only (not every interval). */
  private readonly reported = new Map<ReferenceCollection, string>();

  constructor(options: ReferenceCollectionsOptions) {
    this.options = options;
  }

  /** Loads now, then every `intervalMs`, until {@link stop}. The timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    void this.load();
    this.timer = setInterval(() => void this.load(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Loads every collection once (one load at a time: a call during a load shares it). Never rejects. */
  load(): Promise<ReferenceOutcome[]> {
    this.loading ??= Promise.all((this.options.collections ?? REFERENCE_COLLECTIONS).map((c) => this.loadOne(c))).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async loadOne(collection: ReferenceCollection): Promise<ReferenceOutcome> {
    const { client, cache, max } = this.options;
    const fields = restFields(this.options.fieldsFor(collection));
    const route = `/wp/v2/${collection}`;
    const get = (page: number) =>
      client.get<Record<string, unknown>[]>(
        route,
        // orderby id: pages that do not shift when a record is added between two page requests of one load.
        { per_page: MAX_PER_PAGE, page, orderby: 'id', order: 'asc', _fields: fields },
        { priority: BACKGROUND_PRIORITY },
      );
    let outcome: ReferenceOutcome;
    try {
      const first = await get(1);
      const total = first.total ?? first.data.length;
      if (total > max) {
        outcome = { collection, skipped: 'too-large', total };
      } else {
        const rest = await Promise.all(Array.from({ length: Math.max(0, (first.totalPages ?? 1) - 1) }, (_, i) => get(i + 2)));
        const records = [first, ...rest].flatMap((answer) => (Array.isArray(answer.data) ? answer.data : []));
        await cache.write(collection, records, fields);
        outcome = { collection, held: records.length };
      }
    } catch (error) {
      outcome = { collection, skipped: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    this.report(outcome);
    return outcome;
  }

  private report(outcome: ReferenceOutcome): void {
    const summary = 'held' in outcome ? 'held' : outcome.skipped;
    if (this.reported.get(outcome.collection) === summary) return;
    this.reported.set(outcome.collection, summary);
    if ('held' in outcome) {
      this.options.log.info({ collection: outcome.collection, records: outcome.held }, 'reference collection held whole');
    } else if (outcome.skipped === 'too-large') {
      this.options.log.info(
        { collection: outcome.collection, total: outcome.total, max: this.options.max },
        'reference collection larger than reference-collections-max: loaded per request instead',
      );
    } else {
      this.options.log.warn(
        { collection: outcome.collection, error: outcome.error },
        'reference collection not loaded; trying again later',
      );
    }
  }
}
