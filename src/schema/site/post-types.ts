import { enumValueName } from '../../discovery/names.ts';
import type { GraphQLFieldConfig, GraphQLObjectType } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { REST_EXTENSIONS } from '../../loaders/field-plan.ts';
import { connectionFamily, type SiteBuild } from './build.ts';
import { keepsWhereArg, SUPPORT_INTERFACES, TEMPLATE_OF, TEMPLATE_ONLY } from './types.ts';

/**
 * Discovered post types: each a copy of `Post` (flat) or `Page` (hierarchical) under its own names, keeping the
 * interfaces its REST fields support, with its root fields (`book`, `books`) and, when its records have an author
 * (`supports: author`), the user's connection to them (`User.books`, as WPGraphQL registers for such a type).
 */
export function addPostTypes(b: SiteBuild): void {
  const { base, served, family, cloneType, addFields, rewriteField } = b;
  for (const item of served.values()) {
    if (item.builtIn || item.entry.kind !== 'postType') continue;
    const T = TEMPLATE_OF[item.like];
    const N = item.names.type;
    const fields = new Set(item.entry.fields);
    const local = family(
      [
        '{T}',
        ...connectionFamily('{T}'),
        '{T}IdType',
        ...connectionFamily('RootQueryTo{T}'),
        'RootQueryTo{T}ConnectionWhereArgs',
        ...connectionFamily('{T}ToComment'),
        '{T}ToCommentConnectionWhereArgs',
      ],
      T,
      N,
    );
    const template = base.getType(T) as GraphQLObjectType;
    const keptInterfaces = new Set(
      template
        .getInterfaces()
        .map((i) => i.name)
        .filter((i) => !SUPPORT_INTERFACES[i] || fields.has(SUPPORT_INTERFACES[i]!)),
    );
    const droppedFields = new Set<string>();
    const keptFields = new Set<string>();
    for (const i of template.getInterfaces()) {
      for (const f of Object.keys(i.getFields())) (keptInterfaces.has(i.name) ? keptFields : droppedFields).add(f);
    }
    if (!fields.has('comment_status')) droppedFields.add('comments');
    for (const [from, to] of local) {
      if (from === T) continue;
      const where = from.endsWith('WhereArgs') && from.startsWith('RootQueryTo');
      cloneType(from, to, local, where ? { keepField: keepsWhereArg(item.like) } : {});
    }
    const restBase = item.entry.restBase;
    const extensions = template.extensions as Record<string, unknown>;
    cloneType(T, N, local, {
      from: item.like,
      to: restBase,
      typename: N,
      description: `The ${item.entry.slug} type (discovered: ${item.entry.label})`,
      keepInterface: (i) => keptInterfaces.has(i),
      keepField: (f) => !TEMPLATE_ONLY.has(f) && (keptFields.has(f) || !droppedFields.has(f)),
      renameField: { [`${T.toLowerCase()}Id`]: `${item.names.single}Id` },
      extensions: {
        ...extensions,
        [REST_EXTENSIONS.collection]: restBase,
      },
    });
    // `contentNodes(where: { contentTypes: [BOOK] })` (src/schema/content-nodes.ts).
    const contentTypeEnum = b.enumValues.get('ContentTypeEnum') ?? new Set<string>();
    contentTypeEnum.add(enumValueName(item.entry.slug));
    b.enumValues.set('ContentTypeEnum', contentTypeEnum);
    const rootQuery = base.getQueryType()!.toConfig().fields;
    const single = rootQuery[T.toLowerCase()]!;
    const plural = rootQuery[`${T.toLowerCase()}s`]!;
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
    if (fields.has('author')) addUserConnection(b, item.like, T, N, item.names.plural, restBase);
  }
}

/**
 * `User.<plural>`: a copy of `User.posts` (or `User.pages`) reading the discovered collection, with its where-args
 * those every content route takes. Not added when the user type already has a field of that name.
 */
function addUserConnection(b: SiteBuild, like: string, T: string, N: string, plural: string, restBase: string): void {
  const { base, family, cloneType, addFields, rewriteField } = b;
  const user = base.getType('User') as GraphQLObjectType | undefined;
  const template = user?.toConfig().fields[`${T.toLowerCase()}s`];
  if (!user || !template || user.getFields()[plural]) return;
  const own = family([...connectionFamily('UserTo{T}'), 'UserTo{T}ConnectionWhereArgs'], T, N);
  if (!own.has(`UserTo${T}Connection`) || [...own.values()].some((name) => b.taken.has(name))) return;
  // The type's own names (`Post` → `Book`, `PostConnection` → `BookConnection`), made by addPostTypes.
  const local = new Map([...family(['{T}', ...connectionFamily('{T}')], T, N), ...own]);
  for (const [from, to] of own) {
    b.taken.add(to);
    const where = from.endsWith('WhereArgs');
    cloneType(from, to, local, where ? { keepField: keepsWhereArg(like) } : {});
  }
  addFields('User', () => ({
    [plural]: {
      ...rewriteField(template as GraphQLFieldConfig<unknown, GatewayContext>, local, like, restBase),
      description: `Connection between the User type and the ${N} type`,
    },
  }));
}
