// `pnpm simulator [flags]`: builds the simulator if needed, then runs it in the foreground. Build output goes to
// stderr so that the simulator's first stdout line stays its JSON description. Stopping this process (a signal to
// it or to the pnpm that started it, or its parent vanishing) stops the simulator: see lib/foreground.mjs.
import { join } from 'node:path';
import { runInForeground } from './lib/foreground.mjs';
import { installAndBuild, root } from './lib/toolchain.mjs';

installAndBuild('@acronis-reports/simulator...', { install: false, stdio: ['ignore', process.stderr, process.stderr] });

const cli = join(root, 'packages', 'simulator', 'dist', 'cli.js');
process.exit(await runInForeground(process.execPath, [cli, ...process.argv.slice(2)], { cwd: process.cwd(), ipc: true }));
