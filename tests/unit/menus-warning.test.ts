import { describe, expect, it } from 'vitest';
import { menusWarning } from '../../src/server.ts';
import type { RestIndex } from '../../src/wordpress/rest-types.ts';

describe('menusWarning (start-up log and `check`)', () => {
  const withMenus = { routes: { '/wp/v2/menus': {}, '/wp/v2/posts': {} } } as unknown as RestIndex;

  it('warns when the site has menu routes and menus-credentials is not set, naming the setting', () => {
    expect(menusWarning(withMenus, { menusCredentials: undefined })).toMatch(
      /^menus-credentials \(MENUS_CREDENTIALS\) is not set: anonymous viewers get no menus/,
    );
  });

  it('says nothing when the credentials are set, or when the site has no menu routes (before 5.9, the demo site)', () => {
    expect(menusWarning(withMenus, { menusCredentials: 'reader:abcd efgh' })).toBeUndefined();
    expect(menusWarning({ routes: { '/wp/v2/posts': {} } } as unknown as RestIndex, { menusCredentials: undefined })).toBeUndefined();
    expect(menusWarning({} as RestIndex, { menusCredentials: undefined })).toBeUndefined();
  });
});
