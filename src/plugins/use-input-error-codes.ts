import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Gives `extensions.code: BAD_USER_INPUT` to the errors graphql-js raises before executing anything because the
 * request's input is wrong: variables that do not fit their types (`"ten"` or 99999999999 for an `Int`, an enum
 * value that does not exist), or an operation name that names no operation. graphql-js words them well ("Variable
 * "$first" got invalid value 99999999999; Int cannot represent non 32-bit signed integer value") but gives them no
 * code, while every other input error the gateway reports has one; Apollo Server tags them the same way. Yoga
 * already answers them with status 400.
 */
export function useInputErrorCodes<TContext extends object = object>(): Plugin<TContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length || result.data !== undefined) return;
          // Only the request-level errors of a result without data, and only those nothing has given a code yet.
          if (!result.errors.some((e) => e.path === undefined && e.extensions?.code === undefined)) return;
          setResult({
            ...result,
            errors: result.errors.map((e) =>
              e.path === undefined && e.extensions?.code === undefined
                ? new GraphQLError(e.message, {
                    nodes: e.nodes,
                    source: e.source,
                    positions: e.positions,
                    originalError: e.originalError,
                    extensions: { ...e.extensions, code: 'BAD_USER_INPUT' },
                  })
                : e,
            ),
          });
        },
      };
    },
  };
}
