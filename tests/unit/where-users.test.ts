import { describe, expect, it } from 'vitest';
import { userWhereToRest } from '../../src/schema/where/users.ts';

describe('users where → REST', () => {
  it("orders by slug by default (WPGraphQL: WP_User_Query's user_login; REST cannot order by login)", () => {
    expect(userWhereToRest(null)).toEqual({ orderby: 'slug', order: 'asc' });
    expect(userWhereToRest({ search: 'zoe' })).toEqual({ search: 'zoe', orderby: 'slug', order: 'asc' });
  });

  it('keeps an explicit orderby', () => {
    expect(userWhereToRest({ orderby: [{ field: 'DISPLAY_NAME', order: 'DESC' }] })).toEqual({ orderby: 'name', order: 'desc' });
  });
});
