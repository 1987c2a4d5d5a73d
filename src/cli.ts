import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig, SETTINGS, type SettingName } from './config.ts';

/**
 * `wp-graphql-gateway serve | print-schema | check`. Exit codes: 0 ok, 1 runtime failure (WordPress unreachable,
 * port in use), 2 bad usage or configuration.
 */

const USAGE = `Usage: wp-graphql-gateway <command> [options]

Commands:
  serve          serve GraphQL at /graphql (GraphiQL in a browser), /health
  print-schema   print the GraphQL schema (SDL); with --wordpress-url, that site's (discovered types included)
  check          check that a WordPress URL serves a REST API the gateway can use

Options (each falls back to the environment variable shown):
${Object.entries(SETTINGS)
  .map(([name, s]) => `  --${name.padEnd(21)} ${s.env.padEnd(21)} ${s.help}${s.default !== undefined ? ` (default ${s.default})` : ''}`)
  .join('\n')}
  -h, --help                                     show this help
`;

/** Runs the CLI; resolves to the exit code (serve resolves only once listening and stays up). */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      allowPositionals: true;
      strict: true;
      options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command = 'serve', ...rest] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (rest.length || !['serve', 'print-schema', 'check'].includes(command)) {
    process.stderr.write(`Unknown command: ${[command, ...rest].join(' ')}\n\n${USAGE}`);
    return 2;
  }
  // Only the flag, not WORDPRESS_URL: `npm run print-schema` writes the built-in schema whatever the environment.
  if (command === 'print-schema' && parsed.values['wordpress-url'] === undefined) {
    const { printGatewaySchema } = await import('./schema/index.ts');
    process.stdout.write(printGatewaySchema());
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(parsed.values as Partial<Record<SettingName, string>>);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (command === 'check') {
    const { checkWordPress } = await import('./check.ts');
    return checkWordPress(config);
  }
  if (command === 'print-schema') {
    const { printSiteSchema } = await import('./check.ts');
    return printSiteSchema({ ...config, wordpressUrl: String(parsed.values['wordpress-url']) });
  }
  const { serve } = await import('./serve.ts');
  return serve(config);
}
