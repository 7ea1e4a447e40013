// 2. Token requests for 1000 concurrent calls of a fresh client: the token must be fetched once for all of them.
import { createReportsClient } from '../dist/node/index.js';
import { credentialsOf, loggedTime, reportBody } from './common.mjs';

export async function measureTokens(sim, { calls = 1000 } = {}) {
  const report = await createReportsClient(credentialsOf(sim)).createReport(reportBody(sim.tenantId, ['csv_v2_0']));
  const client = createReportsClient(credentialsOf(sim));
  sim.control.clearRequests();
  const started = performance.now();
  const reports = await Promise.all(Array.from({ length: calls }, () => client.getReport(report.id)));
  const wallMs = performance.now() - started;
  const tokens = loggedTime(sim, 'requestToken');
  const gets = loggedTime(sim, 'fetchReport');
  sim.control.clearRequests();
  const answered = reports.filter((answer) => answer?.id === report.id).length;
  return {
    calls,
    answered,
    tokenRequests: tokens.count,
    getRequests: gets.count,
    getFailures: gets.statuses.filter((status) => status !== 200).length,
    wallMs: Math.round(wallMs),
    goal: 1,
  };
}
