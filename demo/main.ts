/**
 * Runs the demo site on its own: `tsx demo/main.ts [--port 8089] [--host 127.0.0.1] [--latency 0]`.
 * Handy for poking at it with curl or pointing a gateway (or anything else) at it. Stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { createDemoSite } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8089' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
  },
});

const site = await createDemoSite({ port: Number(values.port), host: values.host, latencyMs: Number(values.latency) });
process.stdout.write(`demo WordPress site at ${site.url} (REST root ${site.url}/wp-json/)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    site.close().finally(() => process.exit(0));
  });
}
