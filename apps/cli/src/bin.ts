#!/usr/bin/env node
import { main } from './program.js';

/**
 * Exits once the output is written, rather than when the event loop runs dry: a request core gave up on after its
 * timeout may still hold a connection open, and the command is done either way.
 */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(exitWith, (error: unknown) => {
  process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  exitWith(1);
});
