/** Writes .env.example from the settings table in src/config.ts (`npm run env:example`); a test checks it is current. */
import { writeFileSync } from 'node:fs';
import { SETTINGS } from '../src/config.ts';

/** The text of .env.example. */
export function envExample(): string {
  let out = '# Every setting of wp-graphql-gateway, as environment variables (flags: npx wp-graphql-gateway --help).\n';
  out += '# Unset variables take the default shown. Generated from src/config.ts by `npm run env:example`.\n\n';
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const s = setting as { env: string; default: string | undefined; help: string };
    out += `# ${s.help} (--${name})\n# ${s.env}=${s.default ?? ''}\n\n`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(new URL('../.env.example', import.meta.url), envExample());
