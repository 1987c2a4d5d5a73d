import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError as yogaOptionMaskError } from '../../src/plugins/mask-upstream-errors.ts';
import { errorFromResponse, notJsonError, publicMessage, WordPressError } from '../../src/wordpress/errors.ts';

describe('errorFromResponse: one status → code map', () => {
  const body = (code: string, message: string) => ({ code, message, data: {} });
  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
  ] as const)('%i with a WordPress body → %s, keeping its message', (status, code) => {
    const error = errorFromResponse(status, body('rest_x', 'Invalid post ID.'), '/wp/v2/posts');
    expect([error.code, error.message, error.wpCode, error.status]).toEqual([code, 'Invalid post ID.', 'rest_x', status]);
  });

  it('429 → UPSTREAM_RATE_LIMITED with Retry-After', () => {
    const error = errorFromResponse(429, undefined, '/wp/v2/posts', 30);
    expect([error.code, error.retryAfterSeconds]).toEqual(['UPSTREAM_RATE_LIMITED', 30]);
  });

  it.each([500, 502, 503, 504])('%i → UPSTREAM_UNAVAILABLE with a generic message, never the body', (status) => {
    const error = errorFromResponse(status, body('db_error', 'SQLSTATE[42000] near wp_posts'), '/wp/v2/posts');
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe(`WordPress failed with status ${status} (/wp/v2/posts)`);
  });

  it('a redirect → UPSTREAM_BAD_RESPONSE saying it is not followed', () => {
    const error = errorFromResponse(301, {}, '/wp/v2/posts');
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('does not follow redirects');
  });

  it('a 4xx without a WordPress body → UPSTREAM_BAD_RESPONSE', () => {
    expect(errorFromResponse(403, '<html>Forbidden by firewall</html>', '/wp/v2/posts').code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});

describe('publicMessage', () => {
  it('strips tags and collapses whitespace', () => {
    expect(publicMessage('<strong>Error:</strong>  Unknown\n username.')).toBe('Error: Unknown username.');
  });
  it('cuts at 200 characters', () => {
    const cut = publicMessage('x'.repeat(500));
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('notJsonError says what came instead of JSON, without quoting it', () => {
  it.each([
    [
      '<br />\n<b>Notice</b>:  Undefined index: x in <b>/var/www/a.php</b> on line <b>3</b><br />\n[{"id":1}]',
      'application/json',
      'PHP notices',
    ],
    ['PHP Warning:  foo() in /var/www/b.php on line 9\n[]', 'application/json', 'PHP notices'],
    ['<!DOCTYPE html><html><body>Maintenance</body></html>', 'text/html', 'HTML page'],
    ['<html><body>x</body></html>', 'application/json', 'HTML page'],
    ['', 'application/json', 'empty body'],
    ['{"id": 1, "title": ', 'application/json', 'not valid JSON'],
  ])('%j', (text, type, says) => {
    const error = notJsonError('/wp/v2/posts', 200, text, type);
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain(says);
    expect(error.message).not.toContain('/var/www');
    expect(error.message).not.toContain('Maintenance');
  });
});

// Typed as Yoga's optional option; it is always defined.
const maskError = yogaOptionMaskError as NonNullable<typeof yogaOptionMaskError>;

describe('maskError', () => {
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['posts'] });

  it('gives WordPress failures their code, a safe message, the retry advice and the path', () => {
    const masked = maskError(
      wrap(
        new WordPressError(
          'WordPress is rate limiting the gateway (/wp/v2/posts)',
          'UPSTREAM_RATE_LIMITED',
          429,
          undefined,
          '/wp/v2/posts',
          12,
        ),
      ),
      'Unexpected error.',
      false,
    ) as GraphQLError;
    expect(masked.message).toBe('WordPress is rate limiting the gateway (/wp/v2/posts)');
    expect(masked.extensions).toEqual({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 12 });
    expect(masked.path).toEqual(['posts']);
  });

  it('masks anything else as "Unexpected error." with no stack or original message, even in development mode', () => {
    const masked = maskError(
      wrap(new TypeError("Cannot read properties of undefined (reading 'rendered') at /srv/app/src/models/post.ts:42")),
      'Unexpected error.',
      true,
    ) as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    const json = JSON.stringify(masked.toJSON());
    expect(json).not.toContain('rendered');
    expect(json).not.toContain('/srv/app');
    expect(json).not.toMatch(/stack/i);
  });
});
