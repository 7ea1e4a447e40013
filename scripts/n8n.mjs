// `npm run n8n`: a real n8n on 127.0.0.1 with this package loaded, a credential for the simulator and the example
// workflows imported, for a person who wants to click around. Prints the editor URL and the login.
import { install, pnpm, turbo } from './lib/toolchain.mjs';

install();
const built = turbo(['run', 'build', '--filter=n8n-nodes-acronis-reports...', '--output-logs=errors-only']);
if (built !== 0) process.exit(built);
process.exit(pnpm(['--filter', 'n8n-nodes-acronis-reports', 'run', 'n8n', ...process.argv.slice(2)]));
