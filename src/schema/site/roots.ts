import type { GraphQLFieldConfig } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { Collection } from '../../wordpress/rest-types.ts';
import { withAlias } from './alias.ts';
import type { SiteBuild } from './build.ts';
import type { AnyResolver, Served } from './types.ts';

/** `node`, `nodeByUri` and `contentNode` also find records of the discovered collections. */
export function addNodeLookups(b: SiteBuild): void {
  const { base, served, addFields } = b;
  const discoveredContent = [...served.values()].filter((i) => !i.builtIn && i.entry.kind === 'postType');
  const discoveredTerms = [...served.values()].filter((i) => !i.builtIn && i.entry.kind === 'taxonomy');
  if (discoveredContent.length + discoveredTerms.length > 0) {
    const root = base.getQueryType()!.toConfig().fields;
    const node = root.node!;
    const nodeByUri = root.nodeByUri!;
    const contentNode = root.contentNode!;
    // A discovered post type's lookups are the page's, reading its own collection.
    const lookupIn = (
      c: Served,
      id: unknown,
      idType: unknown,
      source: unknown,
      context: GatewayContext,
      info: Parameters<AnyResolver>[3],
    ) =>
      (withAlias(root.page!.resolve as AnyResolver, 'pages', c.entry.restBase) as AnyResolver)(
        source,
        { id, idType },
        context,
        info,
      ) as Promise<unknown>;
    addFields('RootQuery', () => ({
      node: {
        ...(node as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (node.resolve as AnyResolver)(source, args, context, info);
          if (found) return found;
          const decoded = decodeNodeId(String(args.id ?? ''));
          if (!decoded) return null;
          const candidates = decoded.type === 'post' ? discoveredContent : decoded.type === 'term' ? discoveredTerms : [];
          return firstFound(candidates.map((c) => context.loaders.load(c.entry.restBase as Collection, decoded.id) as Promise<unknown>));
        },
      },
      contentNode: {
        ...(contentNode as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (contentNode.resolve as AnyResolver)(source, args, context, info);
          if (found || discoveredContent.length === 0) return found;
          return firstFound(discoveredContent.map((c) => lookupIn(c, args.id, args.idType ?? 'ID', source, context, info)));
        },
      },
      nodeByUri: {
        ...(nodeByUri as GraphQLFieldConfig<unknown, GatewayContext>),
        resolve: async (source, args, context, info) => {
          const found = await (nodeByUri.resolve as AnyResolver)(source, args, context, info);
          if (found) return found;
          // The same lookups as for pages and categories, reading the discovered collections.
          const term = root.category!.resolve as AnyResolver;
          return firstFound([
            ...discoveredContent.map((c) => lookupIn(c, args.uri, 'URI', source, context, info)),
            ...discoveredTerms.map(
              (c) =>
                (withAlias(term, 'categories', c.entry.restBase) as AnyResolver)(
                  source,
                  { id: args.uri, idType: 'URI' },
                  context,
                  info,
                ) as Promise<unknown>,
            ),
          ]);
        },
      },
    }));
  }
}

async function firstFound(lookups: Promise<unknown>[]): Promise<unknown> {
  const found = await Promise.all(lookups);
  return found.find((x) => x != null) ?? null;
}

function decodeNodeId(id: string): { type: string; id: number } | null {
  try {
    const decoded = Buffer.from(id, 'base64').toString('utf8');
    const [type, raw] = decoded.split(':');
    const n = Number(raw);
    return type && Number.isSafeInteger(n) && n > 0 ? { type, id: n } : null;
  } catch {
    return null;
  }
}
