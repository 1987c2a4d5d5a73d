import { builder, type BuilderTypes } from '../builder.ts';
import { type ConnectionArgs, defineConnection, paginationArgs, sliceConnection } from './connections.ts';
import { referenceInput } from './inputs.ts';
import { restSources } from './rest-sources.ts';

/**
 * `enqueuedScripts` and `enqueuedStylesheets` of content nodes, terms and users (WPGraphQL: Connection/EnqueuedScripts.php,
 * EnqueuedStylesheets.php), so that documents selecting them validate. WPGraphQL answers them by running the
 * theme's `wp_enqueue_scripts` for the node and reading `$wp_scripts`/`$wp_styles`; the REST API exposes neither
 * the handles nor their sources, so the gateway answers an empty connection (docs/compatibility.md, "Previews").
 * The asset types are declared for the schema only: no value of them is ever produced.
 */

/** An enqueued asset's fields, as WPGraphQL's model would carry them (never produced here: see above). */
interface AssetShape {
  id: string;
  handle: string | null;
}

const Node = builder.nodeInterfaceRef();

const assetFields = (t: PothosSchemaTypes.InterfaceFieldBuilder<BuilderTypes, AssetShape>) => ({
  id: t.id({ nullable: false, resolve: (a) => a.id }),
  handle: t.string({ resolve: (a) => a.handle }),
  src: t.string({ resolve: () => null }),
  version: t.string({ resolve: () => null }),
  after: t.stringList({ nullable: { list: true, items: true }, resolve: () => null }),
  before: t.stringList({ nullable: { list: true, items: true }, resolve: () => null }),
  conditional: t.string({ resolve: () => null }),
  group: t.int({ resolve: () => null }),
  args: t.boolean({ deprecationReason: 'Use `EnqueuedAsset.media` instead.', resolve: () => null }),
  extra: t.string({ deprecationReason: 'Use `EnqueuedScript.extraData` instead.', resolve: () => null }),
});

const EnqueuedAsset = builder.interfaceRef<AssetShape>('EnqueuedAsset');
EnqueuedAsset.implement({
  description: 'Asset enqueued by the CMS',
  fields: (t) => ({
    ...assetFields(t),
    dependencies: t.field({ type: [EnqueuedAsset], nullable: { list: true, items: true }, resolve: () => null }),
  }),
});

const ScriptLoadingGroupLocationEnum = builder.enumType('ScriptLoadingGroupLocationEnum', {
  description: 'Locations for script loading groups',
  values: { FOOTER: { value: 'FOOTER' }, HEADER: { value: 'HEADER' } } as const,
});
const ScriptLoadingStrategyEnum = builder.enumType('ScriptLoadingStrategyEnum', {
  description: 'The strategy to use when loading the script',
  values: { ASYNC: { value: 'ASYNC' }, DEFER: { value: 'DEFER' } } as const,
});

const EnqueuedScript = builder.objectRef<AssetShape>('EnqueuedScript');
EnqueuedScript.implement({
  description: 'Script enqueued by the CMS',
  interfaces: [EnqueuedAsset, Node],
  isTypeOf: () => false,
  fields: (t) => ({
    dependencies: t.field({ type: [EnqueuedScript], nullable: { list: true, items: true }, resolve: () => null }),
    extraData: t.string({ resolve: () => null }),
    groupLocation: t.field({ type: ScriptLoadingGroupLocationEnum, nullable: true, resolve: () => null }),
    strategy: t.field({ type: ScriptLoadingStrategyEnum, nullable: true, resolve: () => null }),
  }),
});

const EnqueuedStylesheet = builder.objectRef<AssetShape>('EnqueuedStylesheet');
EnqueuedStylesheet.implement({
  description: 'Stylesheet enqueued by the CMS',
  interfaces: [EnqueuedAsset, Node],
  isTypeOf: () => false,
  fields: (t) => ({
    dependencies: t.field({ type: [EnqueuedStylesheet], nullable: { list: true, items: true }, resolve: () => null }),
    isRtl: t.boolean({ resolve: () => null }),
    media: t.string({ resolve: () => null }),
    path: t.string({ resolve: () => null }),
    rel: t.string({ resolve: () => null }),
    suffix: t.string({ resolve: () => null }),
    title: t.string({ resolve: () => null }),
  }),
});

/** Who has the fields: the prefix of WPGraphQL's connection names (`ContentNodeToEnqueuedScriptConnection`, …). */
type Owner = 'ContentNode' | 'TermNode' | 'User';

/** The connection types and where-inputs of one owner, declared once. */
const declared = new Map<Owner, ReturnType<typeof declare>>();
function declare(owner: Owner) {
  return {
    scripts: defineConnection<AssetShape>(`${owner}ToEnqueuedScriptConnection`, 'EnqueuedScript', EnqueuedScript),
    stylesheets: defineConnection<AssetShape>(`${owner}ToEnqueuedStylesheetConnection`, 'EnqueuedStylesheet', EnqueuedStylesheet),
    scriptWhere: referenceInput(`${owner}ToEnqueuedScriptConnectionWhereArgs`, ['handlesIn']),
    stylesheetWhere: referenceInput(`${owner}ToEnqueuedStylesheetConnectionWhereArgs`, ['handlesIn']),
  };
}

/**
 * `enqueuedScripts` and `enqueuedStylesheets` of a content node, term or user (`owner`; ContentNode's and TermNode's
 * are inherited by the types implementing them): empty connections, with WPGraphQL's arguments (pagination args
 * are still checked, as on every connection).
 */
export function enqueuedAssetFields<T>(
  t: PothosSchemaTypes.InterfaceFieldBuilder<BuilderTypes, T> | PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>,
  owner: Owner,
) {
  let types = declared.get(owner);
  if (!types) {
    types = declare(owner);
    declared.set(owner, types);
  }
  return {
    enqueuedScripts: t.field({
      type: types.scripts,
      description: `Connection between the ${owner} type and the EnqueuedScript type`,
      args: paginationArgs(t, types.scriptWhere),
      extensions: restSources(),
      resolve: (_node: T, args: ConnectionArgs) => sliceConnection([] as AssetShape[], args),
    }),
    enqueuedStylesheets: t.field({
      type: types.stylesheets,
      description: `Connection between the ${owner} type and the EnqueuedStylesheet type`,
      args: paginationArgs(t, types.stylesheetWhere),
      extensions: restSources(),
      resolve: (_node: T, args: ConnectionArgs) => sliceConnection([] as AssetShape[], args),
    }),
  };
}
