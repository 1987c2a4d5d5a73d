import type DataLoader from 'dataloader';
import type { CommentModel } from '../models/comment.ts';
import type { SiteContext } from '../models/site.ts';
import type { UserModel } from '../models/user.ts';
import type { RestQuery } from '../wordpress/client.ts';
import type { Collection, RestLinks } from '../wordpress/rest-types.ts';
import { createCommentsByPostLoader, type PostComments } from './comments-by-post.ts';
import { EMBEDDED_PAGE, planEmbed } from './embed-plan.ts';
import { linkTarget } from './follow-link.ts';
import { loadListPage } from './list-pages.ts';
import { loadWindow } from './list-windows.ts';
import { lookupIds } from './lookups.ts';
import { createAnyRecordLoaders } from './record-loaders.ts';
import type { UpstreamRequestScope } from './records.ts';
import { type ModelOf, toModels } from './to-model.ts';
import { loadMenuSite, type MenuSite } from './menus.ts';
import { unlockProtected } from './protected.ts';
import { loadPreview, loadRevisionById, loadRevisions, type RevisionsQuery } from './preview.ts';
import type { PageModel } from '../models/page.ts';
import type { PostModel } from '../models/post.ts';
import { loadViewer, loadViewerSelf, type ViewerSelf } from './viewer.ts';
import { loadPublicSettings, loadViewerAdminEmail } from './settings.ts';
import { createUserNamesLoader, type UserNames } from './user-names.ts';
import { createUserCommentsLoader, loadUserCommentsWindow } from './user-comments.ts';
import type { PublicSettingsModel } from '../models/settings.ts';

/** Models of one list query and WordPress's count of all that match (`X-WP-Total`). */
export interface ModelPage<M> {
  models: M[];
  total: number;
}

/**
 * Every read of one GraphQL request from WordPress, built once per request over one upstream scope (client,
 * viewer credentials, `_fields` plan, entity cache): the schema asks these and nothing else. Each returns
 * models (./to-model.ts), and every model a list or lookup brings is primed into its collection's loader by id,
 * so a later lookup of the same record in the request costs nothing.
 */
export interface Loaders {
  /** A record by id, batched per collection with every id asked for in the same tick; null when not visible. */
  load<C extends Collection>(collection: C, id: number): Promise<ModelOf<C> | null>;
  /** Several ids of one collection, dropping the ones WordPress did not return (hidden or deleted). */
  loadMany<C extends Collection>(collection: C, ids: readonly number[]): Promise<ModelOf<C>[]>;
  /** One list page (`/wp/v2/<collection>?…`): lookups by slug, name or uri. `alsoFields`: REST fields beyond the plan. */
  list<C extends Collection>(collection: C, query: RestQuery, alsoFields?: readonly string[]): Promise<ModelPage<ModelOf<C>>>;
  /** A connection's window of a list query (./list-windows.ts). */
  window<C extends Collection>(
    collection: C,
    query: RestQuery,
    offset: number,
    limit: number,
    flipped: boolean,
  ): Promise<ModelPage<ModelOf<C>>>;
  /** Ids of users or terms by slug, for where-args that name them. */
  lookupIds(collection: 'users' | 'categories' | 'tags', slugs: string[]): Promise<number[]>;
  /**
   * `asPreview: true` of a post or page record (./preview.ts): its newest revision as the viewer may see it, null
   * when it has one the viewer may not see, the record itself when it has none.
   */
  preview<M extends PostModel | PageModel>(collection: Collection, record: M): Promise<M | null>;
  /**
   * A post's or page's revision by its own id, for a viewer who may read it, when this gateway knows its parent
   * (./preview.ts `loadRevisionById`); null otherwise.
   */
  revision(collection: Collection, id: number): Promise<PostModel | PageModel | null>;
  /**
   * `revisions` of a post or page (./preview.ts `loadRevisions`): its revisions, newest first, as the viewer may
   * read them (none anonymously); one request per parent.
   */
  revisions<M extends PostModel | PageModel>(collection: Collection, record: M, query: RevisionsQuery): Promise<M[]>;
  /** The signed-in viewer; null when anonymous. */
  viewer(): Promise<UserModel | null>;
  /**
   * The signed-in viewer's own record in the edit context: id, roles and the fields WPGraphQL shows a user of
   * themself (one request per GraphQL request); null when anonymous.
   */
  viewerSelf(): Promise<ViewerSelf | null>;
  /** The site's public menus and their items (./menus.ts), read once per request. */
  menuSite(): Promise<MenuSite>;
  /** The settings WPGraphQL shows every viewer beyond the REST index (./settings.ts), read once per request; null when unknown. */
  publicSettings(): Promise<PublicSettingsModel | null>;
  /** `admin_email` when the viewer may read it (manage_options), else null (./settings.ts). */
  viewerAdminEmail(): Promise<string | null>;
  /** A public user's first and last name (./user-names.ts), batched; null when not public or not readable. */
  userNames(id: number): Promise<UserNames | null>;
  /** The record a `_links` relation points to (./follow-link.ts); null when there is none. */
  followLink(
    links: RestLinks | undefined | null,
    rel: string,
    expected: readonly Collection[],
    fallbackId?: number | null,
  ): Promise<unknown>;
  /**
   * A user's approved comments read with the service account (./user-comments.ts), batched over users, as models;
   * null when the batch could not hold them all (then {@link userCommentsWindow}). Everything the account may read:
   * the caller drops what the viewer may not see. Rejects with FORBIDDEN naming the setting without a service account.
   */
  serviceUserComments(userId: number): Promise<CommentModel[] | null>;
  /** One window of a user's comments query with the service account (./user-comments.ts); filtered by the caller too. */
  serviceUserCommentsWindow(query: RestQuery, offset: number, limit: number, flipped: boolean): Promise<ModelPage<CommentModel>>;
  /** A post's comments, batched over posts (one page at most; see PostComments.complete), as REST records. */
  commentsByPost: DataLoader<number, PostComments>;
  /** A post's comments from the same batch as models, or null when the batch could not hold them all. */
  commentModelsOf(postId: number): Promise<CommentModel[] | null>;
}

/** What loaders need beyond the upstream scope. */
export interface LoaderOptions {
  /**
   * The `Authorization` header of the service account (config `service-credentials`): used only for menus (the viewer's own when unset), public settings, public user names and users' approved comments.
   * @default undefined
   */
  serviceAuthorization?: string | undefined;
}

/** Builds a request's loaders over one upstream scope (client, viewer credentials, `_fields` plan). */
export function createLoaders(scope: UpstreamRequestScope, site: SiteContext, options: LoaderOptions = {}): Loaders {
  // Built-in and discovered collections alike (a custom post type's `books` is batched like `posts`).
  const loaderOf = createAnyRecordLoaders(scope, site);
  const commentsByPost = createCommentsByPostLoader(scope);
  const prime = <C extends Collection>(collection: C, models: ModelOf<C>[]): ModelOf<C>[] => {
    const loader = loaderOf(collection);
    for (const model of models) loader.prime(model.databaseId, model);
    return models;
  };
  let viewerSelf: Promise<ViewerSelf | null> | undefined;
  let menuSite: Promise<MenuSite> | undefined;
  let publicSettings: Promise<PublicSettingsModel | null> | undefined;
  let viewerAdminEmail: Promise<string | null> | undefined;
  const userNames = createUserNamesLoader(scope, options.serviceAuthorization);
  const userComments = createUserCommentsLoader(scope, options.serviceAuthorization);
  const loaders: Loaders = {
    load: (collection, id) => loaderOf(collection).load(id),
    async loadMany(collection, ids) {
      const loaded = await Promise.all(ids.map((id) => loaderOf(collection).load(id)));
      return loaded.filter((model) => model != null);
    },
    async list(collection, query, alsoFields = []) {
      const page = await loadListPage(scope, collection, query, alsoFields, planEmbed(scope, collection, query));
      // Related records WordPress embedded serve this request's loads of them by id (no request of their own).
      for (const related of Object.keys(page.embedded?.records ?? {}) as Collection[]) {
        const records = page.embedded?.records[related];
        if (records) prime(related, toModels(related, records, site));
      }
      // A post's embedded replies are all its comments when fewer than a full embedded page came.
      for (const [postId, comments] of page.embedded?.replies ?? []) {
        if (comments.length < EMBEDDED_PAGE) commentsByPost.prime(postId, { comments, complete: true });
      }
      const models = (await unlockProtected(scope, collection, toModels(collection, page.records, site), site)) as ModelOf<
        typeof collection
      >[];
      return { models: prime(collection, models), total: page.total };
    },
    async window(collection, query, offset, limit, flipped) {
      const page = await loadWindow(scope, collection, query, offset, limit, flipped);
      const models = (await unlockProtected(scope, collection, toModels(collection, page.records, site), site)) as ModelOf<
        typeof collection
      >[];
      return { models: prime(collection, models), total: page.total };
    },
    lookupIds: (collection, slugs) => lookupIds(scope, collection, slugs),
    preview: (collection, record) => loadPreview(scope, collection, record, site),
    revisions: (collection, record, query) => loadRevisions(scope, collection, record, site, query),
    revision: (collection, id) =>
      loadRevisionById(scope, collection, id, (c, parent) => loaderOf(c).load(parent) as Promise<PostModel | PageModel | null>, site),
    async viewer() {
      const viewer = await loadViewer(scope, site);
      if (viewer) prime('users', [viewer]);
      return viewer;
    },
    viewerSelf() {
      viewerSelf ??= loadViewerSelf(scope);
      return viewerSelf;
    },
    menuSite() {
      menuSite ??= loadMenuSite(scope, site, options.serviceAuthorization);
      return menuSite;
    },
    publicSettings() {
      publicSettings ??= loadPublicSettings(scope, options.serviceAuthorization);
      return publicSettings;
    },
    viewerAdminEmail() {
      viewerAdminEmail ??= loadViewerAdminEmail(scope);
      return viewerAdminEmail;
    },
    userNames: (id) => userNames.load(id),
    // Not primed into the comments loader: these records are the service account's view, not yet the viewer's.
    async serviceUserComments(userId) {
      const batched = await userComments.load(userId);
      return batched.complete ? toModels('comments', batched.comments, site) : null;
    },
    async serviceUserCommentsWindow(query, offset, limit, flipped) {
      const page = await loadUserCommentsWindow(scope, options.serviceAuthorization, query, offset, limit, flipped);
      return { models: toModels('comments', page.records, site), total: page.total };
    },
    async followLink(links, rel, expected, fallbackId) {
      const target = linkTarget(scope.client.origins, links, rel, expected, fallbackId);
      return target ? loaderOf(target.collection).load(target.id) : null;
    },
    commentsByPost,
    async commentModelsOf(postId) {
      const batched = await commentsByPost.load(postId);
      return batched.complete ? prime('comments', toModels('comments', batched.comments, site)) : null;
    },
  };
  return loaders;
}
