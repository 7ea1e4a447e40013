// `npm run n8n`: a real n8n on 127.0.0.1 with this package loaded, a credential for the simulator and the example
// workflows imported, for a person who wants to click around. Prints the editor URL and the login.
import { installAndBuild, pnpm } from './lib/toolchain.mjs';

installAndBuild('n8n-nodes-acronis-reports...');
process.exit(pnpm(['--filter', 'n8n-nodes-acronis-reports', 'run', 'n8n', ...process.argv.slice(2)]));
