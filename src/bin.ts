#!/usr/bin/env node
import { main } from './cli.ts';

// A thin entry point: all behaviour is in cli.ts, which tests call directly. It exits explicitly once main()
// settles: by then `serve` has finished its graceful shutdown, and a cluster primary's IPC channels would
// otherwise keep the process alive. Exit waits for stdout to flush: writes to a pipe are asynchronous, and
// exiting at once cut `print-schema --wordpress-url … | …` short (2,561 of 6,178 lines on the demo site).
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
});
