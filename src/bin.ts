#!/usr/bin/env node
import { main } from './cli.ts';

// A thin entry point: all behaviour is in cli.ts, which tests call directly.
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
