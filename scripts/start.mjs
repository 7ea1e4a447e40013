// `npm start`: sets up the workspace on a fresh machine (pnpm, dependencies, build), then starts the reports API
// simulator and shows how to talk to it. The monthly billing export takes over this command once the CLI exists.
import { install, pnpm } from './lib/toolchain.mjs';

install();
const status = pnpm(['run', '--silent', 'simulator', ...process.argv.slice(2)]);
process.exit(status);
