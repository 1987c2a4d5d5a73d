import { describe, expect, it } from 'vitest';
import { camelCase, deriveNames, parseNameOverrides } from '../../src/discovery/names.ts';

describe('discovered type names (src/discovery/names.ts)', () => {
  it('single from the slug, plural from rest_base, type PascalCase', () => {
    expect(deriveNames('book', 'books')).toEqual({ single: 'book', plural: 'books', type: 'Book' });
    expect(deriveNames('event_venue', 'event-venues')).toEqual({ single: 'eventVenue', plural: 'eventVenues', type: 'EventVenue' });
  });

  it('plural equal to single takes WPGraphQL’s `all` prefix', () => {
    expect(deriveNames('news', 'news')).toEqual({ single: 'news', plural: 'allNews', type: 'News' });
  });

  it('an override wins per slug', () => {
    expect(deriveNames('book', 'books', { book: { single: 'novel', plural: 'novels' } })).toEqual({
      single: 'novel',
      plural: 'novels',
      type: 'Novel',
    });
    expect(deriveNames('book', 'books', { book: { plural: 'library' } }).plural).toBe('library');
  });

  it('camelCase drops what GraphQL names cannot hold and guards leading digits', () => {
    expect(camelCase('café-menü')).toBe('cafeMenu');
    expect(camelCase('3d_model')).toBe('_3dModel');
  });

  it('names files are checked', () => {
    expect(parseNameOverrides('{"book":{"single":"novel"}}', 'names.json')).toEqual({ book: { single: 'novel' } });
    expect(() => parseNameOverrides('{"book":{"single":"no way"}}', 'names.json')).toThrow(/must be a GraphQL name/);
    expect(() => parseNameOverrides('[1]', 'names.json')).toThrow(/object keyed by/);
    expect(() => parseNameOverrides('{', 'names.json')).toThrow(/not JSON/);
  });
});
