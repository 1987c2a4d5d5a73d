import { GraphQLFloat, GraphQLList, type GraphQLNamedType, GraphQLObjectType, GraphQLString } from 'graphql';
import { restSources } from '../rest-sources.ts';
import { restOf } from './alias.ts';
import type { SiteBuild } from './build.ts';

/** Yoast SEO's `seo` field (WPGraphQL Yoast SEO's shape) on each served type whose records carry `yoast_head_json`. */
export function addSeo(b: SiteBuild): void {
  const { served, created, addFields, typeRef } = b;
  const anySeo = [...served.values()].some((item) => item.entry.seo);
  if (anySeo) {
    for (const type of seoTypes()) created.set(type.name, type);
    for (const item of served.values()) {
      if (!item.entry.seo) continue;
      const sources = item.entry.seoHead ? ['yoast_head_json', 'yoast_head'] : ['yoast_head_json'];
      const postType = item.entry.kind === 'postType';
      addFields(item.names.type, () => ({
        seo: {
          type: typeRef(item.entry.kind === 'user' ? 'SEOUser' : postType ? 'PostTypeSEO' : 'TaxonomySEO') as GraphQLObjectType,
          description: 'The Yoast SEO data of the node (from its `yoast_head_json`)',
          extensions: restSources(...sources),
          resolve: (model: unknown) => {
            const rest = restOf(model);
            const head = rest.yoast_head_json;
            return head && typeof head === 'object' ? { head, html: typeof rest.yoast_head === 'string' ? rest.yoast_head : null } : null;
          },
        },
      }));
    }
  }
}

// --- Yoast SEO: WPGraphQL Yoast SEO's types, answered from `yoast_head_json` ----------------------------------------

interface YoastHead {
  title?: string;
  description?: string;
  robots?: Record<string, string>;
  canonical?: string;
  og_type?: string;
  og_title?: string;
  og_description?: string;
  og_url?: string;
  og_site_name?: string;
  article_publisher?: string;
  article_author?: string;
  article_published_time?: string;
  article_modified_time?: string;
  twitter_title?: string;
  twitter_description?: string;
  twitter_misc?: Record<string, string>;
  schema?: { '@graph'?: { '@type'?: string | string[]; itemListElement?: { name?: string; item?: string }[] }[] };
}

interface SeoSource {
  head: YoastHead;
  html: string | null;
}

const str = (read: (head: YoastHead) => unknown) => ({
  type: GraphQLString,
  resolve: (source: SeoSource) => {
    const value = read(source.head);
    return typeof value === 'string' ? value : null;
  },
});

/** PostTypeSEO, TaxonomySEO and their parts, as the WPGraphQL Yoast SEO extension names them. */
function seoTypes(): GraphQLNamedType[] {
  const breadcrumbs = new GraphQLObjectType({
    name: 'SEOPostTypeBreadcrumbs',
    fields: { url: { type: GraphQLString }, text: { type: GraphQLString } },
  });
  const schemaFields = {
    raw: {
      type: GraphQLString,
      description: 'The schema.org graph, as JSON',
      resolve: (head: YoastHead) => (head.schema ? JSON.stringify(head.schema) : null),
    },
  };
  const postSchema = new GraphQLObjectType({ name: 'SEOPostTypeSchema', description: 'The Schema for post type', fields: schemaFields });
  const taxonomySchema = new GraphQLObjectType({ name: 'SEOTaxonomySchema', description: 'The Schema for taxonomy', fields: schemaFields });
  const base = {
    title: str((h) => h.title),
    metaDesc: str((h) => h.description),
    metaRobotsNoindex: str((h) => h.robots?.index),
    metaRobotsNofollow: str((h) => h.robots?.follow),
    opengraphTitle: str((h) => h.og_title),
    opengraphUrl: str((h) => h.og_url),
    opengraphSiteName: str((h) => h.og_site_name),
    opengraphType: str((h) => h.og_type),
    opengraphAuthor: str((h) => h.article_author),
    opengraphPublisher: str((h) => h.article_publisher),
    opengraphPublishedTime: str((h) => h.article_published_time),
    opengraphModifiedTime: str((h) => h.article_modified_time),
    opengraphDescription: str((h) => h.og_description),
    twitterTitle: str((h) => h.twitter_title),
    twitterDescription: str((h) => h.twitter_description),
    canonical: str((h) => h.canonical),
    breadcrumbs: {
      type: new GraphQLList(breadcrumbs),
      resolve: (source: SeoSource) => {
        const list = source.head.schema?.['@graph']?.find((node) => node['@type'] === 'BreadcrumbList');
        return list?.itemListElement?.map((item) => ({ text: item.name ?? null, url: item.item ?? null })) ?? null;
      },
    },
    fullHead: {
      type: GraphQLString,
      description: 'The head HTML Yoast prints (REST `yoast_head`)',
      resolve: (source: SeoSource) => source.html,
    },
  };
  const postTypeSeo = new GraphQLObjectType<SeoSource>({
    name: 'PostTypeSEO',
    fields: {
      ...base,
      readingTime: {
        type: GraphQLFloat,
        description: "Estimated reading time in minutes (Yoast's `Est. reading time`)",
        resolve: (source: SeoSource) => {
          const text = source.head.twitter_misc?.['Est. reading time'];
          const minutes = text ? Number.parseFloat(text) : Number.NaN;
          return Number.isFinite(minutes) ? minutes : null;
        },
      },
      schema: { type: postSchema, resolve: (source: SeoSource) => source.head },
    },
  });
  const taxonomySeo = new GraphQLObjectType<SeoSource>({
    name: 'TaxonomySEO',
    fields: { ...base, schema: { type: taxonomySchema, resolve: (source: SeoSource) => source.head } },
  });
  // A user's archive (WPGraphQL Yoast SEO's SEOUser): no breadcrumbs, reading time or publishing dates.
  const userSchema = new GraphQLObjectType({ name: 'SEOUserSchema', description: 'The Schema types for User', fields: schemaFields });
  const userSeo = new GraphQLObjectType<SeoSource>({
    name: 'SEOUser',
    fields: {
      title: base.title,
      metaDesc: base.metaDesc,
      metaRobotsNoindex: base.metaRobotsNoindex,
      metaRobotsNofollow: base.metaRobotsNofollow,
      canonical: base.canonical,
      opengraphTitle: base.opengraphTitle,
      opengraphDescription: base.opengraphDescription,
      twitterTitle: base.twitterTitle,
      twitterDescription: base.twitterDescription,
      fullHead: base.fullHead,
      schema: { type: userSchema, resolve: (source: SeoSource) => source.head },
    },
  });
  return [breadcrumbs, postSchema, taxonomySchema, postTypeSeo, taxonomySeo, userSchema, userSeo];
}
