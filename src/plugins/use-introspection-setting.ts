import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

/**
 * The `introspection` setting. Off, `__schema` and `__type` are refused (Yoga's disable-introspection plugin,
 * graphql-js's NoSchemaIntrospectionCustomRule) and validation errors lose their "Did you mean …?" hints
 * (graphql-armor), which would otherwise let anyone rebuild the schema by guessing field names. `__typename`
 * stays: clients need it to read unions and interfaces.
 */
export function useIntrospectionSetting<TContext extends object = object>(enabled: boolean): Plugin<TContext> {
  return {
    onPluginInit({ addPlugin }) {
      if (enabled) return;
      addPlugin(useDisableIntrospection() as Plugin<TContext>);
      addPlugin(blockFieldSuggestionsPlugin() as Plugin<TContext>);
    },
  };
}
