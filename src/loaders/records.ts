import type { RestQuery, WordPressClient } from '../wordpress/client.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';

/** WordPress refuses `per_page` over 100 with a 400, so no batch may ask for more ids than that. */
export const MAX_PER_PAGE = 100;

/** What every request to WordPress made on behalf of one GraphQL request shares. */
export interface UpstreamRequestScope {
  client: WordPressClient;
  /** The viewer's `Authorization` header, forwarded to WordPress only. */
  authorization: string | undefined;
  /** The `_fields` to send for each collection (undefined: the whole record). */
  fieldsFor(collection: Collection): readonly string[] | undefined;
}

/**
 * The batch function behind each collection's per-request DataLoader (src/schema/refs.ts hands it to the
 * Pothos dataloader plugin, which keeps one loader per collection per request).
 *
 * A Function, which when given an Array of record ids of one collection, returns a Promise of an Array of the
 * records in the same order, with `null` for each id WordPress did not return (missing, or hidden from this
 * viewer: WordPress silently drops those from `include`). One GET per call:
 * `/wp/v2/<collection>?include=<ids>&per_page=<n>&_fields=…`.
 */
export async function loadRecordsById<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  ids: readonly number[],
): Promise<(CollectionRecord[C] | null)[]> {
  if (ids.length > MAX_PER_PAGE) {
    throw new RangeError(`loadRecordsById takes at most ${MAX_PER_PAGE} ids, got ${ids.length}`);
  }
  const query: RestQuery = { include: ids, per_page: ids.length, _fields: scope.fieldsFor(collection) };
  const data = await getIncluded<C>(scope, collection, query);
  const byId = new Map<number, CollectionRecord[C]>();
  if (Array.isArray(data)) for (const record of data) if (record && typeof record.id === 'number') byId.set(record.id, record);
  return ids.map((id) => byId.get(id) ?? null);
}


/** Statuses a signed-in viewer may read by id, beyond `publish` (WordPress lists only `publish` by default). */
const ANY_STATUS_COLLECTIONS: ReadonlySet<Collection> = new Set(['posts', 'pages']);

/**
 * GETs `include=…`. WordPress lists only published posts unless asked for other statuses, so for a signed-in
 * viewer posts and pages are asked with `status=any` (what they may read: drafts for an editor, as WPGraphQL
 * shows them). A viewer WordPress refuses other statuses to (a subscriber) is asked again without, so lookups
 * still find what everyone may read.
 */
async function getIncluded<C extends Collection>(scope: UpstreamRequestScope, collection: C, query: RestQuery): Promise<CollectionRecord[C][]> {
  const route = `/wp/v2/${collection}`;
  const options = { authorization: scope.authorization };
  if (scope.authorization && ANY_STATUS_COLLECTIONS.has(collection)) {
    try {
      return (await scope.client.get<CollectionRecord[C][]>(route, { ...query, status: 'any' }, options)).data;
    } catch (error) {
      if (!(error instanceof WordPressError) || !['rest_forbidden_status', 'rest_invalid_param'].includes(error.wpCode ?? '')) throw error;
    }
  }
  return (await scope.client.get<CollectionRecord[C][]>(route, query, options)).data;
}
