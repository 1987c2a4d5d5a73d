/**
 * What a naive GraphQL server over REST does for the home query: one request per resolved field (the N+1
 * pattern) — the posts page, then for each post its author, its featured image, its categories and its tags,
 * each by its own URL, as `_links` name them. Resolvers of one level run in parallel, as GraphQL executes them.
 * Used to count requests (and time them), never as part of the gateway.
 */
import { request } from 'undici';

interface Post {
  id: number;
  author: number;
  featured_media: number;
}

/** Runs the naive resolution of the home query against a REST root; resolves with how many GETs it sent. */
export async function naiveHomeQuery(restRoot: string, n: number): Promise<number> {
  let requests = 0;
  const get = async <T>(path: string): Promise<T> => {
    requests++;
    const response = await request(`${restRoot}${path}`);
    return (await response.body.json()) as T;
  };
  const posts = await get<Post[]>(`/wp/v2/posts?per_page=${n}`);
  await Promise.all(
    posts.flatMap((post) => [
      get(`/wp/v2/users/${post.author}`),
      post.featured_media ? get(`/wp/v2/media/${post.featured_media}`) : Promise.resolve(),
      get(`/wp/v2/categories?post=${post.id}`),
      get(`/wp/v2/tags?post=${post.id}`),
    ]),
  );
  return requests;
}
