// The soak: many create -> wait -> download-every-format flows against the simulator, with faults injected into
// about a tenth of all requests, counting how each flow ends. Shared by `pnpm soak` (run.mjs, on the built
// package) and a short run inside the tests (on the sources): the client factory is handed in.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const allFormats = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'];
const months = ['2026-06', '2026-07', '2026-08', '2026-09'];

/** A small seeded generator (mulberry32), so a run can be repeated. */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every fault the simulator injects into a request, transient ones all: status answers (with and without
 * Retry-After), connections dropped before and after the work is done, bodies cut mid-way (JSON and files),
 * latency below the attempt timeout and above it.
 */
export function faultKinds(timeoutMs) {
  return [
    { name: '429', spec: { type: 'status', status: 429, retryAfter: 0 } },
    { name: '500', spec: { type: 'status', status: 500 } },
    { name: '502', spec: { type: 'status', status: 502 } },
    { name: '503', spec: { type: 'status', status: 503 } },
    { name: '504', spec: { type: 'status', status: 504 } },
    { name: 'drop-before', spec: { type: 'drop' } },
    { name: 'drop-after', spec: { type: 'drop', phase: 'after' } },
    { name: 'truncate', spec: { type: 'truncate', fraction: 0.5 } },
    { name: 'truncate-early', spec: { type: 'truncate', fraction: 0.05 } },
    { name: 'latency', spec: { type: 'latency', delayMs: Math.round(timeoutMs / 5) } },
    { name: 'timeout', spec: { type: 'latency', delayMs: timeoutMs * 3 } },
  ];
}

/** The host's timers with the simulator's clock, so the months asked for never depend on the day the soak runs. */
const onSimulatorClock = (runtime, sim) => ({ ...runtime, now: () => Date.parse(sim.control.now()) });

/**
 * Runs `flows` flows, `concurrency` at a time, on one client (so identical creates are in flight together).
 * `createClient(credentials, options)` is the Node entry's createReportsClient, `saveDownload` its file helper,
 * `runtime` its nodeRuntime.
 */
export async function runSoak({ sim, createClient, saveDownload, runtime, flows = 300, concurrency = 8, faultRate = 0.1, seed = 1, timeoutMs = 2000, log = () => {} }) {
  const random = seeded(seed);
  const kinds = faultKinds(timeoutMs);
  const injected = {};
  const faulting = async (request) => {
    if (random() < faultRate) {
      const kind = kinds[Math.floor(random() * kinds.length)];
      const path = new URL(request.url).pathname;
      sim.control.addFault({ ...kind.spec, method: request.method, path, times: 1 });
      injected[kind.name] = (injected[kind.name] ?? 0) + 1;
    }
    return fetch(request);
  };
  const client = createClient(
    { baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
    { runtime: onSimulatorClock(runtime, sim), fetch: faulting, timeoutMs, retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 100, budgetMs: 20_000 }, wait: { initialDelayMs: 20, maxDelayMs: 100, timeoutMs: 60_000 } },
  );
  const clean = createClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, { runtime: onSimulatorClock(runtime, sim) });
  const before = new Set(await clean.listTenantReportIds(sim.tenantId));
  const directory = mkdtempSync(join(tmpdir(), 'core-soak-'));

  const outcome = { flows, ok: 0, typed: {}, untyped: [], files: 0, corrupt: 0, strayFiles: 0, handedTwice: 0, unclaimedReports: 0, injected };
  const returned = new Map();
  let outcomeUnknown = 0;
  let next = 0;
  const flow = async (index) => {
    const month = months[index % months.length];
    const folder = join(directory, String(index));
    try {
      const report = await client.createBillingReport({ month, formats: allFormats });
      returned.set(report.id, (returned.get(report.id) ?? 0) + 1);
      const stored = await client.waitForStoredReports(report.id);
      for (const item of stored) {
        const saved = await saveDownload(await client.downloadStoredReport(report.id, item, { report }), join(folder, item.report_format));
        outcome.files += 1;
        const expected = await sim.control.storedFile(item.id);
        const sha256 = createHash('sha256').update(readFileSync(saved.path)).digest('hex');
        if (sha256 !== expected.sha256 || saved.bytes !== expected.bytes) outcome.corrupt += 1;
      }
      outcome.ok += 1;
    } catch (error) {
      const code = error?.code;
      if (typeof code === 'string' && error?.name !== 'TypeError' && error instanceof Error && 'summary' in error) {
        outcome.typed[code] = (outcome.typed[code] ?? 0) + 1;
        if (code === 'create_outcome_unknown') outcomeUnknown += 1;
      } else {
        outcome.untyped.push(`${error?.name}: ${error?.message}`);
      }
    }
    // whatever happened, no file may look complete unless it is: only whole files, under their own names
    try {
      outcome.strayFiles += readdirSync(folder).filter((name) => !allFormats.includes(name)).length;
    } catch {
      // no folder: nothing was saved
    }
  };
  const worker = async () => {
    while (next < flows) {
      const index = next++;
      await flow(index);
      if ((index + 1) % 50 === 0) log(`${index + 1} / ${flows} flows`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  sim.control.clearFaults();
  const made = (await clean.listTenantReportIds(sim.tenantId)).filter((id) => !before.has(id));
  outcome.handedTwice = [...returned.values()].filter((count) => count > 1).length;
  // reports nobody got back beyond those a create-outcome-unknown flow may have made: a create made twice
  outcome.unclaimedReports = Math.max(0, made.filter((id) => !returned.has(id)).length - outcomeUnknown);
  outcome.doubled = outcome.handedTwice + outcome.unclaimedReports;
  return outcome;
}

export function printSoak(outcome, print = console.log) {
  const typed = Object.entries(outcome.typed).map(([code, count]) => `${code} ${count}`).join(', ') || 'none';
  print(`soak: ${outcome.flows} flows, faults injected ${Object.values(outcome.injected).reduce((a, b) => a + b, 0)} (${Object.entries(outcome.injected).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  print(`  ok           ${outcome.ok} / ${outcome.flows}`);
  print(`  typed        ${typed}`);
  print(`  untyped      ${outcome.untyped.length}${outcome.untyped.length ? ` (${[...new Set(outcome.untyped)].slice(0, 3).join('; ')})` : ''}`);
  print(`  doubled      ${outcome.doubled} (reports handed to two flows: ${outcome.handedTwice}; made but handed to none: ${outcome.unclaimedReports})`);
  print(`  corrupt      ${outcome.corrupt} of ${outcome.files} files (and ${outcome.strayFiles} partial files left)`);
}
