#!/usr/bin/env node
// The package in n8n's queue mode, with the real components n8n documents for it: Redis (the job queue) and
// PostgreSQL (the shared database, binary data in it), one main instance (`n8n start`: webhooks, the polling
// trigger) and two workers (`n8n worker`: every execution), each with its own user folder and the package installed
// there from its packed tarball. Against the simulator, with tokens that live a few seconds for the whole run:
//
//   billing   20 webhook calls at once, each creating the billing report of its own month: every execution succeeds,
//             both workers ran some, and every file is that execution's own (binary data row of that execution,
//             the month asked for) with the bytes the simulator serves (SHA-256)
//   trigger   Stored Report Ready (every report of the tenant, files attached) active in the cluster: every stored file
//             made during the run is emitted exactly once (counted per stored id), its bytes the simulator's, also
//             across a worker killed with SIGKILL and restarted between polls
//   cluster   after that restart, 12 webhook calls at once (more than one worker takes) run on both workers again
//   tokens    tokens expired many times during the run, on the workers and in main's polls, were refreshed, and no
//             execution failed
//
// Prints a table (executions, per worker, wall time, failures, duplicates), then `n8n-queue: N passed, N failed`.
// Usage: node e2e/queue.mjs [--keep]   (--keep leaves the temporary folder, with every process's log, for inspection)
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureComponents, startPostgres, startRedis } from './components.mjs';
import { billingWorkflow, TRIGGER_WORKFLOW_ID, triggerWorkflow, WEBHOOK_PATH } from './queue-workflows.mjs';
import {
  credentialFile,
  ensureN8n,
  freePort,
  installTarball,
  killGroup,
  log,
  N8N_VERSION,
  n8nChecked,
  n8nEnv,
  packPackage,
  runningChildren,
  simulatorClient,
  startN8nProcess,
  stopChild,
  tail,
  waitForN8n,
} from './lib.mjs';

const started = Date.now();
const keep = process.argv.includes('--keep');
const BILLING_RUNS = 20;
const WORKER_CONCURRENCY = 10; // n8n's default, written out
// Tokens live 5 s and files take 6 s to generate: every billing execution outlives its first token.
const TOKEN_LIFETIME_SECONDS = 5;
const GENERATION_DELAY_MS = 6000;
// The readiness waits are generous: three n8n processes start at once on a loaded 2-core machine.
const READY_TIMEOUT_MS = 300_000;
// n8n refuses polls more often than once a minute (sub-minute cron expressions are rejected at activation).
const POLL_WAIT_MS = 150_000;
// Twenty months in the past, one per billing execution, so that no two executions' files can be alike.
const MONTHS = Array.from({ length: BILLING_RUNS }, (_, i) => `20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
// After a worker's restart: more calls at once than one worker's concurrency, so the restarted worker must take some.
const AFTER_RESTART_MONTHS = Array.from({ length: WORKER_CONCURRENCY + 2 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);

const CHECKS = {
  billingRuns: 'billing: 20 webhook executions succeed on both workers',
  billingFiles: "billing: every file is its execution's own, bytes equal to the simulator's",
  triggerOnce: 'trigger: every new stored file emitted over several polls',
  triggerKill: 'cluster: a worker killed (SIGKILL) and restarted between polls; afterwards 12 webhook executions at once run on both workers',
  triggerCounts: "trigger: emitted files counted per stored id: each exactly once, none unexpected, bytes the simulator's",
  tokens: 'tokens: expired during the run on the workers and on main, refreshed, no execution failed',
};

const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    record(name, true, `${detail ?? 'ok'} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return true;
  } catch (error) {
    record(name, false, error instanceof Error ? error.message : String(error));
    return false;
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------------------------------------------- the run
const work = mkdtempSync(join(tmpdir(), 'acronis-n8n-queue-'));
const encryptionKey = randomBytes(24).toString('hex');
let sim;
let redis;
let postgres;
let receiver;
const processes = {}; // name -> { child, env, logFile, args }
const logStreams = [];
const table = [];

let cleanedUp;
/** Stops everything once, whether the run ends, fails or is interrupted. */
const cleanup = () => (cleanedUp ??= stopEverything());
async function stopEverything() {
  await Promise.all(runningChildren().map((child) => stopChild(child).catch(() => {})));
  for (const stream of logStreams) await new Promise((resolve) => stream.end(resolve));
  if (receiver) await new Promise((resolve) => receiver.close(() => resolve()));
  if (redis) await redis.stop().catch(() => {});
  if (postgres) await postgres.stop().catch(() => {});
  if (sim) await sim.close().catch(() => {});
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    log(`${signal}: stopping n8n, Redis, PostgreSQL and the simulator`);
    await cleanup();
    process.exit(130);
  });
}

/** The environment every n8n process shares: queue mode on Redis, PostgreSQL, binary data in the database. */
function queueEnv() {
  return {
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: '127.0.0.1',
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: '127.0.0.1',
    DB_POSTGRESDB_PORT: String(postgres.port),
    DB_POSTGRESDB_DATABASE: postgres.database,
    DB_POSTGRESDB_USER: postgres.user,
    DB_POSTGRESDB_PASSWORD: postgres.password,
    // Filesystem binary data is not shared between processes; n8n 2.x offers the database (its default in queue mode).
    N8N_DEFAULT_BINARY_DATA_MODE: 'database',
    // Stopping ends after 5 s instead of 30 (the run stops n8n only once the work is checked).
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
  };
}

async function processEnv(name, extra = {}) {
  const userFolder = join(work, name);
  return n8nEnv({ userFolder, encryptionKey, port: await freePort(), brokerPort: await freePort(), extra: { ...queueEnv(), ...extra } });
}

/** Starts (or starts again) one n8n process; its output is appended to its own log file. */
function launch(name) {
  const entry = processes[name];
  const stream = createWriteStream(entry.logFile, { flags: 'a' });
  logStreams.push(stream);
  entry.child = startN8nProcess(entry.n8nBin, entry.args, entry.env, stream);
  return entry.child;
}
const logTail = (name, lines = 25) => {
  try {
    return `--- ${name} (last ${lines} lines of ${processes[name].logFile})\n${tail(readFileSync(processes[name].logFile, 'utf8'), lines)}`;
  } catch {
    return `--- ${name}: no log`;
  }
};
const allTails = () => Object.keys(processes).map((name) => logTail(name)).join('\n');
async function waitReady(name) {
  const entry = processes[name];
  const port = Number(entry.name === 'main' ? entry.env.N8N_PORT : entry.env.QUEUE_HEALTH_CHECK_PORT);
  try {
    await waitForN8n(port, entry.child, READY_TIMEOUT_MS, `n8n ${entry.args[0]} (${name})`);
  } catch (error) {
    throw new Error(`${error.message}\n${logTail(name, 40)}`);
  }
}

/** Which worker ran each execution, from the workers' own log lines ("Worker started execution 12 (job 7)"). */
function executionsByWorker() {
  const byExecution = new Map();
  for (const name of ['worker-1', 'worker-2']) {
    const text = readFileSync(processes[name].logFile, 'utf8');
    for (const match of text.matchAll(/Worker started execution (\d+) \(job/g)) {
      const runs = byExecution.get(match[1]) ?? [];
      runs.push(name);
      byExecution.set(match[1], runs);
    }
  }
  return byExecution;
}

/** The binary data rows n8n keeps in PostgreSQL, by file id: the execution they belong to, size and SHA-256. */
function binaryRows() {
  const rows = postgres.query(
    `SELECT "fileId", "sourceType", "sourceId", "fileName", "fileSize", encode(sha256(data), 'hex') FROM binary_data`,
  );
  return new Map(rows.map(([fileId, sourceType, sourceId, fileName, fileSize, hash]) => [fileId, { sourceType, sourceId, fileName, size: Number(fileSize), sha256: hash }]));
}
/** Executions of a workflow: id, status, mode. */
function executionsOf(workflowId) {
  return postgres
    .query(`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`)
    .map(([id, status, mode]) => ({ id, status, mode }));
}
/** n8n's binary data id in database mode is `database:<file id>`. */
const fileIdOf = (binaryId) => /^database:(.+)$/.exec(String(binaryId ?? ''))?.[1];

/** The bytes n8n kept for one file are the simulator's for that stored report. */
async function sameBytes(rows, binaryId, storedReportId, what) {
  const fileId = fileIdOf(binaryId);
  assert(fileId, `${what}: binary data id ${JSON.stringify(binaryId)} is not database mode`);
  const row = rows.get(fileId);
  assert(row, `${what}: no binary_data row ${fileId}`);
  const info = await sim.control.storedFile(storedReportId);
  assert(row.size === info.bytes && row.sha256 === info.sha256, `${what}: n8n kept ${row.size} B sha256 ${row.sha256}, the simulator serves ${info.bytes} B sha256 ${info.sha256}`);
  return row;
}

const isToken = (e) => e.path.startsWith('/api/2/idp/token');
const isReportList = (e) => e.method === 'GET' && /\/reports(\?|$)/.test(e.path) && e.status === 200;

/** The test's own calls to the simulator go through core; its tokens are counted, so the token figures are n8n's alone. */
let ownTokens = 0;
let ownClient;
const testClient = () =>
  (ownClient ??= simulatorClient(sim, { onRequest: (event) => (isToken(event) && event.status === 200 ? (ownTokens += 1) : undefined) }));

/** A billing report made straight through the API, as another user would make it. */
const createReportDirectly = (month) => testClient().createBillingReport({ tenantId: sim.tenantId, period: { start: `${month}-01`, end: `${month}-28` } });

async function main() {
  let components;
  let n8nBin;
  let tarball;
  const setup = [
    [
      'setup: Redis and PostgreSQL from Debian, on free loopback ports',
      async () => {
        components = ensureComponents(log);
        [redis, postgres] = await Promise.all([startRedis(components, join(work, 'redis')), startPostgres(components, join(work, 'postgres'))]);
        const how = components.installed.length > 0 ? `installed ${components.installed.join(', ')}` : 'already installed';
        return `redis-server ${components.redisVersion} on 127.0.0.1:${redis.port}, PostgreSQL ${components.postgresVersion} on 127.0.0.1:${postgres.port} (${how})`;
      },
    ],
    [
      'setup: n8n installed',
      async () => {
        n8nBin = ensureN8n();
        return `n8n ${N8N_VERSION}`;
      },
    ],
    [
      'setup: simulator started',
      async () => {
        const { createSimulator } = await import('@acronis-reports/simulator');
        sim = await createSimulator({
          host: '127.0.0.1',
          config: { generationDelayMs: GENERATION_DELAY_MS, listDelayMs: 100, tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, nightlyUsageHistoryGap: false },
        });
        return `${sim.baseUrl}, tokens live ${TOKEN_LIFETIME_SECONDS}s, files take ${GENERATION_DELAY_MS / 1000}s`;
      },
    ],
    [
      'setup: package packed once and installed from its tarball into each process\'s user folder',
      async () => {
        tarball = packPackage(work);
        for (const name of ['main', 'worker-1', 'worker-2']) installTarball(join(work, name), tarball);
        return tarball.split('/').pop();
      },
    ],
    [
      'setup: credential imported, workflows imported and published',
      async () => {
        receiver = await startReceiver();
        processes.main = { name: 'main', n8nBin, args: ['start'], env: await processEnv('main'), logFile: join(work, 'main.log') };
        for (const name of ['worker-1', 'worker-2']) {
          const env = await processEnv(name, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(await freePort()), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
          processes[name] = { name, n8nBin, args: ['worker', `--concurrency=${WORKER_CONCURRENCY}`], env, logFile: join(work, `${name}.log`) };
        }
        const env = processes.main.env;
        writeFileSync(join(work, 'creds.json'), JSON.stringify(credentialFile(sim, 'http://127.0.0.1:9'), null, 2));
        await n8nChecked(n8nBin, ['import:credentials', `--input=${join(work, 'creds.json')}`], env, { timeoutMs: READY_TIMEOUT_MS });
        const workflows = [billingWorkflow, triggerWorkflow(receiver.url)];
        writeFileSync(join(work, 'workflows.json'), JSON.stringify(workflows, null, 2));
        await n8nChecked(n8nBin, ['import:workflow', `--input=${join(work, 'workflows.json')}`], env, { timeoutMs: READY_TIMEOUT_MS });
        for (const wf of workflows) await n8nChecked(n8nBin, ['publish:workflow', `--id=${wf.id}`], env, { timeoutMs: READY_TIMEOUT_MS });
        return `${workflows.length} workflows published (the migrations ran on PostgreSQL with the first command)`;
      },
    ],
    [
      'setup: main and two workers started in parallel and ready',
      async () => {
        sim.control.clearRequests();
        const t0 = Date.now();
        for (const name of Object.keys(processes)) launch(name);
        await Promise.all(Object.keys(processes).map((name) => waitReady(name)));
        return `ready ${seconds(Date.now() - t0)} after launch`;
      },
    ],
  ];
  for (const [name, fn] of setup) {
    if (!(await check(name, fn))) {
      for (const rest of Object.values(CHECKS)) record(rest, false, 'not run: setup failed (see above)');
      return;
    }
  }

  // The trigger's baseline poll runs when main activates the workflow; files saved after it are events.
  await waitFor('the trigger\'s first (baseline) poll', () => sim.control.requests().some(isReportList), 120_000);
  await sleep(2000);
  const runStartSeq = lastSeq();

  // --- billing: 20 webhook calls at once
  let billing;
  await check(CHECKS.billingRuns, async () => {
    billing = await billingBatch('billing via webhooks', MONTHS);
    return billing.summary;
  });
  await check(CHECKS.billingFiles, async () => {
    assert(billing, 'the batch did not run');
    billing.storedIds = await billingFiles(billing);
    return `${billing.storedIds.size} files, each in a binary_data row of its own execution, ${billing.storedIds.size} distinct SHA-256 equal to the simulator's`;
  });

  // --- trigger: every stored file made after the baseline emitted once, across a worker's SIGKILL and restart
  const triggerStart = Date.now();
  const expected = new Set(billing?.storedIds ?? []);
  let killNote = '';
  await check(CHECKS.triggerOnce, async () => {
    assert(expected.size > 0, 'no billing files to wait for');
    await waitFor(`the trigger to emit the ${expected.size} billing files`, () => [...expected].every((id) => emittedCount(id) > 0), POLL_WAIT_MS * 2);
    return `${expected.size} files emitted by the poll(s) after the batch`;
  });

  await check(CHECKS.triggerKill, async () => {
    await settle();
    const victim = 'worker-2';
    const killed = processes[victim].child;
    killGroup(killed, 'SIGKILL');
    await new Promise((resolve) => (killed.exitCode !== null || killed.signalCode !== null ? resolve() : killed.once('exit', resolve)));
    const reportX = await createReportDirectly('2026-09');
    log(`${victim} killed (SIGKILL); report ${reportX.id} created; restarting ${victim}`);
    const t0 = Date.now();
    launch(victim);
    await waitReady(victim);
    killNote = `${victim} back ${seconds(Date.now() - t0)} after SIGKILL`;
    const filesX = await waitForFilesOf(reportX.id);
    for (const id of filesX) expected.add(id);
    await waitFor(`the trigger to emit report ${reportX.id}'s files`, () => filesX.every((id) => emittedCount(id) > 0), POLL_WAIT_MS);
    // The restarted worker is back in the cluster: more calls at once than one worker takes make it run some.
    const after = await billingBatch(`billing after ${victim}'s restart`, AFTER_RESTART_MONTHS);
    const filesAfter = await billingFiles(after);
    for (const id of filesAfter) expected.add(id);
    await waitFor(`the trigger to emit the ${filesAfter.size} files made after the restart`, () => [...filesAfter].every((id) => emittedCount(id) > 0), POLL_WAIT_MS);
    await settle();
    const byWorker = executionsByWorker();
    const ranOn = (ids) => [...new Set(received.filter((r) => ids.includes(r.storedReportId)).map((r) => `execution ${r.executionId} on ${(byWorker.get(r.executionId) ?? ['?']).join('+')}`))].join(', ');
    return `${killNote}; the trigger's files made while it was down: ${ranOn(filesX)}; after its restart ${after.summary}, their ${filesAfter.size} files their own with the simulator's bytes`;
  });

  // The whole trigger run: counts per stored id, executions, bytes, workers.
  await check(CHECKS.triggerCounts, async () => {
    const executions = executionsOf(TRIGGER_WORKFLOW_ID);
    const byWorker = executionsByWorker();
    const counts = new Map();
    for (const r of received) counts.set(r.storedReportId, (counts.get(r.storedReportId) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1);
    const missing = [...expected].filter((id) => !counts.has(id));
    const unexpected = [...counts.keys()].filter((id) => !expected.has(id));
    const notSuccess = executions.filter((e) => e.status !== 'success');
    table.push({
      run: 'trigger polls',
      executions: executions.length,
      perWorker: countPerWorker(executions, byWorker),
      wall: Date.now() - triggerStart,
      failures: notSuccess.length + missing.length,
      duplicates: duplicates.length,
    });
    assert(duplicates.length === 0, `emitted more than once: ${duplicates.map(([id, n]) => `${id} x${n}`).join(', ')}`);
    assert(missing.length === 0, `never emitted: ${missing.join(', ')}`);
    assert(unexpected.length === 0, `emitted though not made during the run: ${unexpected.join(', ')}`);
    assert(notSuccess.length === 0, `trigger executions not successful: ${notSuccess.map((e) => `${e.id} ${e.status}`).join(', ')}`);
    const rows = binaryRows();
    let pollTimeRows = 0;
    for (const r of received) {
      const row = await sameBytes(rows, r.binaryId, r.storedReportId, `emitted ${r.storedReportId}`);
      // A poll runs on main before its execution exists: n8n keeps the rows it downloads under the placeholder
      // execution id "temp" (renaming the file id, not the owner, when the execution is made).
      assert(row.sourceId === r.executionId || row.sourceId === 'temp', `emitted ${r.storedReportId}: binary data of execution ${row.sourceId}, delivered by ${r.executionId}`);
      if (row.sourceId === 'temp') pollTimeRows += 1;
    }
    binaryNote = `${pollTimeRows} of ${received.length} trigger files are kept in binary_data under the placeholder execution "temp"`;
    return `${received.length} files from ${executions.length} executions over ${pollsAfter(runStartSeq)} polls, each stored id once, bytes equal (${binaryNote})`;
  });

  await check(CHECKS.tokens, async () => {
    const entries = sim.control.requests().filter((e) => e.seq > runStartSeq);
    const tokens = entries.filter((e) => isToken(e) && e.status === 200).length - ownTokens;
    const expired = (e) => !isToken(e) && e.status === 401;
    // During a batch the API calls are the workers' executions (run on both); outside them, only main polls.
    const byWorkers = entries.filter((e) => inBatch(e) && expired(e)).length;
    const byMain = entries.filter((e) => !inBatch(e) && expired(e) && isReportList({ ...e, status: 200 })).length;
    const failedRequests = entries.filter((e) => !isToken(e) && e.status >= 400 && e.status !== 401);
    const executions = [...executionsOf(billingWorkflow.id), ...executionsOf(TRIGGER_WORKFLOW_ID)];
    tokenSummary = `n8n took ${tokens} tokens (each lived ${TOKEN_LIFETIME_SECONDS}s); ${byWorkers} calls of the workers' billing executions and ${byMain} of main's polls met an expired token (401) and were repeated with a new one`;
    assert(byWorkers > 0, 'no billing call met an expired token: the run proves nothing about refresh on the workers');
    assert(byMain > 0, "no poll met an expired token: the run proves nothing about refresh on main");
    assert(executions.every((e) => e.status === 'success'), `failed executions: ${executions.filter((e) => e.status !== 'success').map((e) => e.id).join(', ')}`);
    assert(failedRequests.length === 0, `API calls failed otherwise: ${failedRequests.slice(0, 5).map((e) => `${e.method} ${e.path} ${e.status}`).join(', ')}`);
    return `${tokenSummary}; ${executions.length} executions, none failed`;
  });
}
let tokenSummary = '';
let binaryNote = '';

// ---------------------------------------------------------------------------------------------------- billing batches
/** Spans of the simulator's log (by seq) during which webhook executions ran: their API calls are the workers'. */
const batchSpans = [];
const inBatch = (e) => batchSpans.some(([from, to]) => e.seq > from && e.seq <= to);

/**
 * Calls the billing webhook once per month, all at once, and checks what n8n recorded: every call answered, one
 * successful webhook execution per call, each started by exactly one worker, and both workers used. Adds a table row.
 */
async function billingBatch(label, months) {
  const url = `http://127.0.0.1:${processes.main.env.N8N_PORT}/webhook/${WEBHOOK_PATH}`;
  const before = new Set(executionsOf(billingWorkflow.id).map((e) => e.id));
  const fromSeq = lastSeq();
  const t0 = Date.now();
  const answers = await Promise.all(
    months.map(async (month) => {
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ month }) });
        const text = await response.text();
        return { month, status: response.status, text, items: response.ok ? JSON.parse(text) : null };
      } catch (error) {
        return { month, status: 0, text: error.message, items: null };
      }
    }),
  );
  const wall = Date.now() - t0;
  batchSpans.push([fromSeq, lastSeq()]);
  const executions = executionsOf(billingWorkflow.id).filter((e) => !before.has(e.id));
  const byWorker = executionsByWorker();
  const failed = answers.filter((a) => a.status !== 200);
  const perWorker = countPerWorker(executions, byWorker);
  const notSuccess = executions.filter((e) => e.status !== 'success');
  const twice = executions.filter((e) => (byWorker.get(e.id) ?? []).length > 1);
  table.push({ run: label, executions: executions.length, perWorker, wall, failures: Math.max(failed.length, notSuccess.length), duplicates: twice.length });
  assert(failed.length === 0, `${failed.length} webhook calls failed: ${failed.map((a) => `${a.month} ${a.status} ${a.text.slice(0, 200)}`).join(' | ')}\n${allTails()}`);
  assert(executions.length === months.length, `${executions.length} executions recorded, expected ${months.length}`);
  assert(notSuccess.length === 0, `executions not successful: ${notSuccess.map((e) => `${e.id} ${e.status}`).join(', ')}`);
  const unseen = executions.filter((e) => !byWorker.has(e.id));
  assert(unseen.length === 0, `no worker logged starting execution(s) ${unseen.map((e) => e.id).join(', ')}`);
  assert(twice.length === 0, `execution(s) started on more than one worker: ${twice.map((e) => `${e.id} on ${byWorker.get(e.id).join('+')}`).join(', ')}`);
  assert(perWorker['worker-1'] > 0 && perWorker['worker-2'] > 0, `not spread over both workers: ${JSON.stringify(perWorker)}`);
  assert(executions.every((e) => e.mode === 'webhook'), `modes: ${[...new Set(executions.map((e) => e.mode))].join(', ')}`);
  const summary = `${executions.length} executions in ${seconds(wall)}: worker-1 ran ${perWorker['worker-1']}, worker-2 ran ${perWorker['worker-2']}`;
  return { answers, summary };
}

/**
 * Each call's two files: that month's, from one execution, kept in a binary_data row of that execution, with the
 * simulator's bytes; no stored file or content shared between calls. Returns the stored ids.
 */
async function billingFiles({ answers }) {
  assert(answers.every((a) => Array.isArray(a.items)), 'the billing executions did not all answer');
  const rows = binaryRows();
  const storedIds = new Set();
  const hashes = new Set();
  for (const { month, items } of answers) {
    assert(items.length === 2, `${month}: ${items.length} items, expected the csv and the json file`);
    const executionIds = new Set(items.map((item) => item.executionId));
    assert(executionIds.size === 1, `${month}: items from executions ${[...executionIds].join(', ')}`);
    const names = items.map((item) => item.fileName).sort();
    assert(names.join(',') === `usage_summary-${month}.csv,usage_summary-${month}.json`, `${month}: files ${names.join(', ')}`);
    for (const item of items) {
      const row = await sameBytes(rows, item.binaryId, item.storedReportId, `${month} ${item.fileName}`);
      assert(row.sourceType === 'execution' && row.sourceId === item.executionId, `${month} ${item.fileName}: stored for ${row.sourceType} ${row.sourceId}, not execution ${item.executionId}`);
      storedIds.add(item.storedReportId);
      hashes.add(row.sha256);
    }
  }
  const files = answers.length * 2;
  assert(storedIds.size === files, `${storedIds.size} distinct stored files for ${files} items (a file went to two executions)`);
  assert(hashes.size === files, `${hashes.size} distinct SHA-256 for ${files} files`);
  return storedIds;
}

// ---------------------------------------------------------------------------------------------------- receiver, waits
const received = [];
function startReceiver() {
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        try {
          const { item, binaryId, executionId } = JSON.parse(body);
          received.push({ storedReportId: item?.id, reportId: item?.reportId, binaryId, executionId: String(executionId), at: Date.now() });
        } catch {
          received.push({ raw: body, at: Date.now() });
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    server.listen(0, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}/emitted`;
      resolve(server);
    });
  });
}
const emittedCount = (id) => received.filter((r) => r.storedReportId === id).length;
const lastSeq = () => Math.max(0, ...sim.control.requests().map((e) => e.seq));
/** The trigger's polls (main lists the tenant's reports) outside the billing batches, whose executions list them too. */
const pollsAfter = (seq) => sim.control.requests().filter((e) => e.seq > seq && isReportList(e) && !inBatch(e)).length;

async function waitFor(what, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    const down = Object.entries(processes).filter(([name, p]) => name === 'main' && p.child && (p.child.exitCode !== null || p.child.signalCode !== null));
    if (down.length > 0) throw new Error(`n8n main exited while waiting for ${what}\n${logTail('main', 40)}`);
    await sleep(500);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}\n${allTails()}`);
}

/** Waits until no execution of the trigger workflow is queued or running. */
async function settle() {
  await waitFor('the trigger\'s executions to finish', () => executionsOf(TRIGGER_WORKFLOW_ID).every((e) => !['new', 'running', 'waiting'].includes(e.status)), 120_000);
}

/** The stored ids of a report's files once both are saved (read from the simulator's API as a client would). */
async function waitForFilesOf(reportId) {
  const saved = await testClient().waitForStoredReports(reportId, { timeoutMs: 60_000 });
  return saved.map((item) => item.id);
}

function countPerWorker(executions, byWorker) {
  const counts = { 'worker-1': 0, 'worker-2': 0 };
  for (const e of executions) for (const name of byWorker.get(e.id) ?? []) counts[name] += 1;
  return counts;
}

function printTable() {
  const header = ['run', 'executions', 'worker-1', 'worker-2', 'wall time', 'failures', 'duplicates'];
  const rows = table.map((r) => [r.run, String(r.executions), String(r.perWorker['worker-1']), String(r.perWorker['worker-2']), seconds(r.wall), String(r.failures), String(r.duplicates)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const row of rows) console.log(line(row));
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
log(`finished in ${seconds(Date.now() - started)}`);
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}`);
console.log('');
printTable();
if (tokenSummary) console.log(`tokens: ${tokenSummary}`);
if (binaryNote) console.log(`binary data: ${binaryNote}`);
console.log(`stage wall time: ${seconds(Date.now() - started)}`);
console.log(`n8n-queue: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
