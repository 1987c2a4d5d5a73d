import { describe, expect, it } from 'vitest';
import { linkedId, linkRoute, parseLink, RefusedLinkError } from '../../src/loaders/links.ts';

const ORIGINS = new Set(['https://example.com', 'http://internal.wp:8080']);

describe('parseLink', () => {
  it('reads a record route under /wp-json/', () => {
    expect(parseLink('https://example.com/wp-json/wp/v2/users/12', ORIGINS)).toEqual({ collection: 'users', id: 12, query: {} });
  });

  it('reads a collection route with its query', () => {
    expect(parseLink('https://example.com/wp-json/wp/v2/comments?post=2786', ORIGINS)).toEqual({
      collection: 'comments',
      query: { post: '2786' },
    });
  });

  it('reads the ?rest_route= form of sites without pretty permalinks', () => {
    expect(parseLink('http://internal.wp:8080/?rest_route=/wp/v2/media/2787', ORIGINS)).toEqual({
      collection: 'media',
      id: 2787,
      query: {},
    });
  });

  it('reads a sub-folder install', () => {
    expect(parseLink('https://example.com/en/wp-json/wp/v2/posts/1', ORIGINS)).toMatchObject({ collection: 'posts', id: 1 });
  });

  it.each([
    ['a foreign origin', 'https://evil.example/wp-json/wp/v2/users/1'],
    ['another port of the same host', 'https://example.com:8443/wp-json/wp/v2/users/1'],
    ['a cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private-range address', 'http://10.0.0.5/wp-json/wp/v2/users/1'],
    ['a loopback address not configured', 'http://127.0.0.1/wp-json/wp/v2/users/1'],
    ['credentials in the URL', 'https://user:pw@example.com/wp-json/wp/v2/users/1'],
    ['a non-http scheme', 'file:///etc/passwd'],
    ['a relative href', '/wp-json/wp/v2/users/1'],
    ['a route outside wp/v2', 'https://example.com/wp-json/wc/v3/orders/1'],
    ['a collection the gateway does not read', 'https://example.com/wp-json/wp/v2/settings'],
    ['a path that is not a REST route', 'https://example.com/wp-admin/users.php?user_id=1'],
  ])('refuses %s without sending anything', (_label, href) => {
    expect(() => parseLink(href, ORIGINS)).toThrow(RefusedLinkError);
  });
});

describe('linkRoute / linkedId', () => {
  const links = {
    author: [{ href: 'https://example.com/wp-json/wp/v2/users/3', embeddable: true }],
    'wp:featuredmedia': [{ href: 'https://example.com/wp-json/wp/v2/media/9' }],
  };

  it('gives undefined when the relation is absent (no featured image, or hidden)', () => {
    expect(linkRoute(links, 'up', ORIGINS)).toBeUndefined();
    expect(linkRoute(undefined, 'author', ORIGINS)).toBeUndefined();
  });

  it('gives the id of the expected collection', () => {
    expect(linkedId(links, 'author', 'users', ORIGINS)).toBe(3);
  });

  it('refuses a relation pointing to another collection than expected', () => {
    expect(() => linkedId(links, 'wp:featuredmedia', 'users', ORIGINS)).toThrow(/expected a users record/);
  });
});
