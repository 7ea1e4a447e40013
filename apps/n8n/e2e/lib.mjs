// Shared by the real-n8n suite (run.mjs) and `pnpm n8n` (start-n8n.mjs): a private n8n user folder with this
// package installed from its packed tarball, n8n's environment, and n8n commands run on Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReportsClient } from '@acronis-reports/core';
import { node24Path } from '@acronis-reports/node24';
import { installN8n, N8N_VERSION, node24BinDir } from './install-n8n.mjs';

export { N8N_VERSION };
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(packageDir, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-acronis-reports';
export const NODE_TYPE = `${PACKAGE_NAME}.acronisReports`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.acronisReportsTrigger`;
export const CREDENTIAL_ID = 'acronisE2eCred01';
export const CREDENTIAL_NAME = 'Acronis Reports API';

export const log = (message) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion (output captured); throws with its output when it fails. */
export function runChecked(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${tail(result.stdout + result.stderr)}`);
  }
  return result.stdout;
}

export const tail = (text, lines = 40) => String(text ?? '').trim().split('\n').slice(-lines).join('\n');

/**
 * Packs this package (`pnpm pack`, as it would be published: only `files`, dist with core bundled) and installs the
 * tarball into `<userFolder>/.n8n/nodes` with npm, the way n8n installs community packages. No link to the
 * workspace: a module missing from the bundle fails when n8n loads the nodes.
 */
export function packAndInstall(userFolder, workDir) {
  const tarball = packPackage(workDir);
  installTarball(userFolder, tarball);
  return tarball;
}

/** Packs this package (`pnpm pack`) into `<workDir>/pack`; returns the tarball's path. */
export function packPackage(workDir) {
  const packDir = join(workDir, 'pack');
  mkdirSync(packDir, { recursive: true });
  const pnpm = join(repoRoot, 'node_modules', '.bin', 'pnpm');
  runChecked(pnpm, ['pack', '--pack-destination', packDir], { cwd: packageDir });
  const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${packDir}`);
  return join(packDir, tarball);
}

/** Installs a packed tarball into `<userFolder>/.n8n/nodes` with npm, where n8n loads community packages from. */
export function installTarball(userFolder, tarball) {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  mkdirSync(nodesDir, { recursive: true });
  writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
  // --legacy-peer-deps: n8n provides n8n-workflow; a second copy next to the package would break instanceof checks.
  runChecked('npm', ['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: nodesDir,
    env: { ...process.env, PATH: `${node24BinDir}:${process.env.PATH}` },
  });
}

/** n8n's environment: private user folder, sqlite, nothing phoning home, loopback ports, binary data on disk. */
export function n8nEnv({ userFolder, encryptionKey, port, brokerPort, extra = {} }) {
  return {
    ...process.env,
    PATH: `${node24BinDir}:${process.env.PATH}`,
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: encryptionKey,
    DB_TYPE: 'sqlite',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PORT: String(port),
    N8N_PROTOCOL: 'http',
    N8N_SECURE_COOKIE: 'false',
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
    NO_COLOR: '1',
    ...extra,
  };
}

/** Makes sure n8n is installed (the cache outside the repo); returns the path of its entry script. */
export function ensureN8n() {
  return installN8n();
}

/** Runs one n8n CLI command on Node 24 to completion; resolves with { code, stdout, stderr }. */
export function n8nCommand(n8nBin, args, env, { timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node24Path, [n8nBin, ...args], { env, cwd: env.N8N_USER_FOLDER, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`n8n ${args.join(' ')} took longer than ${timeoutMs / 1000}s:\n${tail(stdout + stderr)}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`n8n ${args.join(' ')} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

/** Like n8nCommand, but a non-zero exit is an error (with the output's tail). */
export async function n8nChecked(n8nBin, args, env, options) {
  const result = await n8nCommand(n8nBin, args, env, options);
  if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  return result;
}

/** Starts `n8n start` (detached process group); returns the child. Output goes to the given log stream. */
export function startN8nServer(n8nBin, env, logStream) {
  return startN8nProcess(n8nBin, ['start'], env, logStream);
}

/** Starts a long-running n8n command (`start`, `worker`) in its own process group; output goes to the log stream. */
export function startN8nProcess(n8nBin, args, env, logStream) {
  const child = spawn(node24Path, [n8nBin, ...args], { env, cwd: env.N8N_USER_FOLDER, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  return child;
}

/** Waits until n8n (or a worker's health server) answers on /healthz/readiness. */
export async function waitForN8n(port, child, timeoutMs = 180_000, name = 'n8n start') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not become ready on port ${port} within ${timeoutMs / 1000}s`);
}

const children = new Set();
function trackChild(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
}

/** Ends a child's whole process group (n8n starts task runners of its own). */
export function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Stops a child's process group, SIGKILL after a grace period. */
export async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Every n8n process this module started and that still runs. */
export const runningChildren = () => [...children];

/** The credential file for `n8n import:credentials` (plain data; n8n encrypts it with N8N_ENCRYPTION_KEY). */
/** The simulator's credential, and one whose data center URL nothing answers (`unreachableUrl`). */
export function credentialFile(sim, unreachableUrl) {
  return [
    {
      id: CREDENTIAL_ID,
      name: CREDENTIAL_NAME,
      type: 'acronisReportsApi',
      data: { url: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
    },
    {
      id: UNREACHABLE_CREDENTIAL_ID,
      name: UNREACHABLE_CREDENTIAL_NAME,
      type: 'acronisReportsApi',
      data: { url: unreachableUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
    },
  ];
}

/**
 * A core client of the simulator for the suite's own calls, made as another API user would make them. Without
 * create recovery, a create sends no report list first: the suites read report lists in the log as trigger polls.
 */
export function simulatorClient(sim, options = {}) {
  return createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, { recoverLostCreates: false, ...options });
}

export const credentialRef = { acronisReportsApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const UNREACHABLE_CREDENTIAL_ID = 'acronisE2eCred02';
const UNREACHABLE_CREDENTIAL_NAME = 'Acronis Reports API (nothing listens)';
export const unreachableCredentialRef = { acronisReportsApi: { id: UNREACHABLE_CREDENTIAL_ID, name: UNREACHABLE_CREDENTIAL_NAME } };

/**
 * Extracts the run data printed by `n8n execute --rawOutput` (the IRun JSON after the log lines).
 * Returns null when no JSON object could be read.
 */
export function parseRunOutput(stdout) {
  const lines = stdout.split('\n');
  for (let start = 0; start < lines.length; start++) {
    if (lines[start] !== '{') continue;
    for (let end = lines.length; end > start; end--) {
      if (lines[end - 1] !== '}') continue;
      try {
        return JSON.parse(lines.slice(start, end).join('\n'));
      } catch {
        // try a shorter span
      }
    }
  }
  return null;
}
