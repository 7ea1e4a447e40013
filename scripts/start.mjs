// `npm start`: the main job. On a fresh machine it sets everything up (pnpm, dependencies, build), then runs the
// monthly billing export with the acronis-reports command: against the data center named by ACRONIS_* variables
// when they are set, otherwise on the embedded simulator (all five formats, so every kind of file can be opened).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInForeground } from './lib/foreground.mjs';
import { install, installAndBuild, root, toolEnv } from './lib/toolchain.mjs';

// Only what the command line needs, not the n8n and Zapier tooling of a full install (`npm test` does that).
install({ only: 'acronis-reports...' });
installAndBuild('acronis-reports...', { install: false });

// The CLI's own list of where credentials come from (variables and flags), so the two cannot drift apart.
const cli = join(root, 'apps', 'cli', 'dist');
const { credentialFlags, credentialVariables } = await import(pathToFileURL(join(cli, 'credentials.js')).href);
const given = process.argv.slice(2);
const useDataCenter =
  credentialVariables.some((name) => process.env[name]) ||
  given.some((arg) => credentialFlags.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
// On the simulator it also shows billing lines mapped with the example mapping and compared with the month before.
const exampleMapping = join(root, 'apps', 'cli', 'examples', 'simulator-mapping.json');
const args = useDataCenter
  ? ['billing', ...given]
  : ['billing', '--simulator', '--formats', 'csv_v2_0,json_v2_0,csv,html,json_v1', '--mapping', exampleMapping, '--compare', ...given];
// In the foreground, so that stopping `npm start` stops the command and the simulator it embeds.
process.exit(await runInForeground(process.execPath, [join(cli, 'bin.js'), ...args], { env: toolEnv }));
