#!/usr/bin/env node
import { interruptedExitCode } from './interrupt.js';
import { main } from './program.js';

// The process ends when its work ends: core aborts an attempt that runs out of time, so nothing is left holding
// the event loop, and the exit code is set rather than forced.
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
    // Ctrl-C is a stop on demand: work that took no signal (a download under way) is not waited for.
    if (code === interruptedExitCode) process.stderr.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
