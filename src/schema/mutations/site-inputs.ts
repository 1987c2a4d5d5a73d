import type { MutationInput } from './common.ts';
import type { TermTaxonomy } from './term-input.ts';

/**
 * What the site schema (src/schema/site/built-in-inputs.ts) adds to a built-in mutation's input: the term inputs
 * of the site's custom taxonomies on posts or pages (`genres: PostGenresInput`) and `meta` for their registered
 * meta. The built-in resolvers (./posts.ts) are written once for every site, so the site's additions reach them
 * with the input, under a symbol no GraphQL input can carry.
 */
export interface SiteInputs {
  /** The custom taxonomies' term inputs, resolved as the built-in ones are (./term-input.ts). */
  taxonomies: readonly TermTaxonomy[];
  /** REST's `meta` object from the input's `meta`, when the type has registered meta. */
  meta?: (input: MutationInput) => Record<string, unknown> | undefined;
  /** REST parameter → input field, for naming the fields WordPress refuses (`genres`, `meta`). */
  names: Readonly<Record<string, string>>;
}

const SITE_INPUTS = Symbol('site inputs');

/** `input` carrying the site's additions for the built-in resolver. */
export function withSiteInputs(input: MutationInput, extras: SiteInputs): MutationInput {
  return Object.assign({ ...input }, { [SITE_INPUTS]: extras });
}

/** The site's additions carried by `input`; none on a site without custom taxonomies or meta on the type. */
export function siteInputsOf(input: MutationInput): SiteInputs {
  return (input as { [SITE_INPUTS]?: SiteInputs })[SITE_INPUTS] ?? { taxonomies: [], names: {} };
}
