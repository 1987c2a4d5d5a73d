import { GraphQLError } from 'graphql';
import { TokenError, type TokenSealer } from '../../auth/tokens.ts';
import { builder } from '../../builder.ts';
import type { GatewayContext } from '../../context.ts';
import type { UserModel } from '../../models/user.ts';
import { UserRef } from '../object-refs.ts';
import { type MutationInput, mutation, type PayloadShape } from './common.ts';

/**
 * `login` and `refreshJwtAuthToken` in WPGraphQL JWT Authentication's shape, for a WordPress user name and an
 * **application password** (WordPress core issues no tokens and accepts account passwords over REST only through
 * application passwords). The password is checked against `/wp/v2/users/me`; the tokens are the gateway's own
 * (src/auth/tokens.ts: encrypted and authenticated with the `auth-secret` setting), sent back as
 * `Authorization: Bearer <authToken>`, which the context turns into HTTP Basic for WordPress.
 *
 * Failed sign-ins are limited per user name (5 per 15 minutes) and per client address (20 per 15 minutes), and
 * every failure takes at least FAILURE_FLOOR_MS with the same message, so neither timing nor wording tells
 * whether a user exists.
 */

/** The least time a failed sign-in takes, from its start. */
const FAILURE_FLOOR_MS = 400;

const WRONG =
  'The username or application password is incorrect. Sign in with an application password (WordPress: Users → Profile → Application Passwords), not the account password.';

interface LoginPayload {
  authToken: string | null;
  refreshToken: string | null;
  user: UserModel | null;
}

const LoginPayloadRef = builder.objectRef<LoginPayload & PayloadShape>('LoginPayload');
LoginPayloadRef.implement({
  fields: (t) => ({
    clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
    authToken: t.exposeString('authToken', { nullable: true }),
    refreshToken: t.exposeString('refreshToken', { nullable: true }),
    user: t.field({ type: UserRef, nullable: true, resolve: (p) => p.user }),
  }),
});

const RefreshPayloadRef = builder.objectRef<{ authToken: string | null } & PayloadShape>('RefreshJwtAuthTokenPayload');
RefreshPayloadRef.implement({
  fields: (t) => ({
    clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
    authToken: t.exposeString('authToken', { nullable: true }),
  }),
});

/** The sealer, or the error naming the setting that turns sign-in on. */
function sealer(context: GatewayContext): TokenSealer {
  const tokens = context.guards.tokens;
  if (!tokens) {
    throw new GraphQLError('Sign-in is off on this gateway: set the auth-secret setting (AUTH_SECRET, --auth-secret) to turn on login.', {
      extensions: { code: 'FORBIDDEN', setting: 'auth-secret' },
    });
  }
  return tokens;
}

const rateLimited = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return new GraphQLError(`Too many failed sign-ins: try again in ${seconds} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
  });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

mutation('login', 'LoginInput', ['clientMutationId', 'password', 'username'], LoginPayloadRef, async (input: MutationInput, context) => {
  const tokens = sealer(context);
  const username = String(input.username ?? '').trim();
  const password = String(input.password ?? '').trim();
  const userKey = username.toLowerCase();
  const { loginsPerUser, loginsPerAddress } = context.guards;
  const wait = Math.max(await loginsPerUser.retryAfterMs(userKey), await loginsPerAddress.retryAfterMs(context.clientAddress));
  if (wait > 0) throw rateLimited(wait);

  const started = performance.now();
  // Always asked, even for an empty password: WordPress's answer is the only check, so every attempt costs the same.
  const user = username && password ? await context.writes.checkCredentials(username, password) : null;
  if (!user) {
    await Promise.all([loginsPerUser.hit(userKey), loginsPerAddress.hit(context.clientAddress)]);
    await sleep(Math.max(0, FAILURE_FLOOR_MS - (performance.now() - started)));
    throw new GraphQLError(WRONG, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  await loginsPerUser.reset(userKey);
  const claims = { userId: user.databaseId, username, password };
  return {
    authToken: tokens.issue({ ...claims, kind: 'auth' }),
    refreshToken: tokens.issue({ ...claims, kind: 'refresh' }),
    user,
  };
});

mutation(
  'refreshJwtAuthToken',
  'RefreshJwtAuthTokenInput',
  ['clientMutationId', 'jwtRefreshToken'],
  RefreshPayloadRef,
  async (input: MutationInput, context) => {
    const tokens = sealer(context);
    let claims: ReturnType<TokenSealer['open']>;
    try {
      claims = tokens.open(String(input.jwtRefreshToken ?? ''), 'refresh');
    } catch (error) {
      if (error instanceof TokenError)
        throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', field: 'jwtRefreshToken' } });
      throw error;
    }
    // The application password may have been revoked since: WordPress is asked again before a new token is issued.
    const user = await context.writes.checkCredentials(claims.username, claims.password);
    if (!user || user.databaseId !== claims.userId) {
      throw new GraphQLError(
        'WordPress no longer accepts the application password this refresh token stands for (revoked?): log in again.',
        {
          extensions: { code: 'UNAUTHENTICATED', field: 'jwtRefreshToken' },
        },
      );
    }
    const { kind: _kind, exp: _exp, ...rest } = claims;
    return { authToken: tokens.issue({ ...rest, kind: 'auth' }) };
  },
);
