import type { PageModel } from '../models/page.ts';
import type { PostModel } from '../models/post.ts';
import { latestRevisionId, toPagePreviewModel, toPostPreviewModel } from '../models/revision.ts';
import type { SiteContext } from '../models/site.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { Collection, RestRevision } from '../wordpress/rest-types.ts';
import type { UpstreamRequestScope } from './records.ts';

/** Collections whose records WordPress keeps revisions of, and the model their previews take. */
const PREVIEWABLE = new Set<Collection>(['posts', 'pages']);

/**
 * The fields of a revision record (WP_REST_Revisions_Controller::get_item_schema()) a preview reads: not its
 * `author` (a preview's author is its parent's) nor `parent` (known).
 */
const REVISION_FIELDS = new Set(['id', 'date', 'date_gmt', 'modified', 'modified_gmt', 'slug', 'guid', 'title', 'content', 'excerpt']);

/**
 * The `_fields` of the revision request: what this request's plan asks of the parent's collection that a revision
 * has (`content.protected` → `content`), plus `content` when the excerpt is asked for (a revision without a written
 * excerpt gets WordPress's automatic one, cut from the content). Undefined (the whole revision) when the plan asks
 * for whole records.
 */
function revisionFields(planned: readonly string[] | undefined): string | undefined {
  if (!planned) return undefined;
  const fields = new Set(['id']);
  for (const field of planned) {
    const top = field.split('.')[0] ?? field;
    if (REVISION_FIELDS.has(top)) fields.add(top);
  }
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
  const like = scope.likeOf?.(collection) ?? collection;
  if (!PREVIEWABLE.has(like)) return parent;
  const revisionId = latestRevisionId(parent.links);
  if (revisionId === null) return parent;
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
  return (
    like === 'pages' ? toPagePreviewModel(revision, parent as PageModel, site) : toPostPreviewModel(revision, parent as PostModel, site)
  ) as M;
}
