import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { GatewayContext } from './context.ts';
import { toGlobalId } from './models/global-id.ts';

/**
 * The one SchemaBuilder. It sets up plugins, scalars and the context type and defines no types: those live one
 * per file under src/schema/.
 *
 * - relay: the `Node` interface and global ids. Ids are encoded exactly as WPGraphQL does (base64 of
 *   `post:12`, `term:3`, `user:1`, `comment:9`), so ids a front end stored from WPGraphQL still resolve. The
 *   plugin's own `node`/`nodes` fields and connection helpers are off: WPGraphQL's `node(id)` must work out
 *   the type by asking WordPress, and its connections have per-connection type names (`RootQueryToPost…`)
 *   and page-info extras (`total`, `offsetPagination`) that src/schema/connections.ts builds.
 *
 * No dataloader plugin: the request's loaders (src/loaders/) batch every read, and resolvers ask them.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: true;
  Scalars: { ID: { Input: string; Output: string | number } };
}>({
  plugins: [RelayPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    encodeGlobalID: (typename, id) => toGlobalId(globalIdPrefix(typename), Number(id)),
    decodeGlobalID: () => {
      throw new Error('Global ids are decoded by src/schema/node.ts, which knows WPGraphQL prefixes');
    },
  },
});

/** WPGraphQL's global-id prefix per GraphQL type: every post type shares `post`, every taxonomy `term`. */
export function globalIdPrefix(typename: string): 'post' | 'term' | 'user' | 'comment' | 'comment_author' {
  switch (typename) {
    case 'Post':
    case 'Page':
    case 'MediaItem':
      return 'post';
    case 'Category':
    case 'Tag':
      return 'term';
    case 'User':
      return 'user';
    case 'Comment':
      return 'comment';
    case 'CommentAuthor':
      return 'comment_author';
    default:
      throw new Error(`No WPGraphQL global-id prefix for type ${typename}`);
  }
}

/** The builder's resolved type parameters, for code that names Pothos refs. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
