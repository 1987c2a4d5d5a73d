import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The gateway's own sign-in tokens (`login` / `refreshJwtAuthToken`, WPGraphQL JWT Authentication's shape). A
 * token carries the WordPress credential it stands for (user name and application password), so it is
 * encrypted as well as authenticated: AES-256-GCM under a key derived with HKDF-SHA256 from the `auth-secret`
 * setting, a fresh 96-bit nonce per token. Nobody without the secret can read the password inside or forge a
 * token; changing the secret revokes every token. node:crypto does all of it: a JWT library (jose) was
 * considered, but a signed JWT is readable by its holder, and JWE would add a dependency to do what these few
 * lines do.
 *
 * Format: `wpgw1.<base64url(nonce ‖ ciphertext ‖ tag)>`. The prefix lets the context tell a gateway token from a
 * WordPress JWT plugin's bearer token, which is forwarded to WordPress unchanged.
 */

/** What a token stands for. */
export interface TokenClaims {
  kind: 'auth' | 'refresh';
  /** WordPress user id. */
  userId: number;
  username: string;
  /** The application password (never leaves the token but to WordPress, as HTTP Basic). */
  password: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

/** The prefix of every gateway token. */
export const TOKEN_PREFIX = 'wpgw1.';

/** How long an auth token is accepted: WPGraphQL JWT Authentication's default (300 s). */
export const AUTH_TOKEN_SECONDS = 300;

/**
 * How long a refresh token is accepted: 7 days. WPGraphQL JWT Authentication's last a year, revoked by a
 * per-user secret in WordPress; ours cannot be revoked one by one (revoking the application password in WordPress
 * ends it at the next refresh, which checks it again; changing `auth-secret` ends them all), so a week bounds
 * what a leaked one is worth while sparing an editor a sign-in every day.
 */
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 3600;

/** Why a token was not accepted. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    message: string,
    readonly reason: 'malformed' | 'expired' | 'wrong-kind',
  ) {
    super(message);
  }
}

/** Seals and opens tokens with one secret. */
export interface TokenSealer {
  /** A new token for `claims` without `exp`, valid for its kind's lifetime from `now`. */
  issue(claims: Omit<TokenClaims, 'exp'>, now?: number): string;
  /** The claims of a token of `kind`; throws TokenError when it is not one of ours, was altered, or expired. */
  open(token: string, kind: TokenClaims['kind'], now?: number): TokenClaims;
}

const NONCE = 12;
const TAG = 16;

/** A sealer for the `auth-secret` setting. */
export function createTokenSealer(secret: string): TokenSealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'wp-graphql-gateway', 'sign-in tokens v1', 32));
  return {
    issue(claims, now = Date.now()) {
      const lifetime = claims.kind === 'auth' ? AUTH_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS;
      const body: TokenClaims = { ...claims, exp: Math.floor(now / 1000) + lifetime };
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(TOKEN_PREFIX));
      const sealed = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
      return `${TOKEN_PREFIX}${Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url')}`;
    },
    open(token, kind, now = Date.now()) {
      const malformed = () => new TokenError('The token is not one this gateway issued, or it was altered.', 'malformed');
      if (!token.startsWith(TOKEN_PREFIX)) throw malformed();
      const text = token.slice(TOKEN_PREFIX.length);
      const raw = Buffer.from(text, 'base64url');
      // Node's decoder skips what is not base64url and a dangling last character: only the exact encoding is one of ours.
      if (raw.length <= NONCE + TAG || raw.toString('base64url') !== text) throw malformed();
      let claims: TokenClaims;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE));
        decipher.setAAD(Buffer.from(TOKEN_PREFIX));
        decipher.setAuthTag(raw.subarray(raw.length - TAG));
        const plain = Buffer.concat([decipher.update(raw.subarray(NONCE, raw.length - TAG)), decipher.final()]).toString('utf8');
        claims = JSON.parse(plain) as TokenClaims;
      } catch {
        throw malformed();
      }
      if (claims.kind !== kind) {
        throw new TokenError(
          kind === 'auth'
            ? 'A refresh token cannot authorise requests: exchange it with refreshJwtAuthToken for an auth token.'
            : 'This is an auth token, not a refresh token: send the refreshToken login gave.',
          'wrong-kind',
        );
      }
      if (claims.exp * 1000 <= now) {
        throw new TokenError(
          kind === 'auth'
            ? 'The auth token has expired: get a new one with refreshJwtAuthToken, or log in again.'
            : 'The refresh token has expired: log in again.',
          'expired',
        );
      }
      return claims;
    },
  };
}

/** HTTP Basic for WordPress from a token's claims. */
export function basicFromClaims(claims: Pick<TokenClaims, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${claims.username}:${claims.password}`, 'utf8').toString('base64')}`;
}
