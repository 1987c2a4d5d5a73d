import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { yogaLogger } from '../../src/plugins/yoga-logging.ts';
import { WordPressError } from '../../src/wordpress/errors.ts';

function recorder() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (details: object, message: string) =>
    lines.push({ level, details: details as Record<string, unknown>, message });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('yogaLogger', () => {
  it('logs a masked WordPress failure as one warn line with its route and code, no stack', () => {
    const { lines, log } = recorder();
    const upstream = new WordPressError(
      'WordPress did not answer /wp/v2/posts within 10000 ms',
      'UPSTREAM_TIMEOUT',
      undefined,
      undefined,
      '/wp/v2/posts',
    );
    yogaLogger(log).error(new GraphQLError('masked', { originalError: upstream }));
    expect(lines).toEqual([
      {
        level: 'warn',
        details: { code: 'UPSTREAM_TIMEOUT', status: undefined, route: '/wp/v2/posts', wordpressCode: undefined },
        message: 'WordPress request failed: WordPress did not answer /wp/v2/posts within 10000 ms',
      },
    ]);
  });

  it('logs anything else at error level with the error (and its stack) for pino to serialise', () => {
    const { lines, log } = recorder();
    const bug = new TypeError('Cannot read properties of undefined');
    yogaLogger(log).error(new GraphQLError('masked', { originalError: bug }));
    expect(lines).toEqual([{ level: 'error', details: { err: bug }, message: 'Unexpected error while serving a request' }]);
  });

  it('falls back to warn for a logger without error, and drops debug lines', () => {
    const { lines, log } = recorder();
    const logger = yogaLogger({ info: log.info, warn: log.warn });
    logger.debug('Processing GraphQL Parameters');
    logger.error(new Error('boom'));
    expect(lines.map((l) => [l.level, l.message])).toEqual([['warn', 'Unexpected error while serving a request']]);
  });
});
