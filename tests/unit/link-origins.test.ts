/**
 * The origin check on `_links` against the URL tricks SSRF payloads use to reach private ranges and cloud
 * metadata services. parseLink is pure: nothing here is sent anywhere (these addresses are never contacted by
 * tests). tests/unit/links.test.ts covers the plain cases.
 */
import { describe, expect, it } from 'vitest';
import { parseLink, RefusedLinkError } from '../../src/loaders/links.ts';

const SITE = new Set(['https://blog.example']);

describe('parseLink refuses every way of naming another host', () => {
  it.each([
    ['AWS/GCP/Azure metadata', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['GCP metadata by name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['Alibaba metadata', 'http://100.100.100.200/latest/meta-data/'],
    ['AWS IPv6 metadata', 'http://[fd00:ec2::254]/latest/meta-data/'],
    ['metadata as a decimal integer', 'http://2852039166/latest/meta-data/'],
    ['metadata in hex', 'http://0xa9fea9fe/latest/meta-data/'],
    ['IPv4-mapped IPv6 metadata', 'http://[::ffff:169.254.169.254]/'],
    ['10/8', 'http://10.1.2.3/wp-json/wp/v2/users/1'],
    ['172.16/12', 'https://172.20.0.1/wp-json/wp/v2/users/1'],
    ['192.168/16', 'http://192.168.1.1/wp-json/wp/v2/users/1'],
    ['loopback', 'http://127.0.0.1:6379/'],
    ['IPv6 loopback', 'http://[::1]/wp-json/wp/v2/users/1'],
    ['localhost', 'http://localhost/wp-json/wp/v2/users/1'],
    ['the site name as userinfo before another host', 'https://blog.example@169.254.169.254/wp-json/wp/v2/users/1'],
    ['a look-alike subdomain', 'https://blog.example.evil.example/wp-json/wp/v2/users/1'],
    ['a backslash host confusion', 'https://evil.example\\@blog.example/wp-json/wp/v2/users/1'],
    ['the site over plain http', 'http://blog.example/wp-json/wp/v2/users/1'],
    ['a protocol-relative href', '//169.254.169.254/wp-json/wp/v2/users/1'],
    ['gopher', 'gopher://127.0.0.1:6379/_INFO'],
    ['data', 'data:application/json,{"id":1}'],
  ])('%s', (_label, href) => {
    expect(() => parseLink(href, SITE)).toThrow(RefusedLinkError);
  });

  it('still reads the site’s own links (so the refusals above are not a check that refuses everything)', () => {
    expect(parseLink('https://blog.example/wp-json/wp/v2/users/1', SITE)).toEqual({ collection: 'users', id: 1, query: {} });
    expect(parseLink('https://BLOG.example:443/wp-json/wp/v2/users/1', SITE)).toMatchObject({ collection: 'users', id: 1 });
  });
});
