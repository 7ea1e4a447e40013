#!/usr/bin/env node
// The real-n8n end-to-end suite: this package, packed and installed from its tarball into a private n8n 2.40.7
// (Node 24, sqlite, binary data on disk), runs workflows headless against the simulator.
//
//   a. billing          Create Billing Report as a new node has it (Wait and Download on): two files, names, MIME types, SHA-256 of the bytes
//                       n8n stored equal to the simulator's
//   b. continueOnFail   Get of an unknown report with "continue on fail": an error item, the run goes on
//   c. token refresh    the stored token expired between runs, and tokens expiring during a run: 401, new token,
//                       success
//   e. unreachable      Get with a credential whose URL nothing answers: the error item keeps the URL and the advice
//                       (n8n would put its generic "refused the connection" sentence in place of a message naming
//                       ECONNREFUSED)
//   f. billing lines    Create Billing Report, Output: Billing Lines (compare, mapping, delete after) feeding an Edit Fields
//                       node as invoice lines: items with exactly the line fields, flags new/gone/changed, the mapping's
//                       product codes and customer references, a hint for what the mapping left out, both reports deleted
//   d. trigger          Stored Report Ready in a running `n8n start` (published workflow): a new file is emitted
//                       exactly once (slow: two to three minutes; N8N_E2E_SKIP_TRIGGER=1 leaves it out, and says so)
//
// Prints `N passed, N failed` last and exits non-zero on any failure; a suite that cannot run is a failure.
// Usage: node e2e/run.mjs [--keep]   (--keep leaves the temporary folder for inspection)
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  credentialFile,
  credentialRef,
  ensureN8n,
  freePort,
  log,
  N8N_VERSION,
  n8nChecked,
  n8nCommand,
  n8nEnv,
  NODE_TYPE,
  packAndInstall,
  parseRunOutput,
  runningChildren,
  simulatorClient,
  startN8nServer,
  stopChild,
  tail,
  TRIGGER_TYPE,
  unreachableCredentialRef,
  waitForN8n,
} from './lib.mjs';

const started = Date.now();
const keep = process.argv.includes('--keep');
const skipTrigger = process.env.N8N_E2E_SKIP_TRIGGER === '1';
// n8n runs on the machine's clock, so the simulator does too: Create Billing Report then bills the month the
// simulator also calls the last full one, whatever day this runs. The night-time "usage history is not ready"
// window is off here: it would only make the run depend on the hour (unit tests cover it).
function lastFullMonthAt(ms) {
  const now = new Date(ms);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
// An explicit month in the past for the report the trigger test makes.
const TRIGGER_MONTH = '2026-10';
const UNKNOWN_REPORT = '0b8d2f5e-3c41-4f7a-9a2e-6d1c8e4b7a90';

const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}
/** Runs one named check; an exception is a failure with its message. */
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    record(name, true, `${detail ?? 'ok'} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (error) {
    record(name, false, error instanceof Error ? error.message : String(error));
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------------- workflows
const manualTrigger = { parameters: {}, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
const chain = (...names) =>
  Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
const workflow = (id, name, nodes, connections) => ({
  id,
  name,
  active: false,
  nodes: nodes.map((node, i) => ({ id: `${id}-node-${i}`, position: [i * 220, 0], ...node })),
  connections,
  settings: { executionOrder: 'v1' },
  pinData: {},
});

const billingNode = (name) => ({
  parameters: { resource: 'report', operation: 'createBilling', tenantId: '', month: '', options: { timeoutMinutes: 2 } },
  name,
  type: NODE_TYPE,
  typeVersion: 1,
  credentials: credentialRef,
});

// The columns of a billing line (core's BILLING_LINE_COLUMNS), written out: the suite checks the installed package.
const LINE_COLUMNS = ['tenant_id', 'tenant_name', 'tenant_kind', 'offering_item', 'edition', 'backend_type', 'sku', 'unit', 'quantity', 'raw_quantity', 'raw_unit', 'figure', 'customer_ref', 'product_code', 'unit_price', 'amount', 'previous_quantity', 'change', 'change_percent', 'flag'];
// Two customers of the simulator's default seed, one tenant id that is not there (an unused entry), and products.
const LINES_MAPPING = {
  customers: {
    'fa46db72-b804-46c8-aaf4-0fef7573b89e': 'C-1001',
    '6a99654f-0b63-45dd-90be-6efe716c8ec1': 'C-1003',
    '00000000-0000-4000-8000-00000000e2e0': 'C-NOBODY',
  },
  products: [
    { offering_item: 'local_storage', ignore: true },
    { offering_item: 'storage', product_code: 'BK-STOR', unit_price: 0.05 },
    { offering_item: 'pc_backup', product_code: 'BK-WS', unit_price: 3.5 },
    { offering_item: 'server_backup', product_code: 'BK-SRV', unit_price: 12 },
  ],
};
/** What an invoice node gets, made from each line by n8n's own Edit Fields node: no Code node. */
const invoiceField = (name, value, type) => ({ id: `inv-${name}`, name, value, type });
const invoiceNode = {
  parameters: {
    mode: 'manual',
    assignments: {
      assignments: [
        invoiceField('customer', '={{ $json.customer_ref }}', 'string'),
        invoiceField('item', '={{ $json.product_code }}', 'string'),
        invoiceField('description', '={{ $json.tenant_name }}: {{ $json.offering_item }} ({{ $json.unit }})', 'string'),
        invoiceField('quantity', '={{ $json.quantity }}', 'number'),
        invoiceField('rate', '={{ $json.unit_price }}', 'number'),
        invoiceField('amount', '={{ $json.amount }}', 'number'),
      ],
    },
    options: {},
  },
  name: 'Invoice lines',
  type: 'n8n-nodes-base.set',
  typeVersion: 3.4,
};

const WF = {
  billing: workflow('e2eBillingFlow01', 'e2e: billing report', [manualTrigger, billingNode('Create Billing Report')], chain('Start', 'Create Billing Report')),
  continueOnFail: workflow(
    'e2eContinueFail1',
    'e2e: continue on fail',
    [
      manualTrigger,
      {
        parameters: { resource: 'report', operation: 'get', reportId: { __rl: true, mode: 'id', value: UNKNOWN_REPORT } },
        name: 'Get unknown report',
        type: NODE_TYPE,
        typeVersion: 1,
        credentials: credentialRef,
        onError: 'continueRegularOutput',
      },
      {
        parameters: { resource: 'report', operation: 'getAll', returnAll: true },
        name: 'Get Many reports',
        type: NODE_TYPE,
        typeVersion: 1,
        credentials: credentialRef,
      },
    ],
    chain('Start', 'Get unknown report', 'Get Many reports'),
  ),
  unreachable: workflow(
    'e2eUnreachable01',
    'e2e: unreachable data center',
    [
      manualTrigger,
      {
        parameters: { resource: 'report', operation: 'get', reportId: { __rl: true, mode: 'id', value: UNKNOWN_REPORT } },
        name: 'Get from nowhere',
        type: NODE_TYPE,
        typeVersion: 1,
        credentials: unreachableCredentialRef,
        onError: 'continueRegularOutput',
      },
    ],
    chain('Start', 'Get from nowhere'),
  ),
  billingLines: workflow(
    'e2eBillingLines1',
    'e2e: billing lines',
    [
      manualTrigger,
      {
        parameters: {
          resource: 'report',
          operation: 'createBilling',
          tenantId: '',
          month: '',
          output: 'lines',
          compare: true,
          mapping: JSON.stringify(LINES_MAPPING, null, 2),
          deleteAfter: true,
          options: { timeoutMinutes: 2 },
        },
        name: 'Billing lines',
        type: NODE_TYPE,
        typeVersion: 1,
        credentials: credentialRef,
      },
      invoiceNode,
    ],
    chain('Start', 'Billing lines', 'Invoice lines'),
  ),
  tokenMidRun: workflow('e2eTokenMidRun01', 'e2e: token expiring mid-run', [manualTrigger, billingNode('Billing, short tokens')], chain('Start', 'Billing, short tokens')),
};
const triggerWorkflow = (receiverUrl) =>
  workflow(
    'e2eTriggerFlow01',
    'e2e: stored report ready trigger',
    [
      {
        parameters: {
          pollTimes: { item: [{ mode: 'everyMinute' }] },
          event: 'storedReportReady',
          watch: 'tenant',
          tenantId: '',
          formats: [],
          download: true,
        },
        name: 'Acronis Reports Trigger',
        type: TRIGGER_TYPE,
        typeVersion: 1,
        credentials: credentialRef,
      },
      {
        parameters: {
          method: 'POST',
          url: receiverUrl,
          sendBody: true,
          specifyBody: 'json',
          jsonBody: '={{ JSON.stringify({ item: $json, binaryFileName: $binary.data ? $binary.data.fileName : null }) }}',
          options: {},
        },
        name: 'Tell the test',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
      },
    ],
    chain('Acronis Reports Trigger', 'Tell the test'),
  );

// ---------------------------------------------------------------------------------------------------- helpers
/** Node output items of the last run of a node, from the IRun JSON. */
function nodeItems(run, nodeName) {
  const runs = run?.data?.resultData?.runData?.[nodeName];
  assert(Array.isArray(runs) && runs.length > 0, `node "${nodeName}" did not run (nodes run: ${Object.keys(run?.data?.resultData?.runData ?? {}).join(', ')})`);
  const last = runs[runs.length - 1];
  assert(!last.error, `node "${nodeName}" failed: ${last.error?.message} ${last.error?.description ?? ''}`);
  return last.data?.main?.[0] ?? [];
}

/** The bytes n8n kept for a binary property: filesystem mode files under <user folder>/.n8n/binaryData. */
function storedBinary(userFolder, binary) {
  if (binary.data && !binary.id) return Buffer.from(binary.data, 'base64');
  const id = String(binary.id ?? '');
  const match = /^filesystem(?:-v2)?:(.+)$/.exec(id);
  assert(match, `binary data id ${JSON.stringify(id)} is not filesystem mode`);
  // n8n 2.x keeps them under .n8n/storage (1.x: .n8n/binaryData).
  const candidates = ['storage', 'binaryData'].map((folder) => join(userFolder, '.n8n', folder, match[1]));
  const file = candidates.find((candidate) => existsSync(candidate));
  assert(file, `n8n's binary data file is in none of ${candidates.join(', ')}`);
  return readFileSync(file);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isToken = (entry) => entry.path.startsWith('/api/2/idp/token');

/**
 * A 401 on an API call, then a new token, then the same call answered again (2xx, or any answer but a 401 with
 * `anyAnswer`); null when there is none.
 */
function refreshSequence(entries, { anyAnswer = false } = {}) {
  const answered = (x) => (anyAnswer ? x.status > 0 && x.status !== 401 : x.status >= 200 && x.status < 300);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.status !== 401 || isToken(e)) continue;
    const t = entries.findIndex((x, j) => j > i && isToken(x) && x.status === 200);
    if (t < 0) continue;
    const retry = entries.findIndex((x, j) => j > t && x.method === e.method && x.path === e.path && answered(x));
    if (retry >= 0) return { unauthorized: e, token: entries[t], retry: entries[retry] };
  }
  return null;
}
const describeEntry = (e) => `#${e.seq} ${e.method} ${e.path} ${e.status}`;

// ---------------------------------------------------------------------------------------------------- the suite
const work = mkdtempSync(join(tmpdir(), 'acronis-n8n-e2e-'));
const userFolder = join(work, 'user');
const encryptionKey = randomBytes(24).toString('hex');
let sim;
let receiver;
let unreachableUrl;
let server;
const cleanups = [];

async function cleanup() {
  for (const child of runningChildren()) await stopChild(child).catch(() => {});
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  if (sim) await sim.close().catch(() => {});
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    log(`${signal}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}

async function main() {
  // --- setup: each step is a check of its own; nothing after a failed setup can run.
  let n8nBin;
  let env;
  let execute;
  const setupOk = await (async () => {
    await check('setup: n8n installed', async () => {
      const t0 = Date.now();
      n8nBin = ensureN8n();
      return `n8n ${N8N_VERSION}, ${((Date.now() - t0) / 1000).toFixed(0)}s`;
    });
    if (!n8nBin) return false;
    await check('setup: simulator started', async () => {
      let createSimulator;
      try {
        ({ createSimulator } = await import('@acronis-reports/simulator'));
      } catch (error) {
        throw new Error(`cannot load @acronis-reports/simulator (build the workspace first: pnpm build): ${error.message}`);
      }
      sim = await createSimulator({ host: '127.0.0.1', config: { generationDelayMs: 1500, listDelayMs: 100, nightlyUsageHistoryGap: false } });
      return sim.baseUrl;
    });
    if (!sim) return false;
    let tarball;
    await check('setup: package packed and installed from its tarball', async () => {
      tarball = packAndInstall(userFolder, work);
      const installed = join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-acronis-reports', 'package.json');
      assert(existsSync(installed), `${installed} missing after npm install`);
      return tarball.split('/').pop();
    });
    if (!tarball) return false;
    env = n8nEnv({ userFolder, encryptionKey, port: await freePort(), brokerPort: await freePort() });
    execute = async (id) => {
      const result = await n8nCommand(n8nBin, ['execute', `--id=${id}`, '--rawOutput'], env);
      const run = parseRunOutput(result.stdout);
      if (!run) throw new Error(`n8n execute --id=${id} printed no run data (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`);
      return { ...result, run };
    };
    let imported = false;
    await check('setup: credential and workflows imported', async () => {
      unreachableUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
      writeFileSync(join(work, 'creds.json'), JSON.stringify(credentialFile(sim, unreachableUrl), null, 2));
      await n8nChecked(n8nBin, ['import:credentials', `--input=${join(work, 'creds.json')}`], env);
      writeFileSync(join(work, 'workflows.json'), JSON.stringify(Object.values(WF), null, 2));
      await n8nChecked(n8nBin, ['import:workflow', `--input=${join(work, 'workflows.json')}`], env);
      imported = true;
      return `${Object.keys(WF).length} workflows`;
    });
    return imported;
  })();

  const names = ['a. billing: two files, names, MIME types, SHA-256 of the stored bytes', 'b. continueOnFail: unknown report gives an error item, run continues', 'c1. token expired between runs: 401, new token, success', 'c2. tokens expiring mid-run: 401, new token, success', 'd. trigger: a new stored report emitted exactly once', 'e. unreachable data center: the error keeps its URL and advice', 'f. billing lines: compare and mapping in one node, fed to Edit Fields as invoice lines'];
  if (!setupOk) {
    for (const name of names) record(name, false, 'not run: setup failed (see above)');
    return;
  }

  // --- a. billing
  await check(names[0], async () => {
    sim.control.clearRequests();
    const monthBefore = lastFullMonthAt(Date.now());
    const { run, code, stdout, stderr } = await execute(WF.billing.id);
    const monthAfter = lastFullMonthAt(Date.now());
    assert(!run.data?.resultData?.error, `run failed: ${run.data?.resultData?.error?.message}\n${tail(stdout + stderr)}`);
    assert(code === 0, `n8n execute exited ${code}`);
    const items = nodeItems(run, 'Create Billing Report');
    assert(items.length === 2, `expected 2 items, got ${items.length}`);
    // the last full month when the run started, or when it ended if a month ended meanwhile
    const billed = [monthBefore, monthAfter].find((month) => items.every((item) => item.json.fileName?.startsWith(`usage_summary-${month}.`))) ?? monthBefore;
    const expected = {
      [`usage_summary-${billed}.csv`]: 'text/csv',
      [`usage_summary-${billed}.json`]: 'application/json',
    };
    const seen = [];
    for (const item of items) {
      const { fileName, storedReportId } = item.json;
      assert(fileName in expected, `unexpected file name ${fileName} (expected ${Object.keys(expected).join(', ')})`);
      const binary = item.binary?.data;
      assert(binary, `item ${fileName} has no binary property "data"`);
      assert(binary.fileName === fileName, `binary file name ${binary.fileName} != ${fileName}`);
      assert(binary.mimeType === expected[fileName], `${fileName}: MIME type ${binary.mimeType}, expected ${expected[fileName]}`);
      const bytes = storedBinary(userFolder, binary);
      const info = await sim.control.storedFile(storedReportId);
      // (the simulator names it like the vendor, e.g. usage_summary_2026-10-01_2026-10-31_csv_v2_0.csv; the node renames)
      assert(info.format === (fileName.endsWith('.csv') ? 'csv_v2_0' : 'json_v2_0'), `${fileName} came from a ${info.format} file`);
      assert(bytes.length === info.bytes, `${fileName}: n8n stored ${bytes.length} bytes, the simulator generated ${info.bytes}`);
      assert(sha256(bytes) === info.sha256, `${fileName}: SHA-256 ${sha256(bytes)} != simulator's ${info.sha256}`);
      seen.push(`${fileName} ${binary.mimeType} ${bytes.length} B sha256 ${info.sha256.slice(0, 12)}…`);
    }
    assert(new Set(items.map((item) => item.json.fileName)).size === 2, 'the two items are the same file');
    return seen.join('; ');
  });

  // --- b + c1: the stored token is expired before the run, so its first call is a 401
  let continueRun;
  await check(names[1], async () => {
    sim.control.clearRequests();
    sim.control.expireTokens();
    const { run, code, stdout, stderr } = await execute(WF.continueOnFail.id);
    continueRun = { run, log: sim.control.requests() };
    assert(!run.data?.resultData?.error, `run failed: ${run.data?.resultData?.error?.message}\n${tail(stdout + stderr)}`);
    assert(code === 0, `n8n execute exited ${code}`);
    const items = nodeItems(run, 'Get unknown report');
    assert(items.length === 1, `expected 1 item from the failing node, got ${items.length}`);
    const error = items[0].json?.error;
    assert(error, `expected an error item, got ${JSON.stringify(items[0].json).slice(0, 300)}`);
    const text = JSON.stringify(items[0].json);
    assert(/404|not found/i.test(text), `error item does not tell the report was not found: ${text.slice(0, 300)}`);
    assert(!text.includes(sim.clientSecret), 'the error item contains the client secret');
    const after = nodeItems(run, 'Get Many reports');
    const notFound = continueRun.log.find((e) => e.path.includes(UNKNOWN_REPORT) && e.status !== 401);
    assert(notFound?.status === 404, `the simulator saw no 404 for the unknown report: ${continueRun.log.map(describeEntry).join(', ')}`);
    return `error item ${JSON.stringify(typeof error === 'string' ? error : error.message ?? error).slice(0, 120)}; next node ran (${after.length} reports)`;
  });

  await check(names[2], async () => {
    assert(continueRun, 'the continueOnFail run did not happen');
    const seq = refreshSequence(continueRun.log, { anyAnswer: true });
    assert(seq, `no 401 → token → retry in the simulator log: ${continueRun.log.map(describeEntry).join(', ')}`);
    return `${describeEntry(seq.unauthorized)} → ${describeEntry(seq.token)} → ${describeEntry(seq.retry)}`;
  });

  // --- c2. tokens live 2 s while generation takes 6 s: the wait's polling outlives the token.
  await check(names[3], async () => {
    sim.control.clearRequests();
    // New tokens live 2 s; the one n8n stored earlier is ended too, so its first call already needs a new one.
    sim.control.updateConfig({ tokenLifetimeSeconds: 2, generationDelayMs: 6000 });
    sim.control.expireTokens();
    let result;
    try {
      result = await execute(WF.tokenMidRun.id);
    } finally {
      sim.control.updateConfig({ tokenLifetimeSeconds: 7200, generationDelayMs: 1500 });
    }
    const { run, code, stdout, stderr } = result;
    const entries = sim.control.requests();
    assert(!run.data?.resultData?.error, `run failed: ${run.data?.resultData?.error?.message}\n${tail(stdout + stderr)}\nsimulator: ${entries.map(describeEntry).join(', ')}`);
    assert(code === 0, `n8n execute exited ${code}`);
    const items = nodeItems(run, 'Billing, short tokens');
    assert(items.length === 2, `expected 2 items, got ${items.length}`);
    const create = entries.findIndex((e) => e.method === 'POST' && /\/reports$/.test(e.path.split('?')[0]) && e.status < 300);
    assert(create >= 0, 'the simulator saw no report created');
    const seq = refreshSequence(entries.slice(create + 1));
    assert(seq, `no 401 → token → retry after the report was created: ${entries.map(describeEntry).join(', ')}`);
    const tokens = entries.filter((e) => isToken(e) && e.status === 200).length;
    return `${describeEntry(seq.unauthorized)} → ${describeEntry(seq.token)} → ${describeEntry(seq.retry)}; ${tokens} tokens issued in the run`;
  });

  // --- e. a data center that does not answer
  await check(names[5], async () => {
    const { run, code, stdout, stderr } = await execute(WF.unreachable.id);
    assert(!run.data?.resultData?.error, `run failed: ${run.data?.resultData?.error?.message}\n${tail(stdout + stderr)}`);
    const items = nodeItems(run, 'Get from nowhere');
    const text = JSON.stringify(items[0]?.json ?? {});
    assert(code === 0, `n8n execute exited ${code} (error item: ${text.slice(0, 300)})\n${tail(stdout + stderr)}`);
    assert(text.includes(unreachableUrl), `the error item does not name ${unreachableUrl}: ${text.slice(0, 400)}`);
    assert(/Check the data center URL/i.test(text), `the error item gives no advice: ${text.slice(0, 400)}`);
    assert(!/perhaps it is offline/.test(text), `n8n replaced the message with its generic one: ${text.slice(0, 400)}`);
    assert(!text.includes(sim.clientSecret), 'the error item contains the client secret');
    const error = items[0].json.error;
    return `error item ${JSON.stringify(typeof error === 'string' ? error : error?.message ?? error).slice(0, 160)}`;
  });

  // --- f. billing lines
  await check(names[6], async () => {
    sim.control.clearRequests();
    const { run, code, stdout, stderr } = await execute(WF.billingLines.id);
    assert(!run.data?.resultData?.error, `run failed: ${run.data?.resultData?.error?.message}\n${tail(stdout + stderr)}`);
    assert(code === 0, `n8n execute exited ${code}`);
    const items = nodeItems(run, 'Billing lines');
    assert(items.length > 0, 'no billing lines');
    for (const item of items) {
      const keys = Object.keys(item.json);
      assert(keys.join(',') === LINE_COLUMNS.join(','), `an item's fields are ${keys.join(',')}`);
      assert(!item.binary, 'a line item has binary data');
    }
    const lines = items.map((item) => item.json);
    const flags = new Set(lines.map((line) => line.flag));
    for (const flag of ['new', 'gone', 'changed']) assert(flags.has(flag), `no line flagged ${flag} (flags: ${[...flags].join(', ')})`);
    assert(!lines.some((line) => line.offering_item === 'local_storage'), 'local_storage is in the lines despite its ignore rule');
    const codes = new Set(lines.map((line) => line.product_code).filter(Boolean));
    assert(codes.has('BK-STOR'), `no product code BK-STOR (codes: ${[...codes].join(', ')})`);
    for (const line of lines.filter((candidate) => candidate.product_code === 'BK-STOR' && candidate.quantity > 0)) {
      assert(line.unit_price === 0.05 && Math.abs(line.amount - line.quantity * 0.05) <= 0.0051, `storage line priced wrong: ${JSON.stringify(line)}`);
    }
    const refs = new Set(lines.map((line) => line.customer_ref).filter(Boolean));
    assert(refs.has('C-1001') && refs.has('C-1003'), `customer references: ${[...refs].join(', ')}`);
    const unmapped = lines.filter((line) => line.customer_ref === null || line.product_code === null).length;
    assert(unmapped > 0, 'expected lines the mapping leaves out (kept with empty cells)');
    const taskData = run.data.resultData.runData['Billing lines'].at(-1);
    const hints = (taskData.hints ?? []).map((hint) => hint.message);
    assert(hints.some((hint) => /could not be fully mapped/.test(hint)), `no hint about unmapped lines: ${JSON.stringify(hints)}`);
    assert(hints.some((hint) => /customers\.00000000-0000-4000-8000-00000000e2e0/.test(hint)), `no hint about the unused customer: ${JSON.stringify(hints)}`);
    const invoice = nodeItems(run, 'Invoice lines');
    assert(invoice.length === items.length, `Edit Fields made ${invoice.length} invoice lines of ${items.length}`);
    const priced = invoice.find((line) => line.json.item === 'BK-STOR' && line.json.amount > 0);
    assert(priced && typeof priced.json.quantity === 'number' && priced.json.rate === 0.05 && /storage \(GB\)$/.test(priced.json.description), `invoice line: ${JSON.stringify(priced?.json)}`);
    const log = sim.control.requests();
    const created = log.filter((e) => e.method === 'POST' && e.path.split('?')[0] === '/api/2/reports' && e.status < 300).length;
    const deleted = log.filter((e) => e.method === 'DELETE' && e.status < 300).length;
    assert(created === 2 && deleted === 2, `expected 2 reports created and deleted, saw ${created} created, ${deleted} deleted`);
    const count = (flag) => lines.filter((line) => line.flag === flag).length;
    return `${items.length} lines (new ${count('new')}, gone ${count('gone')}, changed ${count('changed')}), codes ${[...codes].join('/')}, ${unmapped} unmapped kept, ${hints.length} hints; ${invoice.length} invoice lines; 2 reports created and deleted`;
  });

  // --- d. trigger in a running n8n
  if (skipTrigger) {
    record(names[4], false, 'not run: N8N_E2E_SKIP_TRIGGER=1 (counted as a failure so that it cannot pass unseen)');
    return;
  }
  await check(names[4], async () => triggerCheck(n8nBin, env));
}

async function triggerCheck(n8nBin, baseEnv) {
  // A receiver for the workflow's HTTP Request node.
  const received = [];
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      try {
        received.push({ at: Date.now(), ...JSON.parse(body) });
      } catch {
        received.push({ at: Date.now(), raw: body });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => receiver.close(() => resolve())));
  const receiverUrl = `http://127.0.0.1:${receiver.address().port}/hook`;

  const wf = triggerWorkflow(receiverUrl);
  writeFileSync(join(work, 'trigger.json'), JSON.stringify([wf], null, 2));
  await n8nChecked(n8nBin, ['import:workflow', `--input=${join(work, 'trigger.json')}`], baseEnv);
  await n8nChecked(n8nBin, ['publish:workflow', `--id=${wf.id}`], baseEnv);

  sim.control.clearRequests();
  const serverLog = join(work, 'n8n-start.log');
  const logStream = createWriteStream(serverLog);
  cleanups.push(() => new Promise((resolve) => logStream.end(resolve)));
  server = startN8nServer(n8nBin, baseEnv, logStream);
  const serverTail = () => tail(readFileSync(serverLog, 'utf8'), 30);
  try {
    await waitForN8n(Number(baseEnv.N8N_PORT), server);
  } catch (error) {
    throw new Error(`${error.message}\n${serverTail()}`);
  }
  log(`n8n start ready on 127.0.0.1:${baseEnv.N8N_PORT}; waiting for the trigger's first poll`);

  // Polls are seen in the simulator log as the tenant's report list.
  const isPoll = (e) => e.method === 'GET' && /\/reports(\?|$)/.test(e.path) && e.status === 200;
  const pollsSince = (seq) => sim.control.requests().filter((e) => e.seq > seq && isPoll(e));
  const waitFor = async (what, predicate, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = predicate();
      if (value) return value;
      if (server.exitCode !== null) throw new Error(`n8n start exited (${server.exitCode}) while waiting for ${what}\n${serverTail()}`);
      await sleep(500);
    }
    throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}\nsimulator: ${sim.control.requests().map(describeEntry).slice(-20).join(', ')}\n${serverTail()}`);
  };
  const firstPoll = await waitFor('the first poll', () => pollsSince(0)[0], 90_000);
  await sleep(3000); // let the first poll finish recording the baseline

  // A new report, made straight through the API (as another user would).
  const report = await simulatorClient(sim).createBillingReport({ tenantId: sim.tenantId, period: { start: `${TRIGGER_MONTH}-01`, end: `${TRIGGER_MONTH}-31` } });
  const createdSeq = Math.max(...sim.control.requests().map((e) => e.seq));
  log(`report ${report.id} created after poll #${firstPoll.seq}; waiting for the trigger to emit its files`);

  await waitFor('the trigger to emit both files', () => received.length >= 2, 150_000);
  const emittedAfterSeq = Math.max(...sim.control.requests().map((e) => e.seq));
  // One more full poll after the emission must emit nothing new.
  log(`${received.length} items received; waiting for one more poll to show nothing is emitted twice`);
  await waitFor('one more poll', () => pollsSince(emittedAfterSeq)[0], 90_000);
  await sleep(5000);

  const items = received.map((r) => r.item ?? {});
  const ids = items.map((item) => item.id ?? item.storedReportId);
  assert(received.length === 2, `expected exactly 2 emitted items, received ${received.length}: ${JSON.stringify(items).slice(0, 500)}`);
  assert(new Set(ids).size === 2, `duplicate stored report ids emitted: ${ids.join(', ')}`);
  for (const item of items) {
    assert((item.reportId ?? item.report_id) === report.id, `emitted item of another report: ${JSON.stringify(item).slice(0, 300)}`);
  }
  const names = received.map((r) => r.binaryFileName).sort();
  assert(
    names.join(',') === `usage_summary-${TRIGGER_MONTH}.csv,usage_summary-${TRIGGER_MONTH}.json`,
    `attached files: ${names.join(', ')}`,
  );
  for (const id of ids) await sim.control.storedFile(id); // both are stored files the simulator knows
  const polls = pollsSince(0).length;
  return `${polls} polls seen; report created after poll #${firstPoll.seq} (seq ${createdSeq}); emitted once each: ${ids.join(', ')} with files ${names.join(', ')}`;
}

try {
  await main();
} catch (error) {
  record('suite', false, `crashed: ${error.stack ?? error}`);
} finally {
  await cleanup();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
log(`finished in ${((Date.now() - started) / 1000).toFixed(0)}s`);
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}`);
console.log(`n8n-e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
