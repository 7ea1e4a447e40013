// How the simulator's cost per request grows with a tenant's report count: start-up, the tenant's id list, and
// GET /reports/{id} at 50 and at 5,000 history reports (and their ratio, which should stay near 1).
//   node bench/history.mjs          (from packages/simulator, after a build; `pnpm bench` at the root runs it too)
//   BENCH_HISTORY_COUNTS=50,5000,20000 ...    other report counts (the first is the baseline of the ratio)
// Prints a table and a last `BENCH {...}` line; exits 0 unless something crashes.
import { createSimulator } from '../dist/index.js';

const counts = (process.env.BENCH_HISTORY_COUNTS ?? '50,5000').split(',').map(Number);
if (counts.length < 2 || !counts.every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error(`BENCH_HISTORY_COUNTS must be two or more positive integers, not ${process.env.BENCH_HISTORY_COUNTS}`);
}
const gets = 400;
const lists = 20;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timed(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function measure(count) {
  let sim;
  const startMs = await timed(async () => {
    sim = await createSimulator({ now: '2026-11-15T12:00:00Z', historyReports: count });
  });
  try {
    const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64');
    const tokenAnswer = await fetch(`${sim.apiBaseUrl}/idp/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const headers = { authorization: `Bearer ${(await tokenAnswer.json()).access_token}` };
    const get = async (path) => {
      const response = await fetch(`${sim.apiBaseUrl}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
      return response.json();
    };
    let ids = [];
    const listMs = [];
    for (let i = 0; i < lists; i++) listMs.push(await timed(async () => (ids = (await get(`/tenants/${sim.tenantId}/reports`)).items)));
    const getMs = [];
    // Warm up the connection and the JIT before measuring.
    for (let i = 0; i < 50; i++) await get(`/reports/${ids[i % ids.length]}`);
    for (let i = 0; i < gets; i++) getMs.push(await timed(() => get(`/reports/${ids[(i * 7919) % ids.length]}`)));
    return { count, startMs, listMedianMs: median(listMs), getMedianMs: median(getMs), memoryMb: process.memoryUsage().heapUsed / 2 ** 20 };
  } finally {
    await sim.close();
  }
}

const results = [];
for (const count of counts) results.push(await measure(count));
const base = results[0];
console.log('history reports  start-up ms  list ids ms (median)  GET /reports/{id} ms (median)  ratio to first');
for (const r of results) {
  console.log(
    `${String(r.count).padStart(15)}  ${r.startMs.toFixed(0).padStart(11)}  ${r.listMedianMs.toFixed(2).padStart(20)}  ${r.getMedianMs
      .toFixed(3)
      .padStart(29)}  ${(r.getMedianMs / base.getMedianMs).toFixed(2).padStart(14)}`,
  );
}
console.log(`BENCH ${JSON.stringify({ history: results.map((r) => ({ ...r, getRatio: r.getMedianMs / base.getMedianMs })) })}`);
