import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import {
  GOLDENS_DIR,
  type Golden,
  type GoldenAnswer,
  loadStarters,
  normalizeAnswer,
  VIEWERS,
  type Viewer,
} from '../support/starters-corpus.ts';

/**
 * `npm run goldens:record [-- --check]`: runs every document of the starters corpus (tests/operations/starters/)
 * against WPGraphQL on the test WordPress, anonymously and as the seeded editor (application password as HTTP
 * Basic), and writes the answers to tests/wordpress/goldens/<document>.json. tests/wordpress/starters.test.ts
 * compares the gateway's answers with them. It also writes WPGraphQL's schema on that site as
 * goldens/wpgraphql-schema.graphql (types, fields and arguments, sorted, without descriptions), against which
 * tests/unit/starters-schema.test.ts checks that the corpus asks WPGraphQL only what it serves.
 *
 * WPGraphQL must already be active on the site (tests/wordpress/wpgraphql.sh enable <plugin-dir>); this script
 * only asks it questions, and refuses any version but the one the goldens are of ({@link WPGRAPHQL_VERSION}).
 * The site is the harness's: WORDPRESS_STATE_DIR (default .wordpress) locates its state.json.
 *
 * `--check` records again without writing and fails when any answer differs from the committed golden: run it
 * to see that WPGraphQL's answers are stable before trusting a fresh recording.
 */

/** The WPGraphQL release the goldens are recorded from (the gateway's compatibility target). */
const WPGRAPHQL_VERSION = '2.20.0';

interface HarnessState {
  url: string;
  restUrl: string;
  adminUser: string;
  adminAppPassword: string;
  editorUser: string;
  editorAppPassword: string;
}

const stateDir = process.env.WORDPRESS_STATE_DIR ?? new URL('../../.wordpress', import.meta.url).pathname;
const check = process.argv.includes('--check');

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function main(): Promise<void> {
  const state = JSON.parse(readFileSync(`${stateDir}/state.json`, 'utf8')) as HarnessState;
  const endpoint = `${state.url}/graphql`;
  const version = await pluginVersion(state);
  if (version !== WPGRAPHQL_VERSION) {
    throw new Error(
      version === null
        ? `WPGraphQL is not active on ${state.url}: enable it first (bash tests/wordpress/wpgraphql.sh enable <plugin-dir>)`
        : `WPGraphQL ${version} is active on ${state.url}; the goldens are of ${WPGRAPHQL_VERSION}`,
    );
  }
  const headers: Record<Viewer, Record<string, string>> = {
    anonymous: {},
    editor: { authorization: basic(state.editorUser, state.editorAppPassword) },
  };
  // A signed-in request that WPGraphQL downgrades to a guest (it does without HTTP_AUTHORIZATION, see
  // wpgraphql-authorization.php) would record anonymous answers as the editor's: refuse to record then.
  const viewer = await post(endpoint, '{ viewer { username } }', {}, headers.editor);
  if ((viewer.data as { viewer?: { username?: string } } | null)?.viewer?.username !== state.editorUser) {
    throw new Error(`WPGraphQL at ${endpoint} does not see the editor as signed in: ${JSON.stringify(viewer)}`);
  }

  mkdirSync(GOLDENS_DIR, { recursive: true });
  const changed: string[] = [];
  // Introspection is for signed-in viewers only by WPGraphQL's default settings.
  const introspection = await post(endpoint, getIntrospectionQuery({ descriptions: false }), {}, headers.editor);
  if (introspection.errors?.length || !introspection.data) {
    throw new Error(`introspection failed: ${JSON.stringify(introspection.errors)}`);
  }
  const sdl = `${printSchema(lexicographicSortSchema(buildClientSchema(introspection.data as IntrospectionQuery)))}\n`;
  const schemaFile = `${GOLDENS_DIR}wpgraphql-schema.graphql`;
  if (check) {
    let previous = '';
    try {
      previous = readFileSync(schemaFile, 'utf8');
    } catch {
      // No schema yet: reported as changed below.
    }
    if (previous !== sdl) changed.push('wpgraphql-schema.graphql');
  } else {
    writeFileSync(schemaFile, sdl);
  }
  for (const doc of loadStarters()) {
    const golden: Golden = { document: doc.name, recordedFrom: `WPGraphQL ${version}`, cases: [] };
    for (const c of doc.cases) {
      const answers = {} as Record<Viewer, GoldenAnswer>;
      for (const who of VIEWERS) {
        answers[who] = normalizeAnswer(await post(endpoint, doc.source, c.variables, headers[who]), state.url);
      }
      golden.cases.push({ ...c, ...answers });
    }
    const file = `${GOLDENS_DIR}${doc.name}.json`;
    const text = `${JSON.stringify(golden, null, 2)}\n`;
    if (check) {
      let previous: unknown = null;
      try {
        previous = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // No golden yet: reported as changed below.
      }
      if (!isDeepStrictEqual(previous, golden)) changed.push(doc.name);
    } else {
      writeFileSync(file, text);
    }
    const errors = golden.cases.flatMap((gc) => VIEWERS.map((who) => gc[who].errors?.length ?? 0)).reduce((a, b) => a + b, 0);
    console.log(`${doc.name}: ${doc.cases.length} case(s)${errors ? `, ${errors} error(s) in WPGraphQL's answers` : ''}`);
  }
  if (check) {
    if (changed.length) throw new Error(`answers differ from the committed goldens: ${changed.join(', ')}`);
    console.log('every answer equals its committed golden');
  } else {
    console.log(`wrote ${GOLDENS_DIR}`);
  }
}

/** The active WPGraphQL's version from the REST plugins endpoint (administrator only), or null when inactive. */
async function pluginVersion(state: HarnessState): Promise<string | null> {
  const response = await fetch(`${state.restUrl}/wp/v2/plugins/wp-graphql/wp-graphql`, {
    headers: { authorization: basic(state.adminUser, state.adminAppPassword), accept: 'application/json' },
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /wp/v2/plugins/wp-graphql/wp-graphql: HTTP ${response.status}`);
  const plugin = (await response.json()) as { status: string; version: string };
  return plugin.status === 'active' ? plugin.version : null;
}

async function post(
  endpoint: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ data?: unknown; errors?: { message: string; path?: (string | number)[] }[] }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as { data?: unknown; errors?: { message: string; path?: (string | number)[] }[] };
  } catch {
    throw new Error(`${endpoint} answered HTTP ${response.status} with something that is not JSON: ${text.slice(0, 300)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`goldens:record: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
