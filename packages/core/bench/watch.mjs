// 6. A trigger's polls (pollWatch) over a tenant with 50, 500 and 5,000 reports of history (the simulator's
// historyReports), on the SIMULATED clock, one poll a simulated minute: requests per poll, polls until every
// report is classified, and the state's size. Then one poll at 5,000 reports with 300 ms added to every request,
// in real time: what a Zapier step (30 s) sees.
//   node bench/watch.mjs     (this section alone, after a build)
import { createSimulator } from '@acronis-reports/simulator';
import { createReportsClient } from '../dist/node/index.js';
import { advance, credentialsOf, midday, simulatedRuntime } from './common.mjs';

const sizes = [50, 500, 5000];
const budget = 30;
const latencyMs = 300;

export async function measureWatch() {
  const rows = [];
  for (const reports of sizes) rows.push(await pollsAt(reports));
  return { budget, rows, slow: await slowPoll(5000), goals: { sameBound: budget, zapierStepMs: 30_000 } };
}

async function pollsAt(reports) {
  const sim = await createSimulator({ now: midday, historyReports: reports, config: { generationDelayMs: 2000, listDelayMs: 200 } });
  try {
    const client = createReportsClient(credentialsOf(sim), { runtime: simulatedRuntime(sim), timeoutMs: 0 });
    await client.getOwnTenantId(); // looked up once per client; kept by the hosts
    const counts = [];
    let state;
    let result;
    let baselineBytes = 0;
    do {
      const before = sim.control.requests().length;
      result = await client.pollWatch({ event: 'saved', budget, state });
      const logged = sim.control.requests().slice(before).filter((entry) => entry.operationId !== 'requestToken' && entry.status !== 401).length;
      if (logged !== result.requests) throw new Error(`poll ${counts.length} said ${result.requests} requests, the simulator logged ${logged}: ${JSON.stringify(sim.control.requests().slice(before).map((e) => [e.operationId, e.status, e.fault]))}`);
      state = JSON.parse(JSON.stringify(result.state));
      if (counts.length === 0) baselineBytes = JSON.stringify(state).length;
      counts.push(result.requests);
      await advance(sim, 60_000);
    } while (result.pending > 0 && counts.length < 1000);
    const steady = [];
    for (let i = 0; i < 5; i += 1) {
      steady.push((await client.pollWatch({ event: 'saved', budget, state })).requests);
      await advance(sim, 60_000);
    }
    return {
      reports,
      before: 2 * reports + 1,
      first: counts[0],
      max: Math.max(...counts),
      steady: Math.max(...steady),
      pollsToClassify: counts.length,
      baselineStateBytes: baselineBytes,
      stateBytes: JSON.stringify(state).length,
    };
  } finally {
    await sim.close();
  }
}

/** Real time, every request 300 ms slower: the first poll and a classifying one, as Zapier would run them. */
async function slowPoll(reports) {
  const sim = await createSimulator({ now: midday, historyReports: reports });
  try {
    const client = createReportsClient(credentialsOf(sim));
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: latencyMs, path: '/api/2/**', always: true });
    const timed = async (state) => {
      const started = performance.now();
      const result = await client.pollWatch({ event: 'saved', budget, state });
      return { ms: Math.round(performance.now() - started), requests: result.requests, state: result.state };
    };
    const first = await timed(undefined);
    const second = await timed(first.state);
    const sample = performance.now();
    const found = await client.sampleWatch({ event: 'saved', budget, limit: 3 });
    return { reports, latencyMs, firstMs: first.ms, firstRequests: first.requests, classifyingMs: second.ms, classifyingRequests: second.requests, sampleMs: Math.round(performance.now() - sample), sampleRequests: found.requests };
  } finally {
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printWatch } = await import('./report.mjs');
  printWatch(await measureWatch());
}
