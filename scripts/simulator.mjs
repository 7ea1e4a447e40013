// `pnpm simulator [flags]`: builds the simulator if needed, then runs it in the foreground. Build output goes to
// stderr so that the simulator's first stdout line stays its JSON description.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, toolEnv } from './lib/toolchain.mjs';

const turbo = join(root, 'node_modules', '.bin', 'turbo');
const build = spawnSync(turbo, ['run', 'build', '--filter=@acronis-reports/simulator...', '--output-logs=errors-only'], {
  cwd: root,
  env: toolEnv,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(process.execPath, [join(root, 'packages', 'simulator', 'dist', 'cli.js'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
