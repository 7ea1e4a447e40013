#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createSimulator, defaultSeed } from './server.js';

const usage = `Usage: pnpm simulator [options]

Runs a local simulator of the Acronis Cyber Platform reports API. The first line on stdout is a JSON object
with baseUrl, apiBaseUrl, clientId, clientSecret and tenantId; everything else goes to stderr.

Options:
  --port <n>                   port to listen on (default: a free port)
  --host <address>             interface to listen on (default: 127.0.0.1)
  --generation-delay-ms <ms>   time until stored reports are saved (default: 3000)
  --list-delay-ms <ms>         time after create while the stored list stays empty (default: 300)
  --token-lifetime-s <s>       access token lifetime in seconds (default: 7200)
  --file-target-bytes <n>      pad generated files to at least n bytes (decompressed)
  --history-reports <n>        seed the demo tenant with n reports of past use (default: 0), e.g. 5000
  --seed <n>                   seed of the tenant tree and usage numbers (default: ${defaultSeed})
  --now <iso time>             start of the simulated clock (default: now)
  --client-id <uuid>           demo API client id
  --client-secret <text>       demo API client secret
  --tenant-id <uuid>           id of the demo client's partner tenant
  -h, --help                   show this help
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'generation-delay-ms': { type: 'string' },
      'list-delay-ms': { type: 'string' },
      'token-lifetime-s': { type: 'string' },
      'file-target-bytes': { type: 'string' },
      'history-reports': { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'tenant-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
} catch (error) {
  fail((error as Error).message);
}
const flags = parsed.values;
if (flags.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const config = Object.fromEntries(
  Object.entries({
    generationDelayMs: integer('generation-delay-ms', flags['generation-delay-ms']),
    listDelayMs: integer('list-delay-ms', flags['list-delay-ms']),
    tokenLifetimeSeconds: integer('token-lifetime-s', flags['token-lifetime-s']),
    fileTargetBytes: integer('file-target-bytes', flags['file-target-bytes']),
  }).filter(([, value]) => value !== undefined),
);

const simulator = await createSimulator({
  port: integer('port', flags.port) ?? 0,
  host: flags.host,
  seed: integer('seed', flags.seed),
  now: flags.now,
  clientId: flags['client-id'],
  clientSecret: flags['client-secret'],
  tenantId: flags['tenant-id'],
  config,
  historyReports: integer('history-reports', flags['history-reports']),
}).catch((error: Error) => fail(error.message));

process.stdout.write(
  `${JSON.stringify({
    baseUrl: simulator.baseUrl,
    apiBaseUrl: simulator.apiBaseUrl,
    clientId: simulator.clientId,
    clientSecret: simulator.clientSecret,
    ...simulator.tenants,
  })}\n`,
);
process.stderr.write(
  [
    `Acronis reports API simulator listening on ${simulator.baseUrl} (API base ${simulator.apiBaseUrl}).`,
    `Token:   curl -u ${simulator.clientId}:${simulator.clientSecret} -d grant_type=client_credentials ${simulator.apiBaseUrl}/idp/token`,
    `Control: ${simulator.baseUrl}/_simulator (clock, config, faults, requests). Press Ctrl+C to stop.`,
    '',
  ].join('\n'),
);

// Ctrl+C reaches the simulator twice (from the terminal and passed on by `pnpm simulator`): stop once, quietly.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  simulator.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started with an IPC channel (as `pnpm simulator` does): the channel closes when the starting process ends, however
// it ends, and the simulator must not serve on without it. Unref'd: the channel alone never keeps the process up.
if (process.channel) {
  process.once('disconnect', stop);
  process.channel.unref();
}
