// 4. Polling on the SIMULATED clock: a report that takes 2 minutes to generate, waited for by the client's
// waitForStoredReports and by the vendor samples' loop (GET /reports/{id}/stored every 2 s).
import { createReportsClient } from '../dist/node/index.js';
import { advance, bareToken, credentialsOf, loggedTime, reportBody, round, simulatedRuntime } from './common.mjs';

const generationDelayMs = 120_000;
const vendorIntervalMs = 2_000;
const formats = ['csv_v2_0', 'json_v2_0'];

export async function measurePolling(sim) {
  const config = sim.control.getConfig();
  sim.control.updateConfig({ generationDelayMs, listDelayMs: 3_000, fileTargetBytes: null });
  try {
    const runtime = simulatedRuntime(sim);
    // simulated sleeps return at once, so a timeout running on them would fire at once: none here
    const client = createReportsClient(credentialsOf(sim), { runtime, timeoutMs: 0 });
    return { generationDelayMs, client: await clientWait(sim, client, runtime), vendor: await vendorLoop(sim, client), goals: { fewerRequestsFactor: 3, noticeDelayMs: 10_000 } };
  } finally {
    sim.control.updateConfig({ generationDelayMs: config.generationDelayMs, listDelayMs: config.listDelayMs });
  }
}

const simulatedNow = (sim) => Date.parse(sim.control.now());

async function clientWait(sim, client, runtime) {
  const before = simulatedNow(sim); // the generation starts when the create is answered, a few real ms later
  const report = await client.createReport(reportBody(sim.tenantId, formats));
  sim.control.clearRequests();
  let polls = 0;
  const items = await client.waitForStoredReports(report.id, { onProgress: (progress) => (polls = progress.polls) });
  const noticedAt = simulatedNow(sim);
  if (!items.every((item) => item.status === 'saved')) throw new Error('the client returned before every file was saved');
  const result = {
    storedListRequests: loggedTime(sim, 'fetchStoredReports').count,
    reportRequests: loggedTime(sim, 'fetchReport').count,
    polls,
    noticeDelayMs: noticedAt - (before + generationDelayMs),
    pauses: runtime.sleeps.map((ms) => round(ms, 0)),
  };
  sim.control.clearRequests();
  return result;
}

async function vendorLoop(sim, client) {
  const before = simulatedNow(sim);
  const report = await client.createReport(reportBody(sim.tenantId, formats));
  const headers = { authorization: `Bearer ${await bareToken(sim)}` };
  sim.control.clearRequests();
  for (let polls = 1; polls <= 1000; polls += 1) {
    const response = await fetch(`${sim.apiBaseUrl}/reports/${report.id}/stored`, { headers });
    if (!response.ok) throw new Error(`stored list answered ${response.status}`);
    const { items } = await response.json();
    if (items.length >= formats.length && items.every((item) => item.status === 'saved')) {
      const result = { storedListRequests: loggedTime(sim, 'fetchStoredReports').count, polls, noticeDelayMs: simulatedNow(sim) - (before + generationDelayMs), intervalMs: vendorIntervalMs };
      sim.control.clearRequests();
      return result;
    }
    await advance(sim, vendorIntervalMs);
  }
  throw new Error('the vendor loop gave up after 1000 polls');
}
