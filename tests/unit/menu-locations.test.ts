import { type GraphQLEnumType, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema as base } from '../../src/schema/index.ts';
import { siteMenuLocationEnum } from '../../src/schema/menu-locations.ts';
import { buildSiteSchema } from '../../src/schema/site-schema.ts';

const builtIn = base.getType('MenuLocationEnum') as GraphQLEnumType;
const names = (type: unknown) => (type as GraphQLEnumType).getValues().map((v) => v.name);

describe('MenuLocationEnum from the site (src/schema/menu-locations.ts)', () => {
  it("one value per registered location, named as WPGraphQL's get_safe_name(); EMPTY when there are none", () => {
    expect(names(siteMenuLocationEnum(builtIn, ['primary', 'primary-menu', 'social', '2nd']))).toEqual([
      'PRIMARY',
      'PRIMARY_MENU',
      'SOCIAL',
      '_2ND',
    ]);
    expect(names(siteMenuLocationEnum(builtIn, []))).toEqual(['EMPTY']);
  });

  it('keeps the built-in list when the locations could not be read', () => {
    expect(siteMenuLocationEnum(builtIn, undefined)).toBe(builtIn);
  });

  it("the site schema carries the site's locations everywhere the enum is used (where-args and fields)", async () => {
    const site = buildSiteSchema(base, { namespaces: ['wp/v2'], postTypes: [], taxonomies: [], menuLocations: ['top-bar', 'footer'] });
    expect(names(site.schema.getType('MenuLocationEnum'))).toEqual(['TOP_BAR', 'FOOTER']);
    const valid = await graphql({ schema: site.schema, source: '{ __type(name: "RootQueryToMenuItemConnectionWhereArgs") { name } }' });
    expect(valid.errors).toBeUndefined();
    const refused = await graphql({ schema: site.schema, source: '{ menuItems(where: { location: PRIMARY }) { nodes { id } } }' });
    expect(refused.errors?.[0]?.message).toMatch(/Value "PRIMARY" does not exist in "MenuLocationEnum" enum/);
    const unchanged = buildSiteSchema(base, { namespaces: ['wp/v2'], postTypes: [], taxonomies: [] });
    expect(names(unchanged.schema.getType('MenuLocationEnum'))).toEqual(names(builtIn));
  });
});
