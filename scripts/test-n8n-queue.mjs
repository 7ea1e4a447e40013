// `npm run test:n8n-queue`: the n8n package in n8n's queue mode (main, two workers, Redis, PostgreSQL), headless
// against the simulator. Redis and PostgreSQL come from Debian's packages (installed when missing). Its last line is
// `n8n-queue: N passed, N failed`.
import { installAndBuild, pnpm } from './lib/toolchain.mjs';

installAndBuild('n8n-nodes-acronis-reports...');
process.exit(pnpm(['--filter', 'n8n-nodes-acronis-reports', 'run', 'test:n8n-queue']));
