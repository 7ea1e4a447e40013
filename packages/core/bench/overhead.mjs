// 1. Per-call overhead: client.getReport(id) against a bare fetch GET of the same endpoint with a bearer token.
// A third side, openapi-fetch alone (the same typed call core makes, over the bare fetch, with nothing of core),
// splits the overhead between the library core is built on and core's own layers.
import createClient from 'openapi-fetch';
import { createReportsClient } from '../dist/node/index.js';
import { bareToken, credentialsOf, loggedTime, median, reportBody, round } from './common.mjs';

const sides = ['bare', 'typed', 'client'];

export async function measureOverhead(sim, { rounds = 9, callsPerRound = 1500, warmupCalls = 2000 } = {}) {
  // the real defaults: Node runtime, retry and timeoutMs left unset
  const client = createReportsClient(credentialsOf(sim));
  const report = await client.createReport(reportBody(sim.tenantId, ['csv_v2_0']));
  const url = `${sim.apiBaseUrl}/reports/${report.id}`;
  const headers = { authorization: `Bearer ${await bareToken(sim)}` };
  const typed = createClient({ baseUrl: sim.apiBaseUrl, headers });

  const call = {
    bare: async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`bare GET answered ${response.status}`);
      await response.json();
    },
    typed: async () => {
      const { data, response } = await typed.GET('/reports/{report_id}', { params: { path: { report_id: report.id } } });
      if (!data) throw new Error(`openapi-fetch GET answered ${response.status}`);
    },
    client: () => client.getReport(report.id),
  };

  for (const side of sides) for (let i = 0; i < warmupCalls; i += 1) await call[side]();

  const usPerCall = Object.fromEntries(sides.map((side) => [side, []]));
  const simulator = Object.fromEntries(sides.map((side) => [side, { count: 0, handlingMs: 0 }]));
  for (let r = 0; r < rounds; r += 1) {
    // rotate which side goes first, so that drift (JIT, GC, heat) falls on all of them
    for (const side of sides.map((_, i) => sides[(i + r) % sides.length])) {
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

  const figures = (name) => {
    const us = median(usPerCall[name]);
    const simulatorUs = (simulator[name].handlingMs * 1000) / simulator[name].count;
    return { medianUs: round(us, 1), roundsUs: usPerCall[name].map((v) => round(v, 1)), simulatorUs: round(simulatorUs, 1), clientSideUs: round(us - simulatorUs, 1) };
  };
  const [bare, typedSide, clientSide] = sides.map(figures);
  return {
    rounds,
    callsPerRound,
    bare,
    typed: typedSide,
    client: clientSide,
    ratio: round(clientSide.medianUs / bare.medianUs),
    clientSideRatio: round(clientSide.clientSideUs / bare.clientSideUs),
    typedRatio: round(typedSide.medianUs / bare.medianUs),
    coreOwnRatio: round(clientSide.medianUs / typedSide.medianUs),
    goal: 1.1,
  };
}
