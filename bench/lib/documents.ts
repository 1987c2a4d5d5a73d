/**
 * The GraphQL documents and REST calls the benchmark compares: the home query (N posts with author, terms and
 * featured image), a post page (post by slug, author, terms, comments), and the same data through REST `_embed`.
 */
import { readFileSync } from 'node:fs';

/** tests/operations/home-page.graphql (`$first`). */
export const HOME = readFileSync(new URL('../../tests/operations/home-page.graphql', import.meta.url), 'utf8');

/** The REST call that gives the home query's data in one request. */
export const homeEmbed = (n: number) => `/wp/v2/posts?per_page=${n}&_embed=author,wp:featuredmedia,wp:term`;

/**
 * A post page: the post by slug, its author, terms and comments, the data `posts?slug=…&_embed=author,wp:term,replies`
 * gives (tests/operations/post-page.graphql also asks category ancestors, which `_embed` does not).
 */
export const POST_PAGE = `query PostPage($slug: ID!) {
  post(id: $slug, idType: SLUG) {
    id title content date modified uri commentCount
    author { node { name description uri avatar { url } } }
    categories { nodes { name uri } }
    tags { nodes { name uri } }
    comments(first: 50) { nodes { id date content parentDatabaseId author { node { name } } } }
  }
}`;

export const postEmbed = (slug: string) => `/wp/v2/posts?slug=${encodeURIComponent(slug)}&_embed=author,wp:term,replies`;

/** Fields of the home query's posts a "varied" document picks from: other shapes over the same records. */
const POST_FIELDS = ['title', 'date', 'uri', 'excerpt', 'slug', 'databaseId'];
const RELATIONS = [
  'author { node { name } }',
  'author { node { name avatar { url } } }',
  'categories { nodes { name } }',
  'categories { nodes { name uri } }',
  'tags { nodes { name } }',
  'featuredImage { node { sourceUrl altText } }',
];

/**
 * The i-th of many distinct documents over the same N posts and their related records: a different subset of
 * fields and relations, and a unique alias, so no two are the same document (none is a response-cache hit).
 */
export function variedHomeDocument(i: number, n = 10): string {
  const fields = POST_FIELDS.filter((_, k) => (i >> k) & 1 || k === 0);
  const relations = RELATIONS.filter((_, k) => (i >> (k + 2)) & 1);
  return `{ v${i}: posts(first: ${n}) { nodes { id ${fields.join(' ')} ${relations.join(' ')} } } }`;
}
