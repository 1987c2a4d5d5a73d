import { describe, expect, it } from 'vitest';
import { databaseIdFromGlobalId, databaseIdFromId, fromGlobalId, toGlobalId } from '../../src/models/global-id.ts';

describe('toGlobalId (Relay::toGlobalId)', () => {
  it('is base64 of "type:id" for every node type WPGraphQL uses', () => {
    expect(toGlobalId('post', 2786)).toBe('cG9zdDoyNzg2');
    expect(toGlobalId('term', 5)).toBe('dGVybTo1');
    expect(toGlobalId('user', 1)).toBe('dXNlcjox');
    expect(toGlobalId('comment', 9)).toBe('Y29tbWVudDo5');
    expect(toGlobalId('comment_author', 9)).toBe('Y29tbWVudF9hdXRob3I6OQ==');
    expect(toGlobalId('setting_group', 'general')).toBe('c2V0dGluZ19ncm91cDpnZW5lcmFs');
  });
});

describe('fromGlobalId (Relay::fromGlobalId)', () => {
  it('splits at the first colon', () => {
    expect(fromGlobalId('cG9zdDoyNzg2')).toEqual({ type: 'post', id: '2786' });
    expect(fromGlobalId(toGlobalId('plugin', 'a:b'))).toEqual({ type: 'plugin', id: 'a:b' });
  });

  it('is lenient like PHP base64_decode: padding and stray characters are skipped', () => {
    expect(fromGlobalId('Y29tbWVudF9hdXRob3I6OQ')).toEqual({ type: 'comment_author', id: '9' });
    expect(fromGlobalId(' cG9z\ndDoyNzg2 ')).toEqual({ type: 'post', id: '2786' });
  });

  it('returns null for malformed input instead of throwing', () => {
    expect(fromGlobalId('')).toBeNull();
    expect(fromGlobalId('!!!')).toBeNull();
    expect(fromGlobalId(btoa('no-colon'))).toBeNull();
    expect(fromGlobalId(btoa('post:'))).toBeNull();
  });
});

describe('database ids from ids', () => {
  it('databaseIdFromId accepts raw numbers like Utils::get_database_id_from_id', () => {
    expect(databaseIdFromId('123')).toBe(123);
    expect(databaseIdFromId(123)).toBe(123);
    expect(databaseIdFromId('cG9zdDoyNzg2')).toBe(2786);
    expect(databaseIdFromId(btoa('post:abc'))).toBeNull();
  });

  it('databaseIdFromGlobalId is what single-node root fields accept: no raw numbers, absint of the id part', () => {
    expect(databaseIdFromGlobalId('cG9zdDoyNzg2')).toBe(2786);
    // The type is not checked by post(id:) / category(id:) …
    expect(databaseIdFromGlobalId(toGlobalId('term', 5))).toBe(5);
    expect(databaseIdFromGlobalId(btoa('post:12abc'))).toBe(12);
    expect(databaseIdFromGlobalId(btoa('post:0'))).toBeNull();
    expect(databaseIdFromGlobalId('123')).toBeNull();
  });
});
