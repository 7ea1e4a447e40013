#!/usr/bin/env node
import { main } from './program.js';

// The process ends when its work ends: core aborts an attempt that runs out of time, so nothing is left holding
// the event loop, and the exit code is set rather than forced.
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
