// `npm run n8n`: a real n8n on 127.0.0.1 with this package loaded, a credential for the simulator and the example
// workflows imported, for a person who wants to click around. Prints the editor URL and the login. Runs in the
// foreground, so that stopping it stops n8n and the simulator (see lib/foreground.mjs).
import { runInForeground } from './lib/foreground.mjs';
import { installAndBuild, pnpmCommand, root, toolEnv } from './lib/toolchain.mjs';

installAndBuild('n8n-nodes-acronis-reports...');
const { command, prefix } = pnpmCommand();
const args = [...prefix, '--filter', 'n8n-nodes-acronis-reports', 'run', 'n8n', ...process.argv.slice(2)];
process.exit(await runInForeground(command, args, { cwd: root, env: toolEnv }));
