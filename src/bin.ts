#!/usr/bin/env node
import { main } from './cli.ts';

// A thin entry point: all behaviour is in cli.ts, which tests call directly. It exits explicitly once main()
// settles: by then `serve` has finished its graceful shutdown, and a cluster primary's IPC channels would
// otherwise keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
