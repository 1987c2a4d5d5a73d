import { describe, expect, it } from 'vitest';
import { mergeByName } from '../../src/schema/terms.ts';

describe('terms: categories and tags merged by name as MySQL utf8mb4_unicode_ci orders them', () => {
  it('case- and accent-insensitive, punctuation first, emoji last, then by id', () => {
    const categories = [
      { databaseId: 10, name: 'Arts & Culture' },
      { databaseId: 12, name: 'Empty' },
      { databaseId: 4, name: 'Europe' },
      { databaseId: 9, name: 'JavaScript' },
    ];
    const tags = [
      { databaseId: 24, name: '“Quotes”' },
      { databaseId: 16, name: 'Café' },
      { databaseId: 13, name: 'GraphQL' },
      { databaseId: 23, name: 'interview' },
      { databaseId: 18, name: '🚀 Launch' },
      { databaseId: 30, name: 'europe' },
    ];
    expect(mergeByName([categories, tags]).map((t) => t.databaseId)).toEqual([24, 10, 16, 12, 4, 30, 13, 23, 9, 18]);
  });
});
