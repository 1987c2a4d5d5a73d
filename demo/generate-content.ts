/**
 * Writes `demo/content.json`, the demo site's bundled content: `tsx demo/generate-content.ts`.
 * Deterministic (seeded PRNG, no clock): running it twice gives byte-identical output, so the committed file
 * only changes when the generator does.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildContent } from './generator/build.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const content = buildContent({ seedPostPath: here('./generator/seed-post-2786.json') });
const json = `${JSON.stringify(content, null, 1)}\n`;
writeFileSync(here('./content.json'), json);
const counts = Object.entries(content)
  .filter(([, v]) => Array.isArray(v))
  .map(([k, v]) => `${k}=${(v as unknown[]).length}`)
  .join(' ');
process.stdout.write(`wrote demo/content.json (${(json.length / 1024).toFixed(0)} KB): ${counts}\n`);
