import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import { createContext, type ContextDependencies, type GatewayContext } from './context.ts';
import { schema } from './schema/index.ts';
import { gatewayPlugins } from './plugins/index.ts';
import { maskError } from './plugins/mask-upstream-errors.ts';

/** The query GraphiQL opens on: the nested post data a front end's home page asks for. */
export const EXAMPLE_QUERY = `# The home page of a blog: the latest posts with author, terms and featured image.
# Press the play button (or Ctrl-Enter) to run it.
query HomePage {
  generalSettings {
    url
  }
  posts(first: 5) {
    pageInfo {
      total
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      date
      uri
      excerpt
      author {
        node {
          name
          avatar {
            url
          }
        }
      }
      categories {
        nodes {
          name
          uri
        }
      }
      tags {
        nodes {
          name
        }
      }
      featuredImage {
        node {
          sourceUrl(size: MEDIUM)
          altText
        }
      }
    }
  }
}
`;

export interface GatewayYogaOptions extends ContextDependencies {
  config: Config;
}

/** Builds the Yoga instance over a connected WordPress client. It does not listen: see src/server.ts. */
export function createGatewayYoga(options: GatewayYogaOptions): YogaServerInstance<Record<string, unknown>, GatewayContext> {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    context: ({ request }) => createContext(options, request),
    graphiql: { title: 'WordPress GraphQL gateway', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    maskedErrors: { maskError },
    plugins: gatewayPlugins(options),
  });
}
