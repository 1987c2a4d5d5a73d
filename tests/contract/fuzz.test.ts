/**
 * A seeded fuzz run: a few thousand documents and variables generated from the schema (tests/support/fuzz.ts),
 * valid and invalid, sent to the gateway over real HTTP against the demo site. Whatever comes in: no 5xx, no
 * error without a code, no unexpected (masked internal) error, no stack or internal text in any answer, and the
 * gateway still answers afterwards. Change SEED to explore; a failure prints the cases that broke the rules.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { schema } from '../../src/schema/index.ts';
import { FuzzGenerator, type FuzzCase } from '../support/fuzz.ts';
import { seeded } from '../support/prng.ts';
import { startHarness, type Harness } from './harness.ts';

const SEED = 20_261_101;
const CASES = 2_000;
const CONCURRENCY = 8;

/** Codes an answer may carry: input and limit errors, WordPress refusing, and typed upstream failures. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_LIMIT_EXCEEDED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_BAD_RESPONSE',
]);

/** Text that only an unmasked internal error would put in an answer. */
const INTERNAL =
  /\bat [\w.<>]+ \(|node:internal|\/src\/|\.ts:\d+|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|undefined is not/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Yoga logs each masked upstream error; thousands of them would bury the test's own report.
  for (const method of ['error', 'warn', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('fuzzing the gateway with generated documents', () => {
  it(`${CASES} seeded cases: no 5xx, no unmasked or unexpected error, no crash`, async () => {
    const posts = content.posts.slice(0, 20);
    const generator = new FuzzGenerator(schema, seeded(SEED), {
      databaseIds: [...posts.map((p) => p.id), ...content.categories.slice(0, 5).map((c) => c.id), 1, 2, 3, 2801, 2810],
      globalIds: [
        ...posts.map((p) => b64(`post:${p.id}`)),
        b64('term:12'),
        b64('user:1'),
        b64(`comment:${content.comments[0]!.id}`),
        b64('post:2810'),
      ],
      slugs: [...posts.map((p) => p.slug), ...content.categories.slice(0, 5).map((c) => c.slug), 'jose'],
      uris: [...posts.slice(0, 5).map((p) => p.link.replace(/^https?:\/\/[^/]+/, '')), '/', '/category/news/', '/?p=2801'],
    });
    const cases: FuzzCase[] = Array.from({ length: CASES }, () => generator.next());
    const problems: string[] = [];
    const codes = new Map<string, number>();
    const kinds = { valid: 0, invalid: 0, broken: 0, answeredWithData: 0 };
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const fuzz = cases[next++]!;
        kinds[fuzz.kind] += 1;
        const answer = await h.query(fuzz.query, fuzz.variables);
        const text = JSON.stringify({ data: answer.data, errors: answer.errors });
        const where = `${fuzz.query.slice(0, 400)} ${JSON.stringify(fuzz.variables ?? {}).slice(0, 200)}`;
        if (answer.status >= 500) problems.push(`status ${answer.status}: ${where}`);
        if (answer.data) kinds.answeredWithData += 1;
        if (INTERNAL.test(text)) problems.push(`internal text in ${text.slice(0, 300)}: ${where}`);
        for (const error of answer.errors ?? []) {
          const code = String(error.extensions?.code ?? 'NONE');
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (!EXPECTED_CODES.has(code)) problems.push(`${code} "${error.message}" at ${JSON.stringify(error.path)}: ${where}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // The run exercised what it claims to: all three kinds, many answers with data, many kinds of error.
    expect(kinds.valid + kinds.invalid + kinds.broken).toBe(CASES);
    expect(Math.min(kinds.valid, kinds.invalid, kinds.broken)).toBeGreaterThan(CASES / 20);
    expect(kinds.answeredWithData).toBeGreaterThan(CASES / 3);
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']));
    if (process.env.FUZZ_REPORT)
      process.stdout.write(`${JSON.stringify({ kinds, codes: Object.fromEntries(codes), problems: problems.length }, null, 1)}\n`);
    expect(problems.slice(0, 20)).toEqual([]);

    // Still standing.
    const after = await h.query<{ generalSettings: { url: string } }>('{ generalSettings { url } }');
    expect(after.data?.generalSettings.url).toBe(h.demo.url);
  }, 120_000);
});
