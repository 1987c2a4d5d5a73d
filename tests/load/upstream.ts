/**
 * The load test's upstream, in its own process so the gateway's memory is measured alone: the demo site behind
 * the fault server. A posts query whose `search` is `inject-<fault>` gets that fault on every attempt (so
 * retries cannot hide it); everything else passes through untouched. Tells its parent the URL over IPC and
 * closes on SIGTERM.
 */
import { createDemoSite } from '../../demo/server.ts';
import { startFaultServer } from '../support/fault-server.ts';
import { INJECTED } from './faults.ts';

const demo = await createDemoSite();
const fault = await startFaultServer({ upstream: demo.url });
fault.setRule((request) => {
  const marker = /^inject-(.+)$/.exec(request.query.get('search') ?? '')?.[1];
  return marker ? INJECTED[marker]?.fault : undefined;
});
// The fault server keeps every request for tests; a minute of load would keep a million.
setInterval(() => fault.resetRequests(), 1_000).unref();

process.send?.({ url: fault.url });
process.once('SIGTERM', () => {
  void fault
    .close()
    .then(() => demo.close())
    .then(() => process.exit(0));
});
