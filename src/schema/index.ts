import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from '../builder.ts';
// Each import declares its types and the root fields that return them.
import './category.ts';
import './comment.ts';
import './content-type.ts';
import './media-item.ts';
import './menu.ts';
import './node.ts';
import './page.ts';
import './post.ts';
import './settings.ts';
import './tag.ts';
import './terms.ts';
import './user.ts';
// Mutations: one family per file.
import './mutations/comments.ts';
import './mutations/login.ts';
import './mutations/media.ts';
import './mutations/posts.ts';
import './mutations/terms.ts';
import './mutations/users.ts';

builder.queryType({ name: 'RootQuery', description: 'The root entry point into the Graph' });
builder.mutationType({ name: 'RootMutation', description: 'The root mutation' });

/** The gateway's schema: WPGraphQL's names, served from WordPress's REST API. */
export const schema: GraphQLSchema = builder.toSchema({ sortSchema: true });

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
