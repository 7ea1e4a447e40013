#!/usr/bin/env node
// `pnpm n8n`: the simulator and a real n8n (the version install-n8n.mjs installs, on Node 24) on 127.0.0.1, with
// this package installed from its packed tarball, a credential for the simulator and the example workflows
// imported, and an owner account set up. Prints the editor URL and the login; Ctrl+C stops both.
//
// Options: --port <n8n port, default 5678>  --sim-port <default: a free one>  --now <simulated clock start, ISO>
//          --fresh (forget the n8n data folder first)
// The n8n data folder (sqlite, binary data) is kept between starts in ${XDG_CACHE_HOME:-~/.cache}/acronis-reports/n8n-dev.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CREDENTIAL_ID,
  CREDENTIAL_NAME,
  credentialFile,
  ensureN8n,
  freePort,
  log,
  n8nChecked,
  n8nEnv,
  packAndInstall,
  packageDir,
  startN8nServer,
  stopChild,
  waitForN8n,
} from './lib.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.N8N_PORT ?? '5678' },
    'sim-port': { type: 'string', default: '0' },
    now: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});

const OWNER = { email: 'owner@acronis-reports.invalid', firstName: 'Acronis', lastName: 'Tester', password: 'Acronis-n8n-1' };
const dataDir = process.env.N8N_DEV_FOLDER ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'acronis-reports', 'n8n-dev');
if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const userFolder = join(dataDir, 'user');
const keyFile = join(dataDir, 'encryption-key');
if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('hex'), { mode: 0o600 });
const encryptionKey = readFileSync(keyFile, 'utf8').trim();

const n8nBin = ensureN8n();
const { createSimulator } = await import('@acronis-reports/simulator');
const sim = await createSimulator({
  host: '127.0.0.1',
  port: Number(options['sim-port']),
  ...(options.now ? { now: options.now } : {}),
  config: { generationDelayMs: 3000 },
});
log(`simulator on ${sim.baseUrl}`);

let server;
async function stop(code) {
  if (server) await stopChild(server).catch(() => {});
  await sim.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  // A fresh copy of the package each start: the current build, as users would install it.
  rmSync(join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
  const tarball = packAndInstall(userFolder, dataDir);
  rmSync(join(dataDir, 'pack'), { recursive: true, force: true });
  log(`installed ${tarball.split('/').pop()} into ${join(userFolder, '.n8n', 'nodes')}`);

  const port = Number(options.port);
  const env = n8nEnv({ userFolder, encryptionKey, port, brokerPort: await freePort() });
  const imports = join(dataDir, 'import');
  mkdirSync(imports, { recursive: true });
  writeFileSync(join(imports, 'creds.json'), JSON.stringify(credentialFile(sim), null, 2));
  await n8nChecked(n8nBin, ['import:credentials', `--input=${join(imports, 'creds.json')}`], env);
  // The examples refer to a placeholder credential; point them at the imported one, with stable ids so a restart
  // updates instead of duplicating.
  const examples = readdirSync(join(packageDir, 'examples'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name, i) => {
      const wf = JSON.parse(readFileSync(join(packageDir, 'examples', name), 'utf8'));
      for (const node of wf.nodes) {
        if (node.credentials?.acronisReportsApi) node.credentials.acronisReportsApi = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
      }
      return { id: `acronisExample${String(i + 1).padStart(2, '0')}`, active: false, settings: { executionOrder: 'v1' }, ...wf };
    });
  writeFileSync(join(imports, 'workflows.json'), JSON.stringify(examples, null, 2));
  await n8nChecked(n8nBin, ['import:workflow', `--input=${join(imports, 'workflows.json')}`], env);
  log(`imported the credential "${CREDENTIAL_NAME}" and ${examples.length} example workflows`);

  server = startN8nServer(n8nBin, env, process.stdout);
  server.on('exit', (code) => {
    log(`n8n exited (${code})`);
    stop(code ?? 1);
  });
  await waitForN8n(port, server);

  const editor = `http://127.0.0.1:${port}`;
  const setup = await fetch(`${editor}/rest/owner/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  });
  const ownerNote =
    setup.ok ? 'owner account created' : `owner setup answered ${setup.status} (already set up on an earlier start, or set it up in the browser)`;
  console.log(
    [
      '',
      '================================================================',
      `n8n editor:   ${editor}`,
      `login:        ${OWNER.email} / ${OWNER.password}   (${ownerNote})`,
      `simulator:    ${sim.baseUrl}   client ${sim.clientId}, tenant ${sim.tenantId}`,
      `credential:   "${CREDENTIAL_NAME}" (points at the simulator)`,
      `data folder:  ${dataDir}   (--fresh starts over)`,
      'Ctrl+C stops n8n and the simulator.',
      '================================================================',
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error(`[n8n] ${error.message}`);
  await stop(1);
}
