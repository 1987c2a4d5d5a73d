import { GraphQLError } from 'graphql';
import { databaseIdFromId } from '../../models/global-id.ts';

/** Shared readers for where-args: ids given as database ids or global ids, and clear errors. */

/** A BAD_USER_INPUT error naming the argument to fix. */
export function badInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/**
 * A database id from an `ID` argument: WPGraphQL accepts both `12` and a global id (`cG9zdDoxMg==`) in where
 * args like `in`, `authorIn`, `categoryIn`.
 */
export function databaseId(value: unknown, argumentName: string): number {
  const id = typeof value === 'string' || typeof value === 'number' ? databaseIdFromId(value) : null;
  if (id === null || !Number.isSafeInteger(id)) {
    throw badInput(`\`${argumentName}\` takes database ids or global ids; ${JSON.stringify(value)} is neither`, argumentName);
  }
  return id;
}

/** `databaseId` over a list, skipping null entries (`[ID]` allows them). */
export function databaseIds(values: readonly unknown[] | null | undefined, argumentName: string): number[] | undefined {
  if (values == null) return undefined;
  return values.filter((v) => v != null).map((v) => databaseId(v, argumentName));
}

/** The longest search string passed on: WordPress does a LIKE over every word, so bound the work. */
export const MAX_SEARCH_LENGTH = 200;

/** A search string, checked for length. */
export function searchString(value: string | null | undefined, argumentName = 'search'): string | undefined {
  if (value == null || value === '') return undefined;
  if (value.length > MAX_SEARCH_LENGTH) {
    throw badInput(`\`${argumentName}\` may be at most ${MAX_SEARCH_LENGTH} characters, got ${value.length}`, argumentName);
  }
  return value;
}
