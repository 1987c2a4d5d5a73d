import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadStarters } from '../support/starters-corpus.ts';

// The starters corpus (tests/operations/starters/, issue #12) against two schemas: ours (schema/schema.graphql),
// and WPGraphQL's on the test site (tests/wordpress/goldens/wpgraphql-schema.graphql, recorded by
// `npm run goldens:record`). A front end written for WPGraphQL must work unchanged, so every document WPGraphQL
// accepts should validate against ours; the lists below say exactly which do not yet, with every validation
// message. When the schema gains a field or argument, the list changes: update it (it must only shrink).

/** Documents our schema accepts today. */
const VALID_AGAINST_OURS = [
  'astro-all-uris',
  'astro-home-page-posts',
  'astro-nav',
  'astro-node-by-uri',
  'faustjs-app-router-content-node',
  'faustjs-app-router-layout',
  'faustjs-app-router-posts',
  'faustjs-app-router-site-title',
  'faustjs-app-router-viewer',
  'faustjs-category',
  'faustjs-front-page',
  'faustjs-page',
  'faustjs-preview-post',
  'faustjs-seed-node',
  'faustjs-single-layout',
  'faustjs-single-post',
  'faustjs-tag',
  'gatsby-categories',
  'gatsby-media-items',
  'gatsby-pages',
  'gatsby-posts',
  'gatsby-tags',
  'gatsby-users',
  'next-wordpress-starter-all-categories',
  'next-wordpress-starter-all-menus',
  'next-wordpress-starter-all-pages',
  'next-wordpress-starter-all-pages-index',
  'next-wordpress-starter-all-posts',
  'next-wordpress-starter-all-posts-archive',
  'next-wordpress-starter-all-posts-index',
  'next-wordpress-starter-all-users',
  'next-wordpress-starter-category-by-slug',
  'next-wordpress-starter-page-by-uri',
  'next-wordpress-starter-post-by-slug',
  'next-wordpress-starter-post-per-page',
  'next-wordpress-starter-posts-by-author-slug',
  'next-wordpress-starter-posts-by-category-id',
  'next-wordpress-starter-posts-by-category-id-index',
  'next-wordpress-starter-site-data',
  'nextjs-content-info',
  'nextjs-legacy-all-posts-for-home',
  'nextjs-legacy-all-posts-with-slug',
  'nextjs-legacy-post-by-slug',
  'nextjs-legacy-post-revision',
  'nextjs-legacy-preview-post',
  'nextjs-menu-query',
  'nextjs-page-query',
  'nextjs-post-query',
  'nextjs-preview-content-node',
  'react-native-get-posts',
];

/** Documents our schema rejects today → the distinct validation messages, sorted. */
const INVALID_AGAINST_OURS: Record<string, string[]> = {};

/** File-name prefix → the public repository its documents are written after. */
const PROJECTS: Record<string, string> = {
  'nextjs-': 'vercel/next.js examples/cms-wordpress',
  'faustjs-': 'wpengine/faustjs',
  'gatsby-': 'gatsbyjs/gatsby packages/gatsby-source-wordpress',
  'astro-': 'JEverhart383/astro-wordpress-starter',
  'next-wordpress-starter-': 'colbyfayock/next-wordpress-starter',
  'react-native-': 'wp-graphql/wp-graphql-react-native-example',
};

const starters = loadStarters();

function validationMessages(schema: GraphQLSchema): Record<string, string[]> {
  const invalid: Record<string, string[]> = {};
  for (const doc of starters) {
    const messages = [...new Set(validate(schema, parse(doc.source)).map((e) => e.message))].sort();
    if (messages.length) invalid[doc.name] = messages;
  }
  return invalid;
}

describe('starters corpus', () => {
  it('has documents from each public project of issue #12, each naming its source repository', () => {
    const perProject = new Map<string, number>();
    for (const doc of starters) {
      const prefix = Object.keys(PROJECTS).find((p) => doc.name.startsWith(p));
      expect(prefix, `${doc.name}: name it <project>-<operation>`).toBeDefined();
      expect(doc.source.split('\n')[0], doc.name).toContain(`# Source: ${PROJECTS[prefix!]}`);
      perProject.set(prefix!, (perProject.get(prefix!) ?? 0) + 1);
    }
    expect([...perProject.keys()].sort()).toEqual(Object.keys(PROJECTS).sort());
  });

  it('validates against our schema exactly where listed (issue #12: the list must shrink to nothing)', () => {
    const ours = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    expect(validationMessages(ours)).toEqual(INVALID_AGAINST_OURS);
    expect(starters.map((d) => d.name).filter((n) => !(n in INVALID_AGAINST_OURS))).toEqual(VALID_AGAINST_OURS);
  });

  it('asks WPGraphQL only what its schema on the test site serves (seed 2-menus registers the menu locations)', () => {
    const theirs = buildSchema(readFileSync(new URL('../wordpress/goldens/wpgraphql-schema.graphql', import.meta.url), 'utf8'));
    expect(validationMessages(theirs)).toEqual({});
  });
});
