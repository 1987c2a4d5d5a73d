import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import type { CacheLog } from '../cache/log.ts';
import { WordPressError } from '../wordpress/errors.ts';

/** The gateway's logger as Yoga sees it: pino's API, `error` included when the logger has one. */
export type GatewayLog = CacheLog & { error?(details: object, message: string): void };

/**
 * Yoga's own log lines (`logging`), through the gateway's pino logger instead of Yoga's console logger, which
 * printed every masked error with its stack on stderr. Yoga logs each error it masks: a WordPress failure
 * (src/plugins/mask-upstream-errors.ts turns it into an UPSTREAM_* error the client sees) is expected and becomes
 * one warn line naming the route and code, without a stack; anything else is a bug and keeps its stack at
 * error level. Yoga's debug lines ("Processing GraphQL Parameters") are dropped.
 */
export function yogaLogger(log: GatewayLog): YogaLogger {
  const error = log.error?.bind(log) ?? log.warn.bind(log);
  return {
    debug() {},
    info: (...args: unknown[]) => log.info({ yoga: args.map(String) }, 'yoga'),
    warn: (...args: unknown[]) => log.warn({ yoga: args.map(String) }, 'yoga'),
    error: (...args: unknown[]) => {
      for (const arg of args) {
        const original = arg instanceof GraphQLError ? arg.originalError : arg;
        if (original instanceof WordPressError) {
          log.warn(
            { code: original.code, status: original.status, route: original.route, wordpressCode: original.wpCode },
            `WordPress request failed: ${original.message}`,
          );
        } else {
          error({ err: original instanceof Error ? original : new Error(String(original)) }, 'Unexpected error while serving a request');
        }
      }
    },
  };
}
