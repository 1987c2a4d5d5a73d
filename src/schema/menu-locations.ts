import { GraphQLEnumType } from 'graphql';
import { enumSafeName } from '../models/menu.ts';

/**
 * WPGraphQL's `MenuLocationEnum` for a site (Type/Enum/MenuLocationEnum.php): one value per registered menu location,
 * named `WPEnumType::get_safe_name( $location )`, or the single `EMPTY` when the theme registers none. The gateway's
 * values are the names themselves (its menu models carry locations as enum names, src/models/menu.ts), so resolvers
 * work unchanged whichever enum the schema has. `locations` undefined (not readable): the built-in enum, kept as is.
 */
export function siteMenuLocationEnum(builtIn: GraphQLEnumType, locations: readonly string[] | undefined): GraphQLEnumType {
  if (locations === undefined) return builtIn;
  const values: Record<string, { value: string; description: string }> = {};
  for (const location of locations) {
    values[enumSafeName(location)] ??= { value: enumSafeName(location), description: `Put the menu in the ${location} location` };
  }
  if (Object.keys(values).length === 0) values.EMPTY = { value: 'EMPTY', description: 'Empty menu location' };
  return new GraphQLEnumType({ ...builtIn.toConfig(), values });
}
