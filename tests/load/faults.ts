import type { Fault } from '../support/fault-server.ts';

/**
 * The faults the load test injects, by marker (`search: "inject-<marker>"` on the posts query), and the code
 * the gateway must answer each with.
 */
export const INJECTED: Record<string, { fault: Fault; code: string }> = {
  '503': { fault: { kind: 'status', status: 503 }, code: 'UPSTREAM_UNAVAILABLE' },
  reset: { fault: { kind: 'reset' }, code: 'UPSTREAM_UNAVAILABLE' },
  '429': { fault: { kind: 'status', status: 429, headers: { 'retry-after': '120' } }, code: 'UPSTREAM_RATE_LIMITED' },
  'invalid-json': { fault: { kind: 'invalid-json' }, code: 'UPSTREAM_BAD_RESPONSE' },
  html: { fault: { kind: 'html' }, code: 'UPSTREAM_BAD_RESPONSE' },
  'php-notice': { fault: { kind: 'php-notice' }, code: 'UPSTREAM_BAD_RESPONSE' },
  truncate: { fault: { kind: 'truncate' }, code: 'UPSTREAM_BAD_RESPONSE' },
  hang: { fault: { kind: 'hang' }, code: 'UPSTREAM_TIMEOUT' },
};
