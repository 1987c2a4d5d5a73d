import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { WordPressError } from '../wordpress/errors.ts';

/**
 * Yoga's error masking, taught about WordPress: a field that failed because WordPress failed gets a GraphQL
 * error with `extensions.code` (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_TIMEOUT`, `UPSTREAM_BAD_RESPONSE`,
 * `UPSTREAM_RATE_LIMITED`, …) and a message safe to show; the upstream body and stack stay in the logs. Anything
 * else unexpected is masked by Yoga as "Unexpected error.".
 *
 * Yoga's development mode (NODE_ENV=development) would add the original error's message and stack to masked
 * errors; that is refused here whatever the environment, because a gateway started with the wrong NODE_ENV
 * must still not print stacks, file paths or upstream text to the public.
 */
export const maskError: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError'] = (
  error,
  message,
  isDev,
) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof WordPressError) {
    const code = original.code === 'NOT_FOUND' ? 'UPSTREAM_BAD_RESPONSE' : original.code;
    const safe =
      original.status !== undefined && original.status < 500 && original.wpCode
        ? `WordPress refused the request: ${original.message}`
        : original.message;
    return createGraphQLError(safe, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        code,
        ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
        ...(original.wpCode ? { wordpressCode: original.wpCode } : {}),
      },
    });
  }
  void isDev;
  return (yogaMaskError as (e: unknown, m: string, d?: boolean) => Error)(error, message, false);
};
