import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The starters corpus (tests/operations/starters/): documents written after the queries of public front ends
 * built for WPGraphQL, one operation per file, with the variables of each case in variables.json. Read by the
 * schema test (which of them validate against schema/schema.graphql), by tests/wordpress/record-goldens.ts (the
 * answers WPGraphQL gives them) and by tests/wordpress/starters.test.ts (the gateway's answers against those).
 */

/** tests/operations/starters/ as a path ending in `/`. */
export const STARTERS_DIR = fileURLToPath(new URL('../operations/starters/', import.meta.url));

/** tests/wordpress/goldens/ as a path ending in `/`: one `<document>.json` per corpus document. */
export const GOLDENS_DIR = fileURLToPath(new URL('../wordpress/goldens/', import.meta.url));

/** One set of variables a document is run with (each case runs anonymously and signed in). */
export interface StarterCase {
  /** What the case exercises, e.g. "draft post as preview"; unique within its document. */
  case: string;
  variables: Record<string, unknown>;
}

export interface StarterDocument {
  /** The file name without `.graphql`, e.g. `faustjs-seed-node`. */
  name: string;
  source: string;
  cases: StarterCase[];
}

/**
 * Every document of the corpus with its cases, sorted by name. Throws when a document has no entry in
 * variables.json or an entry names no document, so neither can be forgotten silently.
 */
export function loadStarters(): StarterDocument[] {
  const names = readdirSync(STARTERS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => f.slice(0, -'.graphql'.length))
    .sort();
  const cases = JSON.parse(readFileSync(`${STARTERS_DIR}variables.json`, 'utf8')) as Record<string, StarterCase[]>;
  const unknown = Object.keys(cases).filter((n) => !names.includes(n));
  const missing = names.filter((n) => !Array.isArray(cases[n]) || cases[n].length === 0);
  if (unknown.length || missing.length) {
    throw new Error(
      `tests/operations/starters/variables.json must list every document with at least one case: ` +
        `no document for ${JSON.stringify(unknown)}, no cases for ${JSON.stringify(missing)}`,
    );
  }
  return names.map((name) => {
    const docCases = cases[name]!;
    const labels = docCases.map((c) => c.case);
    if (new Set(labels).size !== labels.length) throw new Error(`variables.json: ${name} has two cases with one name: ${labels}`);
    return { name, source: readFileSync(`${STARTERS_DIR}${name}.graphql`, 'utf8'), cases: docCases };
  });
}

/** Who sends a case: nobody, or the seeded editor with an application password (HTTP Basic). */
export type Viewer = 'anonymous' | 'editor';
export const VIEWERS: readonly Viewer[] = ['anonymous', 'editor'];

/**
 * A GraphQL answer as a golden keeps it: `data` as answered, and each error's message and path. Locations and
 * extensions are left out (WPGraphQL adds a `debug` extension to every answer; locations depend on formatting).
 */
export interface GoldenAnswer {
  data: unknown;
  errors?: { message: string; path: (string | number)[] | null }[];
}

export interface GoldenCase extends StarterCase {
  anonymous: GoldenAnswer;
  editor: GoldenAnswer;
}

/** tests/wordpress/goldens/<document>.json. */
export interface Golden {
  document: string;
  /** What answered, e.g. "WPGraphQL 2.20.0". */
  recordedFrom: string;
  cases: GoldenCase[];
}

/** The placeholder for the test site's URL in goldens (its port changes from one start to the next). */
export const SITE_PLACEHOLDER = '{{site}}';

/**
 * `body` (a parsed GraphQL response) as a golden keeps it, with every occurrence of `siteUrl` in a string
 * replaced by {@link SITE_PLACEHOLDER}.
 */
export function normalizeAnswer(
  body: { data?: unknown; errors?: { message: string; path?: (string | number)[] }[] },
  siteUrl: string,
): GoldenAnswer {
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') return value.split(siteUrl).join(SITE_PLACEHOLDER);
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    }
    return value;
  };
  const answer: GoldenAnswer = { data: replace(body.data ?? null) };
  if (body.errors?.length) {
    answer.errors = body.errors.map((e) => ({ message: String(replace(e.message)), path: e.path ?? null }));
  }
  return answer;
}
