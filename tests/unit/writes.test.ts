import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { localLimit, SlidingWindowLimit, sharedLimit } from '../../src/auth/rate-limit.ts';
import { AUTH_TOKEN_SECONDS, basicFromClaims, createTokenSealer, REFRESH_TOKEN_SECONDS, type TokenError } from '../../src/auth/tokens.ts';
import { readCommentForm } from '../../src/loaders/writes.ts';

describe('sign-in tokens', () => {
  const sealer = createTokenSealer('a-secret-of-at-least-32-characters-for-tests');
  const claims = { userId: 7, username: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' };
  const now = Date.parse('2026-12-07T00:00:00Z');

  it('round-trips, and hides the credential inside', () => {
    const token = sealer.issue({ ...claims, kind: 'auth' }, now);
    expect(token).toMatch(/^wpgw1\.[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(token.slice(6), 'base64url').toString('latin1');
    for (const secret of ['editor', 'abcd', claims.password]) expect(decoded).not.toContain(secret);
    expect(sealer.open(token, 'auth', now)).toEqual({ ...claims, kind: 'auth', exp: now / 1000 + AUTH_TOKEN_SECONDS });
    expect(basicFromClaims(claims)).toBe(`Basic ${Buffer.from('editor:abcd efgh ijkl mnop qrst uvwx').toString('base64')}`);
  });

  it('refuses expired, altered, foreign and wrong-kind tokens', () => {
    const auth = sealer.issue({ ...claims, kind: 'auth' }, now);
    const refresh = sealer.issue({ ...claims, kind: 'refresh' }, now);
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as TokenError).reason;
      }
      return 'accepted';
    };
    expect(reason(() => sealer.open(auth, 'auth', now + AUTH_TOKEN_SECONDS * 1000))).toBe('expired');
    expect(reason(() => sealer.open(refresh, 'refresh', now + (REFRESH_TOKEN_SECONDS - 1) * 1000))).toBe('accepted');
    expect(reason(() => sealer.open(refresh, 'auth', now))).toBe('wrong-kind');
    expect(reason(() => sealer.open(`${auth}x`, 'auth', now))).toBe('malformed');
    const flipped = `${auth.slice(0, 20)}${auth[20] === 'A' ? 'B' : 'A'}${auth.slice(21)}`;
    expect(reason(() => sealer.open(flipped, 'auth', now))).toBe('malformed');
    expect(reason(() => createTokenSealer('another-secret-of-at-least-32-characters').open(auth, 'auth', now))).toBe('malformed');
    expect(reason(() => sealer.open('eyJhbGciOiJIUzI1NiJ9.e30.x', 'auth', now))).toBe('malformed');
  });
});

describe('SlidingWindowLimit', () => {
  it('allows `limit` events per window per key, then says how long to wait', () => {
    let t = 0;
    const limit = new SlidingWindowLimit(2, 1_000, () => t);
    limit.hit('a');
    t = 100;
    limit.hit('a');
    expect(limit.retryAfterMs('a')).toBe(900);
    expect(limit.retryAfterMs('b')).toBe(0);
    t = 1_001;
    expect(limit.retryAfterMs('a')).toBe(0);
    limit.hit('a');
    limit.reset('a');
    expect(limit.retryAfterMs('a')).toBe(0);
    expect(new SlidingWindowLimit(0, 1_000).retryAfterMs('a')).toBe(0);
  });
});

describe('RateLimit: take checks and counts in one step; Redis down means per instance, never none', () => {
  it('localLimit: a refused take is not counted', async () => {
    let t = 0;
    const limit = localLimit(2, 1_000, () => t);
    expect([await limit.take('a'), await limit.take('a')]).toEqual([0, 0]);
    t = 400;
    expect(await limit.take('a')).toBe(600);
    expect(await limit.retryAfterMs('a')).toBe(600);
    t = 1_001;
    expect(await limit.take('a')).toBe(0);
  });

  it('sharedLimit with Redis not connected: the in-memory insurance limits, at once', async () => {
    // lazyConnect and never connected: status "wait", so rejectIfRedisNotReady sends every call to the insurance.
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false });
    const limit = sharedLimit(redis, 'test', 2, 60_000);
    expect([await limit.take('x'), await limit.take('x')]).toEqual([0, 0]);
    expect(await limit.take('x')).toBeGreaterThan(59_000);
    expect(await limit.retryAfterMs('x')).toBeGreaterThan(59_000);
    expect(await limit.retryAfterMs('y')).toBe(0);
    await limit.hit('y');
    await limit.hit('y');
    expect(await limit.retryAfterMs('y')).toBeGreaterThan(0);
    await limit.reset('y');
    expect(await limit.retryAfterMs('y')).toBe(0);
    redis.disconnect();
  });
});

describe("readCommentForm: WordPress's comment form answers", () => {
  const die = (message: string, status: number) => JSON.stringify({ code: 'wp_die', message: `<p>${message}</p>`, data: { status } });
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return [
        (error as { extensions?: { code?: string; field?: string } }).extensions?.code ?? (error as { code?: string }).code,
        (error as Error).message,
      ];
    }
    return ['none'];
  };

  it('a redirect to #comment-N saved it; unapproved= in it means held', () => {
    expect(readCommentForm(302, 'http://wp.test/?p=1#comment-12', '', 1)).toEqual({ id: 12, held: false });
    expect(readCommentForm(302, 'http://wp.test/?p=1&unapproved=12&moderation-hash=ab#comment-12', '', 1)).toEqual({ id: 12, held: true });
  });

  it('refusals become typed errors with WordPress message', () => {
    expect(
      codeOf(() =>
        readCommentForm(409, undefined, die('Duplicate comment detected; it looks as though you&#8217;ve already said that!', 409), 1),
      ),
    ).toEqual(['BAD_USER_INPUT', 'Duplicate comment detected; it looks as though you’ve already said that!']);
    expect(codeOf(() => readCommentForm(429, undefined, die('You are posting comments too quickly. Slow down.', 429), 1))[0]).toBe(
      'RATE_LIMITED',
    );
    expect(codeOf(() => readCommentForm(403, undefined, die('Sorry, comments are closed for this item.', 403), 1))).toEqual([
      'FORBIDDEN',
      'Sorry, comments are closed for this item.',
    ]);
    const html =
      '<html><body id="error-page"><div class="wp-die-message"><p><strong>Error:</strong> Please fill the required fields.</p></div></body></html>';
    expect(codeOf(() => readCommentForm(400, undefined, html, 1))).toEqual(['BAD_USER_INPUT', 'Please fill the required fields.']);
    expect(codeOf(() => readCommentForm(200, undefined, '', 1))[0]).toBe('NOT_FOUND');
    const [code, message] = codeOf(() => readCommentForm(302, 'http://wp.test/elsewhere', '', 1));
    expect(code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(message).toMatch(/may have been saved/);
    // No comment form at all: nothing can have been saved, and the message says so.
    const [missing, says] = codeOf(() => readCommentForm(404, undefined, '<html>Not Found</html>', 1));
    expect(missing).toBe('UPSTREAM_BAD_RESPONSE');
    expect(says).toMatch(/no comment form .*nothing was saved/);
  });
});
