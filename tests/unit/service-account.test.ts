import { describe, expect, it } from 'vitest';
import { reportServiceAccount } from '../../src/loaders/service-account.ts';
import { WordPressError } from '../../src/wordpress/errors.ts';
import type { RestIndex } from '../../src/wordpress/rest-types.ts';

const withMenus = { routes: { '/wp/v2/menus': {}, '/wp/v2/posts': {} } } as unknown as RestIndex;
const withoutMenus = { routes: { '/wp/v2/posts': {} } } as unknown as RestIndex;
const SECRET = 'Basic c2VydmljZTpTZWNyZXRBcHBQYXNzd29yZA==';

/** A client whose `/wp/v2/users/me` answers `answer`; records every call. */
function fakeClient(answer: () => unknown) {
  const calls: unknown[][] = [];
  return {
    calls,
    client: {
      get: async (...args: unknown[]) => {
        calls.push(args);
        return { data: answer() };
      },
    } as never,
  };
}

describe('reportServiceAccount (start-up log and `check`)', () => {
  it('unset: warns naming the setting, what is missing without it and the capabilities to grant; asks nothing', async () => {
    const { client, calls } = fakeClient(() => ({}));
    const report = await reportServiceAccount(client, withMenus, undefined);
    expect(report.warning).toBe(true);
    expect(report.message).toMatch(/^service-credentials \(SERVICE_CREDENTIALS\) is not set: anonymous viewers get no menus; /);
    expect(report.message).toContain('with edit_posts, edit_theme_options, manage_options, list_users');
    expect(calls).toEqual([]);
    // A site without menu routes (before 5.9, the demo site) needs edit_posts for users' comments only.
    const withoutMenusMessage = (await reportServiceAccount(client, withoutMenus, undefined)).message;
    expect(withoutMenusMessage).not.toMatch(/menu|edit_theme_options/i);
    expect(withoutMenusMessage).toContain('User.comments is a FORBIDDEN error for anonymous viewers');
    expect(withoutMenusMessage).toContain('with manage_options, list_users, edit_posts (');
  });

  it("reads the account's own capabilities in one request, and says what it allows and what is missing", async () => {
    const { client, calls } = fakeClient(() => ({ id: 7, capabilities: { edit_posts: true, list_users: true, manage_options: false } }));
    const report = await reportServiceAccount(client, withMenus, SECRET);
    expect(calls).toEqual([['/wp/v2/users/me', { context: 'edit', _fields: 'id,capabilities' }, { authorization: SECRET }]]);
    expect(report.warning).toBe(true);
    expect(report.message).toBe(
      'service-credentials (SERVICE_CREDENTIALS): reads menus at theme locations (/wp/v2/menus) [edit_posts], ' +
        "public authors' first and last names (/wp/v2/users?context=edit) [list_users], " +
        "users' approved comments (/wp/v2/comments?author=), for viewers WordPress refuses that filter [edit_posts]; " +
        'missing edit_theme_options: MenuLocationEnum is a fixed list of common location names; ' +
        'manage_options: those settings are null unless the viewer may read them',
    );
  });

  it('an account with every capability is no warning', async () => {
    const { client } = fakeClient(() => ({
      id: 1,
      capabilities: { edit_posts: true, edit_theme_options: true, list_users: true, manage_options: true },
    }));
    const report = await reportServiceAccount(client, withMenus, SECRET);
    expect(report).toEqual({
      warning: false,
      message: expect.stringMatching(
        /^service-credentials \(SERVICE_CREDENTIALS\): reads menus .*\[edit_posts\], .*\[edit_theme_options\], .*\[manage_options\], .*\[list_users\], users' approved comments .*\[edit_posts\]$/,
      ),
    });
  });

  it('refused credentials: a warning with WordPress’s code, never the credentials', async () => {
    const { client } = fakeClient(() => {
      throw new WordPressError(`refused ${SECRET}`, 'UNAUTHENTICATED', 401, 'incorrect_password', '/wp/v2/users/me');
    });
    const report = await reportServiceAccount(client, withMenus, SECRET);
    expect(report.warning).toBe(true);
    expect(report.message).toContain('WordPress did not accept them (401 incorrect_password)');
    expect(report.message).not.toContain('c2VydmljZT');
  });
});
