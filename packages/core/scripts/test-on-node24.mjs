// Runs core's tests a second time on Node 24 (from the registry), since library users run core on current Node
// while a fresh machine's own is Node 20. Results go to test-results.node24.json.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24Path } from '@acronis-reports/node24';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(dirname(createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');

const version = spawnSync(node24Path, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`Node 24 does not run here (${version.error?.message ?? version.stderr}).`);
  process.exit(1);
}
console.log(`Core's tests again, on Node ${version.stdout.trim()} (first run: Node ${process.version})`);
const run = spawnSync(node24Path, [vitest, 'run', '--testTimeout=30000', '--reporter=default', '--reporter=json', '--outputFile.json=test-results.node24.json'], {
  cwd: packageDir,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
