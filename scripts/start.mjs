// `npm start`: the main job. On a fresh machine it sets everything up (pnpm, dependencies, build), then runs the
// monthly billing export with the acronis-reports command: against the data center named by ACRONIS_* variables
// when they are set, otherwise on the embedded simulator (all five formats, so every kind of file can be opened).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { install, root, toolEnv, turbo } from './lib/toolchain.mjs';

install();
const built = turbo(['run', 'build', '--filter=acronis-reports...', '--output-logs=errors-only']);
if (built !== 0) process.exit(built);

const credentialVariables = ['ACRONIS_BASE_URL', 'ACRONIS_CLIENT_ID', 'ACRONIS_CLIENT_SECRET', 'ACRONIS_CLIENT_SECRET_FILE'];
const useDataCenter = credentialVariables.some((name) => process.env[name]);
const args = useDataCenter
  ? ['billing', ...process.argv.slice(2)]
  : ['billing', '--simulator', '--formats', 'csv_v2_0,json_v2_0,csv,html,json_v1', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, [join(root, 'apps', 'cli', 'dist', 'bin.js'), ...args], { stdio: 'inherit', env: toolEnv });
process.exit(run.status ?? 1);
