import type { GraphQLFieldConfig, GraphQLInputFieldConfigMap, GraphQLInputObjectType, GraphQLNamedType } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import { metaBody, metaInputType, termInputFields } from '../mutations/discovered.ts';
import type { MutationInput } from '../mutations/common.ts';
import { type SiteInputs, withSiteInputs } from '../mutations/site-inputs.ts';
import type { SiteBuild } from './build.ts';
import { metaFieldName } from './meta.ts';

/**
 * The built-in post types' mutations (`createPost`, `updatePost`, `createPage`, `updatePage`) take what the site
 * adds to those types, as WPGraphQL's PostObjectCreate::get_input_fields adds it: one term input per custom
 * taxonomy registered on the type (`genres: PostGenresInput { append nodes: [PostGenresNodeInput] }`, names
 * checked against WPGraphQL 2.20's live schema), and, as the discovered types' mutations do, `meta:
 * PostMetaInput` for its registered meta. The fields join the inputs here; the resolvers, written once for every
 * site (src/schema/mutations/posts.ts), are handed what to do with them along with the input
 * (../mutations/site-inputs.ts). Runs after ./meta.ts (field names) and ./mutations.ts.
 *
 * Media, category, tag and user mutations take no site additions yet (WPGraphQL adds none to them but `meta`,
 * which it does not serve at all).
 */
export function addBuiltInInputs(b: SiteBuild): void {
  const mutation = b.base.getMutationType();
  if (!mutation) return;
  const rootFields = mutation.toConfig().fields;
  const options = {
    served: b.served,
    typeRef: (name: string) => b.typeRef(name),
    isTaken: (name: string) => b.taken.has(name) || b.created.has(name),
    metaFieldName,
  };
  const free = (name: string) => !options.isTaken(name);
  const add = <T extends GraphQLNamedType>(type: T): T => {
    b.created.set(type.name, type);
    return type;
  };
  for (const item of b.served.values()) {
    if (!item.builtIn || item.entry.kind !== 'postType') continue;
    const T = item.names.type;
    if (T !== 'Post' && T !== 'Page') continue;
    const inputs = [`Create${T}Input`, `Update${T}Input`];
    const own = new Set(Object.keys((b.base.getType(inputs[0]!) as GraphQLInputObjectType).getFields()));
    const terms = termInputFields(item, options, free, add, (field) => own.has(field));
    if (!terms) {
      b.warnings.push(`Term inputs of "${item.entry.slug}" skipped: a ${T}<Taxonomy>Input name is taken`);
    }
    const meta = own.has('meta') ? undefined : metaInputType(item, options, free, add);
    const fields: GraphQLInputFieldConfigMap = {
      ...terms?.fields,
      ...(meta
        ? { meta: { type: meta.type, description: 'Registered meta to set (REST `meta`: keys registered with show_in_rest)' } }
        : {}),
    };
    if (Object.keys(fields).length === 0) continue;
    for (const input of inputs) b.addInputFields(input, () => fields);
    const extras: SiteInputs = {
      taxonomies: terms?.taxonomies ?? [],
      meta: meta ? (input) => metaBody(input, meta, metaFieldName) : undefined,
      names: {
        ...Object.fromEntries((terms?.taxonomies ?? []).map((t) => [t.collection, t.field])),
        ...(meta ? { meta: 'meta' } : {}),
      },
    };
    for (const name of [`create${T}`, `update${T}`]) {
      const field = rootFields[name] as GraphQLFieldConfig<unknown, GatewayContext> | undefined;
      const resolve = field?.resolve;
      if (!field || !resolve) continue;
      b.addFields(mutation.name, () => ({
        [name]: {
          ...field,
          resolve: (root, args: { input: MutationInput }, context, info) =>
            resolve(root, { ...args, input: withSiteInputs(args.input, extras) }, context, info),
        },
      }));
    }
  }
}
