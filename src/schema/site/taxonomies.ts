import { enumValueName } from '../../discovery/names.ts';
import type { GraphQLFieldConfig } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { REST_EXTENSIONS } from '../../loaders/field-plan.ts';
import { connectionFamily, type SiteBuild } from './build.ts';
import { TEMPLATE_OF, TEMPLATE_ONLY } from './types.ts';

/** Discovered taxonomies: each a copy of `Category` (hierarchical) or `Tag` (flat), with its root fields. */
export function addTaxonomies(b: SiteBuild): void {
  const { base, served, family, cloneType, addFields, rewriteField } = b;
  for (const item of served.values()) {
    if (item.builtIn || item.entry.kind !== 'taxonomy') continue;
    const T = TEMPLATE_OF[item.like];
    const N = item.names.type;
    const local = family(
      [
        '{T}',
        ...connectionFamily('{T}'),
        '{T}IdType',
        ...connectionFamily('RootQueryTo{T}'),
        'RootQueryTo{T}ConnectionWhereArgs',
        ...connectionFamily('{T}To{T}'),
        '{T}To{T}ConnectionWhereArgs',
        ...connectionFamily('{T}ToAncestors{T}'),
        '{T}ToParent{T}ConnectionEdge',
      ],
      T,
      N,
    );
    for (const [from, to] of local) if (from !== T) cloneType(from, to, local);
    const restBase = item.entry.restBase;
    cloneType(T, N, local, {
      from: item.like,
      to: restBase,
      typename: N,
      description: `The ${item.entry.slug} taxonomy (discovered: ${item.entry.label})`,
      keepField: (f) => !TEMPLATE_ONLY.has(f),
      renameField: { [`${T.toLowerCase()}Id`]: `${item.names.single}Id` },
      extensions: { ...(base.getType(T)!.extensions as Record<string, unknown>), [REST_EXTENSIONS.collection]: restBase },
    });
    // `terms(where: { taxonomies: [GENRE] })`, `termNode(taxonomy: GENRE)` (src/schema/discovered-collections.ts).
    const taxonomyEnum = b.enumValues.get('TaxonomyEnum') ?? new Set<string>();
    taxonomyEnum.add(enumValueName(item.names.single));
    b.enumValues.set('TaxonomyEnum', taxonomyEnum);
    const rootQuery = base.getQueryType()!.toConfig().fields;
    const single = rootQuery[item.like === 'categories' ? 'category' : 'tag']!;
    const plural = rootQuery[item.like]!;
    addFields('RootQuery', () => ({
      [item.names.single]: {
        ...rewriteField(single as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `An object of the ${item.entry.slug} Type. `,
      },
      [item.names.plural]: {
        ...rewriteField(plural as GraphQLFieldConfig<unknown, GatewayContext>, local, item.like, restBase),
        description: `Connection between the RootQuery type and the ${item.entry.slug} type`,
      },
    }));
  }
}
