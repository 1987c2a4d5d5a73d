import type { SiteContext } from '../models/site.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';
import { restFields, type UpstreamRequestScope } from './records.ts';
import { type ModelOf, toModels } from './to-model.ts';

const UNLOCKABLE: ReadonlySet<Collection> = new Set(['posts', 'pages']);

/**
 * Password-protected posts and pages for a signed-in viewer who may edit them. WPGraphQL restricts a password post
 * only for viewers who cannot edit it (Model/Post.php: `edit_others_posts`, or the author); REST's view context
 * empties its content and excerpt for everyone. The single-record route in the edit context
 * (`/wp/v2/<type>/<id>?context=edit`) answers only viewers WordPress lets edit that record
 * (`check_update_permission()`), and then with the content; its `password` field, present only there, tells the
 * model not to restrict (content-node.ts `readInEditContext`). Anonymous requests, and viewers WordPress refuses
 * (401/403), keep the restricted model. One request per protected record in the answer: they are rare.
 */
export async function unlockProtected<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  models: (ModelOf<C> | null)[],
  site: SiteContext,
): Promise<(ModelOf<C> | null)[]> {
  if (!scope.authorization || !UNLOCKABLE.has(collection)) return models;
  const locked = models.filter((m): m is ModelOf<C> => !!m && (m as { isRestricted?: boolean }).isRestricted === true);
  if (locked.length === 0) return models;
  const planned = restFields(scope.fieldsFor(collection));
  const fields = planned ? [...planned, 'password'].join(',') : undefined;
  const unlocked = new Map<number, ModelOf<C>>();
  await Promise.all(
    locked.map(async (model) => {
      try {
        const { data } = await scope.client.get<CollectionRecord[C]>(
          `/wp/v2/${collection}/${model.databaseId}`,
          { context: 'edit', ...(fields ? { _fields: fields } : {}) },
          { authorization: scope.authorization },
        );
        const [edited] = toModels(collection, [data], site);
        if (edited) unlocked.set(model.databaseId, edited);
      } catch (error) {
        if (!(error instanceof WordPressError) || !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) throw error;
      }
    }),
  );
  return models.map((m) => (m && unlocked.get(m.databaseId)) ?? m);
}
