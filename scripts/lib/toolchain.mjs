// Brings the repo's own pnpm on a machine that has only Node and npm, and runs workspace commands with it.
// corepack cannot fetch pnpm here (the registry mirror serves no signatures), so the pinned version from
// package.json's packageManager is fetched with npx the first time and installed as a root devDependency after.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');
const localPnpm = join(root, 'node_modules', '.bin', 'pnpm');

// turbo starts each task with `pnpm run`, so the repo's own pnpm must come first on PATH.
export const toolEnv = {
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: process.env.NO_COLOR ?? '1',
  npm_config_update_notifier: 'false',
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: toolEnv, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** How to run the repo's pnpm: the installed one, or the pinned version through npx before the first install. */
export function pnpmCommand() {
  return existsSync(localPnpm)
    ? { command: localPnpm, prefix: [] }
    : { command: 'npx', prefix: ['--yes', `pnpm@${pnpmVersion}`] };
}

export function pnpm(args, options) {
  const { command, prefix } = pnpmCommand();
  return run(command, [...prefix, ...args], options);
}

/** Runs the repo's turbo (installed by `install()`) with the tool environment. */
export function turbo(args, options) {
  return run(join(root, 'node_modules', '.bin', 'turbo'), args, options);
}

/**
 * Installs exactly what the lockfile says; cheap when nothing changed. Exits the process on failure.
 * `only` (a pnpm filter such as `acronis-reports...`) installs just those packages, following production
 * dependencies between workspace packages (`--filter-prod`: a package that is only some package's devDependency,
 * such as Node 24 for core's second test run, stays out), plus the root's own tools (pnpm, turbo, TypeScript).
 */
export function install({ only } = {}) {
  const filters = only ? ['--filter-prod', only, '--filter', '.'] : [];
  const status = pnpm(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only', ...filters]);
  if (status !== 0) {
    console.error('pnpm install failed; see the output above.');
    process.exit(status);
  }
}

/**
 * Gets a workspace package ready to run: installs from the lockfile (unless `install: false`), then builds the
 * package and what it depends on. Exits the process on failure. Other options go to the turbo process.
 */
export function installAndBuild(filter, { install: installFirst = true, ...options } = {}) {
  if (installFirst) install();
  const status = turbo(['run', 'build', `--filter=${filter}`, '--output-logs=errors-only'], options);
  if (status !== 0) process.exit(status);
}
