import type { PageModel } from '../models/page.ts';
import type { PostModel } from '../models/post.ts';
import { latestRevisionId, toPagePreviewModel, toPostPreviewModel, toRevisionModel } from '../models/revision.ts';
import type { SiteContext } from '../models/site.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { Collection, RestRevision } from '../wordpress/rest-types.ts';
import type { UpstreamRequestScope } from './records.ts';
import { learnRevisionParent, revisionParentOf } from './revision-parents.ts';

/** Collections whose records WordPress keeps revisions of, and the model their previews take. */
const PREVIEWABLE = new Set<Collection>(['posts', 'pages']);

/**
 * The fields of a revision record (WP_REST_Revisions_Controller::get_item_schema()) a preview reads: not its
 * `author` (a preview's author is its parent's) nor `parent` (known).
 */
const REVISION_FIELDS = new Set(['id', 'date', 'date_gmt', 'modified', 'modified_gmt', 'slug', 'guid', 'title', 'content', 'excerpt']);

/**
 * The `_fields` of the revision request: what this request's plan asks of the parent's collection that a revision
 * has, plus `content` when the excerpt is asked for (a revision without a written
 * excerpt gets WordPress's automatic one, cut from the content). Undefined (the whole revision) when the plan asks
 * for whole records.
 */
function revisionFields(planned: readonly string[] | undefined): string | undefined {
  if (!planned) return undefined;
  const fields = new Set(['id']);
  // A nested field (`content.protected`: only whether a password restricts the parent) asks nothing of a revision.
  for (const field of planned) if (REVISION_FIELDS.has(field)) fields.add(field);
  if (fields.has('excerpt')) fields.add('content');
  return [...fields].sort().join(',');
}

/**
 * `asPreview: true` on a post or page (WPGraphQL: `Utils::get_post_preview_id()`, then the post loader): the
 * record's newest revision or autosave, whoever saved it, when it has one; else the record itself.
 *
 * Which revision is newest comes from the record's own `_links.predecessor-version` (read with the record: the
 * `_fields` plan adds `_links` for `asPreview`), so nothing more is asked when there is none. A revision is
 * private to viewers who may edit its parent (Model/Post.php `is_private()`: `edit_post` on the parent): an
 * anonymous viewer gets null without WordPress being asked, and a signed-in one gets what
 * `GET /wp/v2/<type>/<parent>/revisions/<id>` answers with their credentials (null when WordPress refuses:
 * 401/403/404). The credentials go with that one request only, never into a shared cache (signed-in requests have
 * no entity cache and are never coalesced with another). One request per previewed record: revisions are read by
 * parent, so there is nothing to batch.
 */
export async function loadPreview<M extends PostModel | PageModel>(
  scope: UpstreamRequestScope,
  collection: Collection,
  parent: M,
  site: SiteContext,
): Promise<M | null> {
  if (!PREVIEWABLE.has(scope.likeOf?.(collection) ?? collection)) return parent;
  const revisionId = latestRevisionId(parent.links);
  if (revisionId === null) return parent;
  learnRevisionParent(site, revisionId, { collection, parent: parent.databaseId });
  return readRevision(scope, collection, parent, revisionId, site);
}

/**
 * A revision looked up by its own id (`post(id: <revision id>, idType: DATABASE_ID)`, as a Faust.js template asks
 * after its seed query answered a preview): WPGraphQL's post loader reads any post row, revisions included, for
 * viewers who may edit the parent. REST serves revisions only under their parent, which the gateway knows when it
 * has read the parent's links before (./revision-parents.ts); otherwise, and for anonymous viewers, null.
 */
export async function loadRevisionById<M extends PostModel | PageModel>(
  scope: UpstreamRequestScope,
  collection: Collection,
  revisionId: number,
  loadParent: (collection: Collection, id: number) => Promise<M | null>,
  site: SiteContext,
): Promise<M | null> {
  if (!scope.authorization) return null;
  const known = revisionParentOf(site, revisionId);
  if (!known || known.collection !== collection) return null;
  const parent = await loadParent(collection, known.parent);
  if (!parent) return null;
  return readRevision(scope, collection, parent, revisionId, site);
}

/** GETs one revision of `parent` with the viewer's credentials and models it; null when WordPress refuses or lacks it. */
async function readRevision<M extends PostModel | PageModel>(
  scope: UpstreamRequestScope,
  collection: Collection,
  parent: M,
  revisionId: number,
  site: SiteContext,
): Promise<M | null> {
  if (!scope.authorization) return null;
  const fields = revisionFields(scope.fieldsFor(collection));
  let revision: RestRevision;
  try {
    ({ data: revision } = await scope.client.get<RestRevision>(
      `/wp/v2/${collection}/${parent.databaseId}/revisions/${revisionId}`,
      fields ? { _fields: fields } : {},
      { authorization: scope.authorization },
    ));
  } catch (error) {
    if (error instanceof WordPressError && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return null;
    throw error;
  }
  if (!revision || typeof revision.id !== 'number') return null;
  // `isPreview` of a revision: whether it is its parent's newest (a revision learned from the parent's links was).
  const isPreview = (latestRevisionId(parent.links) ?? revisionId) === revisionId;
  const like = scope.likeOf?.(collection) ?? collection;
  return (
    like === 'pages'
      ? toPagePreviewModel(revision, parent as PageModel, site, isPreview)
      : toPostPreviewModel(revision, parent as PostModel, site, isPreview)
  ) as M;
}

/** How many revisions `revisions` reads of one parent: REST's largest page (the newest first). */
export const REVISIONS_PER_PARENT = 100;

/** The REST query of a `revisions` connection: what its where-args translate to (src/schema/revisions.ts). */
export interface RevisionsQuery {
  search?: string;
  include?: string;
  exclude?: string;
  orderby?: string;
  order?: string;
}

/**
 * `revisions` of a post or page (Connection/PostObjects.php: the parent's `revision` rows, autosaves included,
 * newest first), as the viewer may see them. A revision is private to viewers who may edit its parent: anonymous
 * viewers get an empty list without WordPress being asked (WPGraphQL answers an empty connection), signed-in ones
 * what `GET /wp/v2/<type>/<id>/revisions?per_page=100&…` answers **with their credentials** (empty when WordPress
 * refuses: 401/403/404). REST reads revisions only under their parent, so this is one request per parent: nothing
 * to batch across parents. The answer is private to the request (signed-in requests have no entity or response
 * cache and are never coalesced). Each revision's parent is remembered for lookups by id (./revision-parents.ts).
 */
export async function loadRevisions<M extends PostModel | PageModel>(
  scope: UpstreamRequestScope,
  collection: Collection,
  parent: M,
  site: SiteContext,
  query: RevisionsQuery,
): Promise<M[]> {
  const like = scope.likeOf?.(collection) ?? collection;
  if (!PREVIEWABLE.has(like) || !scope.authorization || parent.isRevision) return [];
  const planned = revisionFields(scope.fieldsFor(collection));
  // `author`: an older revision's author is its own (src/models/revision.ts toRevisionModel).
  const fields = planned ? [...new Set([...planned.split(','), 'author'])].sort().join(',') : undefined;
  let revisions: RestRevision[];
  try {
    ({ data: revisions } = await scope.client.get<RestRevision[]>(
      `/wp/v2/${collection}/${parent.databaseId}/revisions`,
      { ...query, per_page: REVISIONS_PER_PARENT, ...(fields ? { _fields: fields } : {}) },
      { authorization: scope.authorization },
    ));
  } catch (error) {
    if (error instanceof WordPressError && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return [];
    throw error;
  }
  if (!Array.isArray(revisions)) return [];
  const models: M[] = [];
  for (const revision of revisions) {
    if (!revision || typeof revision.id !== 'number') continue;
    learnRevisionParent(site, revision.id, { collection, parent: parent.databaseId });
    models.push(toRevisionModel(revision, parent, site, like === 'pages' ? 'pages' : 'posts'));
  }
  return models;
}
