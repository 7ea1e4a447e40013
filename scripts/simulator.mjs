// `pnpm simulator [flags]`: builds the simulator if needed, then runs it in the foreground. Build output goes to
// stderr so that the simulator's first stdout line stays its JSON description.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, root } from './lib/toolchain.mjs';

installAndBuild('@acronis-reports/simulator...', { install: false, stdio: ['ignore', process.stderr, process.stderr] });

const child = spawn(process.execPath, [join(root, 'packages', 'simulator', 'dist', 'cli.js'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
