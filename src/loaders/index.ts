import type DataLoader from 'dataloader';
import { createCommentsByPostLoader, type PostComments } from './lists.ts';
import type { UpstreamRequestScope } from './records.ts';

/**
 * The loaders that are not keyed by record id, built once per GraphQL request. (Loaders by id, one per REST
 * collection, are held by the Pothos dataloader plugin on each record type's ref: src/schema/refs.ts.)
 */
export interface Loaders {
  /** A post's comments, batched over posts (one page at most; see PostComments.complete). */
  commentsByPost: DataLoader<number, PostComments>;
}

/** Builds a request's loaders over one upstream scope (client, viewer credentials, `_fields` plan). */
export function createLoaders(scope: UpstreamRequestScope): Loaders {
  return { commentsByPost: createCommentsByPostLoader(scope) };
}
