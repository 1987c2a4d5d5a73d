import { describe, expect, it } from 'vitest';
import { avatarFromUrls } from '../../src/models/avatar.ts';
import { toUserModel, userAvatar, userRoles } from '../../src/models/user.ts';
import { gid, site } from './models-fixtures.ts';

const HASH = '0bc83cb571cd1c50ba6f3e8a78ef1346';
const gravatar = (s: number) => `https://secure.gravatar.com/avatar/${HASH}?s=${s}&d=mm&r=g`;

describe('toUserModel', () => {
  const model = toUserModel(
    {
      id: 2,
      name: 'Ana &amp; Bo',
      url: '',
      description: 'Editor &amp; writer',
      link: 'https://example.org/author/ana-bo/',
      slug: 'ana-bo',
      avatar_urls: { '24': gravatar(24), '48': gravatar(48), '96': gravatar(96) },
    },
    site,
  );

  it('maps the fields WPGraphQL shows anonymous viewers', () => {
    expect(model.__typename).toBe('User');
    expect(model.id).toBe(gid('user', 2));
    expect(model.databaseId).toBe(2);
    expect(model.userId).toBe(2);
    // display_name and description are printed raw by both REST and WPGraphQL
    expect(model.name).toBe('Ana &amp; Bo');
    expect(model.description).toBe('Editor &amp; writer');
    expect(model.slug).toBe('ana-bo');
    expect(model.uri).toBe('/author/ana-bo/');
    expect(model.url).toBeNull();
  });

  it('is restricted: nicename, email, username … are null', () => {
    expect(model.isRestricted).toBe(true);
    expect(model.nicename).toBeNull();
    expect(model.email).toBeNull();
    expect(model.username).toBeNull();
  });

  it('serves the default avatar from avatar_urls', () => {
    expect(userAvatar(model, { size: 96 })).toEqual({
      size: 96,
      height: 96,
      width: 96,
      default: 'mm',
      forceDefault: false,
      foundAvatar: true,
      rating: 'g',
      scheme: null,
      extraAttr: null,
      url: gravatar(96),
      isRestricted: false,
    });
  });

  it('builds other sizes, forceDefault and rating the way get_avatar_data() does', () => {
    expect(userAvatar(model, { size: 150 })?.url).toBe(gravatar(150));
    expect(userAvatar(model, { size: 0 })?.size).toBe(96);
    const forced = userAvatar(model, { size: 48, forceDefault: true, rating: 'PG' });
    expect(forced?.url).toBe(`https://secure.gravatar.com/avatar/${HASH}?s=48&d=mm&f=y&r=pg`);
    expect(forced?.rating).toBe('pg');
    expect(forced?.forceDefault).toBe(true);
  });

  it('gives null without avatar URLs (show_avatars off)', () => {
    expect(userAvatar(toUserModel({ id: 3 }, site), {})).toBeNull();
  });

  it('serves a plugin avatar only at the sizes REST printed', () => {
    const urls = {
      '24': 'https://cdn.example.org/a-24.png',
      '48': 'https://cdn.example.org/a-48.png',
      '96': 'https://cdn.example.org/a-96.png',
    };
    expect(avatarFromUrls(urls, { size: 48 })?.url).toBe('https://cdn.example.org/a-48.png');
    expect(avatarFromUrls(urls, { size: 150 })).toBeNull();
  });
});

describe('User firstName, lastName, roles', () => {
  it('firstName and lastName are null: REST gives first_name/last_name only with context=edit', () => {
    const model = toUserModel({ id: 3, name: 'Zoë' }, site);
    expect(model.firstName).toBeNull();
    expect(model.lastName).toBeNull();
  });

  it("roles: the signed-in viewer's own roles, with WPGraphQL's user_role global ids; null for anyone else", () => {
    const viewer = { id: 2, roles: ['editor'] };
    expect(userRoles(2, viewer)).toEqual([
      { __typename: 'UserRole', id: btoa('user_role:editor'), name: 'editor', displayName: null, capabilities: null, isRestricted: false },
    ]);
    expect(userRoles(1, viewer)).toBeNull();
    expect(userRoles(2, null)).toBeNull();
  });
});
