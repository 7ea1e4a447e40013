// `npm run test:n8n`: the n8n package inside a real n8n 2.40.7 (installed once into a cache folder outside the
// repo), headless against the simulator. Its last line is `n8n-e2e: N passed, N failed`.
import { installAndBuild, pnpm } from './lib/toolchain.mjs';

installAndBuild('n8n-nodes-acronis-reports...');
process.exit(pnpm(['--filter', 'n8n-nodes-acronis-reports', 'run', 'test:n8n']));
