import { type GraphQLObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeCollection } from '../../src/discovery/discover.ts';
import type { DiscoveredCollection, SiteDiscovery } from '../../src/discovery/types.ts';
import { schema as base } from '../../src/schema/index.ts';
import { buildSiteSchema } from '../../src/schema/site-schema.ts';

/** A discovered collection as /wp/v2/types (or taxonomies) and its OPTIONS schema would describe it. */
function collection(over: Partial<DiscoveredCollection> & Pick<DiscoveredCollection, 'kind' | 'slug' | 'restBase'>): DiscoveredCollection {
  return {
    label: over.slug,
    restNamespace: 'wp/v2',
    hierarchical: false,
    related: [],
    described: true,
    fields: ['id', 'date', 'link', 'slug', 'title', 'content', 'excerpt', 'author', 'featured_media', 'comment_status', 'ping_status'],
    meta: [],
    skippedMeta: [],
    seo: false,
    seoHead: false,
    ...over,
  };
}

const META_SCHEMA = {
  schema: {
    properties: {
      id: { type: 'integer' },
      title: { type: 'object' },
      yoast_head_json: { type: 'object' },
      meta: {
        type: 'object',
        properties: {
          isbn: { type: 'string', description: 'ISBN-13' },
          page_count: { type: 'integer' },
          rating: { type: 'number' },
          in_print: { type: 'boolean' },
          editions: { type: 'array', items: { type: 'integer' } },
          dimensions: { type: 'object', properties: { width: { type: 'number' }, height: { type: 'number' } } },
          blob: { type: 'object' },
        },
      },
    },
  },
};

const site: SiteDiscovery = {
  namespaces: ['wp/v2', 'yoast/v1'],
  postTypes: [
    collection({ kind: 'postType', slug: 'post', restBase: 'posts', related: ['category', 'post_tag', 'genre'] }),
    collection({ kind: 'postType', slug: 'page', restBase: 'pages', hierarchical: true }),
    collection({ kind: 'postType', slug: 'attachment', restBase: 'media' }),
    collection({ kind: 'postType', slug: 'wp_block', restBase: 'blocks' }),
    collection({
      kind: 'postType',
      slug: 'book',
      restBase: 'books',
      related: ['genre'],
      ...describeCollection(META_SCHEMA)!,
      fields: ['id', 'title', 'author', 'meta', 'yoast_head_json'],
    }),
    collection({
      kind: 'postType',
      slug: 'chapter',
      restBase: 'chapters',
      hierarchical: true,
      fields: ['id', 'title', 'content', 'parent', 'menu_order'],
    }),
    // Collides with the built-in User type.
    collection({ kind: 'postType', slug: 'user', restBase: 'people' }),
  ],
  taxonomies: [
    collection({ kind: 'taxonomy', slug: 'category', restBase: 'categories', hierarchical: true, related: ['post'] }),
    collection({ kind: 'taxonomy', slug: 'post_tag', restBase: 'tags', related: ['post'] }),
    collection({ kind: 'taxonomy', slug: 'genre', restBase: 'genres', hierarchical: true, related: ['book', 'post'], seo: true }),
    collection({ kind: 'taxonomy', slug: 'mood', restBase: 'moods', related: ['book'], described: false }),
  ],
};

describe('buildSiteSchema (src/schema/site-schema.ts)', () => {
  const built = buildSiteSchema(base, site);
  const type = (name: string) => built.schema.getType(name) as GraphQLObjectType;

  it('a flat post type is a Post-like type with the interfaces its REST fields support', () => {
    const book = type('Book');
    expect(book.getInterfaces().map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'Node',
        'ContentNode',
        'UniformResourceIdentifiable',
        'DatabaseIdentifier',
        'NodeWithTitle',
        'NodeWithAuthor',
      ]),
    );
    expect(book.getInterfaces().map((i) => i.name)).not.toContain('NodeWithContentEditor');
    const fields = Object.keys(book.getFields());
    expect(fields).toEqual(expect.arrayContaining(['id', 'databaseId', 'title', 'author', 'bookId', 'genres', 'meta', 'uri']));
    expect(fields).not.toContain('content');
    expect(fields).not.toContain('categories');
    expect(fields).not.toContain('postId');
    expect(book.extensions.restCollection).toBe('books');
  });

  it('a hierarchical post type is a Page-like type with parent, children and ancestors', () => {
    const chapter = type('Chapter');
    expect(chapter.getInterfaces().map((i) => i.name)).toEqual(
      expect.arrayContaining(['HierarchicalContentNode', 'NodeWithPageAttributes']),
    );
    expect(Object.keys(chapter.getFields())).toEqual(expect.arrayContaining(['parent', 'children', 'ancestors', 'chapterId', 'content']));
  });

  it('root fields by idType and connections with where-args', () => {
    const root = built.schema.getQueryType()!.getFields();
    // As WPGraphQL's root field of a post type: id, idType and asPreview (copied from `post`).
    expect(root.book!.args.map((a) => a.name).sort()).toEqual(['asPreview', 'id', 'idType']);
    expect(String(root.book!.args.find((a) => a.name === 'idType')!.type)).toBe('BookIdType');
    expect(String(root.books!.type)).toBe('RootQueryToBookConnection');
    const where = built.schema.getType('RootQueryToBookConnectionWhereArgs') as GraphQLObjectType;
    expect(Object.keys(where.getFields())).toContain('search');
    expect(Object.keys(where.getFields())).not.toContain('categoryName');
    expect(Object.keys((built.schema.getType('RootQueryToChapterConnectionWhereArgs') as GraphQLObjectType).getFields())).toContain(
      'parent',
    );
    expect(root.genre).toBeDefined();
    expect(String(root.genres!.type)).toBe('RootQueryToGenreConnection');
  });

  it('term ↔ content connections both ways, and built-in Post gets the custom taxonomy', () => {
    expect(String(type('Book').getFields().genres!.type)).toBe('BookToGenreConnection');
    expect(String(type('Post').getFields().genres!.type)).toBe('PostToGenreConnection');
    expect(String(type('Genre').getFields().books!.type)).toBe('GenreToBookConnection');
    expect(String(type('Genre').getFields().posts!.type)).toBe('GenreToPostConnection');
    expect(Object.keys(type('Genre').getFields())).toEqual(expect.arrayContaining(['parent', 'children', 'ancestors', 'genreId', 'seo']));
  });

  it('registered meta as typed fields under `meta`; what cannot be typed is reported', () => {
    const meta = type('BookMeta').getFields();
    expect(Object.fromEntries(Object.entries(meta).map(([k, f]) => [k, String(f.type)]))).toEqual({
      isbn: 'String',
      page_count: 'Int',
      rating: 'Float',
      in_print: 'Boolean',
      editions: '[Int]',
      dimensions: 'BookMetaDimensions',
    });
    const report = built.report.find((r) => r.slug === 'book')!;
    expect(report.meta.find((m) => m.key === 'blob')?.note).toMatch(/not served/);
  });

  it('seo only where records carry yoast_head_json, asking for it only with `seo`', () => {
    expect(String(type('Book').getFields().seo!.type)).toBe('PostTypeSEO');
    expect(type('Book').getFields().seo!.extensions.restSources).toEqual(['yoast_head_json']);
    expect(String(type('Genre').getFields().seo!.type)).toBe('TaxonomySEO');
    expect(type('Chapter').getFields().seo).toBeUndefined();
    expect(type('Post').getFields().seo).toBeUndefined();
  });

  it('collisions, internal types and undescribed collections are skipped with one warning naming the fix', () => {
    expect(built.schema.getType('People')).toBeUndefined();
    expect(built.warnings.find((w) => w.includes('"user"'))).toMatch(/collides.*"user": \{ "single"/);
    expect(built.warnings.find((w) => w.includes('"mood"'))).toMatch(/does not describe its collection/);
    expect(built.report.find((r) => r.slug === 'wp_block')?.note).toMatch(/internal/);
    expect(built.warnings).toHaveLength(2);
  });

  it('the override fixes a collision', () => {
    const fixed = buildSiteSchema(base, site, { user: { single: 'person', plural: 'people' } });
    expect(fixed.schema.getType('Person')).toBeDefined();
    expect(fixed.warnings.find((w) => w.includes('"user"'))).toBeUndefined();
  });

  it('models of discovered collections are those of the built-in type they are like', () => {
    const facts = { kind: 'postType', hasArchive: false, graphqlSingleName: 'book', graphqlPluralName: 'books', restBase: 'books' };
    expect(built.collections.get('books')).toEqual({
      like: 'posts',
      typename: 'Book',
      extras: ['meta', 'yoast_head_json', 'genres'],
      facts: { ...facts, slug: 'book', enumValue: 'BOOK', hierarchical: false },
    });
    expect(built.collections.get('chapters')).toEqual({
      like: 'pages',
      typename: 'Chapter',
      extras: [],
      facts: {
        ...facts,
        slug: 'chapter',
        enumValue: 'CHAPTER',
        hierarchical: true,
        graphqlSingleName: 'chapter',
        graphqlPluralName: 'chapters',
        restBase: 'chapters',
      },
    });
    // Built-in collections' facts are WordPress core's (src/models/content-type.ts), not discovery's.
    expect(built.collections.get('posts')).toEqual({ like: 'posts', typename: 'Post', extras: ['genres'] });
  });

  it("mutations of discovered types in WPGraphQL's shapes: inputs from supports, term inputs, meta input", () => {
    const mutation = built.schema.getMutationType()!.getFields();
    const input = (name: string) =>
      Object.fromEntries(
        Object.entries((built.schema.getType(name) as unknown as GraphQLObjectType).getFields()).map(([k, f]) => [k, String(f.type)]),
      );
    expect(String(mutation.createBook!.args[0]!.type)).toBe('CreateBookInput!');
    expect(String(mutation.createBook!.type)).toBe('CreateBookPayload');
    // Book's records carry title and author (and every type date, password, slug): no content, excerpt, commentStatus; flat: no parentId.
    expect(input('CreateBookInput')).toEqual({
      authorId: 'ID',
      clientMutationId: 'String',
      date: 'String',
      password: 'String',
      slug: 'String',
      status: 'PostStatusEnum',
      title: 'String',
      genres: 'BookGenresInput',
      meta: 'BookMetaInput',
    });
    expect(input('UpdateBookInput')).toMatchObject({ id: 'ID!', genres: 'BookGenresInput' });
    expect(input('DeleteBookInput')).toEqual({ clientMutationId: 'String', forceDelete: 'Boolean', id: 'ID!' });
    expect(input('BookGenresInput')).toEqual({ append: 'Boolean', nodes: '[BookGenresNodeInput]' });
    expect(input('BookGenresNodeInput')).toEqual({ description: 'String', id: 'ID', name: 'String', slug: 'String' });
    expect(input('BookMetaInput')).toEqual({
      isbn: 'String',
      page_count: 'Int',
      rating: 'Float',
      in_print: 'Boolean',
      editions: '[Int]',
      dimensions: 'BookMetaInputDimensions',
    });
    expect(input('DeleteBookPayload')).toEqual({ clientMutationId: 'String', book: 'Book', deletedId: 'ID' });
    // Hierarchical Chapter: content, menuOrder and parentId; no author.
    expect(input('CreateChapterInput')).toEqual({
      clientMutationId: 'String',
      title: 'String',
      content: 'String',
      menuOrder: 'Int',
      date: 'String',
      password: 'String',
      slug: 'String',
      parentId: 'ID',
      status: 'PostStatusEnum',
    });
    expect(input('CreateGenreInput')).toEqual({
      clientMutationId: 'String',
      description: 'String',
      name: 'String!',
      parentDatabaseId: 'Int',
      parentId: 'ID',
      slug: 'String',
    });
    expect(input('UpdateGenreInput')).toMatchObject({ name: 'String', id: 'ID!' });
    expect(input('DeleteGenrePayload')).toEqual({ clientMutationId: 'String', genre: 'Genre', deletedId: 'ID' });
    expect(mutation.createPerson).toBeUndefined();
  });

  it('with nothing discovered, the schema prints as the built-in one', () => {
    const none = buildSiteSchema(base, { namespaces: [], postTypes: site.postTypes.slice(0, 3), taxonomies: site.taxonomies.slice(0, 2) });
    expect(printSchema(none.schema)).toBe(printSchema(base));
  });
});
