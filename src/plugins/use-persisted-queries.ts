import { createHash } from 'node:crypto';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { PersistedQueryStore } from '../cache/persisted-queries.ts';

/** `extensions.persistedQuery` as Apollo Client and urql send it. */
interface PersistedQueryExtension {
  version: 1;
  sha256Hash: string;
}

function persistedQueryOf(extensions: Record<string, unknown> | undefined): PersistedQueryExtension | undefined {
  const value = extensions?.persistedQuery as Partial<PersistedQueryExtension> | undefined;
  return value && value.version === 1 && typeof value.sha256Hash === 'string' ? (value as PersistedQueryExtension) : undefined;
}

// Never kept by a CDN: the next request of the protocol registers the document and gets a real answer.
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Automatic persisted queries, the protocol Apollo Client and urql speak: a client sends only
 * `extensions.persistedQuery.sha256Hash`; an unknown hash is answered `PersistedQueryNotFound`
 * (`PERSISTED_QUERY_NOT_FOUND`, HTTP 404), and the client sends the document with its hash once, which
 * registers it. Works over GET, so persisted queries can be cached by a CDN.
 *
 * This is `@graphql-yoga/plugin-apq` 3.6 rewritten (same messages, codes and statuses) over the gateway's
 * store (memory, or Redis shared by every instance): that package declares a peer dependency on
 * `@graphql-tools/utils@10`, which conflicts with the `@graphql-tools/utils@11` graphql-yoga 5.24 uses, so npm
 * refuses to install it (ERESOLVE) without `--legacy-peer-deps`. It runs before the response cache, which keys
 * on the document this resolves.
 */
export function usePersistedQueries(store: PersistedQueryStore): Plugin<GatewayContext> {
  return {
    async onParams({ params, setParams }) {
      const persisted = persistedQueryOf(params.extensions);
      if (!persisted) return;
      if (params.query == null) {
        const query = await store.get(persisted.sha256Hash);
        if (query === undefined) {
          throw createGraphQLError('PersistedQueryNotFound', {
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404, headers: NO_STORE } },
          });
        }
        setParams({ ...params, query });
        return;
      }
      if (createHash('sha256').update(params.query).digest('hex') !== persisted.sha256Hash) {
        throw createGraphQLError('PersistedQueryMismatch', {
          extensions: { code: 'PERSISTED_QUERY_MISMATCH', http: { status: 400, headers: NO_STORE } },
        });
      }
      await store.set(persisted.sha256Hash, params.query);
    },
  };
}
