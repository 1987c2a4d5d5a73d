/**
 * The gateway under load, in its own process: the real startGateway with the settings given as flags
 * (`--name=value`), over the WordPress URL given first. Tells its parent the URL over IPC and shuts down
 * gracefully on SIGTERM, exiting 0 — any other exit is a crash.
 */
import { loadConfig, type SettingName } from '../../src/config.ts';
import { startGateway } from '../../src/server.ts';

const [wordpressUrl, ...rest] = process.argv.slice(2);
const flags = Object.fromEntries(rest.map((arg) => /^--([^=]+)=(.*)$/.exec(arg)!.slice(1, 3))) as Partial<Record<SettingName, string>>;
const config = loadConfig({ ...flags, 'wordpress-url': wordpressUrl, port: '0' });
const gateway = await startGateway({ ...config, wordpressUrl: wordpressUrl! });
process.send?.({ url: gateway.url });
process.once('SIGTERM', () => {
  void gateway.close().then(() => process.exit(0));
});
