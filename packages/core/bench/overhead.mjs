// 1. Per-call overhead: client.getReport(id) against a bare fetch GET of the same endpoint with a bearer token.
import { createReportsClient } from '../dist/node/index.js';
import { bareToken, credentialsOf, loggedTime, median, reportBody, round } from './common.mjs';

export async function measureOverhead(sim, { rounds = 5, callsPerRound = 1000, warmupCalls = 1000 } = {}) {
  // the real defaults: Node runtime, retry and timeoutMs left unset
  const client = createReportsClient(credentialsOf(sim));
  const report = await client.createReport(reportBody(sim.tenantId, ['csv_v2_0']));
  const url = `${sim.apiBaseUrl}/reports/${report.id}`;
  const headers = { authorization: `Bearer ${await bareToken(sim)}` };

  const call = {
    bare: async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`bare GET answered ${response.status}`);
      await response.json();
    },
    client: () => client.getReport(report.id),
  };

  for (const side of ['bare', 'client']) for (let i = 0; i < warmupCalls; i += 1) await call[side]();

  const usPerCall = { bare: [], client: [] };
  const simulator = { bare: { count: 0, handlingMs: 0 }, client: { count: 0, handlingMs: 0 } };
  for (let r = 0; r < rounds; r += 1) {
    // alternate which side goes first, so that drift (JIT, GC, heat) falls on both
    for (const side of r % 2 === 0 ? ['bare', 'client'] : ['client', 'bare']) {
      sim.control.clearRequests();
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i += 1) await call[side]();
      const elapsedMs = performance.now() - started;
      const logged = loggedTime(sim, 'fetchReport');
      if (logged.count !== callsPerRound) throw new Error(`${side}: the simulator logged ${logged.count} fetchReport requests, expected ${callsPerRound}`);
      usPerCall[side].push((elapsedMs * 1000) / callsPerRound);
      simulator[side].count += logged.count;
      simulator[side].handlingMs += logged.handlingMs;
    }
  }
  sim.control.clearRequests();

  const side = (name) => {
    const us = median(usPerCall[name]);
    const simulatorUs = (simulator[name].handlingMs * 1000) / simulator[name].count;
    return { medianUs: round(us, 1), roundsUs: usPerCall[name].map((v) => round(v, 1)), simulatorUs: round(simulatorUs, 1), clientSideUs: round(us - simulatorUs, 1) };
  };
  const bare = side('bare');
  const clientSide = side('client');
  return {
    rounds,
    callsPerRound,
    bare,
    client: clientSide,
    ratio: round(clientSide.medianUs / bare.medianUs),
    clientSideRatio: round(clientSide.clientSideUs / bare.clientSideUs),
    goal: 1.1,
  };
}
